/**
 * The organization sync at a real customer's size (issue #12): 200
 * engineers, 500 repositories of which 60 were pushed to in the window,
 * each engineer with 50 commits and 5 pull requests with one review in the window (5 more in the window before), each
 * active repository with 8 deployments over both windows (the flow
 * metrics' window and the one before), and the organization's members.
 * Measures a cold sync and an unchanged one against the GitHub emulator,
 * through the local stack's queue and worker, storing into DynamoDB Local.
 */
import type { LocalStackManifest } from '../src/local/manifest';
import { pollUntil } from '../test/support/polling';
import { seeded as random } from '../test/support/seeded-random';
import { connectGithub, type Call } from './stack-steps';

const DAY = 86_400_000;
export const SYNC_ORGANIZATION = 'synccorp';
const ENGINEERS = 200;
const REPOSITORIES = 500;
const ACTIVE = 60;
const DEPLOYMENTS_EACH = 8;
const DEPLOYMENT_STATES = ['success', 'success', 'success', 'failure', 'success', 'error', 'success', 'in_progress'];
export const SYNC_ENGINEERS = ENGINEERS;
export const syncLogin = (index: number) => `sync-dev-${String(index).padStart(3, '0')}`;

export function syncOrganizationDataset(now: Date) {
  const next = random(11);
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const at = () => now.getTime() - DAY - Math.floor(next() * 80 * DAY);
  const before = () => now.getTime() - 95 * DAY - Math.floor(next() * 80 * DAY);
  const repositories = Array.from({ length: REPOSITORIES }, (_, index) => ({
    owner: SYNC_ORGANIZATION, name: `service-${String(index).padStart(3, '0')}`, private: true, language: 'Go', createdAt: '2023-01-01T00:00:00Z',
  }));
  const users = Array.from({ length: ENGINEERS }, (_, index) => ({ login: syncLogin(index), name: `Sync Dev ${index}` }));
  const commits = [];
  const pullRequests = [];
  let sha = 0x5000000;
  const numbers = new Map<string, number>();
  for (let index = 0; index < ENGINEERS; index += 1) {
    // Each engineer works in three of the active repositories.
    const theirs = [0, 1, 2].map((offset) => repositories[(index + offset * 7) % ACTIVE]!);
    for (let c = 0; c < 50; c += 1) {
      sha += 1;
      commits.push({ repo: `${SYNC_ORGANIZATION}/${theirs[c % 3]!.name}`, sha: sha.toString(16).padStart(40, '0'), author: syncLogin(index), date: iso(at()), message: `feat: change ${c}`, parents: 1 });
    }
    // Five in the window and five in the window before, which the team flow compares it with.
    for (let p = 0; p < 10; p += 1) {
      const repo = `${SYNC_ORGANIZATION}/${theirs[p % 3]!.name}`;
      const number = (numbers.get(repo) ?? 0) + 1;
      numbers.set(repo, number);
      const created = p < 5 ? at() : before();
      pullRequests.push({
        repo, number, author: syncLogin(index), title: `Change ${p}`, createdAt: iso(created), mergedAt: iso(created + 8 * 3_600_000), closedAt: iso(created + 8 * 3_600_000),
        additions: 50, deletions: 10, changedFiles: 3,
        reviews: [{ reviewer: syncLogin((index + 1) % ENGINEERS), state: 'APPROVED', submittedAt: iso(created + 2 * 3_600_000) }],
      });
    }
  }
  // Every 20 days back from yesterday: 4 in the window, 4 in the one before.
  const deployments = repositories.slice(0, ACTIVE).flatMap((repo, index) => Array.from({ length: DEPLOYMENTS_EACH }, (_, d) => {
    const created = now.getTime() - DAY - d * 20 * DAY - index * 3_600_000;
    return {
      repo: `${SYNC_ORGANIZATION}/${repo.name}`, id: 800_000 + index * DEPLOYMENTS_EACH + d, sha: (0x7000000 + index * DEPLOYMENTS_EACH + d).toString(16).padStart(40, '0'),
      environment: 'production', createdAt: iso(created), creator: syncLogin(index % ENGINEERS),
      statuses: [{ state: DEPLOYMENT_STATES[(index + d) % DEPLOYMENT_STATES.length], createdAt: iso(created + 300_000) }],
    };
  }));
  return { organizations: [{ login: SYNC_ORGANIZATION, name: 'SyncCorp', members: users.map((user) => user.login) }], users, repositories, commits, pullRequests, issues: [], deployments };
}

export interface SyncMeasures {
  readonly syncColdRequests: number;
  readonly syncColdSearches: number;
  readonly syncColdSeconds: number;
  readonly syncUnchangedRequests: number;
  readonly syncUnchanged304s: number;
}

interface EmulatorStats {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly byRoute: Record<string, number>;
}

/** GitHub requests of connecting (the OAuth code, the user's installations, the installation), not of the sync. */
const CONNECT_ROUTES = ['POST /login/oauth/access_token', 'GET /user/installations', 'GET /app/installations/{installation_id}'];

/** Polls `GET /sync` until the sync started at `startedAt` (any, when null) has finished. */
export function syncFinished(call: Call, token: string, startedAt: string | null, timeoutMs = 300_000): Promise<Record<string, any>> {
  return pollUntil(
    async () => (await call('/sync', { token })).body as Record<string, any>,
    (sync) => (startedAt === null || sync['startedAt'] === startedAt) && sync['status'] === 'idle' && !!sync['finishedAt'],
    { timeoutMs, intervalMs: 50, what: 'The sync did not finish', fails: (sync) => sync['status'] === 'failed' },
  );
}

type QueueCounts = { visible: number; inFlight: number; delayed: number };

/** Polls the local stack's queue counts until no job is waiting or running (the analyses recomputed after a sync included). */
export async function queuesDrained(manifest: LocalStackManifest, timeoutMs = 300_000): Promise<void> {
  await pollUntil(
    async () => ((await (await fetch(`${manifest.apiUrl}/_local/queues`)).json()) as { queues: QueueCounts[] }).queues,
    (counts) => counts.every((queue) => queue.visible + queue.inFlight + queue.delayed === 0),
    { timeoutMs, intervalMs: 100, what: 'The queues did not drain' },
  );
}

/**
 * Both syncs of the organization, through the stack as a customer gets
 * them: connecting starts the cold one (the worker on the local SQS queue
 * lists and reads the repositories), `POST /sync` the unchanged one. GitHub's
 * side counted by the emulator; the requests of connecting left out.
 */
export async function measureSync(call: Call, manifest: LocalStackManifest, githubUrl: string, token: string): Promise<SyncMeasures> {
  const stats = async () => (await (await fetch(`${githubUrl}/_emulator/stats`)).json()) as EmulatorStats;
  const reset = () => fetch(`${githubUrl}/_emulator/stats/reset`, { method: 'POST' });
  const ofSync = (measured: EmulatorStats) => measured.total - CONNECT_ROUTES.reduce((sum, route) => sum + (measured.byRoute[route] ?? 0), 0);

  await reset();
  const started = performance.now();
  await connectGithub(call, manifest, githubUrl, token, SYNC_ORGANIZATION);
  await syncFinished(call, token, null);
  const seconds = (performance.now() - started) / 1000;
  const cold = await stats();
  await queuesDrained(manifest);

  await reset();
  const again = await call('/sync', { method: 'POST', token });
  await syncFinished(call, token, again.body.startedAt as string);
  const unchanged = await stats();
  return {
    syncColdRequests: ofSync(cold),
    syncColdSearches: cold.byRoute['GET /search/issues'] ?? 0,
    syncColdSeconds: Math.round(seconds * 100) / 100,
    syncUnchangedRequests: unchanged.total,
    syncUnchanged304s: unchanged.byStatus['304'] ?? 0,
  };
}
