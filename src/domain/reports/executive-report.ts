/**
 * The executive report (`POST /ai/generate-report/{organizationId}`): the
 * story's Day 3 sections, every figure taken from the team analysis.
 *
 * Without `includeIndividuals` no person's name, email or GitHub username
 * may appear anywhere in it. That holds by construction (the sentences are
 * written from `Figures`, which has no names; `Names` is passed only when
 * people may be named) and is then checked: every name and login the team
 * analysis holds, plus `people`, is searched for in the report's text; a
 * sentence that mentions one is dropped, a single field redacted, and a
 * report that still mentions one is refused (AnonymizationError).
 */
import {
  assertNoMentions,
  identifiersOf,
  mentionsAnyone,
  redact,
  withoutMentions,
  type Identifiable,
  type Identifiers,
} from './anonymize';
import { count, integer, joinAnd, percentOf, score, scoreRange } from './format';
import { CAPACITY_MODEL, capacityLabelOf, NEAR_LIMIT } from './hiring';
import { reportPeriodOf } from './period';
import {
  GOOD_QUALITY,
  HEALTHY_REVIEW_COVERAGE,
  HIGH_RISK,
  LISTED_RISK,
  LOW_QUALITY,
  NO_SINGLE_PATTERN,
  REVIEWABLE_PR_LINES,
  type TeamFacts,
} from './team-figures';
import type { BurnoutRisk, ExecutiveReport, ExecutiveReportOptions, PersonFigure, TeamAnalysis } from './types';

export const REPORT_TITLE = 'Executive Intelligence Report';
/** Scores within this range of each other are "consistent quality". */
const CONSISTENT_SPREAD = 2;
/** Commits of this many latest weeks against as many before: "month over month". */
const VELOCITY_WEEKS = 4;
/** A change in velocity smaller than this, in percent, is "steady". */
const STEADY_VELOCITY = 5;
/** Team late-night share from which working hours need a policy even without a high risk. */
const LATE_NIGHT_POLICY_SHARE = 0.15;
/** Team late-night share from which out-of-hours work should be planned (an on-call rotation). */
const ON_CALL_SHARE = 0.1;
/** Revert share from which automated testing is a long-term investment. */
const TESTING_REVERT_SHARE = 0.03;
const MAX_PATTERNS = 3;
const SPARE_CAPACITY = 60;

/** A language model's sentences for the report: each given list replaces the heuristic one, never a figure. */
export interface ExecutiveProse {
  readonly engine: string;
  readonly keyFindings?: Partial<ExecutiveReport['keyFindings']>;
  readonly recommendations?: Partial<ExecutiveReport['recommendations']>;
  readonly conclusion?: string;
}

export interface ExecutiveReportInput {
  /** `teamFacts` (from buildTeamAnalysis) adds aggregate findings; without it they are left out. */
  readonly team: TeamAnalysis & { readonly teamFacts?: TeamFacts };
  readonly options: ExecutiveReportOptions;
  readonly reportId: string;
  /** The user id of whoever asked for it. */
  readonly generatedBy: string;
  readonly now: Date;
  readonly prose?: ExecutiveProse;
  /**
   * Further people who must not be named in an anonymous report, beyond
   * those the team analysis names: the whole roster, with emails, when at hand.
   */
  readonly people?: readonly Identifiable[];
}

/** What the sentences may use: figures only, no one's name or login. */
interface Figures {
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
interface Names {
  readonly needsSupport: TeamAnalysis['needsSupport'];
  readonly highRisks: readonly BurnoutRisk[];
  readonly elevatedRisks: readonly BurnoutRisk[];
  /** Who to pair the engineer needing support with: the top performer, unless at high burnout risk. */
  readonly mentor: PersonFigure | null;
}

function figuresOf(team: ExecutiveReportInput['team']): Figures {
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

function namesOf(team: TeamAnalysis): Names {
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

function codeQualityFindings(f: Figures, names?: Names): string[] {
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
    findings.push(`${count(unrated, 'engineer')} had no commits or pull requests in the window and ${isAre(unrated)} not rated`);
  }
  return findings;
}

function velocityFinding(weeks: Figures['weeks']): string | null {
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

function productivityFindings(f: Figures): string[] {
  if (f.analysed === 0) return ['No engineer analysed yet, so there are no productivity figures'];
  const { capacityPercent } = f.hiring.figures;
  const findings = [`Team at ${capacityPercent}% capacity (${capacityLabelOf(capacityPercent)})`];
  const velocity = velocityFinding(f.weeks);
  if (velocity !== null) findings.push(velocity);
  findings.push(
    `${count(f.totalCommits, 'commit')} across ${count(f.analysed, 'analysed engineer')} in the last ${f.windowDays} days (${integer(f.totalCommits / f.analysed)} per engineer)`,
  );
  if (capacityPercent >= 100) findings.push('Risk: the team is working beyond sustainable capacity');
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

function burnoutFindings(f: Figures, names?: Names): string[] {
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

function immediateActions(f: Figures, names?: Names): string[] {
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

function shortTermActions(f: Figures, names?: Names): string[] {
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

function longTermActions(f: Figures): string[] {
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

const HEALTH_OPENINGS: Record<string, string> = {
  EXCELLENT: 'Team is in excellent health',
  GOOD: 'Team is healthy',
  'GOOD with concerns': 'Team is healthy',
  'NEEDS ATTENTION': 'Team needs attention',
  'AT RISK': 'Team is at risk',
};

function conclusionOf(f: Figures): string {
  const opening = HEALTH_OPENINGS[f.teamHealth];
  if (f.analysed === 0 || f.rated === 0 || opening === undefined) {
    const pending = f.pending > 0 ? `: ${count(f.pending, 'engineer')} still being analysed` : '';
    return `Not enough data yet to assess the team${pending}. Run this report again once their activity is analysed.`;
  }
  const { capacityPercent, suggestedHires } = f.hiring.figures;
  const good = f.teamHealth === 'EXCELLENT' || f.teamHealth.startsWith('GOOD');
  const capacity =
    capacityPercent >= 100
      ? ` and over capacity (${capacityPercent}%)`
      : capacityPercent >= NEAR_LIMIT
        ? `${good ? ' but' : ' and'} at capacity (${capacityPercent}%)`
        : capacityPercent < SPARE_CAPACITY
          ? ` with spare capacity (${capacityPercent}%)`
          : '';
  const high = f.levels.high;
  const burnout =
    high > 0
      ? `Immediate action needed on ${count(high, 'engineer')} at high burnout risk.`
      : f.elevatedRisks.length > 0
        ? `Watch ${count(f.elevatedRisks.length, 'engineer')} at elevated burnout risk.`
        : 'No engineer at high burnout risk.';
  const hiring =
    suggestedHires > 0 ? `Hiring ${count(suggestedHires, 'engineer')} within ${CAPACITY_MODEL.hiringHorizonDays} days recommended.` : 'No hiring needed for capacity now.';
  return `${opening}${capacity}. ${burnout} ${hiring}`;
}

/** Fields of machine values (ids, instants, chart data), not text a name could be written into. */
const MACHINE_FIELDS = new Set(['reportId', 'reportType', 'generatedAt', 'generatedBy', 'period.from', 'period.to', 'analysisEngine', 'charts']);

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/u).filter((sentence) => sentence !== '');
}

/** Drops every sentence, and redacts every single field, that mentions someone. */
function scrub(report: ExecutiveReport, { strict }: Identifiers): ExecutiveReport {
  const drop = (sentences: readonly string[]) => withoutMentions(sentences, strict);
  const hiring = report.hiringJustification;
  const conclusion = drop(sentencesOf(report.conclusion)).join(' ');
  return {
    ...report,
    title: redact(report.title, strict),
    organizationName: redact(report.organizationName, strict),
    period: { ...report.period, label: redact(report.period.label, strict) },
    teamOverview: { ...report.teamOverview, teamHealth: redact(report.teamOverview.teamHealth, strict) },
    keyFindings: {
      codeQuality: drop(report.keyFindings.codeQuality),
      productivity: drop(report.keyFindings.productivity),
      burnout: drop(report.keyFindings.burnout),
    },
    recommendations: {
      immediate: drop(report.recommendations.immediate),
      shortTerm: drop(report.recommendations.shortTerm),
      longTerm: drop(report.recommendations.longTerm),
    },
    hiringJustification: {
      ...hiring,
      currentCapacity: redact(hiring.currentCapacity, strict),
      burnoutRisk: redact(hiring.burnoutRisk, strict),
      growthPotential: redact(hiring.growthPotential, strict),
      recommendation: redact(hiring.recommendation, strict),
      assumptions: drop(hiring.assumptions),
    },
    conclusion: conclusion === '' ? 'See the findings and recommendations above.' : conclusion,
  };
}

/** Everyone the team analysis names, plus `people`. */
function peopleOf(team: TeamAnalysis, people: readonly Identifiable[]): Identifiable[] {
  return [
    ...(team.topPerformer === null ? [] : [team.topPerformer]),
    ...(team.needsSupport === null ? [] : [team.needsSupport]),
    ...team.burnoutRisks,
    ...team.pending,
    ...people,
  ];
}

export function buildExecutiveReport(input: ExecutiveReportInput): ExecutiveReport {
  const { team, options, prose } = input;
  const named = options.includeIndividuals;
  const figures = figuresOf(team);
  const names = named ? namesOf(team) : undefined;
  const identifiers = named ? undefined : identifiersOf(peopleOf(team, input.people ?? []));
  // A model's sentences are held to the loose test (first names too): nothing structural keeps names out of them.
  const fromModel = (sentences: readonly string[] | undefined, fallback: string[]): readonly string[] => {
    if (sentences === undefined) return fallback;
    return identifiers === undefined ? sentences : withoutMentions(sentences, identifiers.loose);
  };
  const heuristicConclusion = conclusionOf(figures);
  const conclusion =
    prose?.conclusion === undefined || (identifiers !== undefined && mentionsAnyone(prose.conclusion, identifiers.loose))
      ? heuristicConclusion
      : prose.conclusion;
  const period = reportPeriodOf(new Date(team.generatedAt), team.windowDays);

  const report: ExecutiveReport = {
    reportId: input.reportId,
    reportType: 'executive',
    title: `${REPORT_TITLE} — ${team.organizationName} — ${period.label}`,
    organizationName: team.organizationName,
    period,
    generatedAt: input.now.toISOString(),
    generatedBy: input.generatedBy,
    confidential: options.confidential,
    includeGraphs: options.includeGraphs,
    includeIndividuals: named,
    // The report's sentences are its own: the team analysis' engine wrote none of them.
    analysisEngine: prose?.engine ?? 'heuristic',
    teamOverview: {
      teamSize: figures.teamSize,
      averageCodeQuality: figures.averageCodeQuality,
      totalCommits: figures.totalCommits,
      teamHealth: figures.teamHealth,
      pendingEngineers: figures.pending,
    },
    keyFindings: {
      codeQuality: fromModel(prose?.keyFindings?.codeQuality, codeQualityFindings(figures, names)),
      productivity: fromModel(prose?.keyFindings?.productivity, productivityFindings(figures)),
      burnout: fromModel(prose?.keyFindings?.burnout, burnoutFindings(figures, names)),
    },
    recommendations: {
      immediate: fromModel(prose?.recommendations?.immediate, immediateActions(figures, names)),
      shortTerm: fromModel(prose?.recommendations?.shortTerm, shortTermActions(figures, names)),
      longTerm: fromModel(prose?.recommendations?.longTerm, longTermActions(figures)),
    },
    hiringJustification: team.hiringJustification,
    conclusion,
    ...(options.includeGraphs ? { charts: team.charts } : {}),
    ...(named
      ? { individuals: { topPerformer: team.topPerformer, needsSupport: team.needsSupport, burnoutRisks: team.burnoutRisks } }
      : {}),
  };
  if (identifiers === undefined) return report;
  const scrubbed = scrub(report, identifiers);
  assertNoMentions(scrubbed, identifiers.strict, MACHINE_FIELDS);
  return scrubbed;
}
