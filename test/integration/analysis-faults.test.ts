import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/stack';
import { startPrivateApi, type PrivateApi } from '../support/private-api';
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

describe('when GitHub fails', () => {
  it('keeps the last good analysis through a 502 and says it is stale', async () => {
    privateApi.llm.setMode('good');
    const good = await fresh('bob-senior');
    privateApi.github.faults.set({ mode: '502' });
    const during = await fresh('bob-senior');
    privateApi.github.faults.set({ mode: 'none' });
    expect(during.status).toBe(200);
    expect(during.body.stale).toBe(true);
    expect(during.body.cachedAt).toBe(good.body.cachedAt);
    expect(during.body.metrics).toEqual(good.body.metrics);
  });

  it('answers 503 with retry-after when there is no analysis to fall back on', async () => {
    privateApi.github.faults.set({ mode: '502' });
    const response = await api('/ai/code-quality/felix-dev', { token: team.sarah.accessToken, baseUrl: privateApi.url });
    privateApi.github.faults.set({ mode: 'none' });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('stops at an exhausted rate limit without a retry storm, and serves the last analysis', async () => {
    await fresh('dan-dev');
    privateApi.github.stats.reset();
    privateApi.github.faults.set({ mode: 'rate_limited', resetAfterMs: 60_000 });
    const during = await fresh('dan-dev');
    const calls = privateApi.github.stats.snapshot().total;
    privateApi.github.faults.set({ mode: 'none' });
    expect(during.status).toBe(200);
    expect(during.body.stale).toBe(true);
    expect(calls).toBeLessThanOrEqual(8);
  });

  it('answers 503 with the reset time when the limit is exhausted and nothing is cached', async () => {
    privateApi.github.faults.set({ mode: 'rate_limited', resetAfterMs: 120_000 });
    const response = await api('/ai/code-quality/grace-dev', { token: team.sarah.accessToken, baseUrl: privateApi.url });
    privateApi.github.faults.set({ mode: 'none' });
    expect(response.status).toBe(503);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(60);
    // GitHub gives the reset in whole epoch seconds, so the wait may round up by one.
    expect(retryAfter).toBeLessThanOrEqual(121);
  });
});

describe('conditional requests', () => {
  it('costs an unchanged member only 304s on refresh', async () => {
    await fresh('bob-senior');
    privateApi.github.stats.reset();
    await fresh('bob-senior');
    const { total, byStatus } = privateApi.github.stats.snapshot();
    expect(total).toBeGreaterThan(0);
    expect(byStatus).toEqual({ '304': total });
  });
});

// Last: it ends the private emulator's installation, which the tests above read through.
describe('an installation GitHub no longer has', () => {
  it('disconnects the organization when GitHub refuses its token as unknown (the uninstall webhook never came) and answers 409', async () => {
    const shown = await api('/integrations/github', { token: team.sarah.accessToken, baseUrl: privateApi.url });
    // The private emulator sends no webhooks: only the refused token can tell the API.
    const removed = await fetch(`${privateApi.github.url}/_emulator/installations/${shown.body.installationId}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);

    const response = await fresh('bob-senior');

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'GITHUB_NOT_CONNECTED' });
    expect((await api('/integrations/github', { token: team.sarah.accessToken, baseUrl: privateApi.url })).body).toEqual({ connected: false });
    const audit = await api('/audit-logs?limit=20', { token: team.sarah.accessToken });
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'GITHUB_DISCONNECTED', userId: 'github' })]));
  });
});
