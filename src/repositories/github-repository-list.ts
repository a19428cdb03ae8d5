import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PageCache } from '../integrations/github/conditional-client';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';
import { packJson, unpackJson } from './packed-json';

/**
 * The installation's repository list as the last listing read it: one
 * item, `GHREPOS`, holding the list's pages (each repository's name and
 * `pushed_at`) with their ETags, so an unchanged list costs a 304 a page.
 * Gzipped: 500 repositories take a few KB.
 */
type Tenant = { readonly orgId: string };

/** The pages of the last listing of this installation (another installation's pages are no use). */
export async function repositoryListPages(tenant: Tenant, installationId: number): Promise<PageCache> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.githubRepositoryList(tenant), ConsistentRead: true }));
  if (!Item || Item['installationId'] !== installationId) return {};
  return unpackJson<PageCache>(Item['pages']);
}

export async function saveRepositoryListPages(tenant: Tenant, installationId: number, pages: PageCache, listedAt: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...tenantKeys.githubRepositoryList(tenant), installationId, pages: packJson(pages), listedAt: listedAt.getTime() },
    }),
  );
}
