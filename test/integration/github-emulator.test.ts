import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPortFree } from '../../src/local/ports';
import { freePorts, startLocalStack, type RunningStack } from '../support/local-stack-process';

/**
 * `npm start` runs the GitHub emulator on GITHUB_EMULATOR_PORT with the demo
 * dataset. A stack of its own here, started as `npm start` starts it: the
 * shared test stack turns on the emulator's controls and raises its limits.
 */
const STACK_TIMEOUT_MS = 180_000;

describe('the GitHub emulator in npm start', () => {
  let dataDir: string;
  let stack: RunningStack;
  let github: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'devinsights-github-'));
    stack = await startLocalStack({ dataDir, ports: await freePorts(), testHooks: false });
    github = `http://localhost:${stack.ports.github}`;
  }, STACK_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, STACK_TIMEOUT_MS);

  it('names it in the ready line', () => {
    expect(stack.output()).toMatch(new RegExp(`DevInsights ready .*GitHub emulator ${github.replace(/[.:/]/g, '\\$&')}`));
  });

  it('serves the demo dataset like api.github.com: public repositories to a caller without a token', async () => {
    const response = await fetch(`${github}/repos/techstartup/docs/commits?per_page=1`);

    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('60');
    expect(response.headers.get('link')).toContain('rel="next"');
    expect(await response.json()).toEqual([expect.objectContaining({ sha: expect.any(String) })]);
    // TechStartup's private repositories are only its installation's to read.
    expect((await fetch(`${github}/repos/techstartup/api`)).status).toBe(404);
  });

  it('has no test controls by default', async () => {
    expect((await fetch(`${github}/_emulator/stats`)).status).toBe(404);
  });

  it(
    'frees its port when the stack stops',
    async () => {
      await stack.stop();

      expect(await isPortFree(stack.ports.github)).toBe(true);
    },
    STACK_TIMEOUT_MS,
  );
});
