import type { PullRequestRecord } from '../activity';
import { hasApprovalBeforeMerge } from '../metrics/pull-request-facts';
import { isBotLogin, loginMatcher } from '../metrics/scope';
import { parseTimestamp } from '../metrics/time';
import { repoKey, type Span } from './span';
import { isInSpan } from './span';

/** One merged pull request of the analysed engineers, in epoch milliseconds. */
export interface MergedPull {
  readonly repo: string;
  readonly createdAt: number;
  readonly mergedAt: number;
  /** The first review by someone other than the author (not a bot); null when none. */
  readonly firstReviewAt: number | null;
  readonly approvedBeforeMerge: boolean;
}

/** The first submitted review by someone other than the author; a `[bot]` never counts, a deleted account (null) does. */
function firstReviewOf(pull: PullRequestRecord, isAuthor: (login: string | null) => boolean): number | null {
  let first: number | null = null;
  for (const review of pull.reviews) {
    if (review.submittedAt === null || review.state === 'PENDING' || isAuthor(review.reviewerLogin)) continue;
    if (review.reviewerLogin !== null && isBotLogin(review.reviewerLogin)) continue;
    const at = parseTimestamp(review.submittedAt);
    if (first === null || at < first) first = at;
  }
  return first;
}

/**
 * Pull requests an analysed engineer authored and merged inside the span,
 * each (repository, number) once, whoever's slice it came from.
 */
export function mergedPullsOf(pulls: readonly PullRequestRecord[], engineers: readonly string[], span: Span): MergedPull[] {
  const team = new Set(engineers.filter((login) => !isBotLogin(login)).map((login) => login.toLowerCase()));
  const seen = new Set<string>();
  const merged: MergedPull[] = [];
  for (const pull of pulls) {
    if (pull.authorLogin === null || !team.has(pull.authorLogin.toLowerCase()) || pull.mergedAt === null) continue;
    const mergedAt = parseTimestamp(pull.mergedAt);
    const key = `${repoKey(pull.repo)}#${pull.number}`;
    if (!isInSpan(span, mergedAt) || seen.has(key)) continue;
    seen.add(key);
    const isAuthor = loginMatcher(pull.authorLogin);
    merged.push({
      repo: pull.repo,
      createdAt: parseTimestamp(pull.createdAt),
      mergedAt,
      firstReviewAt: firstReviewOf(pull, isAuthor),
      approvedBeforeMerge: hasApprovalBeforeMerge(pull, mergedAt, isAuthor),
    });
  }
  return merged;
}
