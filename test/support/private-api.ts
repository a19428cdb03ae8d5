import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provideAppEnvironment } from '../../src/config';
import { githubAppEnvironment, newGithubApp } from '../../src/local/github-app-credentials';
import { DEMO_DATASET_PATH, startGithubEmulator, type GithubEmulator } from '../../src/local/github-emulator';
import { startLlmStub } from './llm-stub';
import { eventually } from './sqs';
import { stack } from './stack';

/**
 * An API server inside this test file's process, on the shared stack's
 * DynamoDB, Cognito, SES and SQS emulators, but with a GitHub emulator, a
 * language-model stub and a sync queue of its own (with its worker running
 * here too): fault tests break those without disturbing other files, which
 * run in parallel against the shared stack.
 */
export interface PrivateApi {
  readonly url: string;
  readonly github: GithubEmulator;
  readonly llm: Awaited<ReturnType<typeof startLlmStub>>;
  /** Resolves once this API's sync queue holds nothing waiting, delayed or in flight (debounced refreshes included). */
  syncQueueIdle(): Promise<void>;
  close(): Promise<void>;
}

/** The app's environment for code run inside a test file against the shared stack's emulators. */
export function sharedStackEnvironment(): Record<string, string> {
  const shared = stack();
  return {
    TABLE_NAME: shared.tableName,
    AWS_REGION: shared.region,
    USER_POOL_ID: shared.userPoolId,
    USER_POOL_CLIENT_ID: shared.userPoolClientId,
    DYNAMODB_ENDPOINT: shared.dynamodbEndpoint,
    COGNITO_ENDPOINT: shared.cognitoUrl,
    SES_ENDPOINT: shared.sesUrl,
    SQS_ENDPOINT: shared.sqsEndpoint,
  };
}

export async function startPrivateApi(options: {
  modelTimeoutMs: number;
  /** How long a received sync job stays hidden before SQS hands it out again (default the job table's). */
  syncVisibilityTimeoutSeconds?: number;
}): Promise<PrivateApi> {
  // A GitHub App of its own: organizations connect to this emulator's installations (no webhooks are sent).
  const app = newGithubApp();
  // As npm start does: the organizations' daily schedules in a file of this API's own (no Scheduler emulator exists).
  const schedulesDir = await mkdtemp(join(tmpdir(), 'devinsights-private-schedules-'));
  const [github, llm] = await Promise.all([
    startGithubEmulator({ port: 0, datasetPath: DEMO_DATASET_PATH, controls: true, app: { ...app, setupUrl: 'http://private-api.invalid/integrations/github/callback' } }),
    startLlmStub({ port: 0 }),
  ]);
  provideAppEnvironment({
    ...sharedStackEnvironment(),
    APP_SECRET: randomBytes(32).toString('base64url'),
    GITHUB_API_URL: github.url,
    ...githubAppEnvironment(app),
    AI_BASE_URL: llm.url,
    AI_MODEL: 'stub-model',
    AI_API_KEY: 'test-key',
    AI_TIMEOUT_MS: String(options.modelTimeoutMs),
    LOCAL_SCHEDULES_FILE: join(schedulesDir, 'schedules.json'),
    LOG_LEVEL: 'error',
    // A sync job GitHub failed comes back after 1, 2 and 4 s here, not 30, 60 and 120.
    SYNC_RETRY_DELAY_SECONDS: '1',
    // Shares the shared stack's table, whose per-address counter every test file feeds.
    RATE_LIMIT_PER_IP_PER_MIN: '1000000',
    RATE_LIMIT_PER_ORG_PER_MIN: '1000000',
    RATE_LIMIT_FAILED_AUTH_PER_IP_PER_MIN: '1000000',
    RATE_LIMIT_FAILED_LOGIN_PER_ACCOUNT_PER_MIN: '1000000',
  });
  const syncWorker = await startPrivateSyncWorker(options.syncVisibilityTimeoutSeconds);
  const { startApiServer } = await import('../../src/local/http-server');
  const server = await startApiServer({ port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    github,
    llm,
    syncQueueIdle: syncWorker.idle,
    close: async () => {
      await Promise.all([server.close(), github.close(), llm.close(), syncWorker.stop()]);
      await rm(schedulesDir, { recursive: true, force: true });
    },
  };
}

/**
 * A `github-sync` queue of this process's own on the shared SQS emulator,
 * its URL given to the code here, and the job's worker consuming it here:
 * the shared stack's worker (another GitHub emulator, another app) never
 * sees this API's sync jobs.
 */
async function startPrivateSyncWorker(visibilityTimeoutSeconds?: number): Promise<{ idle(): Promise<void>; stop(): Promise<void> }> {
  const [{ SQSClient }, { awsClientOptions }, { job, queueUrlVariable }, { ensureQueues, queueCounts }, { startQueueConsumer }, { handler }] = await Promise.all([
    import('@aws-sdk/client-sqs'),
    import('../../src/config'),
    import('../../src/jobs'),
    import('../../src/local/sqs-local'),
    import('../../src/local/queue-consumer'),
    import('../../src/workers/github-sync'),
  ]);
  const shared = stack();
  const table = job('github-sync');
  const definition = {
    ...table,
    name: `github-sync-private-${randomBytes(4).toString('hex')}`,
    ...(visibilityTimeoutSeconds ? { trigger: { queue: { ...table.trigger.queue, visibilityTimeoutSeconds } } } : {}),
  };
  const client = new SQSClient(awsClientOptions(shared.sqsEndpoint));
  const [queue] = await ensureQueues(client, [definition]);
  if (!queue) throw new Error('No private sync queue was made');
  provideAppEnvironment({ [queueUrlVariable('github-sync')]: queue.url });
  const consumer = startQueueConsumer({ definition, queue, client, region: shared.region, handler, waitTimeSeconds: 1 });
  return {
    idle: () =>
      eventually(async () => {
        const [counts] = await queueCounts(client, [queue]);
        return !!counts && counts.visible + counts.inFlight + counts.delayed === 0;
      }, 30_000),
    stop: async () => {
      await consumer.stop();
      client.destroy();
    },
  };
}
