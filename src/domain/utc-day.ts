const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, `2026-12-01`: the window of the daily email quota. */
export function utcDayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Milliseconds from `now` to the next UTC midnight, when a daily quota starts again (never 0). */
export function msUntilNextUtcDay(now: Date): number {
  return DAY_MS - (now.getTime() % DAY_MS);
}
