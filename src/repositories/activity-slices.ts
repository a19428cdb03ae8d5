import { gunzipSync, gzipSync } from 'node:zlib';
import type { ActivitySlice } from '../domain/sync/activity-slices';
import { sliceId } from '../domain/sync/activity-slices';
import { batchGetItems, batchPutItems, queryAll, queryBetween } from './dynamo';
import { tenantKeys } from './keys';

/**
 * Synced activity, one item per person, month and repository (see
 * domain/sync/activity-slices.ts). The records are gzipped JSON: a busy
 * month of one person in one repository is a few kilobytes, far from
 * DynamoDB's 400 KB; a slice that would pass the guard below is refused
 * loudly rather than written truncated.
 */
type Tenant = { readonly orgId: string };

/** Well inside DynamoDB's 400 KB item limit, leaving room for the keys and attributes. */
export const MAX_SLICE_BYTES = 350_000;

export class SliceTooLargeError extends Error {
  constructor(readonly slice: string, readonly bytes: number) {
    super(`The activity of ${slice} is ${bytes} bytes compressed, over ${MAX_SLICE_BYTES}`);
    this.name = 'SliceTooLargeError';
  }
}

type Records = Pick<ActivitySlice, 'commits' | 'pullRequests' | 'reviewsGiven' | 'issues'>;

function toItem(tenant: Tenant, slice: ActivitySlice, syncedAt: Date): Record<string, unknown> {
  const records: Records = { commits: slice.commits, pullRequests: slice.pullRequests, reviewsGiven: slice.reviewsGiven, issues: slice.issues };
  const data = gzipSync(JSON.stringify(records));
  if (data.length > MAX_SLICE_BYTES) throw new SliceTooLargeError(sliceId(slice), data.length);
  return { ...tenantKeys.activitySlice(tenant, slice), login: slice.login, month: slice.month, repo: slice.repo, data, syncedAt: syncedAt.getTime() };
}

function fromItem(item: Record<string, unknown>): ActivitySlice {
  const data = item['data'];
  const records = data instanceof Uint8Array ? (JSON.parse(gunzipSync(data).toString('utf8')) as Records) : undefined;
  return {
    login: String(item['login']),
    month: String(item['month']),
    repo: String(item['repo']),
    commits: records?.commits ?? [],
    pullRequests: records?.pullRequests ?? [],
    reviewsGiven: records?.reviewsGiven ?? [],
    issues: records?.issues ?? [],
  };
}

/** The stored slices among `wanted` (BatchGet pages of 100), by slice id. */
export async function readActivitySlices(tenant: Tenant, wanted: readonly Pick<ActivitySlice, 'login' | 'month' | 'repo'>[]): Promise<Map<string, ActivitySlice>> {
  const items = await batchGetItems(wanted.map((slice) => ({ ...tenantKeys.activitySlice(tenant, slice) })));
  return new Map(items.map((item) => fromItem(item)).map((slice) => [sliceId(slice), slice]));
}

export async function writeActivitySlices(tenant: Tenant, slices: readonly ActivitySlice[], syncedAt: Date): Promise<void> {
  await batchPutItems(slices.map((slice) => toItem(tenant, slice, syncedAt)));
}

/** Every slice of one person from `fromMonth` on, across repositories: one Query (paged only past 1 MB). */
export async function activitySlicesOf(tenant: Tenant, login: string, fromMonth: string): Promise<ActivitySlice[]> {
  return (await queryBetween(tenantKeys.activitySlicesFrom(tenant, login, fromMonth))).map(fromItem);
}

/** Every slice of one person, every month and repository (their data export). */
export async function allActivitySlicesOf(tenant: Tenant, login: string): Promise<ActivitySlice[]> {
  const { PK, skPrefix } = tenantKeys.activitySlicesOfLogin(tenant, login);
  return (await queryAll(PK, skPrefix)).map(fromItem);
}

