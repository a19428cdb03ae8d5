import { describe, expect, it } from 'vitest';
import type { PullRequestRecord, ReviewRecord } from '../../../../src/domain/activity';
import { computeTeamFlow } from '../../../../src/domain/flow/team-flow';
import type { FlowInput } from '../../../../src/domain/flow/types';
import type { DeploymentRecord, DeploymentState } from '../../../../src/domain/sync/deployments';

/**
 * A two-week window ending 2026-06-01T00:00Z (the window before: from
 * 05-04, up to 05-18) over two repositories, every figure worked out by
 * hand in the comments.
 */
const NOW = new Date('2026-06-01T00:00:00Z');
const at = (day: string, hour = 0) => `2026-05-${day}T${String(hour).padStart(2, '0')}:00:00Z`;

const review = (reviewerLogin: string | null, state: ReviewRecord['state'], submittedAt: string): ReviewRecord => ({ reviewerLogin, state, submittedAt });

function pull(repo: string, number: number, authorLogin: string | null, createdAt: string, mergedAt: string | null, reviews: ReviewRecord[] = []): PullRequestRecord {
  return { repo, number, authorLogin, createdAt, mergedAt, closedAt: mergedAt, additions: 10, deletions: 2, changedFiles: 1, reviews };
}

let ids = 0;
function deployment(repo: string, createdAt: string, state: DeploymentState | null, environment: string | null = 'production'): DeploymentRecord {
  ids += 1;
  return { repo, nodeId: `DE_${ids}`, id: ids, sha: 'a'.repeat(40), environment, createdAt, creatorLogin: 'github-actions[bot]', latestStatus: state === null ? null : { state, createdAt } };
}

const PULLS: PullRequestRecord[] = [
  // Cycle 10 h, first review 2 h (the comment), approved before the merge; deployed at 05-20 12:00: lead 12 h.
  pull('acme/api', 1, 'ann', at('20'), at('20', 10), [review('ben', 'COMMENTED', at('20', 2)), review('ben', 'APPROVED', at('20', 4))]),
  // Cycle 24 h; the author's own and a bot's approvals are no review; deployed at 05-22 12:00: lead 36 h.
  pull('acme/api', 2, 'ben', at('21'), at('22'), [review('ben', 'APPROVED', at('21', 1)), review('dependabot[bot]', 'APPROVED', at('21', 2))]),
  // Cycle 6 h; reviewed (7 h) by someone outside the team, but only after the merge: no coverage; deployed 05-26: lead 24 h.
  pull('Acme/Web', 3, 'Ann', at('25'), at('25', 6), [review('carol', 'APPROVED', at('25', 7))]),
  pull('acme/api', 4, 'dependabot[bot]', at('20'), at('20', 1)),
  pull('acme/api', 5, 'zed', at('20'), at('20', 1)),
  // The window before: cycle 48 h, first review 24 h, approved; first deployed 05-20 12:00: lead 252 h.
  pull('acme/api', 6, 'ann', at('10'), at('12'), [review('ben', 'APPROVED', at('11'))]),
  pull('acme/api', 7, 'ann', at('28'), null),
  // The same pull request from another copy: counted once.
  pull('acme/api', 1, 'ann', at('20'), at('20', 10)),
];

const DEPLOYMENTS: DeploymentRecord[] = [
  deployment('acme/api', at('10', 12), 'success'),
  deployment('acme/api', at('20', 12), 'success'),
  deployment('acme/api', at('22', 6), 'failure'),
  deployment('acme/api', at('22', 9), 'success', 'staging'),
  // Restores the failure of 06:00 after 6 h.
  deployment('acme/api', at('22', 12), 'success'),
  deployment('acme/api', at('30'), 'in_progress'),
  deployment('acme/web', at('26'), 'success', 'Production'),
  // Never restored.
  deployment('acme/web', at('27'), 'error'),
  deployment('acme/web', at('28'), null),
];

const input = (overrides: Partial<FlowInput> = {}): FlowInput => ({
  engineers: ['ann', 'ben'],
  pullRequests: PULLS,
  deployments: DEPLOYMENTS,
  now: NOW,
  windowDays: 14,
  productionEnvironment: 'production',
  ...overrides,
});

const NOTHING = {
  mergedPRs: 0,
  prThroughputPerWeek: 0,
  medianPrCycleTimeHours: null,
  medianTimeToFirstReviewHours: null,
  reviewCoverage: null,
  deploymentsPerWeek: 0,
  leadTimeForChangesHours: null,
  changeFailureRate: null,
  timeToRestoreHours: null,
};

describe('team flow and delivery', () => {
  it("It should compute every figure of the window from the engineers' merged pull requests and the production deployments", () => {
    const { previous: _previous, repositories: _repositories, ...flow } = computeTeamFlow(input());

    expect(flow).toEqual({
      windowDays: 14,
      windowStart: '2026-05-18T00:00:00.000Z',
      windowEnd: '2026-06-01T00:00:00.000Z',
      productionEnvironment: 'production',
      mergedPRs: 3,
      prThroughputPerWeek: 1.5,
      medianPrCycleTimeHours: 10,
      medianTimeToFirstReviewHours: 4.5,
      reviewCoverage: 0.33,
      // 05-20, 05-22 12:00 and web's 05-26: three successes in two weeks.
      deploymentsPerWeek: 1.5,
      leadTimeForChangesHours: 24,
      // Two failed of five that concluded (the one in progress and the one without a status do not count).
      changeFailureRate: 0.4,
      timeToRestoreHours: 6,
    });
  });

  it('It should compute the same figures for the window before, a deployment after it still counting for its lead time', () => {
    expect(computeTeamFlow(input()).previous).toEqual({
      windowStart: '2026-05-04T00:00:00.000Z',
      windowEnd: '2026-05-18T00:00:00.000Z',
      mergedPRs: 1,
      prThroughputPerWeek: 0.5,
      medianPrCycleTimeHours: 48,
      medianTimeToFirstReviewHours: 24,
      reviewCoverage: 1,
      deploymentsPerWeek: 0.5,
      leadTimeForChangesHours: 252,
      changeFailureRate: 0,
      timeToRestoreHours: null,
    });
  });

  it("It should give each repository of the window its own figures, under GitHub's spelling of its name", () => {
    expect(computeTeamFlow(input()).repositories).toEqual([
      {
        repo: 'acme/api', mergedPRs: 2, prThroughputPerWeek: 1, medianPrCycleTimeHours: 17, medianTimeToFirstReviewHours: 2, reviewCoverage: 0.5,
        deploymentsPerWeek: 1, leadTimeForChangesHours: 24, changeFailureRate: 0.33, timeToRestoreHours: 6,
      },
      {
        repo: 'Acme/Web', mergedPRs: 1, prThroughputPerWeek: 0.5, medianPrCycleTimeHours: 6, medianTimeToFirstReviewHours: 7, reviewCoverage: 0,
        deploymentsPerWeek: 0.5, leadTimeForChangesHours: 24, changeFailureRate: 0.5, timeToRestoreHours: null,
      },
    ]);
  });

  it('It should give zero counts and null medians and ratios when there is nothing to measure', () => {
    const flow = computeTeamFlow(input({ pullRequests: [], deployments: [] }));

    expect(flow).toMatchObject(NOTHING);
    expect(flow.previous).toMatchObject(NOTHING);
    expect(flow.repositories).toEqual([]);
  });

  it('It should never count a bot as an author, even one listed among the engineers', () => {
    const flow = computeTeamFlow(input({ engineers: ['dependabot[bot]'], deployments: [] }));

    expect(flow.mergedPRs).toBe(0);
  });

  it('It should count only pull requests of the analysed engineers', () => {
    const flow = computeTeamFlow(input({ engineers: ['zed'], deployments: [] }));

    expect(flow.mergedPRs).toBe(1);
    expect(flow.repositories.map((repository) => repository.repo)).toEqual(['acme/api']);
  });

  it("It should count the organization's production environment when it has another name", () => {
    const staging = computeTeamFlow(input({ productionEnvironment: 'staging' }));

    expect(staging).toMatchObject({ productionEnvironment: 'staging', deploymentsPerWeek: 0.5, changeFailureRate: 0, timeToRestoreHours: null });
    // #1 and #2 are followed by api's staging success of 05-22 09:00, 57 h and 33 h after they were opened; web has none.
    expect(staging.leadTimeForChangesHours).toBe(45);
  });

  it('It should count a pull request merged at the very start of the window in the window, not in the one before', () => {
    const flow = computeTeamFlow(input({ pullRequests: [pull('acme/api', 9, 'ann', at('17'), at('18'))], deployments: [] }));

    expect([flow.mergedPRs, flow.previous.mergedPRs]).toEqual([1, 0]);
  });
});
