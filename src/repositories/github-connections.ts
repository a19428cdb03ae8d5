import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import { auditEntryPut } from './audit-log';
import { batchGetItems, db, failedConditionIndexes, isConditionalCheckFailure, tableName, unexplainedWriteError } from './dynamo';
import { lookupKeys, tenantKeys } from './keys';
import { toSyncStatus, type SyncStatus } from './sync-status';

export interface GithubAccount {
  readonly login: string;
  readonly id: number;
  readonly type: string;
}

export interface GithubConnection {
  readonly installationId: number;
  readonly account: GithubAccount;
  readonly repositorySelection: string;
  readonly connectedAt: string;
  readonly connectedBy: string;
}

/** A pending connect: the state's hash, its expiry and the admin who asked; DynamoDB's TTL sweeps it later. */
export async function saveConnectState(tenant: TenantContext, stateHash: string, expiresAt: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tenantKeys.githubConnectState(tenant, stateHash),
        adminId: tenant.userId,
        expiresAt: expiresAt.getTime(),
        ttl: Math.floor(expiresAt.getTime() / 1000),
      },
    }),
  );
}

/**
 * Consumes a state once: a conditional DeleteItem that only an unexpired,
 * still-stored state passes, so two callbacks racing with one state cannot
 * both get past it. Answers the admin who asked for it, or undefined
 * (reused, expired, or never issued for this organization).
 */
export async function consumeConnectState(orgId: string, stateHash: string, now: Date): Promise<string | undefined> {
  try {
    const result = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: tenantKeys.githubConnectState({ orgId }, stateHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': now.getTime() },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const adminId = result.Attributes?.['adminId'];
    return typeof adminId === 'string' ? adminId : undefined;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Binds an installation in one transaction: the installation's lookup item
 * (free, or already this organization's: a reconnect), the connection item,
 * `settings.githubOrganization` and the audit entry land together or not at all.
 */
export async function bindInstallation(admin: TenantContext, connection: GithubConnection, now: Date): Promise<void> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...lookupKeys.githubInstallation(connection.installationId), orgId: admin.orgId, boundAt: now.toISOString() },
              ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org',
              ExpressionAttributeValues: { ':org': admin.orgId },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...tenantKeys.githubConnection(admin), ...connection },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: tenantKeys.organization(admin),
              // `githubAccount` (lower case) is what a settings change is held to (`githubOrganizationCondition`).
              UpdateExpression: 'SET #settings.#githubOrganization = :login, githubAccount = :account',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#settings': 'settings', '#githubOrganization': 'githubOrganization' },
              ExpressionAttributeValues: { ':login': connection.account.login, ':account': connection.account.login.toLowerCase() },
            },
          },
          auditEntryPut(
            admin,
            {
              event: 'GITHUB_CONNECTED',
              resource: `organization/${admin.orgId}`,
              result: 'SUCCESS',
              severity: 'HIGH',
              details: { installationId: connection.installationId, account: connection.account.login },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) {
      throw new ConflictError('This GitHub installation is connected to another organization', { cause: error });
    }
    throw unexplainedWriteError(error);
  }
}

/** The connection and the sync record in one consistent BatchGetItem (`GET /integrations/github`). */
export async function connectionWithSync(tenant: Pick<TenantContext, 'orgId'>): Promise<{ connection?: GithubConnection; sync?: SyncStatus }> {
  const keys = [tenantKeys.githubConnection(tenant), tenantKeys.sync(tenant)] as const;
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const [connectionItem, syncItem] = keys.map((key) => items.find((item) => item['SK'] === key.SK));
  return { ...(connectionItem ? { connection: toConnection(connectionItem) } : {}), ...(syncItem ? { sync: toSyncStatus(syncItem) } : {}) };
}

export async function connectionOf(tenant: Pick<TenantContext, 'orgId'>): Promise<GithubConnection | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: tenantKeys.githubConnection(tenant), ConsistentRead: true }));
  return result.Item ? toConnection(result.Item) : undefined;
}

/** The connection item (read here or in a batch with other items) as a connection. */
export function toConnection(item: Record<string, unknown>): GithubConnection {
  const account = item['account'] as GithubAccount;
  return {
    installationId: Number(item['installationId']),
    account: { login: account.login, id: Number(account.id), type: account.type },
    repositorySelection: String(item['repositorySelection']),
    connectedAt: String(item['connectedAt']),
    connectedBy: String(item['connectedBy']),
  };
}

/** The organization an installation is bound to, if any. */
export async function organizationOfInstallation(installationId: number): Promise<string | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.githubInstallation(installationId), ConsistentRead: true }));
  const orgId = result.Item?.['orgId'];
  return typeof orgId === 'string' ? orgId : undefined;
}

/**
 * Removes the binding (lookup + connection, audited); the activity already
 * stored stays. `tenant.userId` is who the audit entry names: an admin, or
 * `github` when GitHub reported the installation gone.
 */
export async function unbindInstallation(tenant: TenantContext, installationId: number, now: Date): Promise<void> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: lookupKeys.githubInstallation(installationId),
              ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org',
              ExpressionAttributeValues: { ':org': tenant.orgId },
            },
          },
          {
            Delete: {
              TableName: tableName(),
              Key: tenantKeys.githubConnection(tenant),
              ConditionExpression: 'installationId = :id',
              ExpressionAttributeValues: { ':id': installationId },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: tenantKeys.organization(tenant),
              UpdateExpression: 'REMOVE githubAccount',
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          auditEntryPut(
            tenant,
            { event: 'GITHUB_DISCONNECTED', resource: `organization/${tenant.orgId}`, result: 'SUCCESS', severity: 'HIGH', details: { installationId } },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    throw unexplainedWriteError(error);
  }
}

/**
 * The condition that holds a settings change of `githubOrganization` to the
 * connection, on the organization item: the connected account's login, or
 * no value while nothing is connected. The connection sets it; a setting can
 * never point the installation's reads at another account.
 */
export function githubOrganizationCondition(login: string | null) {
  if (login === null) return { expression: 'attribute_not_exists(githubAccount)', values: {} };
  return { expression: 'githubAccount = :githubAccount', values: { ':githubAccount': login.toLowerCase() } };
}
