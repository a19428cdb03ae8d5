/**
 * What the collector gathers about one person's GitHub activity, in the
 * shape the metrics need; GitHub's wire format stays in src/integrations.
 * Times are ISO-8601 strings as GitHub sends them (UTC, `Z`).
 */
export interface CommitRecord {
  /** `owner/name`. */
  readonly repo: string;
  readonly sha: string;
  /** GitHub login of the author, or null when GitHub could not link the commit to an account. */
  readonly authorLogin: string | null;
  /** Author date. */
  readonly authoredAt: string;
  readonly message: string;
  /** Number of parents; 2 or more is a merge commit. */
  readonly parents: number;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewRecord {
  readonly reviewerLogin: string | null;
  readonly state: ReviewState;
  /** Null for a pending review. */
  readonly submittedAt: string | null;
}

export interface PullRequestRecord {
  readonly repo: string;
  readonly number: number;
  readonly authorLogin: string | null;
  readonly createdAt: string;
  readonly mergedAt: string | null;
  readonly closedAt: string | null;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly reviews: readonly ReviewRecord[];
}

/** A review the person gave on someone else's pull request. */
export interface GivenReviewRecord {
  readonly repo: string;
  readonly pullNumber: number;
  readonly pullAuthorLogin: string | null;
  readonly state: ReviewState;
  readonly submittedAt: string | null;
}

export interface IssueRecord {
  readonly repo: string;
  readonly number: number;
  readonly authorLogin: string | null;
  readonly createdAt: string;
}

/**
 * Everything collected for one login in the repositories in scope. The
 * collector may include records outside the window; the metrics apply the
 * window and every other rule of metrics.md themselves.
 */
export interface Activity {
  readonly login: string;
  readonly commits: readonly CommitRecord[];
  /** Pull requests authored by the login. */
  readonly pullRequests: readonly PullRequestRecord[];
  readonly reviewsGiven: readonly GivenReviewRecord[];
  /** Issues (never pull requests) opened by the login. */
  readonly issues: readonly IssueRecord[];
}
