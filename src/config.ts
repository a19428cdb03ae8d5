import * as z from 'zod';
import { DEFAULT_TABLE_NAME } from './repositories/table-schema';

/**
 * The only module that reads process.env. Parsed once, at cold start; a
 * missing or malformed variable stops the process with a clear message.
 */
const AppEnvironment = z.object({
  TABLE_NAME: z.string().min(3).default(DEFAULT_TABLE_NAME),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  /** Set only in local mode; on AWS the SDK finds the regional endpoints itself. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  COGNITO_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('DevInsights <no-reply@devinsights.local>'),
  APP_URL: z.url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** An OpenAI-compatible provider (URL and model; a local server may need no key); without it the heuristic engine writes the insights. */
  AI_BASE_URL: z.url().optional(),
  AI_API_KEY: z.string().min(1).optional(),
  /** On AWS instead of AI_API_KEY: the Secrets Manager secret (ARN or name) holding it. */
  AI_API_KEY_SECRET_ID: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).optional(),
  /** Per attempt; two attempts must fit well inside API Gateway's 29 s. */
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(12_000).default(8_000),
  /** How long a sync job GitHub failed waits before its first retry; each next retry waits twice as long. */
  SYNC_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(900).default(30),
  /** GitHub, GitHub Enterprise (`https://host/api/v3`) or the local emulator. */
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  /** Where people install the app (`/apps/<slug>/installations/new`): github.com for GitHub's API, else the API's own host (the emulator serves both). */
  GITHUB_WEB_URL: z.url().optional(),
  /** Requests a minute per client IP and per organization, and failed authentications a minute per IP. */
  RATE_LIMIT_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_PER_ORG_PER_MIN: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_FAILED_AUTH_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(60),
  /** Failed logins a minute for one email, whatever the address they come from. */
  RATE_LIMIT_FAILED_LOGIN_PER_ACCOUNT_PER_MIN: z.coerce.number().int().min(1).default(10),
  /** `false` only where no table is reachable (unit tests of the HTTP wrapper). */
  RATE_LIMITS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** Publishes per-route CloudWatch metrics (Powertools EMF); the CDK sets it on the Lambdas, never locally. */
  METRICS_ENABLED: z.enum(['true', 'false']).default('false'),
  /** Adds each response's DynamoDB call count as headers (tests and benchmarks; never in production). */
  EXPOSE_CALL_COUNTS: z.enum(['true', 'false']).default('false'),
  /** Checks each success body against its route's `response` schema, a mismatch answering 500 (the test stack; never in production). */
  VALIDATE_RESPONSES: z.enum(['true', 'false']).default('false'),
  /**
   * Keys the server's own secrets: stored refresh tokens, audit-log cursors.
   * Set locally; on AWS only the functions that use it get APP_SECRET_ID, and
   * read the value from Secrets Manager (src/integrations/secrets.ts).
   */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_SECRET_ID: z.string().min(1).optional(),
  /** DevInsights' GitHub App (README, "Registering the GitHub App"): none of these three is a secret. */
  GITHUB_APP_ID: z.coerce.number().int().positive().optional(),
  GITHUB_APP_SLUG: z.string().min(1).optional(),
  GITHUB_APP_CLIENT_ID: z.string().min(1).optional(),
  /** The app's private key (PEM, `\n` escapes allowed) and OAuth client secret, locally; on AWS both in the JSON secret below. */
  GITHUB_APP_PRIVATE_KEY: z.string().min(1).optional(),
  GITHUB_APP_CLIENT_SECRET: z.string().min(1).optional(),
  /** On AWS: the Secrets Manager secret holding `{"privateKey","clientSecret"}`. */
  GITHUB_APP_CREDENTIALS_SECRET_ID: z.string().min(1).optional(),
  /** Signs webhook deliveries (`X-Hub-Signature-256`); on AWS its own secret, so the receiver reads nothing else. */
  GITHUB_APP_WEBHOOK_SECRET: z.string().min(1).optional(),
  GITHUB_APP_WEBHOOK_SECRET_ID: z.string().min(1).optional(),
  /** Local mode only: the file the organizations' schedules are kept in (src/integrations/schedules-local.ts) instead of EventBridge Scheduler. */
  LOCAL_SCHEDULES_FILE: z.string().min(1).optional(),
});

/** The app's credentials as one JSON text, the shape the AWS secret holds; locally made from the two variables. */
function githubAppCredentialsValue(privateKey: string | undefined, clientSecret: string | undefined): string | undefined {
  if (privateKey === undefined && clientSecret === undefined) return undefined;
  return JSON.stringify({ privateKey, clientSecret });
}

/** The secrets a function may read: `secret:<name>` in the route table. */
export type SecretName = 'app' | 'model' | 'githubApp' | 'githubWebhook';

/** Where a secret comes from: its value (local stack, tests), or the Secrets Manager secret to read it from (AWS). */
export interface SecretSource {
  /** The variable a missing secret is reported under. */
  readonly variable: string;
  readonly value: string | undefined;
  readonly secretId: string | undefined;
}

export type AppConfig = ReturnType<typeof parseAppConfig>;

/** `QUEUE_URL_<JOB>` (see `queueUrlVariable` in src/jobs.ts): set only on the functions that may send to that queue. */
const QUEUE_URL_VARIABLE = /^QUEUE_URL_[A-Z0-9_]+$/;
const QueueUrl = z.url();

function queueUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!QUEUE_URL_VARIABLE.test(name) || value === undefined) continue;
    if (!QueueUrl.safeParse(value).success) throw new Error(`Invalid configuration: ${name}: not a URL`);
    urls[name] = value;
  }
  return urls;
}

/**
 * `SCHEDULE_GROUP_<JOB>`, `SCHEDULE_ROLE_ARN_<JOB>`, `QUEUE_ARN_<JOB>` (see
 * `scheduleVariables` in src/jobs.ts), set together on the functions that
 * declare `schedule:<job>`; by the job's variable suffix, `GITHUB_SYNC`.
 */
const SCHEDULE_GROUP_VARIABLE = /^SCHEDULE_GROUP_([A-Z0-9_]+)$/;
const ScheduleTarget = z.object({ groupName: z.string().min(1).max(64), roleArn: z.string().startsWith('arn:'), queueArn: z.string().startsWith('arn:') });
export type ScheduleTarget = z.infer<typeof ScheduleTarget>;

function scheduleTargets(env: NodeJS.ProcessEnv): Record<string, ScheduleTarget> {
  const targets: Record<string, ScheduleTarget> = {};
  for (const [name, groupName] of Object.entries(env)) {
    const suffix = SCHEDULE_GROUP_VARIABLE.exec(name)?.[1];
    if (suffix === undefined) continue;
    const parsed = ScheduleTarget.safeParse({ groupName, roleArn: env[`SCHEDULE_ROLE_ARN_${suffix}`], queueArn: env[`QUEUE_ARN_${suffix}`] });
    if (!parsed.success) throw new Error(`Invalid configuration: ${name} needs SCHEDULE_ROLE_ARN_${suffix} and QUEUE_ARN_${suffix} beside it`);
    targets[suffix] = parsed.data;
  }
  return targets;
}

export function parseAppConfig(env: NodeJS.ProcessEnv) {
  const parsed = AppEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    tableName: values.TABLE_NAME,
    region: values.AWS_REGION,
    userPoolId: values.USER_POOL_ID,
    userPoolClientId: values.USER_POOL_CLIENT_ID,
    endpoints: {
      dynamodb: values.DYNAMODB_ENDPOINT,
      cognito: values.COGNITO_ENDPOINT,
      ses: values.SES_ENDPOINT,
      sqs: values.SQS_ENDPOINT,
    },
    /** By variable name, `QUEUE_URL_GITHUB_SYNC` → its URL. */
    queueUrls: queueUrls(env),
    /** By job variable suffix, `GITHUB_SYNC` → where its organizations' schedules go on EventBridge Scheduler. */
    scheduleTargets: scheduleTargets(env),
    localSchedulesFile: values.LOCAL_SCHEDULES_FILE,
    mailFrom: values.MAIL_FROM,
    appUrl: values.APP_URL.replace(/\/+$/, ''),
    logLevel: values.LOG_LEVEL,
    secrets: {
      app: { variable: 'APP_SECRET', value: values.APP_SECRET, secretId: values.APP_SECRET_ID },
      model: { variable: 'AI_API_KEY', value: values.AI_API_KEY, secretId: values.AI_API_KEY_SECRET_ID },
      githubApp: {
        variable: 'GITHUB_APP_PRIVATE_KEY',
        value: githubAppCredentialsValue(values.GITHUB_APP_PRIVATE_KEY, values.GITHUB_APP_CLIENT_SECRET),
        secretId: values.GITHUB_APP_CREDENTIALS_SECRET_ID,
      },
      githubWebhook: { variable: 'GITHUB_APP_WEBHOOK_SECRET', value: values.GITHUB_APP_WEBHOOK_SECRET, secretId: values.GITHUB_APP_WEBHOOK_SECRET_ID },
    } satisfies Record<SecretName, SecretSource>,
    exposeCallCounts: values.EXPOSE_CALL_COUNTS === 'true',
    validateResponses: values.VALIDATE_RESPONSES === 'true',
    metricsEnabled: values.METRICS_ENABLED === 'true',
    rateLimits: {
      enabled: values.RATE_LIMITS_ENABLED === 'true',
      perIpPerMinute: values.RATE_LIMIT_PER_IP_PER_MIN,
      perOrganizationPerMinute: values.RATE_LIMIT_PER_ORG_PER_MIN,
      failedAuthPerIpPerMinute: values.RATE_LIMIT_FAILED_AUTH_PER_IP_PER_MIN,
      failedLoginPerAccountPerMinute: values.RATE_LIMIT_FAILED_LOGIN_PER_ACCOUNT_PER_MIN,
    },
    languageModel:
      values.AI_BASE_URL && values.AI_MODEL
        ? {
            baseUrl: values.AI_BASE_URL,
            model: values.AI_MODEL,
            timeoutMs: values.AI_TIMEOUT_MS,
          }
        : undefined,
    syncRetryDelaySeconds: values.SYNC_RETRY_DELAY_SECONDS,
    github: {
      apiUrl: values.GITHUB_API_URL.replace(/\/+$/, ''),
      webUrl: (values.GITHUB_WEB_URL ?? (/^https:\/\/api\.github\.com\/?$/.test(values.GITHUB_API_URL) ? 'https://github.com' : values.GITHUB_API_URL)).replace(/\/+$/, ''),
    },
    githubApp:
      values.GITHUB_APP_ID !== undefined && values.GITHUB_APP_SLUG !== undefined
        ? { id: values.GITHUB_APP_ID, slug: values.GITHUB_APP_SLUG, clientId: values.GITHUB_APP_CLIENT_ID }
        : undefined,
  };
}

let cached: AppConfig | undefined;

/** The app's configuration, parsed on first use (a Lambda's cold start). */
export function config(): AppConfig {
  cached ??= parseAppConfig(process.env);
  return cached;
}

/**
 * Options for an AWS SDK client. Against a local emulator the credentials are
 * placeholders, so a developer's real AWS credentials are never sent to it.
 */
export function awsClientOptions(endpoint: string | undefined) {
  const { region } = config();
  if (!endpoint) return { region };
  return { region, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

const LocalEnvironment = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The web app's port (src/local/web-server.ts); APP_URL defaults to it. */
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** The web app's Vite project, built into its `dist/` when stale and served on WEB_PORT. */
  WEB_APP_DIR: z.string().min(1).default('web'),
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  COGNITO_PORT: z.coerce.number().int().min(1).max(65535).default(9229),
  SES_PORT: z.coerce.number().int().min(1).max(65535).default(8005),
  GITHUB_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(8010),
  /** ElasticMQ's port, the usual one for a local SQS (fauxqs's own 4566 is LocalStack's). */
  SQS_PORT: z.coerce.number().int().min(1).max(65535).default(9324),
  TABLE_NAME: z.string().min(3).default(DEFAULT_TABLE_NAME),
  LOCAL_DATA_DIR: z.string().min(1).default('.data'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  APP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  GITHUB_API_URL: z.url().optional(),
  GITHUB_DATASET: z.string().optional(),
  /** Serves the GitHub emulator's `/_emulator/faults` and `/_emulator/stats` (tests only). */
  GITHUB_EMULATOR_CONTROLS: z.enum(['true', 'false']).default('false'),
  /** Serves `POST /_local/jobs/<name>`, which runs a scheduled job of `src/jobs.ts` now and answers its counts, and `GET /_local/queues` (tests only). */
  LOCAL_JOB_CONTROLS: z.enum(['true', 'false']).default('false'),
  /**
   * Multiplies the emulator's GitHub rate limits. Tests create many
   * organizations that all analyse the demo people through one token; they
   * raise the limits and exhaust them on purpose with the fault controls.
   */
  GITHUB_EMULATOR_RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Extra flags for DynamoDB Local's JVM, after the local stack's own. */
  JDK_JAVA_OPTIONS: z.string().optional(),
});
export type LocalStackConfig = z.infer<typeof LocalEnvironment>;

/** Settings of `npm start`: ports, data folder, and what the user overrode. */
export function localStackConfig(): LocalStackConfig {
  const parsed = LocalEnvironment.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid local configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

const DemoEnvironment = z.object({
  /** The running `npm start`'s data folder, whose local-stack.json says where it runs. */
  LOCAL_DATA_DIR: z.string().min(1).default('.data'),
  /** The GitHub organization the demo connects; tests give it a copy of the emulator's, which they may connect again and again. */
  DEMO_GITHUB_ORGANIZATION: z.string().min(1).default('techstartup'),
});

/** Settings of `npm run demo`. */
export function demoConfig(): z.infer<typeof DemoEnvironment> {
  return DemoEnvironment.parse(process.env);
}

/**
 * The local stack decides the app's environment (emulator endpoints, pool
 * ids) at start-up, before any handler is loaded; this is where it lands.
 */
export function provideAppEnvironment(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) process.env[name] = value;
  cached = undefined;
}

/**
 * The environment for a child process the local stack runs: this one's, plus
 * `overrides`, less a test runner's NODE_ENV (vitest sets `test`): `npm start`
 * runs without one, and under it Vite would build the web app with React's
 * development JSX, which React's production build cannot run.
 */
export function childProcessEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _runnerMode, ...inherited } = process.env;
  return { ...inherited, ...overrides };
}
