import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, openSync } from 'node:fs';
import { LocalStackError } from './errors';

/**
 * Emulators run in their own process group, so stopping one stops whatever it
 * started too, and a Ctrl-C in the terminal reaches only this process, which
 * then stops them in order. Without this, DynamoDB Local's java outlives a
 * dead parent and keeps its port.
 */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Settles when the child ends, for whatever reason. */
  readonly exited: Promise<ChildExit>;
  readonly hasExited: () => boolean;
  /** SIGTERM to the group, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const STOP_GRACE_MS = 5_000;
const running = new Set<ManagedChild>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function manage(name: string, child: ChildProcess, logFile: string): ManagedChild {
  if (child.pid === undefined) throw new LocalStackError(`${name} could not be started: its program was not found or not runnable.`);
  const pid = child.pid;
  let ended = false;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      running.delete(managed);
      resolve({ code, signal });
    });
  });
  child.once('error', () => undefined);
  const managed: ManagedChild = {
    name,
    pid,
    logFile,
    exited,
    hasExited: () => ended,
    async stop(graceMs = STOP_GRACE_MS) {
      if (!ended) {
        signalGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Anything the leader started and left behind goes with the group.
      signalGroup(pid, 'SIGKILL');
    },
  };
  running.add(managed);
  return managed;
}

export interface SpawnOptions {
  readonly cwd: string;
  readonly logFile: string;
  /** Defaults to this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts a command in a new process group, its output going straight to `logFile`. */
export function spawnInGroup(name: string, command: string, args: readonly string[], options: SpawnOptions): ManagedChild {
  const log = openSync(options.logFile, 'w');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      ...(options.env ? { env: options.env } : {}),
      detached: true,
      stdio: ['ignore', log, log],
    });
    return manage(name, child, options.logFile);
  } finally {
    closeSync(log);
  }
}

/**
 * Takes charge of a child a library spawned (detached, with piped output):
 * its output is copied to `logFile` and it is stopped with the others.
 */
export function adoptChild(name: string, child: ChildProcess, logFile: string): ManagedChild {
  const log = createWriteStream(logFile, { flags: 'w' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('close', () => log.end());
  return manage(name, child, logFile);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

function killAllNow(): void {
  for (const child of running) signalGroup(child.pid, 'SIGKILL');
}

let stopping: Promise<void> | undefined;

/** Whether the process is already on its way out (a signal, a crash, a failed start). */
export function isStopping(): boolean {
  return stopping !== undefined;
}

/** Stops every child, then ends this process; when several reasons race, the first one's code wins. */
export async function exitAfterStoppingChildren(code: number): Promise<never> {
  stopping ??= stopAllChildren();
  await stopping;
  process.exit(code);
}

/**
 * Ties the children's lives to this process: a signal, a crash, or the exit
 * of the parent that opened an IPC channel to us (the test harness) stops
 * them all. A second Ctrl-C while stopping kills them at once.
 */
export function stopChildrenWhenProcessEnds(onCrash: (error: unknown) => void): void {
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      if (stopping) {
        killAllNow();
        process.exit(code);
      }
      void exitAfterStoppingChildren(code);
    });
  }
  process.on('uncaughtException', (error) => {
    onCrash(error);
    void exitAfterStoppingChildren(1);
  });
  process.on('exit', killAllNow);
  if (process.connected) process.once('disconnect', () => void exitAfterStoppingChildren(0));
  stopWhenOrphaned();
}

const ORPHAN_CHECK_MS = 500;

/**
 * `kill -TERM <pid of npm start>` (what IDEs and process managers send) ends
 * npm and its shell but is not passed on to us: we would keep the emulators
 * and their ports. A parent that is gone shows as a new parent pid (init or a
 * subreaper), so that is taken as the signal to stop.
 */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    void exitAfterStoppingChildren(143);
  }, ORPHAN_CHECK_MS);
  timer.unref();
}
