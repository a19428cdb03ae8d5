/** Every analysis covers this many days up to its moment (metrics.md "Window": `windowDays`, default 90). */
export const WINDOW_DAYS = 90;

/** The first day (`YYYY-MM-DD`, UTC) of the window that ends at `now`. */
export function windowStartOf(now: Date): string {
  return new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
}
