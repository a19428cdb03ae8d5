import { analysisWindow } from '../metrics/scope';
import { productionDeploymentsOf } from './delivery';
import { flowFiguresOf } from './flow-figures';
import { mergedPullsOf } from './pull-request-flow';
import { isInSpan, repoKey, type Span } from './span';
import type { FlowInput, TeamFlow } from './types';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * The team's flow and delivery (metrics.md "Team flow and delivery") for
 * the window ending at `now`, the window of the same length before it, and
 * each repository of the window. Pure: the clock and the production
 * environment are arguments.
 */
export function computeTeamFlow(input: FlowInput): TeamFlow {
  const { windowDays } = input;
  const window = analysisWindow(input.now, windowDays);
  const current: Span = { from: window.start, to: window.end, includesEnd: true };
  const before: Span = { from: window.start - (window.end - window.start), to: window.start, includesEnd: false };
  const deployments = productionDeploymentsOf(input.deployments, input.productionEnvironment);
  const merged = mergedPullsOf(input.pullRequests, input.engineers, current);

  const names = new Map<string, string>();
  for (const { repo } of [...merged, ...deployments.filter((deployment) => isInSpan(current, deployment.at))]) {
    if (!names.has(repoKey(repo))) names.set(repoKey(repo), repo);
  }
  const repositories = [...names.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, repo]) => ({
      repo,
      ...flowFiguresOf(
        merged.filter((pull) => repoKey(pull.repo) === key),
        deployments.filter((deployment) => repoKey(deployment.repo) === key),
        current,
        windowDays,
      ),
    }));

  return {
    windowDays,
    windowStart: iso(current.from),
    windowEnd: iso(current.to),
    productionEnvironment: input.productionEnvironment,
    ...flowFiguresOf(merged, deployments, current, windowDays),
    previous: {
      windowStart: iso(before.from),
      windowEnd: iso(before.to),
      ...flowFiguresOf(mergedPullsOf(input.pullRequests, input.engineers, before), deployments, before, windowDays),
    },
    repositories,
  };
}
