/**
 * The heuristic engine's sentences for the team analysis (an admin's view:
 * people are named). Every sentence carries the figure it rests on.
 */
import type { MemberAnalysis } from '../analysis/member-analysis';
import { capacityLabelOf } from './hiring';
import { NOT_ENOUGH_DATA } from './hiring-advice';
import { count, integer, joinAnd, percentOf, score, scoreRange } from './format';
import {
  GOOD_QUALITY,
  HEALTHY_REVIEW_COVERAGE,
  HIGH_RISK,
  REVIEWABLE_PR_LINES,
  type TeamFacts,
} from './team-figures';
import type { BurnoutRisk, HiringJustification, PersonFigure } from './types';

/** Reverts at or above this share of commits call for tests before merging (as in the member notes). */
const FREQUENT_REVERT_SHARE = 0.05;
/** At most this many concrete actions in one person's recommendation. */
const MAX_ACTIONS = 2;

/** The advice that rests on no one's figures: for a reader who may not see the figures behind the specific one. */
export const GENERAL_SUPPORT = 'Pair programming with a senior developer and regular code review sessions';

/**
 * What the engineer with the lowest code quality should work on, from their
 * weakest signals, biggest changes first (they make every other signal worse).
 * No pull requests in the data is no advice to open them: GitHub may hold
 * them where the sync cannot see.
 */
export function supportRecommendationOf(analysis: MemberAnalysis): string {
  const { metrics } = analysis;
  const actions: string[] = [];
  if (metrics.medianPrSize !== null && metrics.medianPrSize > REVIEWABLE_PR_LINES) {
    actions.push(`split changes into smaller reviewed pull requests (median ${integer(metrics.medianPrSize)} changed lines)`);
  }
  if (metrics.reviewCoverage !== null && metrics.reviewCoverage < HEALTHY_REVIEW_COVERAGE) {
    actions.push(`get an approving review before each merge (${percentOf(metrics.reviewCoverage)}% of merges reviewed)`);
  }
  if (metrics.revertCommitRatio >= FREQUENT_REVERT_SHARE) {
    actions.push(`add tests before merging (${percentOf(metrics.revertCommitRatio)}% of commits are reverts)`);
  }
  if (actions.length === 0) return GENERAL_SUPPORT;
  return `Pair programming with a senior developer to ${joinAnd(actions.slice(0, MAX_ACTIONS))}`;
}

export interface TeamNotesInput {
  readonly windowDays: number;
  readonly totalMembers: number;
  readonly analysedMembers: number;
  readonly pending: readonly { readonly name: string; readonly githubUsername: string }[];
  readonly averageCodeQuality: number;
  readonly totalCommits: number;
  readonly topPerformer: PersonFigure | null;
  readonly needsSupport: (PersonFigure & { readonly recommendation: string }) | null;
  /** The person to pair `needsSupport` with: the best-scoring engineer not at high burnout risk. */
  readonly mentor: PersonFigure | null;
  readonly burnoutRisks: readonly BurnoutRisk[];
  readonly hiring: HiringJustification;
  readonly facts: TeamFacts;
}

const describeRisk = (risk: BurnoutRisk) => `${risk.name} (${score(risk.riskScore)}/10: ${risk.pattern})`;

export function teamInsightsOf(input: TeamNotesInput): string[] {
  const { facts, analysedMembers, windowDays } = input;
  const insights: string[] = [];
  if (analysedMembers > 0) {
    const perEngineer = Math.round(input.totalCommits / analysedMembers);
    insights.push(
      `${count(input.totalCommits, 'commit')} across ${count(analysedMembers, 'analysed engineer')} in the last ${windowDays} days (${integer(perEngineer)} per engineer)`,
    );
  }
  if (facts.ratedEngineers > 0) {
    insights.push(
      `Average code quality ${score(input.averageCodeQuality)}/10; ${facts.engineersAtOrAbove7} of ${count(facts.ratedEngineers, 'engineer')} score ${score(GOOD_QUALITY)} or above`,
    );
  }
  if (facts.reviewCoverage !== null) {
    insights.push(
      `${percentOf(facts.reviewCoverage)}% of ${count(facts.mergedPullRequests, 'merged pull request')} had an approving review before the merge`,
    );
  }
  const high = input.burnoutRisks.filter((risk) => risk.riskScore >= HIGH_RISK);
  const elevated = input.burnoutRisks.filter((risk) => risk.riskScore < HIGH_RISK);
  if (high.length > 0) {
    insights.push(`${count(high.length, 'engineer')} showing critical burnout signs: ${joinAnd(high.map(describeRisk))}`);
  } else if (analysedMembers > 0) {
    insights.push('No engineer at high burnout risk');
  }
  if (elevated.length > 0) {
    insights.push(
      `${count(elevated.length, 'engineer')} at elevated burnout risk (${scoreRange(elevated.map((risk) => risk.riskScore))}/10): ${joinAnd(elevated.map((risk) => risk.name))}`,
    );
  }
  if (input.needsSupport !== null) {
    insights.push(
      `${input.needsSupport.name} has the lowest code quality (${score(input.needsSupport.codeQualityScore)}/10) and would benefit from mentoring`,
    );
  }
  if (analysedMembers > 0) insights.push(capacityInsightOf(input.hiring));
  if (input.pending.length > 0) {
    insights.push(
      `${count(input.pending.length, 'engineer')} not analysed yet (${joinAnd(input.pending.map((person) => person.name))}): counted in the team size of ${input.totalMembers}, left out of averages and totals`,
    );
  }
  const unrated = analysedMembers - facts.ratedEngineers;
  if (unrated > 0) {
    insights.push(
      `${count(unrated, 'engineer')} without enough activity in the last ${windowDays} days for a code-quality score: left out of the team's quality figures`,
    );
  }
  return insights;
}

/** The capacity line of the insights: the justification's figure and label, or what is missing. */
function capacityInsightOf(hiring: HiringJustification): string {
  if (hiring.currentCapacity.startsWith(NOT_ENOUGH_DATA)) return hiring.currentCapacity;
  const { capacityPercent } = hiring.figures;
  return `Team at ${capacityPercent}% capacity (${capacityLabelOf(capacityPercent)})`;
}

export function teamRecommendationsOf(input: TeamNotesInput): string[] {
  const { facts, hiring } = input;
  const recommendations: string[] = [];
  for (const risk of input.burnoutRisks) {
    recommendations.push(
      risk.riskScore >= HIGH_RISK
        ? `URGENT: Address ${risk.name}'s burnout (${score(risk.riskScore)}/10 risk: ${risk.pattern}): schedule a 1:1 this week and lighten their workload`
        : `Check in with ${risk.name} at the next 1:1 (${score(risk.riskScore)}/10 burnout risk: ${risk.pattern})`,
    );
  }
  const support = input.needsSupport;
  if (support !== null) {
    recommendations.push(
      input.mentor === null
        ? `Assign ${support.name} a senior mentor (code quality ${score(support.codeQualityScore)}/10)`
        : `Pair ${support.name} with ${input.mentor.name} for mentoring (code quality ${score(support.codeQualityScore)}/10 vs ${score(input.mentor.codeQualityScore)}/10)`,
    );
  }
  // The hiring justification's own sentence: one source, so the two never disagree.
  if (input.analysedMembers > 0) recommendations.push(hiring.recommendation);
  if (facts.reviewCoverage !== null && facts.reviewCoverage < HEALTHY_REVIEW_COVERAGE) {
    recommendations.push(
      `Implement a code review process: ${percentOf(facts.reviewCoverage)}% of merged pull requests had an approving review (target ${percentOf(HEALTHY_REVIEW_COVERAGE)}%)`,
    );
  }
  if (facts.engineersWithLargePullRequests > 0) {
    recommendations.push(
      `Agree a pull request size limit of ${REVIEWABLE_PR_LINES} changed lines: ${count(facts.engineersWithLargePullRequests, 'engineer')} ${facts.engineersWithLargePullRequests === 1 ? 'has' : 'have'} a larger median`,
    );
  }
  if (input.pending.length > 0) {
    const pending = input.pending.length;
    recommendations.push(
      `Run the team analysis again once the ${count(pending, 'pending analysis', 'pending analyses')} ${pending === 1 ? 'is' : 'are'} collected`,
    );
  }
  return recommendations;
}
