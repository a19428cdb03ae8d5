import type { PullRequestRecord } from '../activity';
import { medianOf } from './median';
import type { AnalysisWindow, LoginMatcher } from './scope';
import { isBotLogin, isInside } from './scope';
import { HOUR_MS, parseTimestamp } from './time';

/** A pull request changing more lines than this (additions + deletions) is "very large". */
export const LARGE_PR_LINES = 1000;

export interface PullRequestFacts {
  readonly pullRequests: number;
  readonly mergedPullRequests: number;
  readonly approvedMergedPullRequests: number;
  readonly largePullRequests: number;
  readonly medianPrSize: number | null;
  readonly medianPrCycleTimeHours: number | null;
}

/**
 * An APPROVED review counts for coverage when it was submitted strictly
 * before the merge, by a person other than the author: not the author
 * (case-insensitive) and not a `[bot]` account. A review whose reviewer
 * GitHub no longer knows (a deleted account, `null`) counts: it was someone
 * else, since the author's own account exists.
 */
export function hasApprovalBeforeMerge(pull: PullRequestRecord, mergedAt: number, isAuthor: LoginMatcher): boolean {
  return pull.reviews.some(
    (review) =>
      review.state === 'APPROVED' &&
      review.submittedAt !== null &&
      parseTimestamp(review.submittedAt) < mergedAt &&
      !isAuthor(review.reviewerLogin) &&
      !(review.reviewerLogin !== null && isBotLogin(review.reviewerLogin)),
  );
}

/**
 * Pull requests the person authored that were created inside the window,
 * each (repo, number) once. "Merged" means merged by the moment of
 * analysis: a `mergedAt` after `now` (replaying history) is not merged yet.
 */
export function pullRequestFacts(
  records: readonly PullRequestRecord[],
  isUser: LoginMatcher,
  window: AnalysisWindow,
): PullRequestFacts {
  const seen = new Set<string>();
  const sizes: number[] = [];
  const cycleHours: number[] = [];
  let approved = 0;
  let large = 0;

  for (const pull of records) {
    if (!isUser(pull.authorLogin)) continue;
    const createdAt = parseTimestamp(pull.createdAt);
    if (!isInside(window, createdAt)) continue;
    const key = `${pull.repo}#${pull.number}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const size = pull.additions + pull.deletions;
    sizes.push(size);
    if (size > LARGE_PR_LINES) large++;
    const mergedAt = pull.mergedAt === null ? Number.NaN : parseTimestamp(pull.mergedAt);
    if (!(mergedAt <= window.end)) continue;
    cycleHours.push((mergedAt - createdAt) / HOUR_MS);
    if (hasApprovalBeforeMerge(pull, mergedAt, isUser)) approved++;
  }

  return {
    pullRequests: sizes.length,
    mergedPullRequests: cycleHours.length,
    approvedMergedPullRequests: approved,
    largePullRequests: large,
    medianPrSize: medianOf(sizes),
    medianPrCycleTimeHours: medianOf(cycleHours),
  };
}
