import { gunzipSync, gzipSync } from 'node:zlib';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredFlow } from '../domain/flow/flow-status';
import type { TeamFlow } from '../domain/flow/types';
import { db, tableName } from './dynamo';
import { tenantKeys } from './keys';

/**
 * The team's flow (domain/flow), one item in the organization's partition,
 * gzipped JSON like the analyses: a few hundred repositories' figures are
 * a few kilobytes. The dashboard reads it inside its one BatchGet
 * (loadTeamContext), so it costs no call of its own.
 */
type Tenant = { readonly orgId: string };

export async function saveTeamFlow(tenant: Tenant, stored: StoredFlow): Promise<void> {
  const item = { ...tenantKeys.teamFlow(tenant), data: gzipSync(JSON.stringify(stored.flow)), computedAt: stored.computedAt, team: stored.team };
  await db().send(new PutCommand({ TableName: tableName(), Item: item }));
}

export function toStoredFlow(item: Record<string, unknown>): StoredFlow | undefined {
  const data = item['data'];
  if (!(data instanceof Uint8Array)) return undefined;
  return { flow: JSON.parse(gunzipSync(data).toString('utf8')) as TeamFlow, computedAt: String(item['computedAt']), team: String(item['team']) };
}
