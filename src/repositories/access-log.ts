import type { AccessRecord } from '../domain/access-log';
import { newId } from '../domain/ids';
import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { batchPutItems, queryPageNewestFirst } from './dynamo';
import { tenantKeys } from './keys';

type Tenant = Pick<TenantContext, 'orgId'>;

/** As long as the audit log: a person may ask a year later who looked. */
const RETENTION_SECONDS = 365 * 24 * 60 * 60;

export interface StoredAccess {
  readonly timestamp: number;
  readonly viewer: { readonly name: string; readonly role: Role };
  readonly what: string;
}

/** Each record in the log of the person it is about, in BatchWrite pages of 25. */
export async function recordAccesses(tenant: Tenant, records: readonly AccessRecord[], at: Date): Promise<void> {
  await batchPutItems(
    records.map((record) => ({
      ...tenantKeys.accessEntry(tenant, record.login, at, newId('acc')),
      type: 'ACCESS',
      login: record.login.toLowerCase(),
      timestamp: at.getTime(),
      viewer: record.viewer,
      what: record.what,
      ttl: Math.floor(at.getTime() / 1000) + RETENTION_SECONDS,
    })),
  );
}

/** One page of a person's access log, newest first; `after` is the sort key the last page ended on. */
export async function listAccesses(tenant: Tenant, login: string, limit: number, after?: string): Promise<{ entries: StoredAccess[]; lastKey?: string }> {
  const range = tenantKeys.accessEntries(tenant, login);
  // A cursor of another person's log (a forged position) must not page into it.
  const page = await queryPageNewestFirst(range, limit, after?.startsWith(range.skPrefix) ? after : undefined);
  const entries = page.items.map((item) => ({
    timestamp: item['timestamp'] as number,
    viewer: item['viewer'] as StoredAccess['viewer'],
    what: item['what'] as string,
  }));
  return { entries, ...(page.lastKey ? { lastKey: page.lastKey } : {}) };
}
