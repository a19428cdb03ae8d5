/**
 * The executive report's delivery section, from the team analysis' `flow`
 * (metrics.md "Team flow and delivery") and its `flowStatus`. Figures only
 * when the flow is current: an outdated one stands for an older window than
 * the report's, so the section says so instead of showing it.
 */
import type { FlowFigures, TeamFlow } from '../flow/types';
import { redact } from './anonymize';
import { deliveryFiguresOf, deliveryTrendOf, durationOf } from './executive-trend';
import { count, integer, percentOf } from './format';
import type { DeliverySection, TeamAnalysis } from './types';

/** "The busiest repositories": enough to show where the work is, few enough to read. */
export const LISTED_REPOSITORIES = 5;

const successfulDeployments = (figures: FlowFigures, windowDays: number) => Math.round((figures.deploymentsPerWeek * windowDays) / 7);

/** Busiest first: merged pull requests plus successful production deployments, then by name. */
function busiestRepositories(flow: TeamFlow) {
  const activity = (figures: FlowFigures) => figures.mergedPRs + successfulDeployments(figures, flow.windowDays);
  return [...flow.repositories].sort((a, b) => activity(b) - activity(a) || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0));
}

/** "api: 52 merged pull requests, PR cycle time 20.1 h, 1.0 deployments a week, change failure rate 8%". */
function repositoryTextOf(repo: FlowFigures & { readonly repo: string }): string {
  const parts = [count(repo.mergedPRs, 'merged pull request')];
  if (repo.medianPrCycleTimeHours !== null) parts.push(`PR cycle time ${durationOf(repo.medianPrCycleTimeHours)}`);
  parts.push(`${repo.deploymentsPerWeek.toFixed(1)} production deployments a week`);
  if (repo.leadTimeForChangesHours !== null) parts.push(`lead time ${durationOf(repo.leadTimeForChangesHours)}`);
  if (repo.changeFailureRate !== null) parts.push(`change failure rate ${percentOf(repo.changeFailureRate)}%`);
  return `${repo.repo}: ${parts.join(', ')}`;
}

const isoDay = (iso: string) => iso.slice(0, 10);

function withoutFigures(state: DeliverySection['state'], note: string): DeliverySection {
  return { state, note, trend: null, figures: [], repositories: [], otherRepositories: 0 };
}

export function deliverySectionOf(team: Pick<TeamAnalysis, 'flow' | 'flowStatus'>): DeliverySection {
  const { flow, flowStatus } = team;
  if (flow === undefined || flow === null || flowStatus === undefined || flowStatus.state === 'pending') {
    const why = flowStatus?.reason ?? 'No team flow was available when this report was made.';
    return withoutFigures('pending', `Delivery figures are not available yet. ${why}`);
  }
  if (flowStatus.state === 'outdated') {
    return withoutFigures(
      'outdated',
      `Delivery figures are left out because they are out of date: ${flowStatus.reason} Generate the report again once they are counted.`,
    );
  }
  const figures = deliveryFiguresOf(flow, flow.previous);
  const busiest = busiestRepositories(flow);
  const listed = busiest.slice(0, LISTED_REPOSITORIES);
  return {
    state: 'current',
    note:
      `Pull requests merged and production deployments ("${flow.productionEnvironment}") from ${isoDay(flow.windowStart)} to ${isoDay(flow.windowEnd)}, ` +
      `against the ${integer(flow.windowDays)} days before (${isoDay(flow.previous.windowStart)} to ${isoDay(flow.previous.windowEnd)}).`,
    window: {
      from: flow.windowStart,
      to: flow.windowEnd,
      previousFrom: flow.previous.windowStart,
      previousTo: flow.previous.windowEnd,
      days: flow.windowDays,
      productionEnvironment: flow.productionEnvironment,
    },
    trend: deliveryTrendOf(figures),
    figures,
    repositories: listed.map((repo) => ({ ...repo, text: repositoryTextOf(repo) })),
    otherRepositories: busiest.length - listed.length,
  };
}

/**
 * The section with every mention of someone replaced: a repository can be
 * named after a person's account (`bob-senior/tools`), and a report that may
 * not name them must not show it either. The figures stay.
 */
export function deliveryWithout(delivery: DeliverySection, patterns: readonly RegExp[]): DeliverySection {
  return {
    ...delivery,
    note: redact(delivery.note, patterns),
    ...(delivery.window ? { window: { ...delivery.window, productionEnvironment: redact(delivery.window.productionEnvironment, patterns) } } : {}),
    repositories: delivery.repositories.map((repo) => ({ ...repo, repo: redact(repo.repo, patterns), text: redact(repo.text, patterns) })),
  };
}
