import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import type { PageCache } from '../integrations/github/conditional-client';
import { batchGetItems, db, isConditionalCheckFailure, queryAll, tableName } from './dynamo';
import { toConnection, type GithubConnection } from './github-connections';
import { lookupKeys, tenantKeys, type Key } from './keys';

/** Organizations with a member using this login: read only to alert them of an attempt from elsewhere. */
export async function organizationsWithGithubLogin(login: string): Promise<string[]> {
  const owners = await queryAll(lookupKeys.githubLoginPartition(login));
  return owners.map((item) => item['organizationId'] as string);
}

export interface StoredAnalysis<A> {
  readonly analysis: A;
  readonly cachedAt: number;
}

/** Kept past its 24-hour freshness so a refresh that fails can still answer with the last good analysis. */
const ANALYSIS_RETENTION_SECONDS = 30 * 24 * 3600;

export async function saveAnalysis<A>(
  tenant: TenantContext,
  login: string,
  owner: string,
  analysis: A,
  cachedAt: Date,
): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tenantKeys.analysis(tenant, login),
        type: 'GITHUB_DATA',
        githubUsername: login,
        userId: owner,
        data: analysis,
        cachedAt: cachedAt.getTime(),
        ttl: Math.floor(cachedAt.getTime() / 1000) + ANALYSIS_RETENTION_SECONDS,
      },
    }),
  );
}

/** The collector's page cache for one member, gzipped (ETags and the records extracted from each page). */
export async function getGithubSource(tenant: TenantContext, login: string): Promise<PageCache> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.githubSource(tenant, login) }));
  const data = Item?.['pages'];
  if (!(data instanceof Uint8Array)) return {};
  try {
    return JSON.parse(gunzipSync(data).toString('utf8')) as PageCache;
  } catch {
    return {};
  }
}

export async function saveGithubSource(tenant: TenantContext, login: string, pages: PageCache, now: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tenantKeys.githubSource(tenant, login),
        pages: gzipSync(JSON.stringify(pages)),
        savedAt: now.getTime(),
        ttl: Math.floor(now.getTime() / 1000) + ANALYSIS_RETENTION_SECONDS,
      },
    }),
  );
}

const ALERT_INTERVAL_MS = 60 * 60 * 1000;

/** True for the first attempt of this attacker in the hour: only that one sends a security alert. */
export async function claimSecurityAlert(target: TenantContext, attackerUserId: string, now: Date): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...tenantKeys.securityAlert(target, attackerUserId),
          alertedAt: now.getTime(),
          ttl: Math.floor((now.getTime() + ALERT_INTERVAL_MS) / 1000) + 3600,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR alertedAt < :hourAgo',
        ExpressionAttributeValues: { ':hourAgo': now.getTime() - ALERT_INTERVAL_MS },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Cached analyses of many members in BatchGet pages of 100 (not one call per member). */
export async function getAnalysesOf<A>(tenant: TenantContext, logins: readonly string[]): Promise<Map<string, { analysis: A; cachedAt: number }>> {
  const items = await batchGetItems(logins.map((login) => ({ ...tenantKeys.analysis(tenant, login) })));
  return new Map(
    items.map((item) => [String(item['githubUsername']).toLowerCase(), { analysis: item['data'] as A, cachedAt: item['cachedAt'] as number }]),
  );
}

/**
 * What a code-quality request needs, in one BatchGetItem: the login's member,
 * the organization (settings, privacy), the cached analysis and the GitHub
 * connection, read side by side rather than one after another.
 */
export async function loadAnalysisContext<A>(
  tenant: TenantContext,
  login: string,
): Promise<{
  target?: { userId: string; githubUsername: string };
  organizationItem?: Record<string, unknown>;
  cached?: StoredAnalysis<A>;
  connection?: GithubConnection;
}> {
  const keys = [
    tenantKeys.githubLogin(tenant, login),
    tenantKeys.organization(tenant),
    tenantKeys.analysis(tenant, login),
    tenantKeys.githubConnection(tenant),
  ];
  // Consistent: the privacy settings on the organization item apply as they are now, even just changed.
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const find = (key: { SK: string }) => items.find((item) => item['SK'] === key.SK);
  const [loginKey, organizationKey, analysisKey, connectionKey] = keys as [Key, Key, Key, Key];
  const loginItem = find(loginKey);
  const analysisItem = find(analysisKey);
  const connectionItem = find(connectionKey);
  return {
    ...(loginItem ? { target: { userId: loginItem['userId'] as string, githubUsername: loginItem['githubUsername'] as string } } : {}),
    ...(find(organizationKey) ? { organizationItem: find(organizationKey) } : {}),
    ...(analysisItem ? { cached: { analysis: analysisItem['data'] as A, cachedAt: analysisItem['cachedAt'] as number } } : {}),
    ...(connectionItem ? { connection: toConnection(connectionItem) } : {}),
  };
}
