import type { Prose } from '../analysis/member-analysis';
import type { FlowReading } from '../flow/flow-status';
import { round1 } from '../scores/scale';
import { InvalidReportInputError } from './errors';
import { compareLogins } from './format';
import { isMentor } from './capacity-model';
import { hiringJustificationOf } from './hiring';
import {
  burnoutLevelsOf,
  commitsPerWeekOf,
  LISTED_RISK,
  NO_SINGLE_PATTERN,
  qualityDistributionOf,
  qualityFactsOf,
  ratedMembersOf,
  type AnalysedMember,
  type RatedMember,
  type TeamFacts,
} from './team-figures';
import { overallScoreOf, teamHealthOf } from './team-health';
import { supportRecommendationOf, teamInsightsOf, teamRecommendationsOf } from './team-notes';
import type { BurnoutRisk, PersonFigure, TeamAnalysis, TeamMemberInput } from './types';

/** The team analysis plus the aggregate figures the executive report states (not in types.ts). */
export type TeamAnalysisWithFacts = TeamAnalysis & { readonly teamFacts: TeamFacts };

export interface TeamAnalysisInput {
  readonly organizationId: string;
  readonly organizationName: string;
  /** Engineers only: role member with a GitHub username; without `analysis` they are pending. */
  readonly members: readonly TeamMemberInput[];
  readonly now: Date;
  readonly windowDays: number;
  /** A language model's sentences: replace `insights` and `recommendations`, never a figure. */
  readonly prose?: Prose;
  /** The team's stored flow and whether it is current (domain/flow/flow-status.ts). */
  readonly flow?: FlowReading;
}

const figureOf = ({ name, githubUsername, analysis }: RatedMember): PersonFigure => ({
  name,
  githubUsername,
  codeQualityScore: analysis.codeQuality.overallScore,
  commits: analysis.metrics.totalCommits,
});

/** Best first: higher score, then more commits, then login order. */
function byStrength(a: RatedMember, b: RatedMember): number {
  return (
    b.analysis.codeQuality.overallScore - a.analysis.codeQuality.overallScore ||
    b.analysis.metrics.totalCommits - a.analysis.metrics.totalCommits ||
    compareLogins(a.githubUsername, b.githubUsername)
  );
}

/** Most in need first: lower score, then fewer commits, then login order. */
function byNeed(a: RatedMember, b: RatedMember): number {
  return (
    a.analysis.codeQuality.overallScore - b.analysis.codeQuality.overallScore ||
    a.analysis.metrics.totalCommits - b.analysis.metrics.totalCommits ||
    compareLogins(a.githubUsername, b.githubUsername)
  );
}

/** Only engineers with a burnout score can be listed: too few commits say nothing either way. */
function burnoutRisksOf(analysed: readonly AnalysedMember[]): BurnoutRisk[] {
  return analysed
    .flatMap(({ name, githubUsername, analysis }) => {
      const { riskScore, patterns } = analysis.burnout;
      if (riskScore === null || riskScore < LISTED_RISK) return [];
      return [{ name, githubUsername, riskScore, pattern: patterns[0] ?? NO_SINGLE_PATTERN }];
    })
    .sort((a, b) => b.riskScore - a.riskScore || compareLogins(a.githubUsername, b.githubUsername));
}

/**
 * The team analysis of `GET /ai/team-performance/{organizationId}`, from the
 * engineers' own analyses. Pure and deterministic: the same members (in any
 * order), clock and window give the same analysis.
 *
 * - Pending engineers (no analysis yet) count in `totalMembers` and are
 *   listed; they are in no average, total, chart or capacity figure.
 * - Engineers without enough evidence for a code-quality score (null,
 *   `insufficient_data`) are analysed but not rated: kept out of the quality
 *   average, the distribution, the overall score and the top/support picks;
 *   one without a burnout score is at no burnout level and on no risk list.
 * - topPerformer: the best rated engineer (score, then commits, then login);
 *   needsSupport: the weakest of the others, so null below 2 rated engineers.
 */
export function buildTeamAnalysis(input: TeamAnalysisInput): TeamAnalysisWithFacts {
  const { now, windowDays } = input;
  if (!Number.isInteger(windowDays) || windowDays <= 0) {
    throw new InvalidReportInputError(`windowDays must be a positive integer, not ${windowDays}`);
  }
  const members = [...input.members].sort((a, b) => compareLogins(a.githubUsername, b.githubUsername));
  const analysed: AnalysedMember[] = members.flatMap(({ name, githubUsername, analysis }) =>
    analysis === undefined ? [] : [{ name, githubUsername, analysis }],
  );
  const pending = members
    .filter(({ analysis }) => analysis === undefined)
    .map(({ name, githubUsername }) => ({ name, githubUsername }));
  const rated = ratedMembersOf(analysed);

  const strongest = [...rated].sort(byStrength);
  const top = strongest[0];
  const weakest = rated.length < 2 ? undefined : strongest.slice(1).sort(byNeed)[0];
  // The same test as the capacity model's mentors, so pairing never names someone growthPotential says cannot mentor.
  const mentor = strongest.find((member) => member !== weakest && isMentor(member.analysis));
  const needsSupport =
    weakest === undefined ? null : { ...figureOf(weakest), recommendation: supportRecommendationOf(weakest.analysis) };

  const burnoutRisks = burnoutRisksOf(analysed);
  const burnoutLevels = burnoutLevelsOf(analysed);
  const { justification: hiring, capacity } = hiringJustificationOf({
    analysed,
    windowDays,
    pendingEngineers: pending.length,
    engineersAtHighRisk: burnoutLevels.high,
    engineersAtMediumRisk: burnoutLevels.medium,
  });
  const facts: TeamFacts = { ...qualityFactsOf(analysed), capacity };
  const averageCodeQuality =
    rated.length === 0
      ? 0
      : round1(rated.reduce((sum, { analysis }) => sum + analysis.codeQuality.overallScore, 0) / rated.length);
  const totalCommits = analysed.reduce((sum, { analysis }) => sum + analysis.metrics.totalCommits, 0);
  const overallScore = overallScoreOf(analysed);
  const teamHealth = teamHealthOf({
    analysed,
    overallScore,
    engineersAtHighRisk: burnoutLevels.high,
    listedRisks: burnoutRisks.length,
  });

  const notes = {
    windowDays,
    totalMembers: members.length,
    analysedMembers: analysed.length,
    pending,
    averageCodeQuality,
    totalCommits,
    topPerformer: top === undefined ? null : figureOf(top),
    needsSupport,
    mentor: mentor === undefined ? null : figureOf(mentor),
    burnoutRisks,
    hiring,
    facts,
  };

  return {
    organizationId: input.organizationId,
    organizationName: input.organizationName,
    generatedAt: now.toISOString(),
    windowDays,
    teamHealth,
    overallScore: overallScore ?? 0,
    totalMembers: members.length,
    analysedMembers: analysed.length,
    averageCodeQuality,
    totalCommits,
    topPerformer: notes.topPerformer,
    needsSupport,
    burnoutRisks,
    insights: input.prose?.insights ?? teamInsightsOf(notes),
    recommendations: input.prose?.recommendations ?? teamRecommendationsOf(notes),
    hiringJustification: hiring,
    pending,
    analysisEngine: input.prose?.engine ?? 'heuristic',
    charts: {
      codeQualityDistribution: qualityDistributionOf(analysed),
      burnoutLevels,
      commitsPerWeek: commitsPerWeekOf(analysed, now, windowDays),
    },
    teamFacts: facts,
    ...(input.flow ?? {}),
  };
}
