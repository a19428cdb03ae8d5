import pMap from 'p-map';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { teamDigestOf } from '../domain/flow/team-digest';
import { computeTeamFlow } from '../domain/flow/team-flow';
import type { TeamFlow } from '../domain/flow/types';
import { productionEnvironmentOf } from '../domain/organization-settings';
import { monthOf } from '../domain/sync/activity-slices';
import { NotFoundError } from '../errors';
import { activitySlicesOf } from '../repositories/activity-slices';
import { deploymentsOf } from '../repositories/deployments';
import { listMembers } from '../repositories/members';
import { getOrganization } from '../repositories/organizations';
import { saveTeamFlow } from '../repositories/team-flow';

/** Engineers' slices read at once: each is one Query. */
const READ_CONCURRENCY = 8;

const DAY_MS = 86_400_000;

/**
 * The team's flow recomputed from stored activity and deployments, off any
 * read (the sync's worker, when a sync finished, a repository was read
 * outside one, or the production environment changed) and stored as one
 * item. The engineers are the team analysis's (role member with a GitHub
 * username); each one's slices from two windows back are one Query,
 * the deployments one more. Nothing here asks GitHub.
 */
export async function recomputeTeamFlow(tenant: { readonly orgId: string }, now: Date): Promise<TeamFlow | undefined> {
  // Whole seconds, as GitHub writes the times this is compared with.
  const from = new Date(now.getTime() - 2 * WINDOW_DAYS * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [organization, members, deployments] = await Promise.all([
    // Gone since the message was queued: nothing to compute for.
    getOrganization(tenant, { consistent: true }).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }),
    listMembers(tenant, ['member']),
    deploymentsOf(tenant, from),
  ]);
  if (!organization) return undefined;
  const engineers = members.flatMap((member) => (member.githubUsername ? [member.githubUsername] : []));
  // A pull request lives in the month it was opened: one opened before the window before and merged in it is not read (rare, and said in docs/analytics.md).
  const slices = await pMap(engineers, (login) => activitySlicesOf(tenant, login, monthOf(from)), { concurrency: READ_CONCURRENCY });
  const flow = computeTeamFlow({
    engineers,
    pullRequests: slices.flat().flatMap((slice) => slice.pullRequests),
    deployments,
    now,
    windowDays: WINDOW_DAYS,
    productionEnvironment: productionEnvironmentOf(organization.settings),
  });
  await saveTeamFlow(tenant, { flow, computedAt: now.toISOString(), team: teamDigestOf(engineers) });
  return flow;
}
