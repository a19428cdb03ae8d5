import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../src/repositories/table-schema';

export type TableAccess = 'read' | 'read-write';

/**
 * What the repositories send (a transaction needs the actions of its
 * parts). BatchWriteItem writes what PutItem may (the sync stores activity
 * in batches); no ConditionCheckItem: no code sends it, and
 * `test/cdk/bundles.test.ts` fails if a bundle starts to.
 */
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

/**
 * The product's single table. Its shape comes from TABLE_SCHEMA, which the
 * local stack also uses, so both environments create the same table.
 */
export class AppTable extends Construct {
  readonly table: Table;
  readonly tableName: string;
  readonly tableArn: string;
  readonly partitionKey = TABLE_SCHEMA.partitionKey;
  readonly sortKey = TABLE_SCHEMA.sortKey;
  readonly timeToLiveAttribute = TABLE_SCHEMA.timeToLiveAttribute;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      // No physical name: a retained table keeps its name after the stack is
      // deleted, and a fixed name would then block creating the stack again.
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      // Customer data: neither deleting the stack nor a replacing change may drop it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.tableName = this.table.tableName;
    this.tableArn = this.table.tableArn;
  }

  /**
   * Grants the item-level actions the repositories use (never Scan, never
   * control-plane) and tells the function which table to use.
   */
  grantTo(fn: LambdaFunction, access: TableAccess): void {
    this.table.grant(fn, ...READ_ACTIONS, ...(access === 'read-write' ? WRITE_ACTIONS : []));
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }
}
