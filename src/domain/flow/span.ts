/**
 * A stretch of time in epoch milliseconds. The window includes both ends
 * (as the person metrics' window does); the window before ends where the
 * window starts, exclusive, so nothing at the boundary counts twice.
 */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly includesEnd: boolean;
}

/** NaN (an unparseable time) is never inside. */
export const isInSpan = (span: Span, epochMs: number): boolean =>
  epochMs >= span.from && (span.includesEnd ? epochMs <= span.to : epochMs < span.to);

/** GitHub's repository names are case-insensitive: one key for every spelling. */
export const repoKey = (repo: string): string => repo.toLowerCase();
