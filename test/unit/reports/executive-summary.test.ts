import { describe, expect, it } from 'vitest';
import type { FlowFigures, TeamFlow } from '../../../src/domain/flow/types';
import { buildExecutiveReport } from '../../../src/domain/reports/executive-report';
import { buildTeamAnalysis } from '../../../src/domain/reports/team-analysis';
import type { ExecutiveReportOptions, TeamAnalysis } from '../../../src/domain/reports/types';
import { member, storyInput, storyMembers } from './fixtures';
import { DEMO_FLOW_FIGURES, demoFlow } from './flow-fixtures';

const figures = DEMO_FLOW_FIGURES;
const WINDOW = { windowStart: '2026-08-27T09:00:00.000Z', windowEnd: '2026-11-25T09:00:00.000Z', previousStart: '2026-05-29T09:00:00.000Z' };
const flow = (previous: Partial<FlowFigures> = {}): TeamFlow => demoFlow(WINDOW, previous);

const current = { state: 'current', reason: 'Computed from the sync that finished.' } as const;
const teamWith = (teamFlow: TeamFlow | null, flowStatus = current as TeamAnalysis['flowStatus'], members = storyMembers) =>
  buildTeamAnalysis({ ...storyInput(members), flow: { flow: teamFlow, flowStatus: flowStatus! } });

const reportOf = (team: TeamAnalysis, overrides: Partial<ExecutiveReportOptions> = {}) =>
  buildExecutiveReport({
    team,
    options: { reportType: 'executive', includeGraphs: true, includeIndividuals: false, confidential: true, ...overrides },
    reportId: 'rpt_1',
    generatedBy: 'user-sarah',
    now: new Date('2026-11-25T09:05:00.000Z'),
  });

describe('the summary up front', () => {
  const team = teamWith(flow({ deploymentsPerWeek: 2, medianPrCycleTimeHours: 30.1, changeFailureRate: 0.05 }));
  const report = reportOf(team);

  it('It should open with the team health, then delivery, the main risk and the capacity line', () => {
    expect(report.summary).toBe(
      [
        'Team is healthy (GOOD with concerns): average code quality 7.3/10 across 10 rated engineers.',
        'Delivery is improving against the 90 days before: deployment frequency 3.6 a week, up 79% from 2.0 a week; PR cycle time 22.5 h, down 25% from 30.1 h; change failure rate 2%, down 3 points from 5%.',
        'Main risk: 1 engineer at high burnout risk (45% late-night commits).',
        `Capacity: ${team.hiringJustification.currentCapacity}; ${team.hiringJustification.recommendation.charAt(0).toLowerCase()}${team.hiringJustification.recommendation.slice(1)}.`,
      ].join(' '),
    );
  });

  it("It should quote the hiring model's recommendation as it is, ending the sentence once", () => {
    const hiring = { ...team.hiringJustification, currentCapacity: 'not enough data to judge capacity', recommendation: 'Measure again next month.' };
    expect(reportOf({ ...team, hiringJustification: hiring }).summary).toMatch(/ Capacity: not enough data to judge capacity; measure again next month\.$/u);
  });

  it('It should name a slipping delivery figure as the main risk when no one is at high burnout risk', () => {
    const calm = storyMembers.filter((person) => person.githubUsername !== 'alice-dev');
    const slipping = reportOf(teamWith(flow({ changeFailureRate: 0 }), current, calm));
    expect(slipping.summary).toContain('Main risk: delivery is slipping, change failure rate 2%, up 2 points from 0%.');
  });

  it('It should say there is nothing to compare with when the window before is empty', () => {
    const empty = flow({ mergedPRs: 0, prThroughputPerWeek: 0, deploymentsPerWeek: 0, changeFailureRate: null, medianPrCycleTimeHours: null });
    expect(reportOf(teamWith(empty)).summary).toContain(
      'Delivery over the last 90 days: deployment frequency 3.6 a week; PR cycle time 22.5 h; change failure rate 2% (no data before to compare with).',
    );
  });

  it('It should say delivery figures are out of date rather than give them', () => {
    const outdated = reportOf(teamWith(flow(), { state: 'outdated', reason: 'These figures end at 2026-11-20T09:00:00Z.' }));
    expect(outdated.summary).toContain('Delivery figures are out of date and left out of this report.');
    expect(outdated.delivery?.figures).toEqual([]);
  });

  it('It should say the team cannot be assessed yet when no one is analysed', () => {
    const pending = reportOf(teamWith(null, { state: 'pending', reason: 'None yet.' }, [member('Kim Lee', 'kim-lee')]));
    expect(pending.summary).toMatch(/^Not enough data yet to assess the team's health\. Delivery figures are not available yet\./u);
  });
});

describe('the delivery section of the report', () => {
  it("It should carry the team analysis' flow figures, each with the window before's", () => {
    const team = teamWith(flow({ timeToRestoreHours: 4 }));
    const delivery = reportOf(team).delivery;
    for (const figure of delivery?.figures ?? []) {
      const field = figure.field as keyof typeof figures;
      expect(figure.value).toBe(team.flow?.[field]);
      expect(figure.previous).toBe(team.flow?.previous[field]);
    }
    expect(delivery?.figures).toHaveLength(9);
    expect(delivery?.repositories[0]).toMatchObject({ repo: 'techstartup/api', ...figures });
  });

  it("It should withhold a login in a repository's name when the report names nobody, and keep it when it names people", () => {
    const team = teamWith({ ...flow(), repositories: [{ repo: 'bob-senior/tools', ...figures }] });
    expect(reportOf(team).delivery?.repositories[0]?.repo).toBe('[name withheld]/tools');
    expect(reportOf(team, { includeIndividuals: true }).delivery?.repositories[0]?.repo).toBe('bob-senior/tools');
  });
});

describe('the commits-per-week chart', () => {
  it("It should mark the window's short oldest week as partial, and only that one", () => {
    const weeks = reportOf(teamWith(flow())).charts?.commitsPerWeek ?? [];
    expect(weeks[0]).toMatchObject({ days: 6, partial: true });
    expect(weeks.slice(1).every((week) => week.days === 7 && week.partial === false)).toBe(true);
  });
});
