import type { Activity } from '../activity';
import { computeMetrics, type ActivityFacts, type Metrics } from '../metrics';
import { personalInsights, scoreBurnout, scoreCodeQuality } from '../scores';
import type { BurnoutAssessment, CodeQualityAssessment, Evidence } from '../scores/types';

/**
 * One member's analysis as stored and served (before privacy filtering):
 * the contract's fields, plus the signals behind each score so a person can
 * see why. Built from figures only; prose can be replaced by a model's,
 * numbers never.
 */
export interface MemberAnalysis {
  readonly githubUsername: string;
  readonly analysisEngine: string;
  readonly cachedAt: string;
  /** When the activity it was computed from was last read from GitHub in full (the organization's last finished sync). */
  readonly syncedAt: string | null;
  readonly windowDays: number;
  readonly period: { readonly from: string; readonly to: string; readonly timezone: string };
  readonly codeQuality: Evidence & {
    /** Null when the evidence is too thin to score (confidence `insufficient_data`). */
    readonly overallScore: number | null;
    readonly issues: readonly string[];
    readonly recommendations: readonly string[];
    readonly publicInsights: readonly string[];
    readonly signals: CodeQualityAssessment['signals'];
  };
  readonly burnout: Evidence & {
    /** Null, with `level` null, when too few commits tell nothing about working hours. */
    readonly riskScore: number | null;
    readonly level: BurnoutAssessment['level'];
    readonly patterns: readonly string[];
    readonly signals: BurnoutAssessment['signals'];
  };
  readonly metrics: Metrics;
  readonly personalInsights: readonly string[];
  /**
   * Commits per week of the window, oldest first, for the team's charts.
   * Not a governed field of the privacy rules, so only the owner sees it in
   * their own analysis; the team analysis reads it server-side.
   */
  readonly weeklyCommits: readonly { readonly weekStart: string; readonly commits: number }[];
}

export interface Prose {
  readonly insights: readonly string[];
  readonly recommendations: readonly string[];
  readonly engine: string;
}

export interface Figures {
  readonly metrics: Metrics;
  readonly facts: ActivityFacts;
  readonly codeQuality: CodeQualityAssessment;
  readonly burnout: BurnoutAssessment;
}

export function figuresOf(activity: Activity, now: Date, windowDays: number, timezone: string): Figures {
  const { metrics, facts } = computeMetrics({ activity, now, windowDays, timezone });
  return { metrics, facts, codeQuality: scoreCodeQuality(facts), burnout: scoreBurnout(facts) };
}

export function buildMemberAnalysis(args: {
  githubUsername: string;
  figures: Figures;
  prose?: Prose;
  now: Date;
  windowDays: number;
  syncedAt?: string | null;
}): MemberAnalysis {
  const { figures, prose, now, windowDays } = args;
  return {
    githubUsername: args.githubUsername,
    analysisEngine: prose?.engine ?? 'heuristic',
    cachedAt: now.toISOString(),
    syncedAt: args.syncedAt ?? null,
    windowDays,
    period: {
      from: new Date(now.getTime() - windowDays * 86_400_000).toISOString(),
      to: now.toISOString(),
      timezone: figures.facts.timezone,
    },
    codeQuality: {
      overallScore: figures.codeQuality.overallScore,
      confidence: figures.codeQuality.confidence,
      basis: figures.codeQuality.basis,
      evidence: figures.codeQuality.evidence,
      issues: figures.codeQuality.issues,
      recommendations: prose?.recommendations ?? figures.codeQuality.recommendations,
      publicInsights: figures.codeQuality.publicInsights,
      signals: figures.codeQuality.signals,
    },
    burnout: {
      riskScore: figures.burnout.riskScore,
      level: figures.burnout.level,
      confidence: figures.burnout.confidence,
      basis: figures.burnout.basis,
      evidence: figures.burnout.evidence,
      patterns: figures.burnout.patterns,
      signals: figures.burnout.signals,
    },
    metrics: figures.metrics,
    personalInsights: prose?.insights ?? personalInsights(figures.facts),
    weeklyCommits: figures.facts.weekly.map((week) => ({ weekStart: week.start, commits: week.commits })),
  };
}
