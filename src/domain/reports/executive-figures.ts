/**
 * What the executive report's sentences are written from. `Figures` holds
 * counts and scores only, so a sentence built from it cannot name anyone;
 * `Names` exists only when the report may name people.
 */
import { HIGH_RISK, type TeamFacts } from './team-figures';
import type { BurnoutRisk, PersonFigure, TeamAnalysis } from './types';

/** Capacity below this percent is "spare capacity", in the findings and the conclusion alike. */
export const SPARE_CAPACITY = 60;

/** `teamFacts` (from buildTeamAnalysis) adds aggregate findings; without it they are left out. */
export type ReportTeam = TeamAnalysis & { readonly teamFacts?: TeamFacts };

/** What the sentences may use: figures only, no one's name or login. */
export interface Figures {
  readonly teamSize: number;
  readonly analysed: number;
  readonly pending: number;
  readonly rated: number;
  readonly windowDays: number;
  readonly averageCodeQuality: number;
  readonly totalCommits: number;
  readonly teamHealth: string;
  readonly topScore: number | null;
  readonly supportScore: number | null;
  readonly highRisks: readonly { readonly riskScore: number; readonly pattern: string }[];
  readonly elevatedRisks: readonly { readonly riskScore: number; readonly pattern: string }[];
  readonly levels: TeamAnalysis['charts']['burnoutLevels'];
  readonly hiring: TeamAnalysis['hiringJustification'];
  readonly weeks: TeamAnalysis['charts']['commitsPerWeek'];
  readonly facts: TeamFacts | undefined;
}

/** Who may be named, only when the report includes individuals. */
export interface Names {
  readonly needsSupport: TeamAnalysis['needsSupport'];
  readonly highRisks: readonly BurnoutRisk[];
  readonly elevatedRisks: readonly BurnoutRisk[];
  /** Who to pair the engineer needing support with: the top performer, unless at high burnout risk. */
  readonly mentor: PersonFigure | null;
}

export function figuresOf(team: ReportTeam): Figures {
  const withoutName = ({ riskScore, pattern }: BurnoutRisk) => ({ riskScore, pattern });
  return {
    teamSize: team.totalMembers,
    analysed: team.analysedMembers,
    pending: team.pending.length,
    rated:
      team.teamFacts?.ratedEngineers ??
      team.charts.codeQualityDistribution.reduce((sum, band) => sum + band.engineers, 0),
    windowDays: team.windowDays,
    averageCodeQuality: team.averageCodeQuality,
    totalCommits: team.totalCommits,
    teamHealth: team.teamHealth,
    topScore: team.topPerformer?.codeQualityScore ?? null,
    supportScore: team.needsSupport?.codeQualityScore ?? null,
    highRisks: team.burnoutRisks.filter((risk) => risk.riskScore >= HIGH_RISK).map(withoutName),
    elevatedRisks: team.burnoutRisks.filter((risk) => risk.riskScore < HIGH_RISK).map(withoutName),
    levels: team.charts.burnoutLevels,
    hiring: team.hiringJustification,
    weeks: team.charts.commitsPerWeek,
    facts: team.teamFacts,
  };
}

export function namesOf(team: TeamAnalysis): Names {
  const top = team.topPerformer;
  const topAtHighRisk =
    top !== null && team.burnoutRisks.some((risk) => risk.githubUsername === top.githubUsername && risk.riskScore >= HIGH_RISK);
  return {
    needsSupport: team.needsSupport,
    highRisks: team.burnoutRisks.filter((risk) => risk.riskScore >= HIGH_RISK),
    elevatedRisks: team.burnoutRisks.filter((risk) => risk.riskScore < HIGH_RISK),
    mentor: topAtHighRisk ? null : top,
  };
}
