import type { TeamFlow } from './types';

/** The team flow as the worker stored it, and when. */
export interface StoredFlow {
  readonly flow: TeamFlow;
  /** ISO-8601: when the worker computed it (its window ends then). */
  readonly computedAt: string;
  /** The engineers it counted (team-digest.ts). */
  readonly team: string;
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

/** What the team of now needs: the figures to show, and whether the reader must ask the worker for them (nothing else will). */
export function flowReadingOf(
  stored: StoredFlow | undefined,
  now: { readonly lastFinishedAt: string | null; readonly productionEnvironment: string; readonly team: string },
): FlowReading & { readonly recompute: boolean } {
  const { lastFinishedAt, productionEnvironment } = now;
  if (!stored) {
    // An organization synced before flows existed has none until its next sync: the read asks for it.
    return { flow: null, flowStatus: { state: 'pending', reason: 'Team flow is computed when a sync finishes; none has been computed yet.' }, recompute: true };
  }
  if (stored.flow.productionEnvironment.toLowerCase() !== productionEnvironment.toLowerCase()) {
    return {
      flow: null,
      flowStatus: { state: 'pending', reason: `Team flow is being recomputed for the production environment "${productionEnvironment}".` },
      recompute: false,
    };
  }
  if (lastFinishedAt !== null && Date.parse(stored.computedAt) < Date.parse(lastFinishedAt)) {
    return {
      flow: stored.flow,
      flowStatus: { state: 'outdated', reason: `These figures end at ${stored.flow.windowEnd}; the sync that finished at ${lastFinishedAt} is being counted.` },
      recompute: false,
    };
  }
  if (stored.team !== now.team) {
    return {
      flow: stored.flow,
      flowStatus: { state: 'outdated', reason: `These figures end at ${stored.flow.windowEnd} and count the engineers of then; the team has changed since and is being counted.` },
      recompute: true,
    };
  }
  return {
    flow: stored.flow,
    flowStatus: { state: 'current', reason: `Computed from the sync that finished by ${stored.flow.windowEnd}; the window ends then.` },
    recompute: false,
  };
}
