import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EMPTY_CURSOR, type RepositoryCursor } from '../integrations/github/repository-collector';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * One repository's sync cursor (what its last read saw, with the ETags of
 * its pages), gzipped: a repository's cursor holds a window of issue
 * numbers and a few cached pages, a few kilobytes compressed.
 */
type Tenant = { readonly orgId: string };

export async function repositoryCursor(tenant: Tenant, repo: string): Promise<RepositoryCursor> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.repositoryCursor(tenant, repo), ConsistentRead: true }));
  const data = Item?.['cursor'];
  if (!(data instanceof Uint8Array)) return EMPTY_CURSOR;
  try {
    return JSON.parse(gunzipSync(data).toString('utf8')) as RepositoryCursor;
  } catch {
    // A cursor that cannot be read costs one full read of the repository, nothing more.
    return EMPTY_CURSOR;
  }
}

export async function saveRepositoryCursor(tenant: Tenant, repo: string, cursor: RepositoryCursor, syncedAt: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...tenantKeys.repositoryCursor(tenant, repo), repo, cursor: gzipSync(JSON.stringify(cursor)), syncedAt: syncedAt.getTime() },
    }),
  );
}
