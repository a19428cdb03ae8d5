import type { Activity } from '../activity';

export interface MetricsInput {
  readonly activity: Activity;
  /** The moment of analysis: the window's end. */
  readonly now: Date;
  /** Length of the window in whole days; 90 by default. */
  readonly windowDays?: number;
  /** IANA zone for local time (member's, else the organization's, else `UTC`). */
  readonly timezone: string;
}

/** The `metrics` object of a code-quality analysis: exactly the fields of metrics.md. */
export interface Metrics {
  readonly totalCommits: number;
  readonly totalRepos: number;
  readonly totalPRs: number;
  readonly mergedPRs: number;
  readonly totalIssues: number;
  /** 0..1, 2 decimals. */
  readonly lateNightCommitRatio: number;
  /** 0..1, 2 decimals. */
  readonly weekendCommitRatio: number;
  readonly activeDays: number;
  readonly longestStreakDays: number;
  /** 2 decimals; null when no merged pull requests. */
  readonly medianPrCycleTimeHours: number | null;
  /** 2 decimals; null when no pull requests. */
  readonly medianPrSize: number | null;
  /** 0..1, 2 decimals; null when no merged pull requests. */
  readonly reviewCoverage: number | null;
  readonly reviewsGiven: number;
  /** 0..1, 2 decimals. */
  readonly revertCommitRatio: number;
}

/** One week of the window, counted back from `now`; the oldest may be shorter. */
export interface WeekActivity {
  /** Inclusive for the oldest week (the window's start), exclusive otherwise. ISO-8601 UTC. */
  readonly start: string;
  /** Inclusive. ISO-8601 UTC. */
  readonly end: string;
  /** 7, or fewer for the oldest week. */
  readonly days: number;
  readonly commits: number;
  readonly lateNightCommits: number;
  readonly weekendCommits: number;
}

/** A run of consecutive local dates, `YYYY-MM-DD`, both ends inclusive. */
export interface DateRun {
  readonly days: number;
  readonly first: string;
  readonly last: string;
}

/**
 * The exact counts behind `Metrics` plus what the scores and insights need.
 * Counts rather than ratios, so that nothing downstream works from rounded
 * figures. Not part of the API's `metrics` object.
 */
export interface ActivityFacts {
  readonly windowDays: number;
  readonly timezone: string;
  readonly commits: number;
  readonly lateNightCommits: number;
  readonly weekendCommits: number;
  readonly revertCommits: number;
  readonly repos: number;
  readonly activeDays: number;
  /** The longest run (the earliest of equally long ones); null when no commits. */
  readonly longestStreak: DateRun | null;
  readonly pullRequests: number;
  readonly mergedPullRequests: number;
  /** Merged pull requests with a qualifying approval (see reviewCoverage). */
  readonly approvedMergedPullRequests: number;
  /** Pull requests changing more than LARGE_PR_LINES lines (additions + deletions). */
  readonly largePullRequests: number;
  /** Unrounded. */
  readonly medianPrSize: number | null;
  /** Unrounded. */
  readonly medianPrCycleTimeHours: number | null;
  readonly issues: number;
  readonly reviewsGiven: number;
  /** Counted commits per local hour, index 0..23. */
  readonly commitsByLocalHour: readonly number[];
  /** Counted commits per local weekday, index 0 = Sunday .. 6 = Saturday. */
  readonly commitsByLocalWeekday: readonly number[];
  /** Oldest week first. */
  readonly weekly: readonly WeekActivity[];
}

export interface MetricsResult {
  readonly metrics: Metrics;
  readonly facts: ActivityFacts;
}
