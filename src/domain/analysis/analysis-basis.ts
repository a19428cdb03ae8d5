/**
 * What a stored analysis was computed from, so a read can tell whether it
 * still stands without touching the activity: the time zone its local
 * hours were counted in, the day its window ended, and the sync it read.
 * A timezone change, a new day, a newer finished sync or a new way of
 * computing analyses makes it out of date, and the next read recomputes it from stored activity (never from
 * GitHub).
 */
export interface AnalysisBasis {
  /** How analyses are computed (ANALYSIS_VERSION): one stored by an older version is out of date at once. */
  readonly version: number;
  readonly timezone: string;
  /** UTC day (`YYYY-MM-DD`) the window ended on. */
  readonly day: string;
  /** When the organization's last complete sync finished, as the analysis saw it; null before any. */
  readonly syncedAt: string | null;
}

/**
 * Raised whenever the analysis's shape or scoring changes, so no stored
 * analysis of the old kind is served after a deploy (2: evidence-aware
 * scores with confidence, basis and evidence).
 */
export const ANALYSIS_VERSION = 2;

export function basisFor(timezone: string, lastFinishedAt: string | null, now: Date): AnalysisBasis {
  return { version: ANALYSIS_VERSION, timezone, day: now.toISOString().slice(0, 10), syncedAt: lastFinishedAt };
}

/** The organization's basis for one person: their own time zone when they set one (metrics.md, "Local time"). */
export function personalBasis(basis: AnalysisBasis, personalTimezone: string | undefined): AnalysisBasis {
  return personalTimezone ? { ...basis, timezone: personalTimezone } : basis;
}

/** Whether an analysis computed on `stored` answers for `wanted`; one computed after a later repository read counts too. */
export function basisHolds(stored: AnalysisBasis | undefined, wanted: AnalysisBasis): boolean {
  if (!stored || stored.version !== wanted.version || stored.timezone !== wanted.timezone || stored.day !== wanted.day) return false;
  if (wanted.syncedAt === null) return true;
  return stored.syncedAt !== null && stored.syncedAt >= wanted.syncedAt;
}

/** Parses what the table holds; anything else (an analysis stored before bases existed) is no basis. */
export function toBasis(value: unknown): AnalysisBasis | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, timezone, day, syncedAt } = value as Record<string, unknown>;
  if (typeof timezone !== 'string' || typeof day !== 'string') return undefined;
  // Stored before versions were kept: version 1.
  return { version: typeof version === 'number' ? version : 1, timezone, day, syncedAt: typeof syncedAt === 'string' ? syncedAt : null };
}
