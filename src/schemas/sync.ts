import * as z from 'zod';
import type { SyncState } from '../repositories/sync-status';

/**
 * The organization sync's messages on its queue (`github-sync` in
 * src/jobs.ts): ask for a sync (the daily schedule), list the repositories
 * and fan out, or read one repository.
 */
const Organization = {
  orgId: z.string().min(1).max(64),
  installationId: z.number().int().positive(),
};
const Base = { ...Organization, syncId: z.string().min(1).max(64) };

/**
 * What the organization's daily schedule sends (src/integrations/schedules.ts):
 * fixed when the schedule is written, so it carries no sync; the worker asks
 * for one as POST /sync does, and a sync already running absorbs it.
 */
export const ScheduledSyncMessage = z.object({ kind: z.literal('scheduled'), ...Organization });

/** `owner/name`. */
const RepoName = z.string().regex(/^[^/\s]+\/[^/\s]+$/).max(200);

/** Set when GitHub's budget ran out: the job comes back (delayed, 15 minutes at most a hop) and does nothing before. */
const NotBefore = z.iso.datetime().optional();

/** Retries of a job GitHub failed (5xx, timeouts) so far; the last one gives up on that repository. */
const Attempt = z.number().int().min(0).max(10).optional();

export const ListRepositoriesMessage = z.object({ kind: z.literal('organization'), ...Base, notBefore: NotBefore, attempt: Attempt });

export const SyncRepositoryMessage = z.object({
  kind: z.literal('repository'),
  ...Base,
  repo: RepoName,
  pushedAt: z.string().nullable(),
  /** First day of the window (`YYYY-MM-DD`), fixed for the whole sync so every job reads the same window. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** A webhook said a deployment or its status changed: read the deployments even if nothing was pushed. */
  readDeployments: z.boolean().optional(),
  notBefore: NotBefore,
  attempt: Attempt,
});

/** Someone asked for fresher data (`?refresh=true`): read these repositories again, each at most once per debounce. */
export const RefreshRepositoriesMessage = z.object({
  kind: z.literal('repositories'),
  orgId: Base.orgId,
  installationId: Base.installationId,
  repos: z.array(RepoName).min(1).max(100),
});

/**
 * Recompute stored analyses from stored activity: every person's when a
 * sync finished or the time zone changed (the worker then splits them into
 * messages of `logins`), or just those `logins`.
 */
export const RecomputeAnalysesMessage = z.object({
  kind: z.literal('analyses'),
  orgId: Base.orgId,
  logins: z.array(z.string().min(1).max(39)).min(1).max(50).optional(),
  /** Set when a repository read (not a whole sync) changed their activity: the time of that read. */
  syncedAt: z.iso.datetime().optional(),
});

/** Recompute the team's flow from stored pull requests and deployments (after a sync, a read outside one, a new production environment). */
export const RecomputeFlowMessage = z.object({ kind: z.literal('flow'), orgId: Base.orgId });

export const GithubSyncMessage = z.discriminatedUnion('kind', [
  ScheduledSyncMessage,
  ListRepositoriesMessage,
  SyncRepositoryMessage,
  RefreshRepositoriesMessage,
  RecomputeAnalysesMessage,
  RecomputeFlowMessage,
]);
export type GithubSyncMessage = z.infer<typeof GithubSyncMessage>;
export type SyncRepositoryMessage = z.infer<typeof SyncRepositoryMessage>;
export type ScheduledSyncMessage = z.infer<typeof ScheduledSyncMessage>;
export type RefreshRepositoriesMessage = z.infer<typeof RefreshRepositoriesMessage>;
export type RecomputeAnalysesMessage = z.infer<typeof RecomputeAnalysesMessage>;

/* Success bodies (see src/schemas/auth.ts on response schemas). */

/** `GET /sync`, `POST /sync` (202): never synced reads as idle with nothing done; `rateLimit` null until GitHub has told. */
export const SyncStatus = z
  .object({
    status: z.enum(['idle', 'running', 'waiting_for_rate_limit', 'failed']) satisfies z.ZodType<SyncState>,
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    repositories: z.object({ done: z.number().int(), total: z.number().int() }).strict(),
    requests: z.object({ made: z.number().int(), notModified: z.number().int() }).strict(),
    rateLimit: z.object({ remaining: z.number().int(), resetAt: z.iso.datetime() }).strict().nullable(),
    lastError: z.string().nullable(),
  })
  .strict()
  .meta({ id: 'SyncStatus' });
export type SyncStatus = z.infer<typeof SyncStatus>;

/** 202 from an analysis or dashboard before the organization's first sync has finished; ask again after `retry-after`. */
export const SyncingResponse = z
  .object({ success: z.literal(true), status: z.literal('syncing'), sync: SyncStatus })
  .strict()
  .meta({ id: 'SyncingResponse' });
export type SyncingResponse = z.infer<typeof SyncingResponse>;
