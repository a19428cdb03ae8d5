import type { paths } from './openapi';

/**
 * Named shapes of the API's answers, for screens' props: aliases of the
 * types generated from the OpenAPI document. Where a route's success answer
 * is not typed there yet, the shape is written here from the contract (docs,
 * src/domain) and replaced by the generated type once it is.
 */

export type Members = paths['/team/members']['get']['responses'][200]['content']['application/json'];
export type Organization = paths['/organization']['get']['responses'][200]['content']['application/json'];
export type AccessLogPage = paths['/me/access-log']['get']['responses'][200]['content']['application/json'];

export type Confidence = 'high' | 'medium' | 'low' | 'insufficient_data';

/** The sample a score rests on (metrics.md, "Enough evidence or no score"). */
export interface EvidenceBasis {
  readonly commits: number;
  readonly pullRequests: number;
  readonly reviews: number;
  readonly activeDays: number;
}

/** One input that moved a score: its value and the points it added. */
export interface Signal {
  readonly name: string;
  readonly value: number | null;
  readonly contribution: number;
}

/** `GET /sync`, also inside a `202 syncing` answer. */
export interface SyncState {
  readonly status: 'idle' | 'running' | 'waiting_for_rate_limit' | 'failed';
  readonly startedAt?: string | null;
  readonly finishedAt?: string | null;
  readonly repositories?: { readonly done: number; readonly total: number };
  readonly rateLimit?: { readonly remaining: number; readonly resetAt: string } | null;
  readonly lastError?: string | null;
}

/** `202 {"success":true,"status":"syncing","sync":{…}}`: the organization's first sync has not finished. */
export interface Syncing {
  readonly success: true;
  readonly status: 'syncing';
  readonly sync: SyncState;
}

export interface FlowFigures {
  readonly mergedPRs: number;
  readonly prThroughputPerWeek: number;
  readonly medianPrCycleTimeHours: number | null;
  readonly medianTimeToFirstReviewHours: number | null;
  readonly reviewCoverage: number | null;
  readonly deploymentsPerWeek: number;
  readonly leadTimeForChangesHours: number | null;
  readonly changeFailureRate: number | null;
  readonly timeToRestoreHours: number | null;
}

export interface TeamFlow extends FlowFigures {
  readonly windowDays: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly productionEnvironment: string;
  readonly previous: FlowFigures & { readonly windowStart: string; readonly windowEnd: string };
  readonly repositories: readonly (FlowFigures & { readonly repo: string })[];
}

export interface PersonFigure {
  readonly name: string;
  readonly githubUsername: string;
  readonly codeQualityScore: number;
  /** Absent when the reader may not see this person's commit details. */
  readonly commits?: number;
}

export interface HiringJustification {
  readonly currentCapacity: string;
  readonly burnoutRisk: string;
  readonly growthPotential: string;
  readonly recommendation: string;
  readonly assumptions: readonly string[];
  readonly confidence?: Confidence;
  readonly basis?: {
    readonly analysedEngineers: number;
    readonly engineersWithEnoughCommits: number;
    readonly engineersWithMeasuredPace: number;
    readonly minCommits: number;
    readonly windowDays: number;
  };
  readonly evidence?: string;
  readonly figures: {
    readonly capacityPercent: number;
    readonly engineersAtHighRisk: number;
    readonly engineersAtMediumRisk: number;
    readonly suggestedHires: number;
  };
}

export interface CommitWeek {
  readonly weekStart: string;
  readonly commits: number;
  readonly days?: number;
  readonly partial?: boolean;
}

/** `GET /ai/team-performance/{organizationId}` as the caller may see it. */
export interface TeamPerformance {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly generatedAt: string;
  readonly windowDays: number;
  readonly teamHealth: string;
  readonly overallScore: number;
  readonly totalMembers: number;
  readonly analysedMembers: number;
  readonly averageCodeQuality: number;
  readonly totalCommits: number;
  /** Null: no one to name; absent: not shared with this reader. */
  readonly topPerformer?: PersonFigure | null;
  readonly needsSupport?: (PersonFigure & { readonly recommendation?: string }) | null;
  readonly burnoutRisks: readonly { readonly name: string; readonly githubUsername: string; readonly riskScore: number; readonly pattern: string }[];
  readonly insights: readonly string[];
  readonly recommendations: readonly string[];
  readonly hiringJustification: HiringJustification;
  readonly pending?: readonly { readonly name: string; readonly githubUsername: string }[];
  readonly analysisEngine: string;
  readonly flow?: TeamFlow | null;
  readonly flowStatus?: { readonly state: 'current' | 'outdated' | 'pending'; readonly reason: string };
  readonly charts: {
    readonly codeQualityDistribution: readonly { readonly band: string; readonly engineers: number }[];
    readonly burnoutLevels: { readonly low: number; readonly medium: number; readonly high: number };
    readonly commitsPerWeek: readonly CommitWeek[];
  };
}

export interface Metrics {
  readonly totalCommits: number;
  readonly totalRepos: number;
  readonly totalPRs: number;
  readonly mergedPRs: number;
  readonly totalIssues: number;
  readonly lateNightCommitRatio: number;
  readonly weekendCommitRatio: number;
  readonly activeDays: number;
  readonly longestStreakDays: number;
  readonly medianPrCycleTimeHours: number | null;
  readonly medianPrSize: number | null;
  readonly reviewCoverage: number | null;
  readonly reviewsGiven: number;
  readonly revertCommitRatio: number;
}

interface ScoreEvidence {
  readonly confidence: Confidence;
  readonly basis: EvidenceBasis;
  readonly evidence: string;
  readonly signals: readonly Signal[];
}

/** `GET /ai/code-quality/{githubUsername}`: parts the privacy rules hide from the reader are absent. */
export interface CodeQualityAnalysis {
  readonly githubUsername: string;
  readonly analysisEngine: string;
  readonly cachedAt: string;
  readonly syncedAt?: string | null;
  readonly windowDays: number;
  readonly period?: { readonly from: string; readonly to: string; readonly timezone: string };
  readonly codeQuality?: ScoreEvidence & {
    readonly overallScore: number | null;
    readonly issues: readonly string[];
    readonly recommendations: readonly string[];
    readonly publicInsights: readonly string[];
  };
  readonly burnout?: ScoreEvidence & {
    readonly riskScore: number | null;
    readonly level: 'low' | 'medium' | 'high' | null;
    readonly patterns: readonly string[];
  };
  readonly metrics?: Metrics;
  readonly personalInsights?: readonly string[];
  readonly weeklyCommits?: readonly { readonly weekStart: string; readonly commits: number }[];
  /** Present on a `?refresh=true` answer: how many repository reads were queued. */
  readonly refresh?: { readonly queued: number };
}

/** `POST /ai/generate-report/{organizationId}`. */
export interface GeneratedReport {
  readonly reportId: string;
  readonly pdfUrl: string;
}

