import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDataset } from '../github-emulator/app-fixture';
import { startFixture, type Started } from '../github-emulator/fixture';
import { submitRegistrationPage } from '../github-emulator/manifest-browser';

/**
 * `npm run github-app:register` as an operator runs it, against the GitHub
 * emulator: the script prints the page to open, a simulated browser posts
 * its form and follows GitHub's redirect, and the script writes the file.
 */
let started: Started;
let dir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  started = await startFixture(appDataset());
  dir = await mkdtemp(join(tmpdir(), 'register-github-app-'));
});

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  await started.stop();
  await rm(dir, { recursive: true, force: true });
});

function run(args: readonly string[]): { output: () => string; nextLine: (pattern: RegExp) => Promise<RegExpExecArray>; exited: Promise<number | null> } {
  const spawned = spawn(process.execPath, ['--import', 'tsx', 'scripts/register-github-app.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = spawned;
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  spawned.stdout.on('data', collect);
  spawned.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => spawned.on('exit', resolve));
  return {
    output: () => output,
    exited,
    nextLine: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = pattern.exec(output);
          if (found) {
            listeners.delete(check);
            resolve(found);
          }
        };
        listeners.add(check);
        void exited.then(() => reject(new Error(`The script exited without printing ${pattern}: ${output}`)));
        check();
      }),
  };
}

describe('npm run github-app:register', () => {
  it('It should register through the printed page and write the secrets to the named file, mode 0600', async () => {
    const out = join(dir, 'app.json');
    const script = run(['--api-url', 'http://127.0.0.1:9/v1', '--org', 'globex', '--github-url', started.emulator.url, '--github-api-url', started.emulator.url, '--out', out]);
    const [, pageUrl = ''] = await script.nextLine(/Open (http:\/\/127\.0\.0\.1:\d+\/) /);
    await fetch(await submitRegistrationPage(pageUrl));

    expect(await script.exited).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ slug: 'devinsights', privateKey: expect.stringContaining('PRIVATE KEY') });
    expect(script.output()).toMatch(/-c githubAppId=\d+ -c githubAppSlug=devinsights -c githubAppClientId=Iv23li/);
  });

  it('It should refuse to start without somewhere to put the secrets', async () => {
    const script = run(['--api-url', 'http://127.0.0.1:9/v1']);

    expect(await script.exited).toBe(1);
    expect(script.output()).toMatch(/--out <file>, --secrets-from-stack/);
  });
});
