import { stack } from './stack';

/** The GitHub emulator's test-only controls (`/_emulator/*`), enabled in the test stack. */
export async function setGithubFault(fault: { mode: 'none' | '502' | 'rate_limited' | 'slow'; delayMs?: number; times?: number }) {
  const response = await fetch(`${stack().githubUrl}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`The GitHub emulator refused the fault: ${response.status}`);
}

export interface GithubStats {
  readonly total: number;
  readonly byStatus: Record<string, number>;
}

export async function githubStats(): Promise<GithubStats> {
  const response = await fetch(`${stack().githubUrl}/_emulator/stats`);
  return (await response.json()) as GithubStats;
}

export async function resetGithubStats(): Promise<void> {
  await fetch(`${stack().githubUrl}/_emulator/stats/reset`, { method: 'POST' });
}
