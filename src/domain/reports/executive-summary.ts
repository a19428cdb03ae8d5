/**
 * The executive report's framing of the team as a whole: the title and period
 * it covers, the overview figures, and the closing conclusion.
 */
import { SPARE_CAPACITY, type Figures, type ReportTeam } from './executive-figures';
import { count, score } from './format';
import { CAPACITY_MODEL, capacityJudged, NEAR_LIMIT } from './hiring';
import { reportPeriodOf } from './period';
import { NO_SINGLE_PATTERN } from './team-figures';
import type { DeliveryFigure, DeliverySection, ExecutiveReport } from './types';

export const REPORT_TITLE = 'Executive Intelligence Report';

/** The period is the team analysis' window, not the day the report is asked for: the title must match the figures beneath it. */
export function reportHeadingOf(team: ReportTeam): Pick<ExecutiveReport, 'title' | 'organizationName' | 'period'> {
  const period = reportPeriodOf(new Date(team.generatedAt), team.windowDays);
  return {
    title: `${REPORT_TITLE} — ${team.organizationName} — ${period.label}`,
    organizationName: team.organizationName,
    period,
  };
}

export function teamOverviewOf(f: Figures): ExecutiveReport['teamOverview'] {
  return {
    teamSize: f.teamSize,
    averageCodeQuality: f.averageCodeQuality,
    totalCommits: f.totalCommits,
    teamHealth: f.teamHealth,
    pendingEngineers: f.pending,
  };
}

const HEALTH_OPENINGS: Record<string, string> = {
  EXCELLENT: 'Team is in excellent health',
  GOOD: 'Team is healthy',
  'GOOD with concerns': 'Team is healthy',
  'NEEDS ATTENTION': 'Team needs attention',
  'AT RISK': 'Team is at risk',
};

export function conclusionOf(f: Figures): string {
  const opening = HEALTH_OPENINGS[f.teamHealth];
  if (f.analysed === 0 || f.rated === 0 || opening === undefined) {
    const pending = f.pending > 0 ? `: ${count(f.pending, 'engineer')} still being analysed` : '';
    return `Not enough data yet to assess the team${pending}. Run this report again once their activity is analysed.`;
  }
  const { capacityPercent, suggestedHires } = f.hiring.figures;
  const good = f.teamHealth === 'EXCELLENT' || f.teamHealth.startsWith('GOOD');
  const judged = capacityJudged(f.hiring);
  const capacity = !judged
    ? ''
    : capacityPercent >= 100
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
  const hiring = !judged
    ? 'Not enough data to judge capacity or hiring yet.'
    : suggestedHires > 0 ? `Hiring ${count(suggestedHires, 'engineer')} within ${CAPACITY_MODEL.hiringHorizonDays} days recommended.` : 'No hiring needed for capacity now.';
  return `${opening}${capacity}. ${burnout} ${hiring}`;
}

/** "PR cycle time …" stays as it is; "Deployment frequency …" reads "deployment frequency …" inside a sentence. */
const inSentence = (text: string) => (/^[A-Z][a-z]/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** The delivery figures the summary names: how often, how fast and how safely changes ship. */
const HEADLINE_FIELDS = ['deploymentsPerWeek', 'medianPrCycleTimeHours', 'changeFailureRate'];
/** Which worsening figure is the main delivery risk: failures and restores first, then pace. */
const RISK_ORDER = [
  'changeFailureRate',
  'timeToRestoreHours',
  'deploymentsPerWeek',
  'leadTimeForChangesHours',
  'medianPrCycleTimeHours',
  'medianTimeToFirstReviewHours',
  'reviewCoverage',
  'prThroughputPerWeek',
  'mergedPRs',
];

const TREND_OPENINGS: Record<string, string> = {
  improving: 'Delivery is improving',
  worsening: 'Delivery is worsening',
  mixed: 'Delivery is mixed',
  steady: 'Delivery is steady',
};

function healthSentence(f: Figures): string {
  const opening = HEALTH_OPENINGS[f.teamHealth];
  if (f.analysed === 0 || f.rated === 0 || opening === undefined) return "Not enough data yet to assess the team's health.";
  return `${opening} (${f.teamHealth}): average code quality ${score(f.averageCodeQuality)}/10 across ${count(f.rated, 'rated engineer')}.`;
}

function deliverySentence(delivery: DeliverySection): string {
  const windowDays = delivery.window?.days;
  if (delivery.state === 'outdated') return 'Delivery figures are out of date and left out of this report.';
  if (delivery.state === 'pending') return 'Delivery figures are not available yet.';
  const headline = HEADLINE_FIELDS.flatMap((field) => delivery.figures.filter((figure) => figure.field === field && figure.value !== null));
  if (headline.length === 0 || windowDays === undefined) return 'No pull request merged and no production deployment in the window.';
  const opening = TREND_OPENINGS[delivery.trend ?? ''];
  if (opening === undefined) {
    const figures = headline.map((figure) => inSentence(`${figure.label} ${figure.shown}`)).join('; ');
    return `Delivery over the last ${windowDays} days: ${figures} (no data before to compare with).`;
  }
  return `${opening} against the ${windowDays} days before: ${headline.map((figure) => inSentence(figure.text)).join('; ')}.`;
}

function mainRisk(f: Figures, delivery: DeliverySection): string {
  if (f.levels.high > 0) {
    const pattern = f.highRisks[0]?.pattern;
    const why = pattern === undefined || pattern === NO_SINGLE_PATTERN ? '' : ` (${pattern})`;
    return `Main risk: ${count(f.levels.high, 'engineer')} at high burnout risk${why}.`;
  }
  const worse = RISK_ORDER.map((field) => delivery.figures.find((figure) => figure.field === field)).find(
    (figure): figure is DeliveryFigure => figure?.assessment === 'worse',
  );
  if (worse !== undefined) return `Main risk: delivery is slipping, ${inSentence(worse.text)}.`;
  if (f.levels.medium > 0) return `Main risk: ${count(f.levels.medium, 'engineer')} at medium burnout risk.`;
  return 'No major risk stands out.';
}

/** The paragraph up front. The capacity line is the hiring model's own words: this report computes no capacity of its own. */
export function summaryOf(f: Figures, delivery: DeliverySection): string {
  // Quoted, with its own full stop (if any) dropped so the sentence ends once. Unjudged, the recommendation already says what is missing.
  const recommendation = f.hiring.recommendation.replace(/[.\s]+$/u, '');
  const capacity = capacityJudged(f.hiring) ? `Capacity: ${f.hiring.currentCapacity}; ${inSentence(recommendation)}.` : `${recommendation}.`;
  return [healthSentence(f), deliverySentence(delivery), mainRisk(f, delivery), capacity].join(' ');
}
