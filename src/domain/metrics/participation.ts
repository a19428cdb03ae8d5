import type { GivenReviewRecord, IssueRecord } from '../activity';
import type { AnalysisWindow, LoginMatcher } from './scope';
import { isInside } from './scope';
import { parseTimestamp } from './time';

/** Issues the person opened inside the window, each (repo, number) once. */
export function countIssues(records: readonly IssueRecord[], isUser: LoginMatcher, window: AnalysisWindow): number {
  const seen = new Set<string>();
  for (const issue of records) {
    if (!isUser(issue.authorLogin) || !isInside(window, parseTimestamp(issue.createdAt))) continue;
    seen.add(`${issue.repo}#${issue.number}`);
  }
  return seen.size;
}

/**
 * Reviews submitted inside the window on pull requests authored by others.
 * Every submitted review counts, whatever its state (a later-dismissed
 * review was still given); pending ones (never submitted) do not. Bots'
 * and deleted accounts' pull requests are "authored by others". Several
 * reviews on one pull request are several reviews.
 */
export function countReviewsGiven(
  records: readonly GivenReviewRecord[],
  isUser: LoginMatcher,
  window: AnalysisWindow,
): number {
  let count = 0;
  for (const review of records) {
    if (review.state === 'PENDING' || review.submittedAt === null || isUser(review.pullAuthorLogin)) continue;
    if (isInside(window, parseTimestamp(review.submittedAt))) count++;
  }
  return count;
}
