import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { LocalStackConfig } from '../config';
import { ensureUserPool, startCognitoLocal } from './cognito-local';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { jobs, queueUrlVariable } from '../jobs';
import { emulatorClientOptions } from './emulator-clients';
import { githubAppEnvironment, localGithubApp } from './github-app-credentials';
import { startStackGithubEmulator } from './github-emulator/local-service';
import type { PortClaim } from './ports';
import { startSesLocal } from './ses-local';
import { ensureQueues, startSqsLocal } from './sqs-local';

/**
 * The emulators `npm start` runs, as data: each one claims a port, starts,
 * prepares what the app needs in it (table, user pool) and hands back the
 * app environment that points at it. They start in parallel.
 */
export interface LocalService {
  readonly name: string;
  readonly port: PortClaim;
  start(context: ServiceContext): Promise<StartedService>;
}

export interface ServiceContext {
  /** Absolute; each emulator keeps its data in a folder of its own under it. */
  readonly dataDir: string;
  readonly logFile: string;
  readonly region: string;
  readonly tableName: string;
}

export interface StartedService {
  /** App variables (see AppEnvironment in src/config.ts) this service provides. */
  readonly environment: Record<string, string>;
  /** How the ready line shows it, e.g. `DynamoDB http://localhost:8000`. */
  readonly banner: string;
}

export function logFileFor(dataDir: string, service: LocalService): string {
  return join(dataDir, 'logs', `${service.port.variable.replace(/_PORT$/, '').toLowerCase()}.log`);
}

export function localServices(settings: LocalStackConfig): LocalService[] {
  return [
    {
      name: 'DynamoDB Local',
      port: { port: settings.DYNAMODB_PORT, variable: 'DYNAMODB_PORT', service: 'DynamoDB Local' },
      async start({ dataDir, logFile, region, tableName }) {
        const dynamodb = await startDynamoDbLocal({
          port: settings.DYNAMODB_PORT,
          dataDir,
          logFile,
          region,
          ...(settings.JDK_JAVA_OPTIONS ? { javaOptions: settings.JDK_JAVA_OPTIONS } : {}),
        });
        await ensureTable(dynamodb.client, tableName);
        dynamodb.client.destroy();
        const exposure = dynamodb.loopbackOnly ? '' : ' (on every interface: only a JDK can keep it on 127.0.0.1)';
        return { environment: { DYNAMODB_ENDPOINT: dynamodb.endpoint }, banner: `DynamoDB ${dynamodb.endpoint}${exposure}` };
      },
    },
    {
      name: 'cognito-local',
      port: { port: settings.COGNITO_PORT, variable: 'COGNITO_PORT', service: 'cognito-local' },
      async start({ dataDir, logFile, region }) {
        const cognito = await startCognitoLocal({ port: settings.COGNITO_PORT, dataDir, logFile, region });
        const pool = await ensureUserPool(cognito.client);
        cognito.client.destroy();
        return {
          environment: { COGNITO_ENDPOINT: cognito.endpoint, USER_POOL_ID: pool.userPoolId, USER_POOL_CLIENT_ID: pool.userPoolClientId },
          banner: `Cognito ${cognito.endpoint}`,
        };
      },
    },
    {
      name: 'SES emulator',
      port: { port: settings.SES_PORT, variable: 'SES_PORT', service: 'the SES emulator' },
      async start({ dataDir, logFile }) {
        const ses = await startSesLocal({ port: settings.SES_PORT, cwd: dataDir, logFile });
        return { environment: { SES_ENDPOINT: ses.endpoint }, banner: `SES inbox ${ses.inboxUrl}` };
      },
    },
    {
      name: 'SQS emulator',
      port: { port: settings.SQS_PORT, variable: 'SQS_PORT', service: 'the SQS emulator' },
      async start({ dataDir, logFile, region }) {
        const sqs = await startSqsLocal({ port: settings.SQS_PORT, cwd: dataDir, logFile, region });
        const client = new SQSClient(emulatorClientOptions(sqs.endpoint, region));
        const queues = await ensureQueues(client, jobs);
        client.destroy();
        return {
          environment: { SQS_ENDPOINT: sqs.endpoint, ...Object.fromEntries(queues.map((queue) => [queueUrlVariable(queue.jobName), queue.url])) },
          banner: `SQS ${sqs.endpoint} (${queues.length} ${queues.length === 1 ? 'queue' : 'queues'})`,
        };
      },
    },
    {
      name: 'GitHub emulator',
      port: { port: settings.GITHUB_EMULATOR_PORT, variable: 'GITHUB_EMULATOR_PORT', service: 'the GitHub emulator' },
      // The emulator plays GitHub for the local GitHub App: it sends webhooks to the local API and its install page back to it.
      async start({ dataDir }) {
        const app = await localGithubApp(dataDir);
        const api = `http://localhost:${settings.PORT}`;
        // Installations are kept in the data folder, so a restart finds the connection GitHub-side too.
        const { environment, banner } = await startStackGithubEmulator(
          settings,
          { ...app, webhookUrl: `${api}/webhooks/github`, setupUrl: `${api}/integrations/github/callback` },
          join(dataDir, 'github-installations.json'),
        );
        return { environment: { ...environment, ...githubAppEnvironment(app) }, banner };
      },
    },
  ];
}

/** Ports checked at start-up for parts that are not in `localServices`: the API itself. */
export function otherPorts(settings: LocalStackConfig): PortClaim[] {
  return [
    { port: settings.PORT, variable: 'PORT', service: 'the API' },
    { port: settings.WEB_PORT, variable: 'WEB_PORT', service: 'the web app' },
  ];
}
