/** The executive report's recommendations by horizon: this week, the next months, and the long term. */
import type { Figures, Names } from './executive-figures';
import { count, joinAnd, percentOf, score, scoreRange } from './format';
import { NEAR_LIMIT } from './hiring';
import { GOOD_QUALITY, HEALTHY_REVIEW_COVERAGE, REVIEWABLE_PR_LINES } from './team-figures';

/** Team late-night share from which working hours need a policy even without a high risk. */
const LATE_NIGHT_POLICY_SHARE = 0.15;
/** Team late-night share from which out-of-hours work should be planned (an on-call rotation). */
const ON_CALL_SHARE = 0.1;
/** Revert share from which automated testing is a long-term investment. */
const TESTING_REVERT_SHARE = 0.03;

export function immediateActions(f: Figures, names?: Names): string[] {
  if (f.analysed === 0) return ["Collect the engineers' analyses: none is available yet"];
  const actions: string[] = [];
  const high = f.levels.high;
  if (high > 0) {
    if (names !== undefined && names.highRisks.length > 0) {
      for (const risk of names.highRisks) {
        actions.push(`Address ${risk.name}'s burnout this week (${score(risk.riskScore)}/10: ${risk.pattern}): a 1:1 and a lighter workload`);
      }
    } else {
      actions.push(
        `Address the ${high === 1 ? 'engineer' : `${high} engineers`} at high burnout risk this week: a 1:1 and a lighter workload`,
      );
    }
  }
  const facts = f.facts;
  if (high > 0 || (facts !== undefined && facts.lateNightShare >= LATE_NIGHT_POLICY_SHARE)) {
    const figures =
      facts === undefined
        ? ''
        : ` (${percentOf(facts.lateNightShare)}% of commits are made late at night, ${percentOf(facts.weekendShare)}% on weekends)`;
    actions.push(`Implement a mandatory time-off and no-work-after-hours policy${figures}`);
  }
  if (f.elevatedRisks.length > 0) {
    const range = scoreRange(f.elevatedRisks.map((risk) => risk.riskScore));
    actions.push(
      names === undefined || names.elevatedRisks.length === 0
        ? `Check in with the ${count(f.elevatedRisks.length, 'engineer')} at elevated burnout risk (${range}/10) at their next 1:1`
        : `Check in with ${joinAnd(names.elevatedRisks.map((risk) => risk.name))} at the next 1:1 (elevated burnout risk, ${range}/10)`,
    );
  }
  if (actions.length === 0) actions.push('No urgent action: no engineer at high or elevated burnout risk');
  return actions;
}

export function shortTermActions(f: Figures, names?: Names): string[] {
  const actions: string[] = [];
  const { capacityPercent, suggestedHires } = f.hiring.figures;
  if (f.analysed > 0 && (suggestedHires > 0 || capacityPercent >= NEAR_LIMIT || f.levels.high > 0)) {
    actions.push(f.hiring.recommendation);
  }
  const support = names?.needsSupport ?? null;
  if (support !== null && support.codeQualityScore < GOOD_QUALITY) {
    actions.push(
      `Pair ${support.name} with ${names?.mentor?.name ?? 'a senior engineer'} for mentoring and weekly code review sessions`,
    );
  } else if (names === undefined && f.supportScore !== null && f.supportScore < GOOD_QUALITY) {
    actions.push(`Give the engineer with the lowest code quality (${score(f.supportScore)}/10) a senior mentor for pair programming`);
  }
  const facts = f.facts;
  if (facts !== undefined) {
    if (facts.reviewCoverage !== null && facts.reviewCoverage < HEALTHY_REVIEW_COVERAGE) {
      actions.push(
        `Establish code review SLAs: an approving review on at least ${percentOf(HEALTHY_REVIEW_COVERAGE)}% of merges (now ${percentOf(facts.reviewCoverage)}%)`,
      );
    }
    if (facts.engineersWithLargePullRequests > 0) {
      actions.push(`Agree a pull request size limit of ${REVIEWABLE_PR_LINES} changed lines`);
    }
    if (facts.lateNightShare >= ON_CALL_SHARE && capacityPercent >= NEAR_LIMIT) {
      actions.push('Implement an on-call rotation so out-of-hours work is shared and planned');
    }
  }
  if (f.pending > 0) actions.push(`Complete the analysis of the ${count(f.pending, 'pending engineer')} and update this report`);
  if (actions.length === 0) actions.push('Keep current practices and measure again next month');
  return actions;
}

export function longTermActions(f: Figures): string[] {
  if (f.analysed === 0) return ['Run this report again once engineers are analysed'];
  const actions: string[] = [];
  const hires = f.hiring.figures.suggestedHires;
  actions.push(
    hires > 0
      ? `Grow the team to ${f.teamSize + hires} engineers and measure capacity again each quarter`
      : `Measure capacity again each quarter and plan hiring before it passes ${NEAR_LIMIT}%`,
  );
  const facts = f.facts;
  if (facts !== undefined && facts.revertShare >= TESTING_REVERT_SHARE) {
    actions.push(`Invest in automated testing: ${percentOf(facts.revertShare)}% of commits are reverts`);
  }
  if (facts !== undefined && facts.capacity.mentors >= 2) {
    actions.push(
      `Leadership development for the ${facts.capacity.mentors} experienced engineers who mentor and review (code quality ${score(GOOD_QUALITY)} or above at a sustainable pace)`,
    );
  }
  actions.push('Monthly burnout check-ins and a quarterly code quality review with this report');
  return actions;
}
