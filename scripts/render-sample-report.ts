/**
 * Renders the story's Day 3 executive report (TechStartup Inc, Q1 2025, with
 * graphs, without names, confidential) to docs/samples/executive-report.pdf,
 * and its first page to a PNG when poppler's pdftoppm is installed.
 *
 *   npx tsx scripts/render-sample-report.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowFigures } from '../src/domain/flow/types';
import { DEMO_FLOW_FIGURES, demoFlow } from '../test/unit/reports/flow-fixtures';
import { deliverySectionOf } from '../src/domain/reports/executive-delivery';
import type { ExecutiveReport } from '../src/domain/reports/types';
import { renderExecutiveReportPdf } from '../src/integrations/pdf/executive-report-pdf';

const WEEKLY_COMMITS = [548, 566, 581, 597, 609, 622, 636, 641, 652, 667, 679, 695, 741];

/** The demo's flow (docs/analytics.md), against a window before that was slower and failed more often. */
const FLOW = DEMO_FLOW_FIGURES;
const BEFORE: FlowFigures = { ...FLOW, mergedPRs: 121, prThroughputPerWeek: 9.41, medianPrCycleTimeHours: 30.1, deploymentsPerWeek: 2.8, changeFailureRate: 0.07, timeToRestoreHours: 5.25 };

const sampleReport: ExecutiveReport = {
  reportId: 'rpt-techstartup-2025q1',
  reportType: 'executive',
  title: 'Executive Intelligence Report',
  organizationName: 'TechStartup Inc',
  period: { from: '2025-01-01', to: '2025-03-31', label: 'Q1 2025' },
  generatedAt: '2025-04-02T09:00:00.000Z',
  generatedBy: 'user-sarah-001',
  confidential: true,
  includeGraphs: true,
  includeIndividuals: false,
  analysisEngine: 'heuristic',
  teamOverview: {
    teamSize: 10,
    averageCodeQuality: 7.4,
    totalCommits: WEEKLY_COMMITS.reduce((sum, n) => sum + n, 0),
    teamHealth: 'GOOD with concerns',
    pendingEngineers: 0,
  },
  keyFindings: {
    codeQuality: [
      '70% of engineers score above 7.0 (team average 7.4/10, above the industry average of 6.8)',
      'Quality is consistent across the team: no engineer scores below 6.0',
      'Strong peer-review culture: 92% of pull requests are reviewed before merge',
    ],
    productivity: [
      'The team is at 85% of sustainable capacity, close to its limit',
      'Velocity is increasing 12% month over month (weekly commits up from 548 to 741)',
      'Risk: little slack to absorb unexpected work or an absence',
    ],
    burnout: [
      '1 engineer at high risk (8.1/10): 45% of their commits are made late at night',
      '2 engineers at medium risk (6.5/10 on average)',
      'Pattern: late-night and weekend work has increased over the quarter',
    ],
  },
  recommendations: {
    immediate: ['Address the high-burnout-risk engineer this week: 1:1, reduce workload', 'Implement a mandatory time-off policy'],
    shortTerm: ['Hire 2 backend engineers this quarter', 'Implement an on-call rotation', 'Establish code review SLAs'],
    longTerm: ['Grow the team to 15 engineers within 6 months', 'Invest in automated testing', 'Leadership development for senior engineers'],
  },
  hiringJustification: {
    currentCapacity: '85% (near limit)',
    burnoutRisk: '1 developer at high risk, 2 at medium risk',
    growthPotential: 'Can absorb 2–3 more engineers with current review and mentoring capacity',
    recommendation: 'Hire 2 backend engineers within 90 days; with 12 engineers the team would run at about 70% capacity.',
    assumptions: [
      'Capacity is the team’s weekly commits and reviews against a sustainable level of 40 working hours per engineer.',
      'Engineers at high or medium burnout risk count as 75% effective until their risk falls.',
      'A new hire reaches full productivity after about 3 months; figures assume both hires are in place.',
      'Commit activity is measured from GitHub only and excludes design, meetings and incident work.',
    ],
    figures: { capacityPercent: 85, engineersAtHighRisk: 1, engineersAtMediumRisk: 2, suggestedHires: 2 },
  },
  conclusion:
    'The team is healthy but at capacity. Immediate action is needed on burnout risk, and hiring 2 engineers within 90 days is recommended to keep quality high while velocity grows.',
  summary:
    'Team is healthy (GOOD with concerns): average code quality 7.4/10 across 10 rated engineers. ' +
    'Delivery is improving against the 90 days before: deployment frequency 3.6 a week, up 28% from 2.8 a week; PR cycle time 22.5 h, down 25% from 30.1 h; change failure rate 2%, down 5 points from 7%. ' +
    'Main risk: 1 engineer at high burnout risk (45% late-night commits). Capacity: 85% (near limit); hire 2 backend engineers within 90 days.',
  delivery: deliverySectionOf({
    flow: demoFlow(
      { windowStart: '2025-01-01T00:00:00.000Z', windowEnd: '2025-03-31T00:00:00.000Z', previousStart: '2024-10-03T00:00:00.000Z' },
      BEFORE,
      [
        { repo: 'techstartup/api', ...FLOW, mergedPRs: 61, deploymentsPerWeek: 1, changeFailureRate: 0.08 },
        { repo: 'techstartup/web', ...FLOW, mergedPRs: 48, deploymentsPerWeek: 1, changeFailureRate: 0 },
        { repo: 'techstartup/mobile', ...FLOW, mergedPRs: 23, deploymentsPerWeek: 0.86, changeFailureRate: 0 },
        { repo: 'techstartup/infra', ...FLOW, mergedPRs: 12, deploymentsPerWeek: 0.72, changeFailureRate: 0 },
      ],
    ),
    flowStatus: { state: 'current', reason: 'Computed from the sync that finished by 2025-03-31.' },
  }),
  charts: {
    codeQualityDistribution: [
      { band: '0-2', engineers: 0 },
      { band: '2-4', engineers: 0 },
      { band: '4-6', engineers: 1 },
      { band: '6-8', engineers: 5 },
      { band: '8-10', engineers: 4 },
    ],
    burnoutLevels: { low: 7, medium: 2, high: 1 },
    // The window starts on 1 January, a Wednesday: its first week has 5 days.
    commitsPerWeek: WEEKLY_COMMITS.map((commits, week) => ({
      weekStart: new Date(Date.UTC(2024, 11, 30 + week * 7)).toISOString().slice(0, 10),
      commits,
      days: week === 0 ? 5 : 7,
      partial: week === 0,
    })),
  },
};

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'samples');
  mkdirSync(outDir, { recursive: true });
  const pdfPath = join(outDir, 'executive-report.pdf');
  const pdf = await renderExecutiveReportPdf(sampleReport);
  writeFileSync(pdfPath, pdf);
  console.log(`${pdfPath}: ${pdf.length} bytes`);
  if (hasPdftoppm()) {
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(outDir, 'executive-report-page1')]);
    console.log(`${join(outDir, 'executive-report-page1.png')}`);
  } else {
    console.log('pdftoppm not found: no PNG preview (apt-get install poppler-utils)');
  }
}

await main();
