import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../repositories/dynamo';
import { connectionOf } from '../repositories/github-connections';
import { requestSync } from '../services/organization-sync';

/**
 * The local SQS emulator (fauxqs 1.9) keeps its queues in memory: a sync
 * that was running when the last `npm start` stopped lost its jobs with
 * them, and would show `running` until it went stale (2 h). At start, each
 * such sync is replaced by a new one of its organization. On AWS the queue
 * keeps its messages and this never runs.
 *
 * A Scan, on purpose: it runs once at local start-up, on a developer's
 * table, never on a request's path.
 */
export async function restartInterruptedSyncs(now = new Date()): Promise<number> {
  const interrupted: { orgId: string; syncId: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'SK = :sync AND #status IN (:running, :waiting)',
        ProjectionExpression: 'PK, syncId',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sync': 'SYNC', ':running': 'running', ':waiting': 'waiting_for_rate_limit' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) interrupted.push({ orgId: String(item['PK']).replace(/^ORG#/, ''), syncId: String(item['syncId']) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  let restarted = 0;
  for (const { orgId, syncId } of interrupted) {
    const connection = await connectionOf({ orgId });
    if (!connection) continue;
    const { started } = await requestSync({ orgId }, connection.installationId, undefined, now, syncId);
    if (started) restarted += 1;
  }
  return restarted;
}
