import { rounded2, roundedShare } from '../metrics/compute-metrics';
import { medianOf } from '../metrics/median';
import { HOUR_MS } from '../metrics/time';
import { nextSuccessOf, type ProductionDeployment } from './delivery';
import type { MergedPull } from './pull-request-flow';
import { isInSpan, type Span } from './span';
import type { FlowFigures } from './types';

const hours = (ms: number) => ms / HOUR_MS;

/** `count` per week of a `windowDays` window, 2 decimals from the counts. */
const perWeek = (count: number, windowDays: number) => Math.round((count * 700) / windowDays) / 100;

/** A ratio of counts, null when there is nothing to divide by. */
const shareOrNull = (part: number, whole: number) => (whole === 0 ? null : roundedShare(part, whole));

/**
 * The figures of one span from its merged pull requests and every
 * production deployment known (oldest first): a pull request's first
 * deployment, and a failure's restore, may come after the span ends.
 */
export function flowFiguresOf(
  merged: readonly MergedPull[],
  deployments: readonly ProductionDeployment[],
  span: Span,
  windowDays: number,
): FlowFigures {
  const inSpan = deployments.filter((deployment) => isInSpan(span, deployment.at));
  const concluded = inSpan.filter((deployment) => deployment.outcome !== 'other');
  const failed = concluded.filter((deployment) => deployment.outcome === 'failed');
  const leadTimes = merged.flatMap((pull) => {
    const deployedAt = nextSuccessOf(deployments, pull.repo, pull.mergedAt, false);
    return deployedAt === null ? [] : [hours(deployedAt - pull.createdAt)];
  });
  const restores = failed.flatMap((failure) => {
    const restoredAt = nextSuccessOf(deployments, failure.repo, failure.at, true);
    return restoredAt === null ? [] : [hours(restoredAt - failure.at)];
  });
  return {
    mergedPRs: merged.length,
    prThroughputPerWeek: perWeek(merged.length, windowDays),
    medianPrCycleTimeHours: rounded2(medianOf(merged.map((pull) => hours(pull.mergedAt - pull.createdAt)))),
    medianTimeToFirstReviewHours: rounded2(
      medianOf(merged.flatMap((pull) => (pull.firstReviewAt === null ? [] : [hours(pull.firstReviewAt - pull.createdAt)]))),
    ),
    reviewCoverage: shareOrNull(merged.filter((pull) => pull.approvedBeforeMerge).length, merged.length),
    deploymentsPerWeek: perWeek(inSpan.filter((deployment) => deployment.outcome === 'success').length, windowDays),
    leadTimeForChangesHours: rounded2(medianOf(leadTimes)),
    changeFailureRate: shareOrNull(failed.length, concluded.length),
    timeToRestoreHours: rounded2(medianOf(restores)),
  };
}
