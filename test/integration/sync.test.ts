import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { activitySlicesOf } from '../../src/repositories/activity-slices';
import { deploymentsOf } from '../../src/repositories/deployments';
import { signedInAdmin } from '../support/accounts';
import { connectGithub, copyOfDemoOrganization, emulator, syncUntil } from '../support/github-connection';
import { readUntil } from '../support/polling';
import { sharedStackEnvironment } from '../support/private-api';
import { api } from '../support/stack';
import { storyTeam } from '../support/story';
import { adminWithTeammate } from '../support/team';

/** The organization sync through the stack: the API, the SQS emulator and its local consumer, the GitHub emulator. */
type Sync = { status: string; repositories: { done: number; total: number }; requests: { made: number; notModified: number }; finishedAt: string | null; lastError: string | null };

/** The organization's sync once it is idle and finished (other than at `after`), as GET /sync shows it. */
const syncOnceIdle = async (admin: { accessToken: string }, after?: string): Promise<Sync> =>
  (await syncUntil(admin, (sync) => sync.status === 'idle' && !!sync.finishedAt && sync.finishedAt !== after)) as Sync;

/** What `find` finds once the webhook's read has stored it (asked every half second), or undefined after `ms`. */
const storedWithin = <T>(ms: number, find: () => Promise<T | undefined>): Promise<T | undefined> =>
  readUntil(find, (found) => found !== undefined, { timeoutMs: ms, intervalMs: 500 });

beforeAll(() => {
  // What the sync stored is read with the repository layer, against the stack's table.
  provideAppEnvironment({ ...sharedStackEnvironment(), APP_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'error' });
});

describe('the organization sync', () => {
  it('It should start on connecting, and GET /sync should show it to the end', async () => {
    const admin = await signedInAdmin();
    await connectGithub(admin, await copyOfDemoOrganization());
    const seen: Sync[] = [];
    const done = await syncUntil(admin, (sync) => {
      seen.push(sync as Sync);
      return sync.status === 'idle' && !!sync.finishedAt;
    });

    // Connecting began it before answering; its count of repositories done only ever grows.
    expect(seen[0]?.status).toBe('running');
    const counts = seen.map((sync) => sync.repositories.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(done.repositories.total).toBeGreaterThanOrEqual(5);
    expect(done.repositories.done).toBe(done.repositories.total);
    expect(done.requests.made).toBeGreaterThan(done.repositories.total);
    expect(done.lastError).toBeNull();
    expect((await api('/integrations/github', { token: admin.accessToken })).body.lastSync).toBe(done.finishedAt);
  });

  it('It should sync again on POST /sync, and an unchanged organization costs a 304 for each repository, the repository list and the members', async () => {
    const team = await storyTeam();
    const first = await syncOnceIdle(team.sarah);

    const started = await api<Sync>('/sync', { method: 'POST', token: team.sarah.accessToken });
    const again = await syncOnceIdle(team.sarah, first.finishedAt ?? undefined);

    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    // Besides: the repository list and the members' list, a 304 each (one page of either here).
    expect(again.requests).toEqual({ made: again.repositories.total + 2, notModified: again.repositories.total + 2 });
  });

  it('It should answer POST /sync with 409 GITHUB_NOT_CONNECTED before a connection, and 403 to a member', async () => {
    const admin = await signedInAdmin();
    const member = await adminWithTeammate(admin, 'member');

    const refused = await api('/sync', { method: 'POST', token: admin.accessToken });

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('GITHUB_NOT_CONNECTED');
    expect((await api('/sync', { method: 'POST', token: member.accessToken })).status).toBe(403);
  });

  it(
    'It should read a repository again when a deployment webhook arrives, and store the deployment with its latest status',
    async () => {
      const team = await storyTeam();
      await syncOnceIdle(team.sarah);
      const added = await emulator<{ id: number; deliveries: string[] }>('/_emulator/deployments', {
        method: 'POST',
        json: { repo: `${team.githubOrganization}/web`, creator: 'alice-dev', environment: 'production', statuses: [{ state: 'in_progress' }, { state: 'success' }] },
      });
      expect(added.body.deliveries.length).toBeGreaterThan(0);

      const today = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
      // Found by what it is, not by id: in a copy of the demo (whose release train has ids past 2³¹−1) GraphQL gives a new one no databaseId.
      const stored = await storedWithin(45_000, async () =>
        (await deploymentsOf({ orgId: team.sarah.organizationId }, today)).find((deployment) => deployment.repo === `${team.githubOrganization}/web` && deployment.creatorLogin === 'alice-dev'));

      expect(stored).toMatchObject({ repo: `${team.githubOrganization}/web`, creatorLogin: 'alice-dev', environment: 'production', latestStatus: { state: 'success' } });
    },
    60_000,
  );

  it(
    'It should read a repository again when its webhook says a commit arrived, and show the commit in the next read',
    async () => {
      const team = await storyTeam();
      const before = await api('/ai/code-quality/bob-senior', { token: team.bob.accessToken });
      const added = await emulator<{ sha: string; deliveries: string[] }>('/_emulator/commits', {
        method: 'POST',
        json: { repo: `${team.githubOrganization}/api`, author: 'bob-senior', message: 'feat: arrives by webhook' },
      });
      expect(added.body.deliveries.length).toBeGreaterThan(0);

      const after = await storedWithin(45_000, async () => {
        const read = await api('/ai/code-quality/bob-senior', { token: team.bob.accessToken });
        return read.body.metrics.totalCommits > before.body.metrics.totalCommits ? read : undefined;
      });
      if (!after) throw new Error('The commit never showed in Bob\'s analysis');

      // Counted once, by the debounced read of that one repository; the rest of Bob's figures as they were.
      expect(after.body.metrics.totalCommits).toBe(before.body.metrics.totalCommits + 1);
      expect(after.body.syncedAt > before.body.syncedAt).toBe(true);
      const slices = await activitySlicesOf({ orgId: team.sarah.organizationId }, 'bob-senior', new Date().toISOString().slice(0, 7));
      expect(slices.flatMap((slice) => slice.commits).filter((commit) => commit.sha === added.body.sha)).toHaveLength(1);
    },
    60_000,
  );
});
