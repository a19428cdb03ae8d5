import type { TeamFlow } from './types';

/** The team flow as the worker stored it, and when. */
export interface StoredFlow {
  readonly flow: TeamFlow;
  /** ISO-8601: when the worker computed it (its window ends then). */
  readonly computedAt: string;
}

/**
 * Whether the flow shown is the one of the last finished sync:
 * `current`; `outdated` (a newer sync finished and the worker is on it:
 * the figures stand for the window they name); `pending` (none yet, or
 * computed for another production environment: then no figure is shown,
 * since they would be about other deployments).
 */
export interface FlowStatus {
  readonly state: 'current' | 'outdated' | 'pending';
  readonly reason: string;
}

export interface FlowReading {
  readonly flow: TeamFlow | null;
  readonly flowStatus: FlowStatus;
}

export function flowReadingOf(stored: StoredFlow | undefined, lastFinishedAt: string | null, productionEnvironment: string): FlowReading {
  if (!stored) {
    return { flow: null, flowStatus: { state: 'pending', reason: 'Team flow is computed when a sync finishes; none has been computed yet.' } };
  }
  if (stored.flow.productionEnvironment.toLowerCase() !== productionEnvironment.toLowerCase()) {
    return {
      flow: null,
      flowStatus: { state: 'pending', reason: `Team flow is being recomputed for the production environment "${productionEnvironment}".` },
    };
  }
  if (lastFinishedAt !== null && Date.parse(stored.computedAt) < Date.parse(lastFinishedAt)) {
    return {
      flow: stored.flow,
      flowStatus: { state: 'outdated', reason: `These figures end at ${stored.flow.windowEnd}; the sync that finished at ${lastFinishedAt} is being counted.` },
    };
  }
  return { flow: stored.flow, flowStatus: { state: 'current', reason: `Computed from the sync that finished by ${stored.flow.windowEnd}; the window ends then.` } };
}
