import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_GITHUB_APP_FILE, type LocalGithubApp } from '../../src/local/github-app-credentials';
import { lookupKeys } from '../../src/repositories/keys';
import { api, stack, type ApiResponse } from './stack';

/** The webhook secret the local stack made for its GitHub App (in the data folder, as `npm start` wrote it). */
export function localWebhookSecret(): string {
  const app = JSON.parse(readFileSync(join(stack().dataDir, LOCAL_GITHUB_APP_FILE), 'utf8')) as LocalGithubApp;
  return app.webhookSecret;
}

export const signatureOf = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface DeliveryRequest {
  readonly body: string;
  readonly event?: string;
  readonly deliveryId?: string;
  /** Default: the body signed with the local webhook secret; `null`: no header. */
  readonly signature?: string | null;
}

/** POSTs a delivery as GitHub would. */
export function postDelivery(delivery: DeliveryRequest): Promise<ApiResponse> {
  const signature = delivery.signature === undefined ? signatureOf(localWebhookSecret(), delivery.body) : delivery.signature;
  return api('/webhooks/github', {
    method: 'POST',
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event ?? 'push',
      'x-github-delivery': delivery.deliveryId ?? randomUUID(),
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
  });
}

function table() {
  const { dynamodbEndpoint, region } = stack();
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamodbEndpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
}

/** The stored record of one delivery, read straight from the table (no route reads deliveries yet). */
export async function storedDelivery(installationId: number | undefined, deliveryId: string): Promise<Record<string, unknown> | undefined> {
  const answer = await table().send(new GetCommand({ TableName: stack().tableName, Key: lookupKeys.githubDelivery(installationId, deliveryId) }));
  return answer.Item;
}

/** Every stored delivery of one installation (a test gives each its own installation id, so it sees only its own). */
export async function deliveriesInPartitionOf(installationId: number | undefined): Promise<Record<string, unknown>[]> {
  const { PK } = lookupKeys.githubDelivery(installationId, 'x');
  const answer = await table().send(
    new QueryCommand({ TableName: stack().tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK } }),
  );
  return answer.Items ?? [];
}
