/** The executive report's key findings: code quality, productivity and burnout, each from `Figures`. */
import { SPARE_CAPACITY, type Figures, type Names } from './executive-figures';
import { count, integer, joinAnd, percentOf, score, scoreRange } from './format';
import { QUALITY_CONFIDENCE } from '../scores/evidence';
import { capacityJudged, capacityLabelOf, NEAR_LIMIT } from './hiring';
import {
  GOOD_QUALITY,
  HEALTHY_REVIEW_COVERAGE,
  LISTED_RISK,
  LOW_QUALITY,
  NO_SINGLE_PATTERN,
  REVIEWABLE_PR_LINES,
  type TeamFacts,
} from './team-figures';

/** Scores within this range of each other are "consistent quality". */
const CONSISTENT_SPREAD = 2;
/** Commits of this many latest weeks against as many before: "month over month". */
const VELOCITY_WEEKS = 4;
/** A change in velocity smaller than this, in percent, is "steady". */
const STEADY_VELOCITY = 5;
const MAX_PATTERNS = 3;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const isAre = (value: number) => (value === 1 ? 'is' : 'are');
const hasHave = (value: number) => (value === 1 ? 'has' : 'have');

function reviewFinding(facts: TeamFacts): string {
  if (facts.reviewCoverage === null) return 'No merged pull requests in the window, so review coverage could not be assessed';
  const reviewed = `${percentOf(facts.reviewCoverage)}% of ${count(facts.mergedPullRequests, 'merged pull request')} had an approving review`;
  if (facts.reviewCoverage >= HEALTHY_REVIEW_COVERAGE) return `Strong peer review culture: ${reviewed}`;
  const target = `(target ${percentOf(HEALTHY_REVIEW_COVERAGE)}%)`;
  return facts.reviewCoverage >= 0.5 ? `Review culture is uneven: ${reviewed} ${target}` : `Weak review culture: only ${reviewed} ${target}`;
}

export function codeQualityFindings(f: Figures, names?: Names): string[] {
  if (f.rated === 0) return ['No engineer has enough activity to rate code quality yet'];
  const findings: string[] = [];
  const { facts } = f;
  findings.push(
    facts === undefined
      ? `Team average code quality ${score(f.averageCodeQuality)}/10 over ${count(f.rated, 'rated engineer')}`
      : `${percentOf(facts.engineersAtOrAbove7 / f.rated)}% of engineers score ${score(GOOD_QUALITY)} or above (${facts.engineersAtOrAbove7} of ${f.rated}); team average ${score(f.averageCodeQuality)}/10`,
  );
  if (f.topScore !== null && f.supportScore !== null) {
    const range = `scores range from ${score(f.supportScore)} to ${score(f.topScore)}`;
    findings.push(
      f.topScore - f.supportScore <= CONSISTENT_SPREAD ? `Consistent quality across the team: ${range}` : `Uneven quality: ${range}`,
    );
  }
  if (facts !== undefined) {
    findings.push(reviewFinding(facts));
    const large = facts.engineersWithLargePullRequests;
    if (large > 0) {
      findings.push(
        `${large} of ${count(f.rated, 'engineer')} ${hasHave(large)} a median pull request above ${REVIEWABLE_PR_LINES} changed lines`,
      );
    }
  }
  const support = names?.needsSupport ?? null;
  if (support !== null && support.codeQualityScore < GOOD_QUALITY) {
    findings.push(`${support.name} (${score(support.codeQualityScore)}/10) needs support: ${lowerFirst(support.recommendation)}`);
  } else if (names === undefined && facts !== undefined && facts.engineersBelow6 > 0) {
    findings.push(
      `${count(facts.engineersBelow6, 'engineer')} ${facts.engineersBelow6 === 1 ? 'scores' : 'score'} below ${score(LOW_QUALITY)} and would benefit from mentoring`,
    );
  } else if (names === undefined && f.supportScore !== null && f.supportScore < GOOD_QUALITY) {
    findings.push(`The engineer with the lowest code quality (${score(f.supportScore)}/10) would benefit from mentoring`);
  }
  if (facts !== undefined && f.analysed > facts.ratedEngineers) {
    const unrated = f.analysed - facts.ratedEngineers;
    findings.push(`${count(unrated, 'engineer')} had too little activity in the window to score (fewer than ${QUALITY_CONFIDENCE.scored.commits} commits and no pull request) and ${isAre(unrated)} not rated`);
  }
  return findings;
}

function velocityFinding(allWeeks: Figures['weeks']): string | null {
  // A short week would read as a slowdown that is only fewer days.
  const weeks = allWeeks.filter((week) => week.partial !== true);
  if (weeks.length < 2 * VELOCITY_WEEKS) return null;
  const sum = (from: number, to: number) => weeks.slice(from, to).reduce((total, week) => total + week.commits, 0);
  const recent = sum(-VELOCITY_WEEKS, weeks.length);
  const previous = sum(-2 * VELOCITY_WEEKS, -VELOCITY_WEEKS);
  if (previous === 0) return null;
  const change = Math.round((100 * (recent - previous)) / previous);
  const detail = `${integer(recent)} commits in the last ${VELOCITY_WEEKS} weeks vs ${integer(previous)} in the ${VELOCITY_WEEKS} before`;
  if (Math.abs(change) < STEADY_VELOCITY) return `Velocity steady month over month (${detail})`;
  return `Velocity ${change > 0 ? 'up' : 'down'} ${Math.abs(change)}% month over month (${detail})`;
}

export function productivityFindings(f: Figures): string[] {
  if (f.analysed === 0) return ['No engineer analysed yet, so there are no productivity figures'];
  const { capacityPercent } = f.hiring.figures;
  const judged = capacityJudged(f.hiring);
  const findings = [judged ? `Team at ${capacityPercent}% capacity (${capacityLabelOf(capacityPercent)})` : f.hiring.currentCapacity];
  const velocity = velocityFinding(f.weeks);
  if (velocity !== null) findings.push(velocity);
  findings.push(
    `${count(f.totalCommits, 'commit')} across ${count(f.analysed, 'analysed engineer')} in the last ${f.windowDays} days (${integer(f.totalCommits / f.analysed)} per engineer)`,
  );
  if (!judged) {
    // Nothing to say of slack or overload: the first finding says what evidence is missing.
  } else if (capacityPercent >= 100) findings.push('Risk: the team is working beyond sustainable capacity');
  else if (capacityPercent >= NEAR_LIMIT) findings.push('Risk: little slack to absorb unexpected work or an absence');
  else if (capacityPercent < SPARE_CAPACITY) findings.push('Spare capacity to take on new work');
  if (f.facts !== undefined && f.facts.lateNightShare + f.facts.weekendShare > 0) {
    findings.push(
      `${percentOf(f.facts.lateNightShare)}% of commits made late at night and ${percentOf(f.facts.weekendShare)}% on weekends`,
    );
  }
  if (f.pending > 0) findings.push(`${count(f.pending, 'engineer')} still being analysed ${isAre(f.pending)} not in these figures`);
  return findings;
}

export function burnoutFindings(f: Figures, names?: Names): string[] {
  if (f.analysed === 0) return ['No engineer analysed yet, so there are no burnout figures'];
  const { high, medium, low } = f.levels;
  const findings: string[] = [];
  if (high > 0) {
    const scores = f.highRisks.map((risk) => risk.riskScore);
    findings.push(
      names === undefined || names.highRisks.length === 0
        ? `${count(high, 'engineer')} at HIGH risk${scores.length > 0 ? ` (${scoreRange(scores)}/10)` : ''}`
        : `${count(high, 'engineer')} at HIGH risk: ${joinAnd(names.highRisks.map((risk) => `${risk.name} (${score(risk.riskScore)}/10)`))}`,
    );
  }
  if (medium > 0) {
    const elevated = f.elevatedRisks.map((risk) => risk.riskScore);
    const who =
      names === undefined || names.elevatedRisks.length === 0 ? '' : `: ${joinAnd(names.elevatedRisks.map((risk) => risk.name))}`;
    const detail =
      elevated.length === 0
        ? `(${medium === 1 ? '' : 'all '}below ${score(LISTED_RISK)}/10)`
        : elevated.length === medium
          ? `(${scoreRange(elevated)}/10${who})`
          : `(${elevated.length} of them at ${scoreRange(elevated)}/10${who})`;
    findings.push(`${count(medium, 'engineer')} at MEDIUM risk ${detail}`);
  }
  if (high + medium === 0) findings.push('No engineer at high or medium burnout risk');
  const patterns = [...new Set([...f.highRisks, ...f.elevatedRisks].map((risk) => risk.pattern))].filter(
    (pattern) => pattern !== NO_SINGLE_PATTERN,
  );
  if (patterns.length > 0) findings.push(`Leading patterns: ${patterns.slice(0, MAX_PATTERNS).join('; ')}`);
  if (high + medium > 0 && low > 0) findings.push(`${count(low, 'engineer')} at LOW risk`);
  return findings;
}
