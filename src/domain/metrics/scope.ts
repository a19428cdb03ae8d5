import { InvalidMetricsInputError } from './errors';
import { DAY_MS } from './time';

/** The longest window accepted: ten years, far beyond any report. */
const MAX_WINDOW_DAYS = 3660;

/**
 * The analysis window in epoch milliseconds. Both ends are inclusive:
 * `start <= t <= end`, with `start = end - days * 24h` (exact elapsed time,
 * not local calendar days, so it does not depend on the zone).
 */
export interface AnalysisWindow {
  readonly start: number;
  readonly end: number;
  readonly days: number;
}

export function analysisWindow(now: Date, windowDays: number): AnalysisWindow {
  const end = now.getTime();
  if (!Number.isFinite(end)) throw new InvalidMetricsInputError('now is not a valid date');
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
    throw new InvalidMetricsInputError(`windowDays must be a whole number from 1 to ${MAX_WINDOW_DAYS}`);
  }
  return { start: end - windowDays * DAY_MS, end, days: windowDays };
}

/** NaN (an unparseable time) is never inside. */
export function isInside(window: AnalysisWindow, epochMs: number): boolean {
  return epochMs >= window.start && epochMs <= window.end;
}

/** GitHub App and Actions accounts: `dependabot[bot]`, `github-actions[bot]`. */
export function isBotLogin(login: string): boolean {
  return login.toLowerCase().endsWith('[bot]');
}

/** Whether a login is the analysed person's; GitHub logins are case-insensitive. */
export type LoginMatcher = (candidate: string | null) => boolean;

export function loginMatcher(login: string): LoginMatcher {
  const lower = login.toLowerCase();
  return (candidate) =>
    candidate !== null &&
    candidate.length === login.length &&
    (candidate === login || candidate.toLowerCase() === lower);
}
