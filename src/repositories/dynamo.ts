import pMap from 'p-map';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { awsClientOptions, config } from '../config';
import { ConflictError } from '../errors';
import { currentRequestScope } from '../http/request-scope';

/** One item of a TransactWriteItems call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

let client: DynamoDBDocumentClient | undefined;

function countedClient(): DynamoDBClient {
  const raw = new DynamoDBClient(awsClientOptions(config().endpoints.dynamodb));
  // Counted once per logical call (before retries), into the current request's scope.
  raw.middlewareStack.add(
    (next, context) => (args) => {
      currentRequestScope()?.dynamodbOperations.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countDynamoDbCalls' },
  );
  return raw;
}

/** One document client per process (a Lambda's cold start), reused by every call. */
export function db(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(countedClient(), { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

export function tableName(): string {
  return config().tableName;
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Which items of a cancelled transaction failed their condition, by index,
 * so a caller can tell "email taken" from "organization name taken".
 */
export function failedConditionIndexes(error: unknown): number[] | undefined {
  return cancellationReasons(error)?.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
}

/** Why each item of a cancelled transaction failed, by index; undefined for any other error. */
function cancellationReasons(error: unknown): { Code?: string }[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
}

/** A transaction cancelled by a failed condition or by another transaction on the same items: someone else wrote first. */
export function lostToAnotherWrite(error: unknown): boolean {
  return (cancellationReasons(error) ?? []).some((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ConditionalCheckFailed');
}

/**
 * What to throw for a failed write that no caller explained: a transaction
 * that lost a race with another one on the same items is the client's to
 * retry (409), never a 500.
 */
export function unexplainedWriteError(error: unknown): unknown {
  if (lostToAnotherWrite(error)) {
    return new ConflictError('Another change to the same data happened at the same time; try again', { cause: error });
  }
  return error;
}

const BATCH_GET_LIMIT = 100;

/** Pages of one BatchGet asked for at once: a 200-person dashboard waits for one round trip, not two. */
const BATCH_GET_PAGES_AT_ONCE = 4;

/** BatchGetItem over any number of keys: pages of 100 (a few at once), unprocessed keys retried. */
export async function batchGetItems(
  keys: readonly Record<string, unknown>[],
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[][] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) pages.push(keys.slice(start, start + BATCH_GET_LIMIT));
  const found = await pMap(
    pages,
    async (page) => {
      const items: Record<string, unknown>[] = [];
      let pending = page;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const response = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: options.consistent } } }));
        items.push(...(response.Responses?.[tableName()] ?? []));
        pending = (response.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
      return items;
    },
    { concurrency: BATCH_GET_PAGES_AT_ONCE },
  );
  return found.flat();
}

const BATCH_WRITE_LIMIT = 25;

/** PutRequests in BatchWriteItem pages of 25, with what DynamoDB leaves unprocessed retried after a back-off. */
export async function batchPutItems(items: readonly Record<string, unknown>[]): Promise<void> {
  await batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
}

/** DeleteRequests of these keys in BatchWriteItem pages of 25 (a key with no item is no error). */
export async function batchDeleteKeys(keys: readonly { readonly PK: unknown; readonly SK: unknown }[]): Promise<void> {
  await batchWrite(keys.map(({ PK, SK }) => ({ DeleteRequest: { Key: { PK, SK } } })));
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Pages of one batch write sent at once, as for BatchGet: a few round trips in parallel, not one after another. */
const BATCH_WRITE_PAGES_AT_ONCE = 4;

async function batchWrite(requests: readonly WriteRequest[]): Promise<void> {
  const pages: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) pages.push(requests.slice(start, start + BATCH_WRITE_LIMIT));
  await pMap(
    pages,
    async (page) => {
      let pending = page;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const response = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (response.UnprocessedItems?.[tableName()] as typeof pending | undefined) ?? [];
      }
    },
    { concurrency: BATCH_WRITE_PAGES_AT_ONCE },
  );
}

/** A condition on the items a Query reads, applied by DynamoDB after the key condition (it bounds what is returned, not what is read). */
export interface QueryFilter {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** Every item a key condition matches, following Query pages to the end. */
async function queryPages(keyCondition: string, values: Record<string, unknown>, filter?: QueryFilter): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: keyCondition,
        ExpressionAttributeValues: { ...values, ...filter?.values },
        ...(filter ? { FilterExpression: filter.expression } : {}),
        ...(filter?.names ? { ExpressionAttributeNames: filter.names } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every item of a partition (optionally under a sort-key prefix, and passing a filter). */
export async function queryAll(partitionKey: string, sortKeyPrefix?: string, filter?: QueryFilter): Promise<Record<string, unknown>[]> {
  return sortKeyPrefix
    ? queryPages('PK = :pk AND begins_with(SK, :prefix)', { ':pk': partitionKey, ':prefix': sortKeyPrefix }, filter)
    : queryPages('PK = :pk', { ':pk': partitionKey }, filter);
}

/** One page of the items under a sort-key prefix, newest (highest key) first; `after` is the sort key the last page ended on. */
export async function queryPageNewestFirst(
  range: { readonly PK: string; readonly skPrefix: string },
  limit: number,
  after?: string,
): Promise<{ items: Record<string, unknown>[]; lastKey?: string }> {
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': range.PK, ':prefix': range.skPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { PK: range.PK, SK: after } } : {}),
    }),
  );
  const lastKey = page.LastEvaluatedKey?.['SK'] as string | undefined;
  return { items: page.Items ?? [], ...(lastKey ? { lastKey } : {}) };
}

/** Every item of a partition whose sort key lies between `from` and `to` (inclusive). */
export async function queryBetween(range: { readonly PK: string; readonly from: string; readonly to: string }): Promise<Record<string, unknown>[]> {
  return queryPages('PK = :pk AND SK BETWEEN :from AND :to', { ':pk': range.PK, ':from': range.from, ':to': range.to });
}
