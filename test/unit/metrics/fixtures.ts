import type {
  Activity,
  CommitRecord,
  GivenReviewRecord,
  IssueRecord,
  PullRequestRecord,
  ReviewRecord,
} from '../../../src/domain/activity';
import { computeMetrics } from '../../../src/domain/metrics';
import type { MetricsResult } from '../../../src/domain/metrics';

export const LOGIN = 'alice-dev';
/** The fixed clock of these tests: a Friday. */
export const NOW = new Date('2026-03-20T12:00:00Z');
export const DAY_MS = 86_400_000;

/** `ms` before or after NOW, as GitHub's `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function daysAgo(days: number, now: Date = NOW): string {
  return isoAt(now.getTime() - days * DAY_MS);
}

let sequence = 0;

export function commit(overrides: Partial<CommitRecord> = {}): CommitRecord {
  sequence++;
  return {
    repo: 'techstartup/api',
    sha: sequence.toString(16).padStart(40, '0'),
    authorLogin: LOGIN,
    authoredAt: '2026-03-18T15:00:00Z',
    message: 'feat: add a thing',
    parents: 1,
    ...overrides,
  };
}

/** Commits authored at these instants, one each. */
export function commitsAt(...instants: string[]): CommitRecord[] {
  return instants.map((authoredAt) => commit({ authoredAt }));
}

export function review(overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return { reviewerLogin: 'bob-senior', state: 'APPROVED', submittedAt: '2026-03-10T10:00:00Z', ...overrides };
}

export function pull(overrides: Partial<PullRequestRecord> = {}): PullRequestRecord {
  sequence++;
  return {
    repo: 'techstartup/api',
    number: sequence,
    authorLogin: LOGIN,
    createdAt: '2026-03-10T09:00:00Z',
    mergedAt: '2026-03-11T09:00:00Z',
    closedAt: '2026-03-11T09:00:00Z',
    additions: 100,
    deletions: 20,
    changedFiles: 3,
    reviews: [review()],
    ...overrides,
  };
}

export function givenReview(overrides: Partial<GivenReviewRecord> = {}): GivenReviewRecord {
  sequence++;
  return {
    repo: 'techstartup/web',
    pullNumber: sequence,
    pullAuthorLogin: 'bob-senior',
    state: 'APPROVED',
    submittedAt: '2026-03-15T10:00:00Z',
    ...overrides,
  };
}

export function issue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  sequence++;
  return { repo: 'techstartup/api', number: sequence, authorLogin: LOGIN, createdAt: '2026-03-12T10:00:00Z', ...overrides };
}

export function activity(overrides: Partial<Activity> = {}): Activity {
  return { login: LOGIN, commits: [], pullRequests: [], reviewsGiven: [], issues: [], ...overrides };
}

export interface Run {
  readonly timezone?: string;
  readonly now?: Date;
  readonly windowDays?: number;
}

export function metricsFor(data: Partial<Activity>, run: Run = {}): MetricsResult {
  return computeMetrics({
    activity: activity(data),
    now: run.now ?? NOW,
    timezone: run.timezone ?? 'UTC',
    ...(run.windowDays === undefined ? {} : { windowDays: run.windowDays }),
  });
}
