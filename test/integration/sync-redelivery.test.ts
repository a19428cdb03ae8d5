import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activitySlicesOf } from '../../src/repositories/activity-slices';
import { syncUntil } from '../support/github-connection';
import { startPrivateApi, type PrivateApi } from '../support/private-api';
import { eventually } from '../support/sqs';
import { api } from '../support/stack';
import { storyTeam, type StoryTeam } from '../support/story';

/**
 * A sync job whose worker stops answering (a Lambda that hangs or dies
 * halfway) is handed out again by SQS once its visibility timeout passes,
 * and runs a second time beside the first: through a real queue (the
 * shared SQS emulator, a queue of this file's own with a 2 s visibility
 * timeout) and the real worker. Nothing may be lost or counted twice.
 */
let privateApi: PrivateApi;
let team: StoryTeam;
const side = () => ({ apiUrl: privateApi.url, githubUrl: privateApi.github.url });

beforeAll(async () => {
  privateApi = await startPrivateApi({ modelTimeoutMs: 400, syncVisibilityTimeoutSeconds: 2 });
  team = await storyTeam({}, [], side());
  await privateApi.syncQueueIdle();
}, 120_000);
afterAll(async () => privateApi?.close());

/**
 * Until the hung request (the listing's second: the organization's members,
 * after its repositories) was answered to both runs: the emulator records a
 * request when it answers it.
 */
const hungRequestAnswered = () => eventually(() => (privateApi.github.stats.snapshot().byRoute['GET /orgs/{org}/members'] ?? 0) >= 2, 20_000);

describe('a sync job delivered again while its first run still hangs', () => {
  it('finishes the sync with every repository counted once and the new commit stored once', async () => {
    const read = () => api('/ai/code-quality/bob-senior', { token: team.bob.accessToken, baseUrl: privateApi.url });
    const before = await read();
    const added = await fetch(`${privateApi.github.url}/_emulator/commits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: `${team.githubOrganization}/api`, author: 'bob-senior', message: 'fix: read twice, counted once' }),
    });
    const { sha } = (await added.json()) as { sha: string };
    // The listing's first request answers at once; its second hangs 5 s, past the 2 s visibility timeout, so the listing is handed out again.
    privateApi.github.faults.set({ mode: 'slow', delayMs: 5_000, remaining: 1, times: 1 });
    privateApi.github.stats.reset();

    const started = await api('/sync', { method: 'POST', token: team.sarah.accessToken, baseUrl: privateApi.url });
    await syncUntil(team.sarah, (shown) => shown.startedAt === started.body.startedAt && shown.status === 'idle' && !!shown.finishedAt, side());
    // The hung request is recorded when it is finally answered: then the first run goes on, and queues its jobs again.
    await hungRequestAnswered();
    await privateApi.syncQueueIdle();
    const sync = (await api('/sync', { token: team.sarah.accessToken, baseUrl: privateApi.url })).body;
    const after = await read();

    expect(sync).toMatchObject({ status: 'idle', startedAt: started.body.startedAt, lastError: null });
    expect(sync.repositories.done).toBe(sync.repositories.total);
    expect(after.body.metrics.totalCommits).toBe(before.body.metrics.totalCommits + 1);
    const slices = await activitySlicesOf({ orgId: team.sarah.organizationId }, 'bob-senior', new Date().toISOString().slice(0, 7));
    expect(slices.flatMap((slice) => slice.commits).filter((commit) => commit.sha === sha)).toHaveLength(1);
  }, 60_000);
});
