import type { Activity, CommitRecord, GivenReviewRecord, IssueRecord, PullRequestRecord } from '../activity';
import { isBotLogin } from '../metrics/scope';

/**
 * How synced activity is stored: one slice per person, month and
 * repository. A repository's sync owns every slice of that repository, so
 * two repositories syncing at once never write the same item; a person's
 * analysis reads all their slices of the window's months in one Query; and
 * no slice grows with history (a month of one repository is bounded).
 *
 * Months follow the dates the metrics count by (metrics.md): a commit's
 * author date, a pull request's and an issue's creation, a review's
 * submission. A pull request stays in the month it was opened, however
 * late it merges, so updating it rewrites one known slice.
 */
export interface ActivitySlice {
  /** Lower case: GitHub logins are case-insensitive. */
  readonly login: string;
  /** `YYYY-MM`, UTC. */
  readonly month: string;
  /** `owner/name` as GitHub spells it. */
  readonly repo: string;
  readonly commits: readonly CommitRecord[];
  readonly pullRequests: readonly PullRequestRecord[];
  readonly reviewsGiven: readonly GivenReviewRecord[];
  readonly issues: readonly IssueRecord[];
}

/** What one repository's sync fetched: new commits, the pull requests that changed (each with all its reviews), new or changed issues. */
export interface RepositoryActivity {
  readonly repo: string;
  readonly commits: readonly CommitRecord[];
  readonly pullRequests: readonly PullRequestRecord[];
  readonly issues: readonly IssueRecord[];
}

export const monthOf = (iso: string): string => iso.slice(0, 7);

export const sliceId = (slice: Pick<ActivitySlice, 'login' | 'month' | 'repo'>): string => `${slice.login}|${slice.month}|${slice.repo.toLowerCase()}`;

function person(login: string | null): string | undefined {
  return login && !isBotLogin(login) ? login.toLowerCase() : undefined;
}

type Draft = { -readonly [K in keyof ActivitySlice]: ActivitySlice[K] extends readonly (infer T)[] ? T[] : ActivitySlice[K] };

/** Splits one repository's fetched activity into the slices it touches; reviews become the reviewer's given reviews. */
export function slicesOf(activity: RepositoryActivity): ActivitySlice[] {
  const drafts = new Map<string, Draft>();
  const draft = (login: string, month: string): Draft => {
    const key = sliceId({ login, month, repo: activity.repo });
    let found = drafts.get(key);
    if (!found) {
      found = { login, month, repo: activity.repo, commits: [], pullRequests: [], reviewsGiven: [], issues: [] };
      drafts.set(key, found);
    }
    return found;
  };
  for (const commit of activity.commits) {
    const login = person(commit.authorLogin);
    if (login) draft(login, monthOf(commit.authoredAt)).commits.push(commit);
  }
  for (const pull of activity.pullRequests) {
    const author = person(pull.authorLogin);
    if (author) draft(author, monthOf(pull.createdAt)).pullRequests.push(pull);
    for (const review of pull.reviews) {
      const reviewer = person(review.reviewerLogin);
      if (!reviewer || review.submittedAt === null || review.state === 'PENDING') continue;
      draft(reviewer, monthOf(review.submittedAt)).reviewsGiven.push({
        repo: activity.repo,
        pullNumber: pull.number,
        pullAuthorLogin: pull.authorLogin,
        state: review.state,
        submittedAt: review.submittedAt,
      });
    }
  }
  for (const issue of activity.issues) {
    const login = person(issue.authorLogin);
    if (login) draft(login, monthOf(issue.createdAt)).issues.push(issue);
  }
  return [...drafts.values()];
}

/**
 * A stored slice with a sync's fresh one: commits by sha, pull requests and
 * issues by number (the fresh one wins), and the given reviews of every
 * pull request the sync re-read replaced by what it read now (a review
 * GitHub dropped or dismissed does not linger). `stored` may be undefined
 * (a new slice) and `fresh` may be empty (the slice only lost reviews).
 */
export function mergeSlice(stored: ActivitySlice | undefined, fresh: ActivitySlice, reread: ReadonlySet<number>): ActivitySlice {
  if (!stored) return fresh;
  const bySha = new Map(stored.commits.map((commit) => [commit.sha, commit]));
  for (const commit of fresh.commits) bySha.set(commit.sha, commit);
  const pulls = new Map(stored.pullRequests.map((pull) => [pull.number, pull]));
  for (const pull of fresh.pullRequests) pulls.set(pull.number, pull);
  const issues = new Map(stored.issues.map((issue) => [issue.number, issue]));
  for (const issue of fresh.issues) issues.set(issue.number, issue);
  return {
    ...fresh,
    commits: [...bySha.values()],
    pullRequests: [...pulls.values()],
    reviewsGiven: [...stored.reviewsGiven.filter((review) => !reread.has(review.pullNumber)), ...fresh.reviewsGiven],
    issues: [...issues.values()],
  };
}

/** The slices a sync must write: every fresh slice merged, and every stored slice that held a review of a re-read pull request. */
export function slicesToWrite(
  stored: ReadonlyMap<string, ActivitySlice>,
  fresh: readonly ActivitySlice[],
  reread: ReadonlySet<number>,
): ActivitySlice[] {
  const written = new Map(fresh.map((slice) => [sliceId(slice), mergeSlice(stored.get(sliceId(slice)), slice, reread)]));
  for (const [id, slice] of stored) {
    if (written.has(id) || !slice.reviewsGiven.some((review) => reread.has(review.pullNumber))) continue;
    written.set(id, mergeSlice(slice, { ...slice, commits: [], pullRequests: [], reviewsGiven: [], issues: [] }, reread));
  }
  return [...written.values()];
}

/** One person's activity from their slices (any repositories, any months), as the metrics read it. */
export function activityOf(login: string, slices: readonly ActivitySlice[]): Activity {
  return {
    login,
    commits: slices.flatMap((slice) => slice.commits),
    pullRequests: slices.flatMap((slice) => slice.pullRequests),
    reviewsGiven: slices.flatMap((slice) => slice.reviewsGiven),
    issues: slices.flatMap((slice) => slice.issues),
  };
}
