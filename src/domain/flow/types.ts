import type { PullRequestRecord } from '../activity';
import type { DeploymentRecord } from '../sync/deployments';

/**
 * The figures of metrics.md "Team flow and delivery", for one span of time
 * (a window or the window before) and one scope (the team, or one
 * repository). Medians and ratios are null when nothing was there to
 * measure; counts and per-week figures are then 0.
 */
export interface FlowFigures {
  readonly mergedPRs: number;
  /** 2 decimals. */
  readonly prThroughputPerWeek: number;
  /** 2 decimals. */
  readonly medianPrCycleTimeHours: number | null;
  /** 2 decimals. */
  readonly medianTimeToFirstReviewHours: number | null;
  /** 0..1, 2 decimals. */
  readonly reviewCoverage: number | null;
  /** 2 decimals. */
  readonly deploymentsPerWeek: number;
  /** 2 decimals. */
  readonly leadTimeForChangesHours: number | null;
  /** 0..1, 2 decimals. */
  readonly changeFailureRate: number | null;
  /** 2 decimals. */
  readonly timeToRestoreHours: number | null;
}

/** The team's flow: the window's figures, the window before's, and the window's per repository (team aggregates: no person named). */
export interface TeamFlow extends FlowFigures {
  readonly windowDays: number;
  /** ISO-8601 UTC; the window is `[windowStart, windowEnd]`, the one before `[previous.windowStart, windowStart)`. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** The environment counted as production (metrics.md: `production`, or `settings.productionEnvironment`). */
  readonly productionEnvironment: string;
  readonly previous: FlowFigures & { readonly windowStart: string; readonly windowEnd: string };
  /** Repositories with a merged pull request or a production deployment in the window, by name. */
  readonly repositories: readonly (FlowFigures & { readonly repo: string })[];
}

export interface FlowInput {
  /** The analysed engineers' logins (role member with a GitHub username). */
  readonly engineers: readonly string[];
  /** Pull requests with their reviews; any author and time: the rules pick. */
  readonly pullRequests: readonly PullRequestRecord[];
  /** The organization's deployments, any environment and time. */
  readonly deployments: readonly DeploymentRecord[];
  /** The moment of analysis: the window's end. */
  readonly now: Date;
  readonly windowDays: number;
  readonly productionEnvironment: string;
}
