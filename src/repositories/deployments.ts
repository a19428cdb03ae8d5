import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { monthOf } from '../domain/sync/activity-slices';
import type { DeploymentMonth, DeploymentRecord } from '../domain/sync/deployments';
import { MAX_SLICE_BYTES, SliceTooLargeError } from './activity-slices';
import { batchGetItems, batchPutItems, db, queryBetween, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * Synced deployments, one item per repository and month
 * (domain/sync/deployments.ts), gzipped JSON like the activity slices and
 * under the same size guard. A read takes at most 2,000 deployments of a
 * repository (deployments-graphql.ts), far inside it. Each month expires
 * once no window before can reach it, so the partition does not keep
 * every deployment ever made.
 */
type Tenant = { readonly orgId: string };

const DAY_S = 86_400;

/** Epoch seconds when the month's deployments stop mattering: two windows after it ended, and a month to spare. */
function expiryOf(month: string): number {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return Math.floor(Date.UTC(year, index, 1) / 1000) + (2 * WINDOW_DAYS + 31) * DAY_S;
}

function toItem(tenant: Tenant, entry: DeploymentMonth, syncedAt: Date): Record<string, unknown> {
  const data = gzipSync(JSON.stringify(entry.deployments));
  if (data.length > MAX_SLICE_BYTES) throw new SliceTooLargeError(`deployments|${entry.month}|${entry.repo.toLowerCase()}`, data.length);
  return { ...tenantKeys.deploymentMonth(tenant, entry), repo: entry.repo, month: entry.month, data, syncedAt: syncedAt.getTime(), ttl: expiryOf(entry.month) };
}

function fromItem(item: Record<string, unknown>): DeploymentMonth {
  const data = item['data'];
  const deployments = data instanceof Uint8Array ? (JSON.parse(gunzipSync(data).toString('utf8')) as DeploymentRecord[]) : [];
  return { repo: String(item['repo']), month: String(item['month']), deployments };
}

/** The stored months of one repository among `months`, by month (one BatchGet). */
export async function readDeploymentMonths(tenant: Tenant, repo: string, months: readonly string[]): Promise<Map<string, DeploymentMonth>> {
  const items = await batchGetItems(months.map((month) => ({ ...tenantKeys.deploymentMonth(tenant, { month, repo }) })));
  return new Map(items.map(fromItem).map((entry) => [entry.month, entry]));
}

/** Writes the months a read changed and deletes those it emptied (a deployment deleted on GitHub: rare, one DeleteItem each). */
export async function writeDeploymentMonths(tenant: Tenant, repo: string, change: { readonly write: readonly DeploymentMonth[]; readonly remove: readonly string[] }, syncedAt: Date): Promise<void> {
  await batchPutItems(change.write.map((entry) => toItem(tenant, entry, syncedAt)));
  for (const month of change.remove) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: tenantKeys.deploymentMonth(tenant, { month, repo }) }));
  }
}

/**
 * The organization's deployments created in `[from, to)` (ISO times; no
 * `to`: up to now), every repository, oldest first: one Query (paged only
 * past 1 MB). The window and the one before are two calls, or one from
 * the earlier start.
 */
export async function deploymentsOf(tenant: Tenant, from: string, to?: string): Promise<DeploymentRecord[]> {
  const items = await queryBetween(tenantKeys.deploymentMonthsBetween(tenant, monthOf(from), to === undefined ? undefined : monthOf(to)));
  return items
    .flatMap((item) => fromItem(item).deployments)
    .filter((deployment) => deployment.createdAt >= from && (to === undefined || deployment.createdAt < to))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
