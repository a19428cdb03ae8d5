/**
 * `npm run bench` (add `-- --json` for one JSON object on the last line).
 *
 * Starts the local stack on free ports with a synthetic GitHub organization
 * (100 engineers, 100,000 commits), builds a 100-member DevInsights
 * organization on it, and measures, in one run, the physical floor beside
 * what the product does on top of it. See docs/performance.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import pMap from 'p-map';
import { provideAppEnvironment } from '../src/config';
import { db } from '../src/repositories/dynamo';
import { memberPuts } from '../src/repositories/member-items';
import { routes } from '../src/routes';
import { startLocalStack } from '../test/support/local-stack-process';
import { measureMetrics100k } from './metrics.bench';
import { measureWeb } from './web.bench';
import { githubAppEnvironment, localGithubApp } from '../src/local/github-app-credentials';
import { apiCaller, connectGithub, enterpriseAdmin } from './stack-steps';
import { measureSync, queuesDrained, SYNC_ENGINEERS, SYNC_ORGANIZATION, syncFinished, syncLogin, syncOrganizationDataset } from './sync.bench';
import { benchLogin, BENCH_ORGANIZATION, syntheticDataset } from './synthetic-dataset';

const PEOPLE = 100;
const COMMITS_EACH = 1_000;
const SAMPLES = 500;
const DASHBOARD_SAMPLES = 50;
/** Dashboards read one right after another, their access-log writes still going (DynamoDB Local serializes them). */
const BACK_TO_BACK_SAMPLES = 20;
const json = process.argv.includes('--json');
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number) => Math.round(value * 100) / 100;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function bundleSizesKb(): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const route of routes) {
    const pdf = 'runtimeFiles' in route && route.runtimeFiles?.includes('pdfkit');
    const result = await build({
      entryPoints: [join('src/handlers', `${route.handler}.ts`)],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['@aws-sdk/*'],
      write: false,
      logLevel: 'error',
      ...(pdf ? { alias: { fontkit: './src/integrations/pdf/no-embedded-fonts.ts' }, define: { 'import.meta.url': '__bundleUrl' } } : {}),
    });
    sizes[`${route.method} ${route.path}`] = Math.round((result.outputFiles[0]?.contents.length ?? 0) / 1024);
  }
  return sizes;
}

/** People written straight into the table (signing up hundreds through Cognito would measure Cognito), as members with these logins. */
async function addEngineers(orgId: string, organizationName: string, logins: readonly string[]): Promise<void> {
  const joinedAt = Date.now();
  await pMap(
    logins,
    async (login) => {
      const tenant = { orgId, userId: `usr_${login}`, role: 'member' as const };
      const member = { email: `${login}@bench.test`, name: login, organizationName, githubUsername: login, joinedAt };
      await db().send(new TransactWriteCommand({ TransactItems: memberPuts(tenant, member) }));
    },
    { concurrency: 8 },
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'devinsights-bench-'));
  const datasetPath = join(dataDir, 'github-dataset.json');
  const benchData = syntheticDataset(PEOPLE, COMMITS_EACH, new Date());
  const syncData = syncOrganizationDataset(new Date());
  const dataset = Object.fromEntries(
    (['organizations', 'users', 'repositories', 'commits', 'pullRequests', 'issues'] as const).map((list) => [list, [...benchData[list], ...syncData[list]]]),
  );
  await writeFile(datasetPath, JSON.stringify(dataset));
  say(`dataset: ${PEOPLE} engineers × ${COMMITS_EACH} commits, and ${SYNC_ORGANIZATION} (200 engineers, 500 repositories) written`);
  const stack = await startLocalStack({ dataDir, env: { GITHUB_DATASET: datasetPath, LOG_LEVEL: 'error' } });
  try {
    const { manifest, ports } = stack;
    const githubUrl = `http://127.0.0.1:${ports.github}`;
    provideAppEnvironment({
      TABLE_NAME: manifest.tableName,
      DYNAMODB_ENDPOINT: manifest.dynamodbEndpoint,
      USER_POOL_ID: manifest.userPoolId,
      USER_POOL_CLIENT_ID: manifest.userPoolClientId,
      APP_SECRET: 'bench-only-secret-that-is-long-enough-32',
      GITHUB_API_URL: githubUrl,
      // The local GitHub App, so the sync below reads as the installation, as the worker will.
      ...githubAppEnvironment(await localGithubApp(dataDir)),
    });
    const call = apiCaller(manifest);

    // The organization: an admin through the API, 100 engineers straight into the table, then connected to its GitHub
    // organization: the first sync (the stack's worker on its queue) reads it and computes their analyses.
    const { token, orgId } = await enterpriseAdmin(call, manifest, 'bench-admin@bench.test', 'Bench Org');
    await addEngineers(orgId, 'Bench Org', Array.from({ length: PEOPLE }, (_, index) => benchLogin(index)));
    say(`organization: ${PEOPLE} engineers`);
    const firstCollection = await timed(async () => {
      await connectGithub(call, manifest, githubUrl, token, BENCH_ORGANIZATION);
      await syncFinished(call, token, null);
      await queuesDrained(manifest);
      await pMap(Array.from({ length: PEOPLE }, (_, index) => index), (index) => call(`/ai/code-quality/${benchLogin(index)}`, { token }), { concurrency: 4 });
    });
    say(`first sync and first analyses of ${PEOPLE} engineers: ${(firstCollection / 1000).toFixed(1)} s`);

    // The floor: raw GetItem round trips on DynamoDB Local.
    const floorKey = { PK: 'BENCH#floor', SK: 'item' };
    await db().send(new PutCommand({ TableName: manifest.tableName, Item: { ...floorKey, payload: 'x'.repeat(2_000) } }));
    const getItems: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) getItems.push(await timed(() => db().send(new GetCommand({ TableName: manifest.tableName, Key: floorKey }))));

    // Cached reads through the local HTTP server.
    const reads: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) reads.push(await timed(() => call(`/ai/code-quality/${benchLogin(i % PEOPLE)}`, { token })));

    const concurrent = await Promise.all(Array.from({ length: 200 }, (_, i) => call(`/ai/code-quality/${benchLogin(i % PEOPLE)}`, { token })));
    const concurrent200Errors = concurrent.filter((response) => response.status !== 200).length;

    const dashboard = await call(`/ai/team-performance/${orgId}`, { token });

    // A refresh answers from stored activity and queues a read of the person's repositories: GitHub is asked there, with ETags.
    await fetch(`${githubUrl}/_emulator/stats/reset`, { method: 'POST' });
    await call(`/ai/code-quality/${benchLogin(0)}?refresh=true`, { token });
    await queuesDrained(manifest);
    const stats = (await (await fetch(`${githubUrl}/_emulator/stats`)).json()) as { total: number; byStatus: Record<string, number> };

    // The organization sync at a customer's size: another organization, its own installation, its 200 engineers.
    const syncAdmin = await enterpriseAdmin(call, manifest, 'sync-admin@bench.test', 'Sync Org');
    await addEngineers(syncAdmin.orgId, 'Sync Org', Array.from({ length: SYNC_ENGINEERS }, (_, index) => syncLogin(index)));
    const sync = await measureSync(call, manifest, githubUrl, syncAdmin.token);
    say(`sync of ${SYNC_ORGANIZATION}: ${sync.syncColdRequests} requests cold (${sync.syncColdSeconds} s), ${sync.syncUnchangedRequests} unchanged`);
    await queuesDrained(manifest);
    const dashboards200: number[] = [];
    const readDashboard200 = () => call(`/ai/team-performance/${syncAdmin.orgId}`, { token: syncAdmin.token });
    // The first read after the sync builds the team analysis from the 200 stored analyses; later ones reuse it.
    const firstStarted = performance.now();
    let dashboard200 = await readDashboard200();
    const dashboard200FirstMs = performance.now() - firstStarted;
    for (let i = 0; i < DASHBOARD_SAMPLES; i += 1) {
      // Each read queues its access-log entries; DynamoDB Local runs their writes one at a time, which a table on
      // AWS does not, so each sample waits for the last one's to be written.
      await queuesDrained(manifest);
      dashboards200.push(await timed(async () => (dashboard200 = await readDashboard200())));
    }
    const backToBack: number[] = [];
    for (let i = 0; i < BACK_TO_BACK_SAMPLES; i += 1) backToBack.push(await timed(() => readDashboard200()));

    // Sarah's screen over the same 200-engineer organization: the web app served by the stack, in Chromium.
    if (!manifest.webUrl) throw new Error('The bench stack serves no web app');
    const web = await measureWeb(manifest.webUrl, join('web', 'dist'), { email: 'sync-admin@bench.test', password: 'BenchPass123' });
    say(`web: dashboard ${web.webDashboardGzipKb} KB gzip, interactive in ${web.dashboardInteractiveMs} ms (${web.dashboardInteractiveColdMs} ms cold)`);

    const metrics = measureMetrics100k();
    const bundles = await bundleSizesKb();
    const result = {
      getItemP50Ms: round(percentile(getItems, 50)),
      getItemP99Ms: round(percentile(getItems, 99)),
      cachedReadP50Ms: round(percentile(reads, 50)),
      cachedReadP99Ms: round(percentile(reads, 99)),
      cachedReadRatioP99: round(percentile(reads, 99) / percentile(getItems, 99)),
      cachedReadDdbCalls: (await call(`/ai/code-quality/${benchLogin(1)}`, { token })).calls,
      dashboardDdbCalls100: dashboard.calls,
      dashboardStatus: dashboard.status,
      dashboardPending: dashboard.body?.pending?.length ?? null,
      refreshUnchangedGithubCalls: stats.total,
      refreshUnchanged304s: stats.byStatus['304'] ?? 0,
      metrics100kMs: round(metrics.medianMs),
      maxBundleKb: Math.max(...Object.values(bundles)),
      concurrent200Errors,
      firstCollectionOf100S: round(firstCollection / 1000),
      ...sync,
      dashboard200DdbCalls: dashboard200.calls,
      dashboard200Ms: round(percentile(dashboards200, 50)),
      dashboard200FirstMs: round(dashboard200FirstMs),
      dashboard200BackToBackMs: round(percentile(backToBack, 50)),
      dashboard200Members: dashboard200.body?.totalMembers ?? null,
      ...web,
      totalSeconds: round((performance.now() - started) / 1000),
    };
    say('');
    say('| measure | value | goal |');
    say('|---|---|---|');
    const goals: Record<string, string> = {
      cachedReadRatioP99: '≤ 3',
      dashboardDdbCalls100: '≤ 1 Query + 1 BatchGet per 100 + writes',
      refreshUnchanged304s: `= refreshUnchangedGithubCalls`,
      metrics100kMs: '< 250',
      maxBundleKb: '≤ 1024',
      concurrent200Errors: '0',
      syncColdRequests: '≤ 1000',
      syncColdSearches: '0',
      syncColdSeconds: '≤ 60',
      syncUnchangedRequests: '≤ 70, each a 304 or an empty page',
      dashboard200DdbCalls: '≤ 1 Query + 1 BatchGet per 100 + its write',
      dashboard200Ms: '< 50 (p50)',
      webDashboardGzipKb: '≤ 300',
      dashboardInteractiveMs: '< 1000',
    };
    for (const [name, value] of Object.entries(result)) say(`| ${name} | ${value} | ${goals[name] ?? ''} |`);
    say('');
    say(`bundles (KB): ${Object.entries(bundles).map(([route, kb]) => `${route} ${kb}`).join('; ')}`);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
