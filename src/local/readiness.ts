import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { LocalStackError } from './errors';
import type { ManagedChild } from './process-group';

const POLL_INTERVAL_MS = 100;

/** The last lines of a log file, for an error message. */
export async function logTail(file: string, lines = 25): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function failure(child: ManagedChild, message: string): Promise<LocalStackError> {
  const tail = await logTail(child.logFile);
  const details = tail ? `Last lines of ${child.logFile}:\n${tail}` : `Its log (${child.logFile}) is empty.`;
  return new LocalStackError(message, details);
}

/**
 * Polls `probe` until the emulator answers. The emulators announce readiness
 * only in their logs, in formats of their own, so asking them is the one
 * reliable signal; a child that exits meanwhile fails at once, with its log.
 */
export async function waitUntilReady(
  child: ManagedChild,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited()) {
      const { code, signal } = await child.exited;
      throw await failure(child, `${child.name} stopped while starting (exit ${signal ?? code}).`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw await failure(child, `${child.name} did not answer ${what} within ${Math.round(timeoutMs / 1000)} s.`);
    }
    await Promise.race([delay(POLL_INTERVAL_MS), child.exited]);
  }
}

/** `GET url` answers with a 2xx status. */
export async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.body?.cancel();
  return response.ok;
}
