/**
 * The executive report's framing of the team as a whole: the title and period
 * it covers, the overview figures, and the closing conclusion.
 */
import { SPARE_CAPACITY, type Figures, type ReportTeam } from './executive-figures';
import { count } from './format';
import { CAPACITY_MODEL, NEAR_LIMIT } from './hiring';
import { reportPeriodOf } from './period';
import type { ExecutiveReport } from './types';

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
