import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import { db, tableName } from './dynamo';
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

/** `claimed` is the organization of a verified token, read before (in parallel with) its membership check. */
export async function countOrganizationRequest(claimed: Pick<TenantContext, 'orgId'>, minute: number): Promise<number> {
  return (await add(tenantKeys.organizationRate(claimed, minute), 'requests', minute)).requests;
}

export async function failedLoginsOf(email: string, minute: number): Promise<number> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.accountRate(email, minute) }));
  return Number(Item?.['failures'] ?? 0);
}

export async function countFailedLogin(email: string, minute: number): Promise<void> {
  await add(lookupKeys.accountRate(email, minute), 'failures', minute);
}
