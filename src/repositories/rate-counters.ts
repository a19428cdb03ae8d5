import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { batchGetItems, db, tableName } from './dynamo';
import { lookupKeys, tenantKeys, type Key } from './keys';

/**
 * Fixed one-minute windows counted with atomic ADDs, so every Lambda
 * instance sees the same counts. Each counter item expires with its minute.
 */
export interface Counts {
  readonly requests: number;
  readonly failures: number;
}

async function add(key: Key, attribute: 'requests' | 'failures', minute: number): Promise<Counts> {
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'ADD #counter :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: { '#counter': attribute, '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': (minute + 2) * 60 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return { requests: Number(Attributes?.['requests'] ?? 0), failures: Number(Attributes?.['failures'] ?? 0) };
}

/** Counts one request of this IP; returns the minute's requests and failed authentications so far. */
export function countClientRequest(ip: string, minute: number) {
  return add(lookupKeys.clientRate(ip, minute), 'requests', minute);
}

export async function countFailedAuthentication(ip: string, minute: number): Promise<void> {
  await add(lookupKeys.clientRate(ip, minute), 'failures', minute);
}

/** Counted only once the guard confirmed the membership, so only members spend their organization's budget. */
export async function countOrganizationRequest(tenant: TenantContext, minute: number): Promise<number> {
  return (await add(tenantKeys.organizationRate(tenant, minute), 'requests', minute)).requests;
}

export interface LoginFailures {
  /** Failed logins for this email this minute, from anywhere. */
  readonly account: number;
  /** The share of those that came from this client. */
  readonly client: number;
}

/** Both counts in one BatchGet. */
export async function failedLoginsOf(email: string, ip: string, minute: number): Promise<LoginFailures> {
  const accountKey = lookupKeys.accountRate(email, minute);
  const clientKey = lookupKeys.accountClientRate(email, ip, minute);
  const items = await batchGetItems([{ ...accountKey }, { ...clientKey }]);
  const failuresOf = (key: Key) => Number(items.find((item) => item['SK'] === key.SK)?.['failures'] ?? 0);
  return { account: failuresOf(accountKey), client: failuresOf(clientKey) };
}

export async function countFailedLogin(email: string, ip: string, minute: number): Promise<void> {
  await Promise.all([
    add(lookupKeys.accountRate(email, minute), 'failures', minute),
    add(lookupKeys.accountClientRate(email, ip, minute), 'failures', minute),
  ]);
}
