import type { FlowFigures, TeamFlow } from '../../../src/domain/flow/types';

/** The demo's team flow (docs/analytics.md, "The demo"): a weekly release train with one failed deploy of api. */
export const DEMO_FLOW_FIGURES: FlowFigures = {
  mergedPRs: 144,
  prThroughputPerWeek: 11.2,
  medianPrCycleTimeHours: 22.52,
  medianTimeToFirstReviewHours: 19.09,
  reviewCoverage: 0.89,
  deploymentsPerWeek: 3.58,
  leadTimeForChangesHours: 139.53,
  changeFailureRate: 0.02,
  timeToRestoreHours: 2.5,
};

/** A 90-day team flow with the demo's figures, `previous` for the window before and `repositories` as given. */
export function demoFlow(
  window: { readonly windowStart: string; readonly windowEnd: string; readonly previousStart: string },
  previous: Partial<FlowFigures> = {},
  repositories: TeamFlow['repositories'] = [{ repo: 'techstartup/api', ...DEMO_FLOW_FIGURES }],
): TeamFlow {
  return {
    windowDays: 90,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    productionEnvironment: 'production',
    ...DEMO_FLOW_FIGURES,
    previous: { windowStart: window.previousStart, windowEnd: window.windowStart, ...DEMO_FLOW_FIGURES, ...previous },
    repositories,
  };
}
