/**
 * The single table's physical shape, shared by the CDK table construct and
 * the local stack so both create the same thing.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB deletes the item some time after it passes. */
  timeToLiveAttribute: 'ttl',
} as const;

export const DEFAULT_TABLE_NAME = 'devinsights';
