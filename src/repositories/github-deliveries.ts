import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { GithubDelivery } from '../domain/github-delivery';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { lookupKeys } from './keys';

/** Long enough for a sync that waited out a rate limit or a failed day; GitHub itself keeps deliveries 3 days. */
const KEEP_DELIVERY_MS = 7 * 86_400_000;

/**
 * Records a delivery once: one conditional PutItem, so a redelivery (the same
 * `X-GitHub-Delivery`, from GitHub's retry or a replay) changes nothing and
 * two concurrent copies cannot both land. Answers whether this one was new.
 */
export async function recordGithubDelivery(delivery: GithubDelivery): Promise<'recorded' | 'duplicate'> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lookupKeys.githubDelivery(delivery.installationId, delivery.deliveryId),
          deliveryId: delivery.deliveryId,
          event: delivery.event,
          action: delivery.action,
          installationId: delivery.installationId,
          repository: delivery.repository,
          senderLogin: delivery.senderLogin,
          receivedAt: delivery.receivedAt.toISOString(),
          payload: delivery.payload,
          payloadBytes: delivery.payloadBytes,
          ttl: Math.floor((delivery.receivedAt.getTime() + KEEP_DELIVERY_MS) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(#sk)',
        ExpressionAttributeNames: { '#sk': 'SK' },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isConditionalCheckFailure(error)) return 'duplicate';
    throw error;
  }
}
