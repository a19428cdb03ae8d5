import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_ACTIONS, WRITE_ACTIONS } from '../../lib/constructs/app-table';
import { jobs } from '../../src/jobs';
import { type Capability, COGNITO_ADMIN_ACTIONS, routeKey, routes } from '../../src/routes';
import { synthesizedBundleDirs } from './template-helpers';

/** The bundles as the CDK builds them (minified, tree-shaken, the AWS SDK left out), by route key or job name. */
let assetDirs: Map<string, string>;
const bundleOf = (key: string): string => readFileSync(join(assetDirs.get(key) ?? '', 'index.js'), 'utf8');

beforeAll(() => {
  assetDirs = synthesizedBundleDirs();
}, 180_000);

/**
 * What a bundle's code can reach. esbuild drops every function no handler
 * reaches, and the AWS SDK stays outside the bundle, so a command the code
 * can send survives as a property of the SDK module (`x.AdminGetUserCommand`)
 * and a secret it can read as `config().secrets.<name>`
 * (src/integrations/secrets.ts).
 */
const found = (bundle: string, pattern: RegExp): string[] => [...new Set([...bundle.matchAll(pattern)].map((match) => match[1] ?? ''))].sort();
const commandsIn = (bundle: string): string[] => found(bundle, /\.(\w+)Command\b/g);
const declared = (uses: readonly Capability[], kind: string): string[] =>
  uses.filter((use) => use.startsWith(`${kind}:`)).map((use) => use.slice(kind.length + 1)).sort();
const byRoute = routes.map((route) => [routeKey(route), route] as const);
const byJob = jobs.map((job) => [`the job ${job.name}`, job] as const);
const adminActionsIn = (bundle: string): string[] =>
  commandsIn(bundle).filter((command) => (COGNITO_ADMIN_ACTIONS as readonly string[]).includes(command));
/** SendMessage and SendMessageBatch: what `enqueue` and `enqueueMany` (src/integrations/queue.ts) send. */
const sendsToQueues = (bundle: string): boolean => commandsIn(bundle).some((command) => command === 'SendMessage' || command === 'SendMessageBatch');
const declaresQueueSend = (uses: readonly Capability[]): boolean => uses.some((use) => use.startsWith('queue:send:'));
/** What `scheduleOrganization` and `unscheduleOrganization` (src/integrations/schedules-aws.ts) send. */
const writesSchedules = (bundle: string): boolean => commandsIn(bundle).some((command) => ['CreateSchedule', 'UpdateSchedule', 'DeleteSchedule'].includes(command));
const declaresSchedule = (uses: readonly Capability[]): boolean => uses.some((use) => use.startsWith('schedule:'));
const secretsIn = (bundle: string): string[] => found(bundle, /\.secrets\.(app|githubApp|githubWebhook|github|model)\b/g);

/** A pair from unhomoglyph's confusables table (Cyrillic а → Latin a), as esbuild writes the inlined JSON. */
const CONFUSABLES_TABLE = /(?:"?\\u0430"?|"а"):"a"/;

describe('what rides in each bundle', () => {
  it.each(byRoute)('It should ship the confusables table (about 100 KB) only with signup: %s', (key) => {
    expect(CONFUSABLES_TABLE.test(bundleOf(key))).toBe(key === 'POST /auth/signup');
  });
});

describe('what each route and job declares against what its code sends', () => {
  it.each(byRoute)('It should declare for %s exactly the Cognito admin actions its bundle sends', (key, route) => {
    expect(adminActionsIn(bundleOf(key))).toEqual(declared(route.uses, 'cognito'));
  });

  it.each(byRoute)('It should declare for %s exactly the secrets its bundle reads', (key, route) => {
    expect(secretsIn(bundleOf(key))).toEqual(declared(route.uses, 'secret'));
  });

  it.each(byJob)('It should declare for %s exactly the Cognito admin actions its bundle sends', (_, job) => {
    expect(adminActionsIn(bundleOf(job.name))).toEqual(declared(job.uses, 'cognito'));
  });

  it.each(byJob)('It should declare for %s exactly the secrets its bundle reads', (_, job) => {
    expect(secretsIn(bundleOf(job.name))).toEqual(declared(job.uses, 'secret'));
  });

  it.each([...byRoute, ...byJob])('It should declare queue:send for %s exactly when its bundle sends to a queue', (key, entry) => {
    expect(sendsToQueues(bundleOf(key.replace(/^the job /, '')))).toBe(declaresQueueSend(entry.uses));
  });

  it.each([...byRoute, ...byJob])('It should declare schedule: for %s exactly when its bundle writes organization schedules', (key, entry) => {
    expect(writesSchedules(bundleOf(key.replace(/^the job /, '')))).toBe(declaresSchedule(entry.uses));
  });

  it('It should bundle the sweep worker with only the calls it makes, and without the route table', () => {
    const bundle = bundleOf('sweep-expired-signups');
    expect(statSync(join(assetDirs.get('sweep-expired-signups') ?? '', 'index.js')).size).toBeLessThan(200 * 1024);
    expect(commandsIn(bundle)).toEqual(['AdminDeleteUser', 'Delete', 'Get', 'Query', 'TransactWrite']);
    expect(bundle).not.toContain('/auth/signup');
  });

  it('It should send no Admin command that the route table cannot declare', () => {
    const sent = [...assetDirs.keys()].flatMap((key) => commandsIn(bundleOf(key))).filter((command) => command.startsWith('Admin'));
    expect(sent.filter((command) => !(COGNITO_ADMIN_ACTIONS as readonly string[]).includes(command))).toEqual([]);
    expect(sent).toContain('AdminUpdateUserAttributes');
  });

  it('It should grant exactly the DynamoDB actions some bundle sends (no ConditionCheckItem)', () => {
    const SENT_AS: Record<string, readonly string[]> = {
      Get: ['GetItem'],
      BatchGet: ['BatchGetItem'],
      Query: ['Query'],
      Put: ['PutItem'],
      Update: ['UpdateItem'],
      Delete: ['DeleteItem'],
      BatchWrite: ['BatchWriteItem'],
      Scan: ['Scan'],
      // A transaction is granted by the actions of its parts: here Put, Update and Delete, never a ConditionCheck.
      TransactWrite: ['PutItem', 'UpdateItem', 'DeleteItem'],
    };
    const bundles = [...assetDirs.keys()].map(bundleOf);
    expect(bundles.some((bundle) => /\bConditionCheck:/.test(bundle))).toBe(false);
    const needed = [...new Set(bundles.flatMap(commandsIn).flatMap((command) => SENT_AS[command] ?? []))].sort();
    const granted = [...READ_ACTIONS, ...WRITE_ACTIONS].map((action) => action.replace('dynamodb:', '')).sort();
    expect(granted).toEqual(needed);
  });
});

/**
 * The PDF routes bundle pdfkit, which reads fonts and a colour profile from
 * files at run time: they must ship beside the bundle (the bundle resolves
 * them through the package.json written next to it).
 */
const pdfRoutes = routes.filter((route) => 'runtimeFiles' in route && route.runtimeFiles?.includes('pdfkit')).map(routeKey);

describe('the PDF Lambdas', () => {
  it('exist for the PDF download and the report email', () => {
    expect(pdfRoutes.sort()).toEqual(['GET /reports/{reportId}/pdf', 'POST /reports/{reportId}/email']);
  });

  it.each(pdfRoutes)('ship pdfkit’s fonts and colour profile with %s', (route) => {
    const dir = assetDirs.get(route) ?? '';
    expect(existsSync(join(dir, 'standard-fonts', 'Helvetica.cjs'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'sRGB_IEC61966_2_1.icc'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      imports: { '#standard-fonts/*': './standard-fonts/*.cjs' },
    });
  });

  it.each(pdfRoutes)('keep %s under 1 MB without the embedded-font machinery', (route) => {
    const bundle = readFileSync(join(assetDirs.get(route) ?? '', 'index.js'), 'utf8');
    expect(statSync(join(assetDirs.get(route) ?? '', 'index.js')).size).toBeLessThan(1024 * 1024);
    expect(bundle).toContain('Embedded fonts are not bundled');
  });

  it('leave every other route and job without those files', () => {
    const others = [...assetDirs].filter(([route]) => !pdfRoutes.includes(route));
    expect(others.length).toBeGreaterThan(10);
    for (const [, dir] of others) expect(existsSync(join(dir, 'standard-fonts'))).toBe(false);
  });
});
