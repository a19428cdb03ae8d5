import { describe, expect, it } from 'vitest';
import { computeTeamFlow } from '../../../src/domain/flow/team-flow';
import type { FlowFigures, TeamFlow } from '../../../src/domain/flow/types';
import { deliverySectionOf, deliveryWithout } from '../../../src/domain/reports/executive-delivery';
import { deliveryFiguresOf, deliveryTrendOf, FLOW_FIELDS } from '../../../src/domain/reports/executive-trend';
import { identifiersOf } from '../../../src/domain/reports/anonymize';

/** The figures of a window with nothing in it, as the flow computes them. */
const { windowStart: _start, windowEnd: _end, ...EMPTY } = computeTeamFlow({
  engineers: [],
  pullRequests: [],
  deployments: [],
  now: new Date('2026-11-25T09:00:00.000Z'),
  windowDays: 90,
  productionEnvironment: 'production',
}).previous;

const figures = (overrides: Partial<FlowFigures>): FlowFigures => ({
  ...EMPTY,
  mergedPRs: 40,
  prThroughputPerWeek: 3.11,
  medianPrCycleTimeHours: 30.1,
  medianTimeToFirstReviewHours: 4,
  reviewCoverage: 0.7,
  deploymentsPerWeek: 1,
  leadTimeForChangesHours: 50,
  changeFailureRate: 0.1,
  timeToRestoreHours: 3,
  ...overrides,
});

const textOf = (field: keyof FlowFigures, current: FlowFigures, previous: FlowFigures) =>
  deliveryFiguresOf(current, previous).find((figure) => figure.field === field);

describe('a delivery figure against the window before', () => {
  it.each([
    ['down, with the relative change', 'medianPrCycleTimeHours', { medianPrCycleTimeHours: 22.5 }, {}, 'PR cycle time 22.5 h, down 25% from 30.1 h', 'better'],
    ['up, worse for a duration', 'medianTimeToFirstReviewHours', { medianTimeToFirstReviewHours: 6 }, {}, 'Time to first review 6.0 h, up 50% from 4.0 h', 'worse'],
    ['up in points for a share', 'reviewCoverage', { reviewCoverage: 0.85 }, {}, 'Review coverage 85%, up 15 points from 70%', 'better'],
    ['a failure rate going up is worse', 'changeFailureRate', { changeFailureRate: 0.11 }, {}, 'Change failure rate 11%, up 1 point from 10%', 'worse'],
    ['more deployments are better', 'deploymentsPerWeek', { deploymentsPerWeek: 1.8 }, {}, 'Deployment frequency 1.8 a week, up 80% from 1.0 a week', 'better'],
    ['days once a duration passes three days', 'leadTimeForChangesHours', { leadTimeForChangesHours: 139.53 }, {}, 'Lead time for changes 5.8 days, up 179% from 2.1 days', 'worse'],
    ['no change when both show the same', 'medianPrCycleTimeHours', { medianPrCycleTimeHours: 30.12 }, {}, 'PR cycle time 30.1 h, no change', null],
    ['no data before when the window before had none of it', 'timeToRestoreHours', {}, { timeToRestoreHours: null }, 'Time to restore 3.0 h, no data before', null],
    ['nothing to measure now, with what there was before', 'timeToRestoreHours', { timeToRestoreHours: null }, {}, 'Time to restore: nothing to measure in this window (3.0 h before)', null],
    ['up from zero without a percent', 'mergedPRs', { mergedPRs: 12 }, { mergedPRs: 0 }, 'Merged pull requests 12, up from 0', 'better'],
  ] as const)('It should say %s', (_case, field, now, before, text, assessment) => {
    const figure = textOf(field, figures(now), figures(before));
    expect(figure?.text).toBe(text);
    expect(figure?.assessment).toBe(assessment);
  });

  it('It should say "no data before" for every figure when the window before measured nothing at all', () => {
    const all = deliveryFiguresOf(figures({}), EMPTY);
    expect(all.map((figure) => figure.change)).toEqual(new Array(FLOW_FIELDS.length).fill('no_data_before'));
    expect(all.find((figure) => figure.field === 'mergedPRs')?.text).toBe('Merged pull requests 40, no data before');
    expect(all.every((figure) => figure.previous === null)).toBe(true);
  });

  it("It should list every field of metrics.md's table, in its order", () => {
    expect(deliveryFiguresOf(figures({}), figures({})).map((figure) => figure.field)).toEqual([
      'mergedPRs',
      'prThroughputPerWeek',
      'medianPrCycleTimeHours',
      'medianTimeToFirstReviewHours',
      'reviewCoverage',
      'deploymentsPerWeek',
      'leadTimeForChangesHours',
      'changeFailureRate',
      'timeToRestoreHours',
    ]);
  });

  it.each([
    ['improving', figures({ medianPrCycleTimeHours: 10, deploymentsPerWeek: 3 }), figures({})],
    ['worsening', figures({ changeFailureRate: 0.3 }), figures({})],
    ['mixed', figures({ changeFailureRate: 0.3, deploymentsPerWeek: 3 }), figures({})],
    ['steady', figures({}), figures({})],
    ['no_comparison', figures({}), EMPTY],
  ] as const)('It should call the delivery trend %s', (trend, current, previous) => {
    expect(deliveryTrendOf(deliveryFiguresOf(current, previous))).toBe(trend);
  });
});

const flowOf = (repositories: TeamFlow['repositories']): TeamFlow => ({
  windowDays: 90,
  windowStart: '2026-08-27T09:00:00.000Z',
  windowEnd: '2026-11-25T09:00:00.000Z',
  productionEnvironment: 'production',
  ...figures({ medianPrCycleTimeHours: 22.5 }),
  previous: { windowStart: '2026-05-29T09:00:00.000Z', windowEnd: '2026-08-27T09:00:00.000Z', ...figures({}) },
  repositories,
});

const repo = (name: string, mergedPRs: number, deploymentsPerWeek: number) => ({ ...figures({ mergedPRs, deploymentsPerWeek }), repo: name });

describe('the delivery section', () => {
  const current = { state: 'current', reason: 'Computed from the last sync.' } as const;

  it('It should show the flow with its trend when it is current', () => {
    const section = deliverySectionOf({ flow: flowOf([]), flowStatus: current });
    expect(section.state).toBe('current');
    expect(section.figures.find((figure) => figure.field === 'medianPrCycleTimeHours')?.text).toBe('PR cycle time 22.5 h, down 25% from 30.1 h');
    expect(section.window).toMatchObject({ from: '2026-08-27T09:00:00.000Z', to: '2026-11-25T09:00:00.000Z', days: 90 });
  });

  it('It should list the five busiest repositories, busiest first, and count the others', () => {
    const repositories = [repo('org/a', 1, 0), repo('org/b', 9, 1), repo('org/c', 3, 0), repo('org/d', 0, 2), repo('org/e', 5, 0), repo('org/f', 2, 0)];
    const section = deliverySectionOf({ flow: flowOf(repositories), flowStatus: current });
    // org/d: 2 a week over 90 days is 26 deployments.
    expect(section.repositories.map((entry) => entry.repo)).toEqual(['org/d', 'org/b', 'org/e', 'org/c', 'org/f']);
    expect(section.otherRepositories).toBe(1);
    expect(section.repositories[1]?.text).toBe(
      'org/b: 9 merged pull requests, PR cycle time 30.1 h, 1.0 production deployments a week, lead time 50.0 h, change failure rate 10%',
    );
  });

  it.each([
    ['outdated', { state: 'outdated', reason: 'These figures end at 2026-11-20.' }, 'out of date'],
    ['pending', { state: 'pending', reason: 'None has been computed yet.' }, 'not available yet'],
  ] as const)('It should say the flow is %s instead of showing numbers', (state, flowStatus, words) => {
    const section = deliverySectionOf({ flow: flowOf([repo('org/a', 1, 0)]), flowStatus });
    expect(section).toMatchObject({ state, figures: [], repositories: [], trend: null });
    expect(section.note).toContain(words);
    expect(section.note).toContain(flowStatus.reason);
  });

  it('It should say there is no flow for a team analysis that has none', () => {
    expect(deliverySectionOf({}).state).toBe('pending');
    expect(deliverySectionOf({ flow: null, flowStatus: { state: 'pending', reason: 'None yet.' } }).note).toContain('None yet.');
  });

  it("It should withhold a person's login in a repository's name and keep its figures", () => {
    const section = deliverySectionOf({ flow: flowOf([repo('bob-senior/tools', 4, 0)]), flowStatus: current });
    const anonymous = deliveryWithout(section, identifiersOf([{ name: 'Bob Senior', githubUsername: 'bob-senior' }]).strict);
    expect(anonymous.repositories[0]).toMatchObject({ repo: '[name withheld]/tools', mergedPRs: 4 });
    expect(JSON.stringify(anonymous)).not.toContain('bob-senior');
  });
});
