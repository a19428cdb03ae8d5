import type { FlowFigures, TeamFlow } from '../../../src/domain/flow/types';
import { deliverySectionOf } from '../../../src/domain/reports/executive-delivery';
import type { ExecutiveReport } from '../../../src/domain/reports/types';
import { DEMO_FLOW_FIGURES, demoFlow } from '../reports/flow-fixtures';

/** Every name and username the fixtures' people carry, to prove an anonymous PDF has none. */
export const PEOPLE = {
  alice: { name: 'Alice Developer', githubUsername: 'alice-dev' },
  bob: { name: 'Bob Senior', githubUsername: 'bob-senior' },
  charlie: { name: 'Charlie Junior', githubUsername: 'charlie-junior' },
  erin: { name: 'Erin Nightowl', githubUsername: 'erin-owl' },
} as const;

export const PERSON_IDENTIFIERS = Object.values(PEOPLE).flatMap((p) => [p.name, p.githubUsername]);

export const SECTION_HEADINGS = ['Summary', 'Team overview', 'Delivery', 'Key findings', 'Recommendations', 'Hiring justification', 'Conclusion'];

const individuals: NonNullable<ExecutiveReport['individuals']> = {
  topPerformer: { ...PEOPLE.bob, codeQualityScore: 8.9, commits: 1234 },
  needsSupport: {
    ...PEOPLE.charlie,
    codeQualityScore: 6.2,
    commits: 412,
    recommendation: 'Pair with a senior engineer for weekly code reviews.',
  },
  burnoutRisks: [
    { ...PEOPLE.alice, riskScore: 8.1, pattern: '45% late-night commits' },
    { ...PEOPLE.erin, riskScore: 6.5, pattern: '30% weekend commits' },
  ],
};

const charts: NonNullable<ExecutiveReport['charts']> = {
  codeQualityDistribution: [
    { band: '0-2', engineers: 0 },
    { band: '2-4', engineers: 0 },
    { band: '4-6', engineers: 1 },
    { band: '6-8', engineers: 5 },
    { band: '8-10', engineers: 4 },
  ],
  burnoutLevels: { low: 7, medium: 2, high: 1 },
  commitsPerWeek: [
    { weekStart: '2025-01-06', commits: 612, days: 6, partial: true },
    { weekStart: '2025-01-13', commits: 640, days: 7, partial: false },
    { weekStart: '2025-01-20', commits: 701, days: 7, partial: false },
    { weekStart: '2025-01-27', commits: 688, days: 7, partial: false },
  ],
};

const figures = (overrides: Partial<FlowFigures> = {}): FlowFigures => ({ ...DEMO_FLOW_FIGURES, ...overrides });

export const FLOW: TeamFlow = demoFlow(
  { windowStart: '2025-01-01T00:00:00.000Z', windowEnd: '2025-03-31T00:00:00.000Z', previousStart: '2024-10-02T00:00:00.000Z' },
  { medianPrCycleTimeHours: 30.1, changeFailureRate: 0.05 },
  [
    { repo: 'techstartup/api', ...figures({ mergedPRs: 80 }) },
    { repo: 'techstartup/web', ...figures({ mergedPRs: 64, deploymentsPerWeek: 1, changeFailureRate: null }) },
  ],
);

/** The story's Day 3 report with names, graphs and the confidential band: every part drawn. */
export const fullReport: ExecutiveReport = {
  reportId: 'rpt-full-001',
  reportType: 'executive',
  title: 'Executive Intelligence Report',
  organizationName: 'TechStartup Inc',
  period: { from: '2025-01-01', to: '2025-03-31', label: 'Q1 2025' },
  generatedAt: '2026-11-25T14:30:00.000Z',
  generatedBy: 'user-sarah-001',
  confidential: true,
  includeGraphs: true,
  includeIndividuals: true,
  analysisEngine: 'heuristic',
  teamOverview: { teamSize: 10, averageCodeQuality: 7.4, totalCommits: 8234, teamHealth: 'GOOD with concerns', pendingEngineers: 0 },
  keyFindings: {
    codeQuality: ['70% of engineers scoring above 7.0', 'Consistent quality across team'],
    productivity: ['Team at 85% capacity (near limit)', 'Velocity increasing 12% month-over-month'],
    burnout: ['1 engineer at HIGH risk (8.1/10)', '2 engineers at MEDIUM risk (6.5/10)'],
  },
  recommendations: {
    immediate: ['Address high-burnout-risk engineer'],
    shortTerm: ['Hire 2 backend engineers', 'Implement on-call rotation'],
    longTerm: ['Grow team to 15 engineers'],
  },
  hiringJustification: {
    currentCapacity: '85% (near limit)',
    burnoutRisk: '1 developer at high risk, 2 at medium risk',
    growthPotential: 'Can absorb 2–3 more engineers',
    recommendation: 'Hire 2 engineers within 90 days',
    assumptions: ['A sustainable load is 40 hours a week per engineer.'],
    figures: { capacityPercent: 85, engineersAtHighRisk: 1, engineersAtMediumRisk: 2, suggestedHires: 2 },
  },
  conclusion: 'Team is healthy but at capacity. Hiring 2 engineers within 90 days recommended.',
  summary:
    'Team is healthy (GOOD with concerns): average code quality 7.4/10 across 10 rated engineers. Delivery is improving against the 90 days before. Main risk: 1 engineer at high burnout risk. Capacity: 85% (near limit); hire 2 engineers within 90 days.',
  delivery: deliverySectionOf({ flow: FLOW, flowStatus: { state: 'current', reason: 'Computed from the last sync.' } }),
  charts,
  individuals,
};

/** Requested with includeIndividuals:false and includeGraphs:false, not confidential. */
export const anonymousReport: ExecutiveReport = {
  ...fullReport,
  reportId: 'rpt-anon-002',
  organizationName: 'Quiet Labs GmbH',
  period: { from: '2025-04-01', to: '2025-06-30', label: 'Q2 2025' },
  confidential: false,
  includeGraphs: false,
  includeIndividuals: false,
  charts: undefined,
  individuals: undefined,
};

const many = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `${prefix} ${i + 1}: a finding long enough to wrap onto a second line of the page, so that measuring wrapped items is exercised too.`,
  );

/** Long lists in every section, so the report spans several pages. */
export const longReport: ExecutiveReport = {
  ...fullReport,
  reportId: 'rpt-long-003',
  keyFindings: { codeQuality: many('Quality', 25), productivity: many('Productivity', 25), burnout: many('Burnout', 25) },
  recommendations: { immediate: many('Immediate', 15), shortTerm: many('Short', 15), longTerm: many('Long', 15) },
  hiringJustification: { ...fullReport.hiringJustification, assumptions: many('Assumption', 20) },
  conclusion: many('Conclusion sentence', 6).join(' '),
  charts: {
    ...charts,
    commitsPerWeek: Array.from({ length: 52 }, (_, i) => ({
      weekStart: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
      commits: 500 + ((i * 37) % 300),
    })),
  },
};
