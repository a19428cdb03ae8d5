import { createHash } from 'node:crypto';

/**
 * Everything a team analysis is computed from, but the analyses themselves
 * (which the analyses' stamp stands for): two reads with the same digest
 * build the same team analysis, so the second reuses the first's.
 */
export interface TeamBasis {
  readonly organizationName: string;
  /** The organization's basis: how analyses are computed, its time zone, its day, the sync it rests on. */
  readonly analysisVersion: number;
  readonly timezone: string;
  readonly day: string;
  readonly syncedAt: string | null;
  /** The analyses' stamp read before the analyses (undefined: none written yet). */
  readonly analysesStamp: string | undefined;
  readonly windowDays: number;
  /** The engineers as listed now: a join, a leave, a rename or a personal time zone changes it. */
  readonly engineers: readonly { readonly userId: string; readonly name: string; readonly githubUsername: string; readonly timezone?: string | undefined }[];
  /** The team's flow as the dashboard shows it (with its status). */
  readonly flow: unknown;
}

export function teamBasisDigest(basis: TeamBasis): string {
  const engineers = [...basis.engineers]
    .map((engineer) => [engineer.userId, engineer.name, engineer.githubUsername.toLowerCase(), engineer.timezone ?? ''])
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''));
  const canonical = JSON.stringify([
    basis.organizationName,
    basis.analysisVersion,
    basis.timezone,
    basis.day,
    basis.syncedAt,
    basis.analysesStamp ?? null,
    basis.windowDays,
    engineers,
    basis.flow,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}
