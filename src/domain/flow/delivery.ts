import { parseTimestamp } from '../metrics/time';
import type { DeploymentRecord } from '../sync/deployments';
import { repoKey } from './span';

/** A production deployment in epoch milliseconds, with what its latest status says. */
export interface ProductionDeployment {
  readonly repo: string;
  readonly at: number;
  readonly outcome: 'success' | 'failed' | 'other';
}

/**
 * The production deployments, oldest first. GitHub treats environment
 * names case-insensitively (`Production` is the `production` environment),
 * so the comparison does too. A deployment's time is its createdAt; a bot
 * creating it is fine (metrics.md excludes bots as authors and reviewers,
 * and most deployments are made by CI).
 */
export function productionDeploymentsOf(deployments: readonly DeploymentRecord[], productionEnvironment: string): ProductionDeployment[] {
  const wanted = productionEnvironment.toLowerCase();
  return deployments
    .filter((deployment) => deployment.environment?.toLowerCase() === wanted)
    .map((deployment): ProductionDeployment => {
      const state = deployment.latestStatus?.state;
      const outcome = state === 'success' ? 'success' : state === 'failure' || state === 'error' ? 'failed' : 'other';
      return { repo: deployment.repo, at: parseTimestamp(deployment.createdAt), outcome };
    })
    .filter((deployment) => !Number.isNaN(deployment.at))
    .sort((a, b) => a.at - b.at);
}

/** The first successful production deployment of `repo` at or after `from` (strictly after with `strictly`); null when none yet. */
export function nextSuccessOf(deployments: readonly ProductionDeployment[], repo: string, from: number, strictly: boolean): number | null {
  const key = repoKey(repo);
  const next = deployments.find(
    (deployment) => deployment.outcome === 'success' && repoKey(deployment.repo) === key && (strictly ? deployment.at > from : deployment.at >= from),
  );
  return next?.at ?? null;
}
