import type { ActivitySlice } from '../domain/sync/activity-slices';
import { allActivitySlicesOf } from './activity-slices';
import { getAnalysesOf, type StoredAnalysis } from './analyses';
import { batchDeleteKeys, queryAll } from './dynamo';
import { tenantKeys } from './keys';

/**
 * What an organization stores about one person under their GitHub login
 * (activity slices, the analysis, the access log) and about them as a user
 * (audit entries by or about them), read by key prefix; and the erasure of
 * the login's part when they are removed.
 */
type Tenant = { readonly orgId: string };

export interface LoginData {
  readonly activity: ActivitySlice[];
  readonly analysis?: StoredAnalysis<unknown>;
  readonly accessLog: Record<string, unknown>[];
}

export async function loginDataOf(tenant: Tenant, login: string): Promise<LoginData> {
  const access = tenantKeys.accessEntries(tenant, login);
  const [activity, analyses, accessLog] = await Promise.all([
    allActivitySlicesOf(tenant, login),
    getAnalysesOf<unknown>(tenant, [login]),
    queryAll(access.PK, access.skPrefix),
  ]);
  const analysis = analyses.get(login.toLowerCase());
  return { activity, accessLog, ...(analysis ? { analysis } : {}) };
}

/**
 * Audit entries this person made or that name them as the resource
 * (`member/<userId>`): one Query of the audit log's prefix, filtered by
 * DynamoDB. It reads the whole log (a year at most, its retention), pages
 * of 1 MB; there is no per-person index of the audit log.
 */
export async function auditEntriesAbout(tenant: Tenant, userId: string): Promise<Record<string, unknown>[]> {
  const { PK, skPrefix } = tenantKeys.auditEntries(tenant);
  return queryAll(PK, skPrefix, {
    expression: 'userId = :user OR #resource = :resource',
    names: { '#resource': 'resource' },
    values: { ':user': userId, ':resource': `member/${userId}` },
  });
}

/**
 * Erases what the organization stores under a removed member's login: their
 * slices, their analysis and their access log (one Query per prefix, keys
 * only used, deletes in BatchWrite pages). Returns how many keys went.
 */
export async function eraseLoginData(tenant: Tenant, login: string): Promise<number> {
  const prefixes = [tenantKeys.activitySlicesOfLogin(tenant, login), tenantKeys.accessEntries(tenant, login)];
  const found = await Promise.all(prefixes.map(({ PK, skPrefix }) => queryAll(PK, skPrefix)));
  const keys = [...found.flat().map((item) => ({ PK: item['PK'], SK: item['SK'] })), tenantKeys.analysis(tenant, login)];
  await batchDeleteKeys(keys);
  return keys.length;
}
