import { readManifest, type LocalStackManifest } from './manifest';

const HEALTH_TIMEOUT_MS = 1_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The stack an earlier `npm start` left running on this data folder, if it
 * still runs: its manifest's pid is alive and its API answers. The answer
 * matters because a pid can be reused by an unrelated process.
 */
export async function runningEarlierStack(dataDir: string): Promise<LocalStackManifest | undefined> {
  const manifest = await readManifest(dataDir).catch(() => undefined);
  if (!manifest || manifest.pid === process.pid || !isAlive(manifest.pid)) return undefined;
  try {
    const health = await fetch(`${manifest.apiUrl}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return health.ok ? manifest : undefined;
  } catch {
    return undefined;
  }
}
