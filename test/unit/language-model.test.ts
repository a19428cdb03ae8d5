import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { isLanguageModelConfigured, writeWithModel } from '../../src/integrations/language-model';
import { startLlmStub, type ChatRequestBody, type LlmStub } from '../support/llm-stub';

const TIMEOUT_MS = 300;
const API_KEY = 'sk-test-do-not-log-4f9a1c';
const EMAIL = /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i;

const bobsFigures = {
  githubUsername: 'bob-senior',
  name: 'Bob Senior',
  email: 'bob@techstartup.com',
  metrics: { totalCommits: 1234, totalRepos: 5, lateNightCommitRatio: 0.04, reviewCoverage: 0.92 },
  codeQuality: { overallScore: 8.5, signals: ['92% of merged PRs reviewed'] },
  burnout: { riskScore: 2.1, level: 'low', patterns: ['4% late-night commits', 'ask bob@techstartup.com'] },
};

let stub: LlmStub;
let warnings: string[];

function configure(values: Record<string, string | undefined>): void {
  vi.stubEnv('USER_POOL_ID', 'local_pool');
  vi.stubEnv('USER_POOL_CLIENT_ID', 'local-client');
  vi.stubEnv('APP_SECRET', 'a-test-secret-that-is-at-least-32-characters');
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  provideAppEnvironment({});
}

const withStubModel = () =>
  configure({ AI_BASE_URL: stub.url, AI_MODEL: 'stub-model', AI_API_KEY: API_KEY, AI_TIMEOUT_MS: String(TIMEOUT_MS) });

function userPrompt(request: ChatRequestBody | undefined): string {
  return request?.messages?.find((message) => message.role === 'user')?.content ?? '';
}

beforeEach(async () => {
  stub = await startLlmStub();
  warnings = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    warnings.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  provideAppEnvironment({});
  await stub.close();
});

describe('writeWithModel', () => {
  it('It should return the validated prose and name the model as the engine', async () => {
    withStubModel();
    stub.setMode('good');

    const prose = await writeWithModel('member-analysis', bobsFigures);

    expect(prose?.engine).toBe('llm:stub-model');
    expect(prose?.insights.join(' ')).toContain('1234');
    expect(prose?.recommendations.length).toBeGreaterThan(0);
    expect(stub.requests()).toHaveLength(1);
    expect(stub.requests()[0]).toMatchObject({ model: 'stub-model', response_format: { type: 'json_object' } });
  });

  it('It should read the JSON out of a code fence when the provider ignores response_format', async () => {
    withStubModel();
    stub.setMode('fenced');

    const prose = await writeWithModel('team-analysis', { totalMembers: 10, averageCodeQuality: 7.4 });

    expect(prose?.insights.join(' ')).toContain('totalMembers is 10');
  });

  it('It should return only prose and the engine, leaving the figures untouched', async () => {
    withStubModel();
    const figures = structuredClone(bobsFigures);

    const prose = await writeWithModel('member-analysis', figures);

    expect(Object.keys(prose ?? {}).sort()).toEqual(['engine', 'insights', 'recommendations']);
    expect([...prose!.insights, ...prose!.recommendations].every((item) => typeof item === 'string')).toBe(true);
    expect(figures).toStrictEqual(bobsFigures);
  });

  it('It should accept an answer that arrives within the timeout', async () => {
    withStubModel();
    stub.setMode('slow', { delayMs: TIMEOUT_MS / 3 });

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeDefined();
  });

  it('It should give up on text that is no JSON, without a retry', async () => {
    withStubModel();
    stub.setMode('garbage');

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(1);
  });

  it('It should give up on JSON of the wrong shape, without a retry', async () => {
    withStubModel();
    stub.setMode('invalid-shape');

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(1);
  });

  it('It should retry a 500 once, then give up', async () => {
    withStubModel();
    stub.setMode('error-500');

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(2);
  });

  it('It should retry a 429 once, then give up', async () => {
    withStubModel();
    stub.setMode('error-429');

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(2);
  });

  it('It should not retry a 400', async () => {
    withStubModel();
    stub.setMode('error-400');

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(1);
  });

  it('It should give up on a provider that never answers within two timeouts', async () => {
    withStubModel();
    stub.setMode('hang');
    const startedAt = performance.now();

    const prose = await writeWithModel('member-analysis', bobsFigures);

    expect(prose).toBeUndefined();
    expect(performance.now() - startedAt).toBeLessThan(3 * TIMEOUT_MS);
    expect(stub.requests()).toHaveLength(2);
  });

  it('It should give up on a body that never finishes within two timeouts', async () => {
    withStubModel();
    stub.setMode('stall');
    const startedAt = performance.now();

    const prose = await writeWithModel('member-analysis', bobsFigures);

    expect(prose).toBeUndefined();
    expect(performance.now() - startedAt).toBeLessThan(3 * TIMEOUT_MS);
    expect(stub.requests()).toHaveLength(2);
  });

  it('It should give up on a provider that cannot be reached', async () => {
    const unreachable = await startLlmStub();
    const url = unreachable.url;
    await unreachable.close();
    configure({ AI_BASE_URL: url, AI_MODEL: 'stub-model', AI_TIMEOUT_MS: String(TIMEOUT_MS) });
    const startedAt = performance.now();

    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(performance.now() - startedAt).toBeLessThan(3 * TIMEOUT_MS);
    expect(warnings.join('')).toContain('"failures":["network","network"]');
  });

  it('It should answer undefined without a request when no model is configured', async () => {
    configure({ AI_BASE_URL: undefined, AI_MODEL: undefined, AI_API_KEY: undefined });

    expect(isLanguageModelConfigured()).toBe(false);
    expect(await writeWithModel('member-analysis', bobsFigures)).toBeUndefined();
    expect(stub.requests()).toHaveLength(0);
  });

  it('It should say it is configured when a base URL and a model are set', () => {
    withStubModel();

    expect(isLanguageModelConfigured()).toBe(true);
  });

  it('It should put the figures in the prompt and never a name or an email address', async () => {
    withStubModel();

    await writeWithModel('member-analysis', bobsFigures);

    const body = JSON.stringify(stub.requests()[0]);
    const prompt = userPrompt(stub.requests()[0]);
    for (const figure of ['"totalCommits": 1234', '"overallScore": 8.5', '"riskScore": 2.1', '4% late-night commits']) {
      expect(prompt).toContain(figure);
    }
    expect(prompt).toContain('bob-senior');
    expect(body).not.toMatch(EMAIL);
    expect(body).not.toContain('Bob Senior');
  });

  it('It should leave usernames out of the prompt when asked to', async () => {
    withStubModel();

    await writeWithModel('executive-report', { topPerformer: { githubUsername: 'bob-senior', commits: 1234 } }, { omitUsernames: true });

    const prompt = userPrompt(stub.requests()[0]);
    expect(prompt).toContain('1234');
    expect(prompt).not.toContain('bob-senior');
  });

  it('It should log one warning without the prompt or the API key when it gives up', async () => {
    withStubModel();
    stub.setMode('error-500');

    await writeWithModel('member-analysis', bobsFigures);

    const lines = warnings.filter((line) => line.includes('"level":"warn"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ task: 'member-analysis', failures: ['http-500', 'http-500'] });
    const output = warnings.join('');
    expect(output).not.toContain(API_KEY);
    expect(output).not.toMatch(/totalCommits|1234|bob-senior|techstartup/);
  });
});
