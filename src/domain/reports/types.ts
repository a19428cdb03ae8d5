import type { MemberAnalysis } from '../analysis/member-analysis';
import type { TeamFacts } from './team-figures';
import type { FlowStatus } from '../flow/flow-status';
import type { FlowFigures, TeamFlow } from '../flow/types';

/** One engineer as the team analysis sees them: analysed, or still pending collection. */
export interface TeamMemberInput {
  readonly userId: string;
  readonly name: string;
  readonly githubUsername: string;
  /** Undefined while their analysis is not collected yet (the member is listed as pending). */
  readonly analysis?: MemberAnalysis;
}

export interface PersonFigure {
  readonly name: string;
  readonly githubUsername: string;
  readonly codeQualityScore: number;
  readonly commits: number;
}

/** A person's figure as one reader sees it: a figure the privacy rules hide from them is absent. */
export type PersonFigureView = Omit<PersonFigure, 'commits'> & { readonly commits?: number };
export type SupportFigureView = PersonFigureView & { readonly recommendation?: string };

export interface BurnoutRisk {
  readonly name: string;
  readonly githubUsername: string;
  readonly riskScore: number;
  /** The strongest pattern, a sentence with its figure: "45% late-night commits". */
  readonly pattern: string;
}

export interface HiringJustification {
  /** e.g. "85% (near limit)", or "Not enough data to judge capacity: …": load against a sustainable level, with how it was computed in `assumptions`. */
  readonly currentCapacity: string;
  /** e.g. "1 developer at high risk, 2 at medium risk". */
  readonly burnoutRisk: string;
  /** e.g. "Can absorb 2–3 more engineers". */
  readonly growthPotential: string;
  readonly recommendation: string;
  /** Every assumption the figures above rest on, stated. */
  readonly assumptions: readonly string[];
  /**
   * How much evidence the capacity figure rests on; `insufficient_data`: no
   * capacity figure or hiring advice is given. This field, `basis` and
   * `evidence` are absent from reports stored before they existed (reports
   * are stored whole).
   */
  readonly confidence?: 'high' | 'medium' | 'low' | 'insufficient_data';
  /** The sample behind `confidence`. */
  readonly basis?: {
    readonly analysedEngineers: number;
    /** Engineers with `minCommits` or more commits in the window: their load is evidence. */
    readonly engineersWithEnoughCommits: number;
    /** Engineers whose weekly counts carry information (enough weeks, a usual week of several commits). */
    readonly engineersWithMeasuredPace: number;
    readonly minCommits: number;
    readonly windowDays: number;
  };
  /** One sentence: what the figure rests on, or what is missing. */
  readonly evidence?: string;
  /** The numbers behind the sentences, for charts and checks. */
  readonly figures: {
    readonly capacityPercent: number;
    readonly engineersAtHighRisk: number;
    readonly engineersAtMediumRisk: number;
    readonly suggestedHires: number;
  };
}

/** One bar of the commits-per-week chart. */
export interface CommitWeek {
  readonly weekStart: string;
  readonly commits: number;
  /**
   * Days of collected activity the bar covers (7 for a whole week; absent in
   * analyses stored before it was added): the window's oldest week is shorter,
   * and the latest is cut where the last sync's data ends.
   */
  readonly days?: number;
  /** True when `days` < 7: the bar counts less than a week and must say so. */
  readonly partial?: boolean;
}

/** The contract's team analysis (`GET /ai/team-performance/{organizationId}`), plus charts' data. */
export interface TeamAnalysis {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly generatedAt: string;
  readonly windowDays: number;
  /** e.g. "GOOD with concerns". */
  readonly teamHealth: string;
  /** 0..10, 1 decimal. */
  readonly overallScore: number;
  /** Engineers analysed: role member with a GitHub username (the story's 10), pending ones included. */
  readonly totalMembers: number;
  readonly analysedMembers: number;
  readonly averageCodeQuality: number;
  readonly totalCommits: number;
  readonly topPerformer: PersonFigure | null;
  readonly needsSupport: (PersonFigure & { readonly recommendation: string }) | null;
  /** riskScore >= 6, highest first. */
  readonly burnoutRisks: readonly BurnoutRisk[];
  readonly insights: readonly string[];
  readonly recommendations: readonly string[];
  readonly hiringJustification: HiringJustification;
  /** Members whose analysis is still being collected; never silently dropped. */
  readonly pending: readonly { readonly name: string; readonly githubUsername: string }[];
  readonly analysisEngine: string;
  /** Aggregates the executive report's findings rest on (7.0+ share, review coverage, out-of-hours share). */
  readonly teamFacts?: TeamFacts;
  /** Team flow and delivery (metrics.md), as the sync's worker last computed it; null when there is none to show, `flowStatus` says why. */
  readonly flow?: TeamFlow | null;
  readonly flowStatus?: FlowStatus;
  readonly charts: {
    /** Counts of engineers per code-quality band: [0,2), [2,4), [4,6), [6,8), [8,10]. */
    readonly codeQualityDistribution: readonly { readonly band: string; readonly engineers: number }[];
    readonly burnoutLevels: { readonly low: number; readonly medium: number; readonly high: number };
    /** Team commits per week of the window, oldest first. */
    readonly commitsPerWeek: readonly CommitWeek[];
  };
}

export interface ExecutiveReportOptions {
  readonly reportType: 'executive';
  readonly includeGraphs: boolean;
  readonly includeIndividuals: boolean;
  readonly confidential: boolean;
}

/** One flow figure of the executive report's delivery section, against the window before. */
export interface DeliveryFigure {
  /** The field's name in metrics.md ("medianPrCycleTimeHours"). */
  readonly field: string;
  readonly label: string;
  readonly value: number | null;
  /** The window before's; null when it had nothing to measure. */
  readonly previous: number | null;
  readonly change: 'up' | 'down' | 'no_change' | 'no_data_before' | 'no_data';
  /** Whether the move is good news for this figure (a shorter cycle time is); null without a move. */
  readonly assessment: 'better' | 'worse' | null;
  /** The value and the previous one as the sentence shows them ("22.5 h", "no data"). */
  readonly shown: string;
  readonly shownBefore: string;
  /** The move alone, for a table's column: "down 25%", "up 15 points", "no change", "no data before", "no data". */
  readonly shownChange: string;
  /** "PR cycle time 22.5 h, down 25% from 30.1 h". */
  readonly text: string;
}

/** The delivery section: the team's flow (metrics.md) for the report's window, or why there is none. */
export interface DeliverySection {
  /** As the team analysis' flowStatus says; `pending` also when it had no flow at all. */
  readonly state: 'current' | 'outdated' | 'pending';
  /** What the figures rest on, or why none are shown. */
  readonly note: string;
  /** Only while `current`: the windows the figures count. */
  readonly window?: {
    readonly from: string;
    readonly to: string;
    readonly previousFrom: string;
    readonly previousTo: string;
    readonly days: number;
    readonly productionEnvironment: string;
  };
  readonly trend: 'improving' | 'worsening' | 'mixed' | 'steady' | 'no_comparison' | null;
  /** Every field of metrics.md's table, in its order; empty unless `current`. */
  readonly figures: readonly DeliveryFigure[];
  /** The busiest repositories (merged pull requests plus successful production deployments), busiest first. */
  readonly repositories: readonly (FlowFigures & { readonly repo: string; readonly text: string })[];
  /** Repositories with activity in the window beyond those listed. */
  readonly otherRepositories: number;
}

/** The executive report: the story's sections, with every figure from the team analysis. */
export interface ExecutiveReport {
  readonly reportId: string;
  readonly reportType: 'executive';
  readonly title: string;
  readonly organizationName: string;
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly confidential: boolean;
  readonly includeGraphs: boolean;
  readonly includeIndividuals: boolean;
  readonly analysisEngine: string;
  readonly teamOverview: {
    readonly teamSize: number;
    readonly averageCodeQuality: number;
    readonly totalCommits: number;
    readonly teamHealth: string;
    readonly pendingEngineers: number;
  };
  readonly keyFindings: {
    readonly codeQuality: readonly string[];
    readonly productivity: readonly string[];
    readonly burnout: readonly string[];
  };
  readonly recommendations: {
    readonly immediate: readonly string[];
    readonly shortTerm: readonly string[];
    readonly longTerm: readonly string[];
  };
  readonly hiringJustification: HiringJustification;
  readonly conclusion: string;
  /**
   * One paragraph up front: team health, delivery trend, the main risk and
   * the capacity line as the hiring model gives it. Absent in reports made
   * before it was added, as is `delivery`.
   */
  readonly summary?: string;
  readonly delivery?: DeliverySection;
  /** Present only with includeGraphs. */
  readonly charts?: TeamAnalysis['charts'];
  /**
   * Present only with includeIndividuals: named top performer, support and
   * risks, each as far as the reader may see it (domain/reports/reader-view).
   */
  readonly individuals?: {
    readonly topPerformer?: PersonFigureView | null;
    readonly needsSupport?: SupportFigureView | null;
    readonly burnoutRisks: readonly BurnoutRisk[];
  };
}

/**
 * The team analysis as one reader sees it (domain/reports/reader-view): a
 * person the rules hide is absent from the named fields, and the sentences
 * name them by an anonymous label or not at all.
 */
export type TeamAnalysisView = Omit<TeamAnalysis, 'topPerformer' | 'needsSupport' | 'pending'> & {
  readonly topPerformer?: PersonFigureView | null;
  readonly needsSupport?: SupportFigureView | null;
  readonly pending?: TeamAnalysis['pending'];
};
