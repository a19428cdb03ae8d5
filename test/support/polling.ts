/**
 * Waiting for the stack's background work without sleeps of a guessed
 * length. No vitest here: the bench (bench/) polls the same way.
 */
export interface PollOptions<T> {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  /** What is awaited, for the error: "GET /sync did not get there". */
  readonly what: string;
  /** A value that will never turn into the one awaited (a failed sync): stop at once. */
  readonly fails?: (value: T) => boolean;
}

/** Reads until `holds` says the value is there or the time is up, and answers the last value read: for a test to assert on. */
export async function readUntil<T>(read: () => Promise<T>, holds: (value: T) => boolean, options: Pick<PollOptions<T>, 'timeoutMs' | 'intervalMs' | 'fails'>): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value) || options.fails?.(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}

/** Reads until `holds` says the value is there, and answers it; throws with the last value read otherwise. */
export async function pollUntil<T>(read: () => Promise<T>, holds: (value: T) => boolean, options: PollOptions<T>): Promise<T> {
  const value = await readUntil(read, holds, options);
  if (!holds(value)) throw new Error(`${options.what} within ${options.timeoutMs} ms: ${JSON.stringify(value)}`);
  return value;
}

/** Polls `check` until it answers true. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  await pollUntil(async () => check(), (held) => held, { timeoutMs, intervalMs: 25, what: 'Not so' });
}
