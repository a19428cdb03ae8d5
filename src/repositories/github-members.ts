import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PageCache } from '../integrations/github/conditional-client';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * The GitHub organization's members as the last sync listed them: one
 * item, `GHMEMBERS`, with the list pages' ETags so an unchanged list costs
 * a 304 a page. Gzipped: a login is a few bytes, and even a large
 * organization's list stays far inside an item.
 */
type Tenant = { readonly orgId: string };

export interface GithubMembers {
  /** The GitHub organization's login. */
  readonly account: string;
  readonly logins: readonly string[];
  readonly syncedAt: string;
}

interface Stored {
  readonly logins: readonly string[];
  readonly pages: PageCache;
}

async function storedItem(tenant: Tenant): Promise<(Stored & { account: string; syncedAt: string }) | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.githubMembers(tenant), ConsistentRead: true }));
  const data = Item?.['data'];
  if (!Item || !(data instanceof Uint8Array)) return undefined;
  const stored = JSON.parse(gunzipSync(data).toString('utf8')) as Stored;
  return { ...stored, account: String(Item['account']), syncedAt: new Date(Number(Item['syncedAt'])).toISOString() };
}

export async function githubMembersOf(tenant: Tenant): Promise<GithubMembers | undefined> {
  const stored = await storedItem(tenant);
  return stored && { account: stored.account, logins: stored.logins, syncedAt: stored.syncedAt };
}

/** The pages' cache of the last listing of `account` (another account's pages are no use). */
export async function githubMembersPages(tenant: Tenant, account: string): Promise<PageCache> {
  const stored = await storedItem(tenant);
  return stored?.account === account ? stored.pages : {};
}

export async function saveGithubMembers(tenant: Tenant, account: string, listed: Stored, syncedAt: Date): Promise<void> {
  const data = gzipSync(JSON.stringify({ logins: listed.logins, pages: listed.pages }));
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...tenantKeys.githubMembers(tenant), account, data, syncedAt: syncedAt.getTime() } }));
}
