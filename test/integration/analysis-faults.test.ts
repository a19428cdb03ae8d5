import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/stack';
import { startPrivateApi, type PrivateApi } from '../support/private-api';
import { signedInAdmin } from '../support/accounts';
import { eventually } from '../support/sqs';
import { connectGithub, copyOfDemoOrganization, firstSyncFinished, syncUntil } from '../support/github-connection';
import { storyTeam, type StoryTeam } from '../support/story';

const MODEL_TIMEOUT_MS = 400;

let privateApi: PrivateApi;
/** Connected to the private API's emulator; `reference`, to the shared one, answers as if nothing failed. */
let team: StoryTeam;
let reference: StoryTeam;

/** Sarah asks the private API (its own GitHub emulator and model stub) for a fresh analysis. */
const fresh = (login: string) =>
  api(`/ai/code-quality/${login}?refresh=true`, { token: team.sarah.accessToken, baseUrl: privateApi.url });

beforeAll(async () => {
  [privateApi, reference] = await Promise.all([startPrivateApi({ modelTimeoutMs: MODEL_TIMEOUT_MS }), storyTeam()]);
  team = await storyTeam({}, ['dan-dev', 'felix-dev', 'grace-dev'], { apiUrl: privateApi.url, githubUrl: privateApi.github.url });
});
afterAll(async () => privateApi?.close());

describe('with a language model', () => {
  it('lets the model write the prose and nothing else', async () => {
    privateApi.llm.setMode('good');
    const heuristic = await api('/ai/code-quality/bob-senior', { token: reference.sarah.accessToken });
    const written = await fresh('bob-senior');
    expect(written.status).toBe(200);
    expect(written.body.analysisEngine).toBe('llm:stub-model');
    expect(heuristic.body.analysisEngine).toBe('heuristic');
    expect(written.body.codeQuality.overallScore).toBe(heuristic.body.codeQuality.overallScore);
    expect(written.body.burnout.riskScore).toBe(heuristic.body.burnout.riskScore);
    expect(written.body.metrics).toEqual(heuristic.body.metrics);
    expect(written.body.codeQuality.recommendations).not.toEqual(heuristic.body.codeQuality.recommendations);
  });

  it.each(['garbage', 'invalid-shape', 'error-500'] as const)('falls back to the heuristic text when the model answers %s', async (mode) => {
    privateApi.llm.setMode(mode);
    const response = await fresh('charlie-junior');
    expect(response.status).toBe(200);
    expect(response.body.analysisEngine).toBe('heuristic');
    expect(response.body.codeQuality.recommendations.length).toBeGreaterThan(0);
  });

  it('retries a failing model once, not more', async () => {
    privateApi.llm.setMode('error-500');
    const before = privateApi.llm.requests().length;
    await fresh('alice-dev');
    expect(privateApi.llm.requests().length - before).toBe(2);
  });

  it('gives up on a model that hangs and answers with the heuristic text', async () => {
    privateApi.llm.setMode('hang');
    const response = await fresh('alice-dev');
    expect(response.status).toBe(200);
    expect(response.body.analysisEngine).toBe('heuristic');
    expect(response.body.burnout.level).toBe('high');
  });
});

/** What Sarah reads of one person's analysis through the private API (stored activity; GitHub is never asked on a read). */
const read = (login: string) => api(`/ai/code-quality/${login}`, { token: team.sarah.accessToken, baseUrl: privateApi.url });
const side = () => ({ apiUrl: privateApi.url, githubUrl: privateApi.github.url });

/** Starts a sync of Sarah's organization through the private API and answers when it started. */
async function startSync(): Promise<string> {
  const started = await api('/sync', { method: 'POST', token: team.sarah.accessToken, baseUrl: privateApi.url });
  expect(started.status).toBe(202);
  return started.body.startedAt as string;
}

/** Waits for the sync started at `startedAt` to end (idle or failed). */
const ended = (startedAt: string) =>
  syncUntil(team.sarah, (sync) => sync.startedAt === startedAt && (sync.status === 'idle' || sync.status === 'failed') && !!sync.finishedAt, side());

describe('before the first sync has finished', () => {
  it('answers every analytics route 202 syncing with the sync and retry-after, then 200 once it is done', async () => {
    const admin = await signedInAdmin({ githubUsername: 'sarah-em' });
    const github = await copyOfDemoOrganization(side());
    // Every GitHub answer takes a while: the first sync is still running when the analytics are asked.
    privateApi.github.faults.set({ mode: 'slow', delayMs: 300 });
    await connectGithub(admin, github, side());
    const asked = (path: string, method = 'GET') =>
      api(path, { method, token: admin.accessToken, baseUrl: privateApi.url, ...(method === 'POST' ? { json: { reportType: 'executive', includeGraphs: false, includeIndividuals: false, confidential: true } } : {}) });
    const during = await Promise.all([
      asked('/ai/code-quality/sarah-em'),
      asked(`/ai/team-performance/${admin.organizationId}`),
      asked(`/ai/generate-report/${admin.organizationId}`, 'POST'),
    ]);
    privateApi.github.faults.set({ mode: 'none' });
    await firstSyncFinished(admin, side());
    const after = await asked('/ai/code-quality/sarah-em');

    for (const response of during) {
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ success: true, status: 'syncing', sync: { status: 'running', repositories: { done: expect.any(Number), total: expect.any(Number) }, lastError: null } });
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(after.status).toBe(200);
    expect(after.body.syncedAt).toEqual(expect.stringMatching(/Z$/));
  });
});

describe('when GitHub fails during a sync', () => {
  // The refreshes above queued reads of their people's repositories, 10 s later: they must not land in these counts.
  beforeAll(() => privateApi.syncQueueIdle(), 40_000);

  it('keeps answering from stored activity while GitHub answers 502, retries, and finishes with nothing lost or counted twice', async () => {
    const before = await read('bob-senior');
    // Two failed answers: a job's first try and the client's own retry of it; its next try, a second later, goes through.
    privateApi.github.faults.set({ mode: '502', times: 2 });
    const startedAt = await startSync();
    const during = await read('bob-senior');
    const sync = await ended(startedAt);
    privateApi.github.faults.set({ mode: 'none' });

    expect(during.status).toBe(200);
    expect(during.body.metrics).toEqual(before.body.metrics);
    expect(sync).toMatchObject({ status: 'idle', lastError: null });
    expect(sync.repositories.done).toBe(sync.repositories.total);
    expect((await read('bob-senior')).body.metrics).toEqual(before.body.metrics);
  });

  it('ends the sync failed, saying why, when GitHub keeps failing, and the analyses keep answering', async () => {
    const before = await read('charlie-junior');
    privateApi.github.faults.set({ mode: '502' });
    const startedAt = await startSync();
    const sync = await ended(startedAt);
    const during = await read('charlie-junior');
    privateApi.github.faults.set({ mode: 'none' });

    expect(sync.status).toBe('failed');
    expect(sync.lastError).toMatch(/GitHub kept failing/);
    expect(sync.lastError).not.toMatch(/ghs_|token|Bearer/i);
    expect(during.status).toBe(200);
    expect(during.body.metrics).toEqual(before.body.metrics);
  });

  it('waits out a spent budget without a retry storm, keeps answering meanwhile, and finishes after the reset with the new commit counted once', async () => {
    const before = await read('bob-senior');
    const added = await fetch(`${privateApi.github.url}/_emulator/commits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: `${team.githubOrganization}/api`, author: 'bob-senior', message: 'fix: arrives while the budget is spent' }),
    });
    expect(added.status).toBe(201);
    privateApi.github.stats.reset();
    // The listing passes; every repository's job then meets a spent budget, for three seconds.
    privateApi.github.faults.set({ mode: 'rate_limited', remaining: 1, resetAfterMs: 3_000 });
    const startedAt = await startSync();
    const waiting = await syncUntil(team.sarah, (shown) => shown.startedAt === startedAt && shown.status !== 'running', side());
    const during = await read('bob-senior');
    const sync = await ended(startedAt);
    const statuses = privateApi.github.stats.snapshot().requests.map((request) => request.status);
    const refused = statuses.filter((status) => status === 403).length;

    expect(waiting.status).toBe('waiting_for_rate_limit');
    expect(waiting.rateLimit).toMatchObject({ remaining: 0, resetAt: expect.any(String) });
    expect(during.status).toBe(200);
    expect(during.body.metrics).toEqual(before.body.metrics);
    // Each job was refused at most for the (two) requests it had in flight, then waited for the reset instead of asking again.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(2 * sync.repositories.total);
    expect(statuses.lastIndexOf(403)).toBeLessThan(statuses.findIndex((status, index) => index > 0 && status !== 403));
    expect(sync).toMatchObject({ status: 'idle', lastError: null });
    expect(sync.repositories.done).toBe(sync.repositories.total);
    expect((await read('bob-senior')).body.metrics.totalCommits).toBe(before.body.metrics.totalCommits + 1);
  });
});

// Last: it ends the private emulator's installation, which the tests above read through.
describe('an installation GitHub no longer has', () => {
  it('disconnects the organization at its next sync when GitHub refuses its token as unknown (the uninstall webhook never came), and analytics answer 409', async () => {
    const shown = await api('/integrations/github', { token: team.sarah.accessToken, baseUrl: privateApi.url });
    // The private emulator sends no webhooks: only the refused token can tell the API.
    const removed = await fetch(`${privateApi.github.url}/_emulator/installations/${shown.body.installationId}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);

    await startSync();
    const connection = () => api('/integrations/github', { token: team.sarah.accessToken, baseUrl: privateApi.url });
    await eventually(async () => (await connection()).body.connected === false, 20_000);

    expect((await connection()).body).toEqual({ connected: false });
    const response = await read('bob-senior');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'GITHUB_NOT_CONNECTED' });
    const audit = await api('/audit-logs?limit=20', { token: team.sarah.accessToken });
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'GITHUB_DISCONNECTED', userId: 'github' })]));
  });
});
