import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { childProcessEnvironment } from '../../src/config';
import { readManifest, type LocalStackManifest } from '../../src/local/manifest';

/**
 * Runs `src/local/start.ts` (what `npm start` runs) as a child process, the
 * way the tests' global setup and the lifecycle tests need it: on free
 * ports, on a data folder of their own.
 */
export const READY_LINE_PREFIX = 'DevInsights ready';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STOP_TIMEOUT_MS = 20_000;

export interface StackPorts {
  readonly api: number;
  readonly dynamodb: number;
  readonly cognito: number;
  readonly ses: number;
  readonly github: number;
  readonly sqs: number;
  readonly web: number;
}

export interface StackExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface LaunchedStack {
  readonly pid: number;
  readonly dataDir: string;
  readonly ports: StackPorts;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  readonly exited: Promise<StackExit>;
  /** The manifest, once the ready line is printed; fails with the output if it exits or times out first. */
  ready(timeoutMs?: number): Promise<LocalStackManifest>;
  /** Sends `signal`, waits for the stack to stop its emulators and exit; SIGKILLs its group if it hangs. */
  stop(signal?: NodeJS.Signals): Promise<StackExit>;
}

/** A port nothing listens on now (the OS picks it; it stays free unless something else grabs it meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

export async function freePorts(): Promise<StackPorts> {
  const picked = new Set<number>();
  while (picked.size < 7) picked.add(await freePort());
  const [api, dynamodb, cognito, ses, github, sqs, web] = [...picked] as [number, number, number, number, number, number, number];
  return { api, dynamodb, cognito, ses, github, sqs, web };
}

export interface LaunchOptions {
  readonly dataDir: string;
  readonly logLevel?: string;
  /** Call counts, GitHub emulator and job controls and raised limits, as the shared test stack has them; false is plain `npm start`. */
  readonly testHooks?: boolean;
  /** More variables for the stack (a benchmark's dataset, say). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run it as a developer does, `npm start`, so signals reach npm rather than the stack itself. */
  readonly viaNpm?: boolean;
}

export function launchLocalStack(options: LaunchOptions & { ports: StackPorts }): LaunchedStack {
  const { dataDir, ports } = options;
  const [command, args]: [string, string[]] = options.viaNpm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'src/local/start.ts']];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // Its own process group, so a Ctrl-C meant for the test runner is not delivered to it twice;
    // the IPC channel makes it stop its emulators if this process dies without tearing down.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: childProcessEnvironment({
      PORT: String(ports.api),
      DYNAMODB_PORT: String(ports.dynamodb),
      COGNITO_PORT: String(ports.cognito),
      SES_PORT: String(ports.ses),
      GITHUB_EMULATOR_PORT: String(ports.github),
      SQS_PORT: String(ports.sqs),
      WEB_PORT: String(ports.web),
      LOCAL_DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...((options.testHooks ?? true)
        ? {
            // Tests read each response's DynamoDB call count (x-ddb-calls) to hold routes to their budgets.
            EXPOSE_CALL_COUNTS: 'true',
            GITHUB_EMULATOR_CONTROLS: 'true',
            // Runs a background job on demand (POST /_local/jobs/<name>) instead of on its schedule.
            LOCAL_JOB_CONTROLS: 'true',
            GITHUB_EMULATOR_RATE_LIMIT_SCALE: '100',
            // The whole suite comes from 127.0.0.1 within a minute or two; rate-limits.test.ts tests the limits.
            RATE_LIMIT_PER_IP_PER_MIN: '1000000',
            RATE_LIMIT_PER_ORG_PER_MIN: '1000000',
            RATE_LIMIT_FAILED_AUTH_PER_IP_PER_MIN: '1000000',
            RATE_LIMIT_FAILED_LOGIN_PER_ACCOUNT_PER_MIN: '1000000',
          }
        : {}),
      // Every success body the suite receives is checked against its route's response schema (a mismatch is a 500).
      VALIDATE_RESPONSES: 'true',
      ...options.env,
    }),
  });
  if (child.pid === undefined) throw new Error('Could not start src/local/start.ts');
  const pid = child.pid;
  let text = '';
  const readyListeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.includes(READY_LINE_PREFIX)) for (const listener of readyListeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let ended = false;
  const exited = new Promise<StackExit>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  child.channel?.unref();

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<StackExit> => {
    if (!ended) {
      child.kill(signal);
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    return exited;
  };

  const ready = async (timeoutMs = 90_000): Promise<LocalStackManifest> => {
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    const outcome = await Promise.race([
      new Promise<'ready'>((resolve) => {
        onReady = () => resolve('ready');
        if (text.includes(READY_LINE_PREFIX)) resolve('ready');
        else readyListeners.add(onReady);
      }),
      exited.then(() => 'exited' as const),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (onReady) readyListeners.delete(onReady);
    if (outcome === 'ready') return readManifest(dataDir);
    if (outcome === 'timeout') await stop();
    const { code, signal } = await exited;
    throw new Error(
      `The local stack ${outcome === 'timeout' ? `was not ready within ${timeoutMs / 1000} s` : `exited (${signal ?? code}) before it was ready`}. Its output:\n${text}`,
    );
  };

  return { pid, dataDir, ports, output: () => text, exited, ready, stop };
}

export interface RunningStack extends LaunchedStack {
  readonly manifest: LocalStackManifest;
}

export async function startLocalStack(options: LaunchOptions & { ports?: StackPorts }): Promise<RunningStack> {
  const launched = launchLocalStack({ ...options, ports: options.ports ?? (await freePorts()) });
  const manifest = await launched.ready();
  return { ...launched, manifest };
}
