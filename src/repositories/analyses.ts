import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { toBasis, type AnalysisBasis } from '../domain/analysis/analysis-basis';
import { newId } from '../domain/ids';
import type { StoredFlow } from '../domain/flow/flow-status';
import type { TenantContext } from '../guard/tenant-context';
import { batchGetItems, batchPutItems, db, isConditionalCheckFailure, queryAll, tableName } from './dynamo';
import { toConnection, type GithubConnection } from './github-connections';
import { lookupKeys, tenantKeys, type Key } from './keys';
import { packJson, unpackJson } from './packed-json';
import { toSyncStatus, type SyncStatus } from './sync-status';
import { teamReportDay, toStoredTeamReport, type StoredTeamReport } from './reports';
import { toStoredFlow } from './team-flow';

type Tenant = Pick<TenantContext, 'orgId'>;

/** Organizations with a member using this login: read only to alert them of an attempt from elsewhere. */
export async function organizationsWithGithubLogin(login: string): Promise<string[]> {
  const owners = await queryAll(lookupKeys.githubLoginPartition(login));
  return owners.map((item) => item['organizationId'] as string);
}

export interface StoredAnalysis<A> {
  readonly analysis: A;
  readonly cachedAt: number;
  /** What it was computed from (undefined for one stored before bases existed: out of date). */
  readonly basis: AnalysisBasis | undefined;
}

/** An analysis to store: whose it is, and what it was computed from. */
export interface AnalysisToSave<A> {
  readonly login: string;
  readonly userId: string;
  readonly analysis: A;
  readonly basis: AnalysisBasis;
}

/** Kept while the member's activity is: a recomputation replaces it, a member's removal erases it. */
const ANALYSIS_RETENTION_SECONDS = 30 * 24 * 3600;

function analysisItem<A>(tenant: Tenant, entry: AnalysisToSave<A>, cachedAt: Date): Record<string, unknown> {
  return {
    ...tenantKeys.analysis(tenant, entry.login),
    type: 'GITHUB_DATA',
    githubUsername: entry.login,
    userId: entry.userId,
    // One gzipped JSON attribute, not a nested map: a dashboard reads 200 of them, and a map costs its marshalling field by field.
    analysis: packJson(entry.analysis),
    basis: entry.basis,
    cachedAt: cachedAt.getTime(),
    ttl: Math.floor(cachedAt.getTime() / 1000) + ANALYSIS_RETENTION_SECONDS,
  };
}

function toStored<A>(item: Record<string, unknown>): StoredAnalysis<A> {
  // `data`: the map analyses were stored as before they were packed (their basis is missing, so they are recomputed anyway).
  const analysis = unpackJson<A>(item['analysis'] ?? item['data']);
  return { analysis, cachedAt: item['cachedAt'] as number, basis: toBasis(item['basis']) };
}

/**
 * A new stamp, written once the analyses it follows are: a team report
 * computed under the stamp read before its analyses is current only while
 * that stamp stands (src/services/team-performance.ts).
 */
async function restampAnalyses(tenant: Tenant, at: Date): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...tenantKeys.analysesStamp(tenant), stamp: newId('stp'), at: at.getTime() } }));
}

export async function saveAnalysis<A>(tenant: Tenant, entry: AnalysisToSave<A>, cachedAt: Date): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: analysisItem(tenant, entry, cachedAt) }));
  await restampAnalyses(tenant, cachedAt);
}

/** Many analyses at once (BatchWriteItem pages of 25), as the sync's recomputation writes them. */
export async function saveAnalyses<A>(tenant: Tenant, entries: readonly AnalysisToSave<A>[], cachedAt: Date): Promise<void> {
  if (entries.length === 0) return;
  await batchPutItems(entries.map((entry) => analysisItem(tenant, entry, cachedAt)));
  await restampAnalyses(tenant, cachedAt);
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

/** Stored analyses of many members in BatchGet pages of 100 (not one call per member), by lower-case login. */
export async function getAnalysesOf<A>(tenant: Tenant, logins: readonly string[]): Promise<Map<string, StoredAnalysis<A>>> {
  const items = await batchGetItems(logins.map((login) => ({ ...tenantKeys.analysis(tenant, login) })));
  return new Map(items.map((item) => [String(item['githubUsername']).toLowerCase(), toStored<A>(item)]));
}

/** The login item carries the person's own time zone (src/repositories/personal-settings.ts), so their basis needs no other read. */
function toTarget(item: Record<string, unknown>): { userId: string; githubUsername: string; timezone?: string } {
  const timezone = item['timezone'];
  return { userId: item['userId'] as string, githubUsername: item['githubUsername'] as string, ...(typeof timezone === 'string' ? { timezone } : {}) };
}

/**
 * What a code-quality request needs, in one BatchGetItem: the login's member,
 * the organization (settings, privacy), the stored analysis, the GitHub
 * connection, the sync record and the caller's member record, read side by
 * side rather than one after another.
 */
export async function loadAnalysisContext<A>(
  tenant: TenantContext,
  login: string,
): Promise<{
  target?: { userId: string; githubUsername: string; timezone?: string };
  organizationItem?: Record<string, unknown>;
  cached?: StoredAnalysis<A>;
  connection?: GithubConnection;
  sync?: SyncStatus;
  /** The caller's name, from their member record: the person read about sees it in their access log. */
  readerName?: string;
}> {
  const keys = [
    tenantKeys.githubLogin(tenant, login),
    tenantKeys.organization(tenant),
    tenantKeys.analysis(tenant, login),
    tenantKeys.githubConnection(tenant),
    tenantKeys.sync(tenant),
    tenantKeys.member(tenant, tenant.role, tenant.userId),
  ];
  // Consistent: the privacy settings on the organization item apply as they are now, even just changed.
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const find = (key: { SK: string }) => items.find((item) => item['SK'] === key.SK);
  const [loginKey, organizationKey, analysisKey, connectionKey, syncKey, readerKey] = keys as [Key, Key, Key, Key, Key, Key];
  const readerName = find(readerKey)?.['name'];
  const loginItem = find(loginKey);
  const storedItem = find(analysisKey);
  const connectionItem = find(connectionKey);
  const syncItem = find(syncKey);
  return {
    ...(loginItem ? { target: toTarget(loginItem) } : {}),
    ...(find(organizationKey) ? { organizationItem: find(organizationKey) } : {}),
    ...(storedItem ? { cached: toStored<A>(storedItem) } : {}),
    ...(connectionItem ? { connection: toConnection(connectionItem) } : {}),
    ...(syncItem ? { sync: toSyncStatus(syncItem) } : {}),
    ...(typeof readerName === 'string' ? { readerName } : {}),
  };
}

/**
 * What a team analysis needs besides its members, in one consistent
 * BatchGetItem (privacy settings just changed apply): the organization,
 * the GitHub connection, the sync record, the team's stored flow and the
 * caller's member record (their name, for the access log of the people it
 * names).
 */
export interface TeamContext {
  readonly organizationItem?: Record<string, unknown>;
  readonly connection?: GithubConnection;
  readonly sync?: SyncStatus;
  readonly flow?: StoredFlow;
  readonly readerName?: string;
  /** The analyses' stamp now (undefined before any analysis was written). */
  readonly analysesStamp?: string;
  /** The day's team report (UTC day of `now`) as stored, with what it was computed from. */
  readonly todaysTeamReport?: StoredTeamReport;
}

export async function loadTeamContext(tenant: TenantContext, now: Date): Promise<TeamContext> {
  const keys = [
    tenantKeys.organization(tenant),
    tenantKeys.githubConnection(tenant),
    tenantKeys.sync(tenant),
    tenantKeys.teamFlow(tenant),
    tenantKeys.member(tenant, tenant.role, tenant.userId),
    tenantKeys.analysesStamp(tenant),
    tenantKeys.teamReport(tenant, teamReportDay(now)),
  ] as const;
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const [organizationItem, connectionItem, syncItem, flowItem, readerItem, stampItem, reportItem] = keys.map((key) => items.find((item) => item['SK'] === key.SK));
  const flow = flowItem ? toStoredFlow(flowItem) : undefined;
  const readerName = readerItem?.['name'];
  const stamp = stampItem?.['stamp'];
  return {
    ...(typeof readerName === 'string' ? { readerName } : {}),
    ...(organizationItem ? { organizationItem } : {}),
    ...(connectionItem ? { connection: toConnection(connectionItem) } : {}),
    ...(syncItem ? { sync: toSyncStatus(syncItem) } : {}),
    ...(flow ? { flow } : {}),
    ...(typeof stamp === 'string' ? { analysesStamp: stamp } : {}),
    ...(reportItem ? { todaysTeamReport: toStoredTeamReport(reportItem) } : {}),
  };
}
