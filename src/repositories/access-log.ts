import type { AccessRecord } from '../domain/access-log';
import { newId } from '../domain/ids';
import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { batchGetItems, batchPutItems, queryPageNewestFirst } from './dynamo';
import { tenantKeys } from './keys';

type Tenant = Pick<TenantContext, 'orgId'>;

/** As long as the audit log: a person may ask a year later who looked. */
const RETENTION_SECONDS = 365 * 24 * 60 * 60;

export interface StoredAccess {
  readonly timestamp: number;
  readonly viewer: { readonly name: string; readonly role: Role };
  readonly what: string;
}

/** An entry as a read made it: the id is the read's, so writing it again (a redelivered message) overwrites it. */
export interface AccessEntry extends AccessRecord {
  readonly id: string;
}

/** Entries for a read of now: each gets its id here, once. */
export const newAccessEntries = (records: readonly AccessRecord[]): AccessEntry[] => records.map((record) => ({ ...record, id: newId('acc') }));

/** Each entry in the log of the person it is about, in BatchWrite pages of 25. */
export async function recordAccesses(tenant: Tenant, entries: readonly AccessEntry[], at: Date): Promise<void> {
  await batchPutItems(
    entries.map((entry) => ({
      ...tenantKeys.accessEntry(tenant, entry.login, at, entry.id),
      type: 'ACCESS',
      login: entry.login.toLowerCase(),
      timestamp: at.getTime(),
      viewer: entry.viewer,
      what: entry.what,
      ttl: Math.floor(at.getTime() / 1000) + RETENTION_SECONDS,
    })),
  );
}

/**
 * Of these logins, the ones whose log may still be written: the organization
 * stands (not erased, nor being erased) and the login is still one of its
 * members (a member removed meanwhile had their log erased). One BatchGet.
 */
export async function loginsStillLogged(tenant: Tenant, logins: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(logins.map((login) => login.toLowerCase()))];
  const keys = [tenantKeys.organization(tenant), ...unique.map((login) => tenantKeys.githubLogin(tenant, login))];
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const organization = items.find((item) => item['SK'] === tenantKeys.organization(tenant).SK);
  if (!organization || organization['erasureRequestedAt'] !== undefined) return new Set();
  const found = new Set(items.map((item) => item['SK']));
  return new Set(unique.filter((login) => found.has(tenantKeys.githubLogin(tenant, login).SK)));
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
