import * as z from 'zod';

/**
 * The organization sync's messages on its queue (`github-sync` in
 * src/jobs.ts): list the repositories and fan out, or read one repository.
 */
const Base = {
  orgId: z.string().min(1).max(64),
  syncId: z.string().min(1).max(64),
  installationId: z.number().int().positive(),
};

export const ListRepositoriesMessage = z.object({ kind: z.literal('organization'), ...Base });

export const SyncRepositoryMessage = z.object({
  kind: z.literal('repository'),
  ...Base,
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/).max(200),
  pushedAt: z.string().nullable(),
  /** First day of the window (`YYYY-MM-DD`), fixed for the whole sync so every job reads the same window. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** A webhook said a deployment or its status changed: read the deployments even if nothing was pushed. */
  readDeployments: z.boolean().optional(),
  /** Set when GitHub's budget ran out: the job comes back (delayed, 15 minutes at most a hop) and does nothing before. */
  notBefore: z.iso.datetime().optional(),
});

export const GithubSyncMessage = z.discriminatedUnion('kind', [ListRepositoriesMessage, SyncRepositoryMessage]);
export type GithubSyncMessage = z.infer<typeof GithubSyncMessage>;
export type SyncRepositoryMessage = z.infer<typeof SyncRepositoryMessage>;
