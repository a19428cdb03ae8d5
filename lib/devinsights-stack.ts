import { CfnOutput, Lazy, NestedStack, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { SecretName } from '../src/config';
import { jobs, type JobDefinition } from '../src/jobs';
import { routes, type RouteDefinition } from '../src/routes';
import { namedSecret, stackSecret, type ReadableSecret } from './constructs/app-secrets';
import { AppTable } from './constructs/app-table';
import { BackgroundJobs } from './constructs/background-jobs';
import { JobQueues } from './constructs/job-queues';
import { MailSender } from './constructs/mail-sender';
import { OrganizationSchedules } from './constructs/organization-schedules';
import { API_STAGE, AppRestApi } from './constructs/rest-api';
import type { RouteFunctionSettings } from './constructs/route-function';
import { AppUserPool } from './constructs/user-pool';
import { WebApp } from './constructs/web-app';

export interface DevInsightsStackProps extends StackProps {
  /** Sender of the product's emails; its domain or address must be a verified SES identity. */
  readonly mailFrom: string;
  /**
   * Origin of the web app: CORS allows it and emails link to it. Default:
   * the CloudFront URL of the app this stack hosts; set it when a domain of
   * your own points at that distribution.
   */
  readonly appUrl?: string;
  /** The built web app to host (lib/web-app-assets.ts chooses it). */
  readonly webAppDir: string;
  readonly logLevel?: RouteFunctionSettings['logLevel'];
  /** GitHub or GitHub Enterprise API (default https://api.github.com). */
  readonly githubApiUrl?: string;
  /**
   * DevInsights' GitHub App (README, "Registering the GitHub App"). The stack
   * makes its two secrets, `GithubAppCredentials` (`{"privateKey","clientSecret"}`)
   * and `GithubWebhookSecret`, which the operator fills in after registering it.
   */
  readonly githubApp?: { readonly id: number; readonly slug: string; readonly clientId: string };
  /** An OpenAI-compatible provider; without it the heuristic engine writes the insights. */
  readonly languageModel?: { readonly baseUrl: string; readonly model: string; readonly apiKeySecretName?: string };
  /** Deployment name, e.g. `staging`; keeps two deployments in one account apart. */
  readonly stage?: string;
  /**
   * Whether this stack creates API Gateway's CloudWatch role for the account
   * and region (needed for access logs). Default `true`; `false` when the
   * account already has one, e.g. for a second stage.
   */
  readonly createApiLogRole?: boolean;
  /** Defaults to the route table in `src/routes.ts`; tests may pass their own. */
  readonly routes?: readonly RouteDefinition[];
  /** Defaults to the job table in `src/jobs.ts`. */
  readonly jobs?: readonly JobDefinition[];
}

/** DevInsights in one stack: the table, the user pool, the API built from the route table and the jobs from the job table. */
export class DevInsightsStack extends Stack {
  readonly table: AppTable;
  readonly userPool: AppUserPool;
  readonly mail: MailSender;
  readonly queues: JobQueues;
  readonly schedules: OrganizationSchedules;
  readonly api: AppRestApi;
  readonly jobs: BackgroundJobs;
  readonly webApp: WebApp;

  constructor(scope: Construct, id: string, props: DevInsightsStackProps) {
    super(scope, id, props);
    // The app's headers and config.json name the API, and the API's CORS and emails name the app:
    // the API's part is read lazily, once this.api exists. CloudFormation sees no cycle, since
    // the distribution depends on the RestApi alone while the functions and methods depend on it.
    const apiOrigin = Lazy.string({ produce: () => `https://${this.api.api.restApiId}.execute-api.${this.region}.${this.urlSuffix}` });
    // A nested stack of its own: the hosting (bucket, distribution, the deployment's helper function) is
    // updated as one unit and stays out of the API's template, whose functions are all routes and jobs.
    const hosting = new NestedStack(this, 'WebHosting', { description: 'DevInsights web app: S3 + CloudFront' });
    this.webApp = new WebApp(hosting, 'Web', { assetDir: props.webAppDir, apiOrigin, apiUrl: `${apiOrigin}/${API_STAGE}` });
    this.table = new AppTable(this, 'Data');
    this.userPool = new AppUserPool(this, 'Users');
    this.mail = new MailSender(this, 'Mail', { mailFrom: props.mailFrom });
    // Construct id kept: a new id would replace the secret and so end every stored session.
    const appSecret = new Secret(this, 'AppSecret', {
      description: 'DevInsights APP_SECRET: seals stored refresh tokens, signs audit-log cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const settings = {
      mailFrom: props.mailFrom,
      appUrl: props.appUrl ?? this.webApp.url,
      logLevel: props.logLevel ?? 'info',
      integrations: integrationEnvironment(props),
    } as const;
    const jobTable = props.jobs ?? jobs;
    this.queues = new JobQueues(this, 'Queues', { jobs: jobTable });
    this.schedules = new OrganizationSchedules(this, 'OrganizationSchedules', { jobs: jobTable, queues: this.queues });
    const grantTargets = { table: this.table, userPool: this.userPool, mail: this.mail, queues: this.queues, schedules: this.schedules, secrets: { ...this.secretsOf(props, stackSecret(appSecret)), ...this.githubAppSecrets(props) } };
    this.api = new AppRestApi(this, 'Http', {
      routes: props.routes ?? routes,
      apiName: props.stage ? `DevInsights-${props.stage}` : 'DevInsights',
      settings,
      ...grantTargets,
      createLogRole: props.createApiLogRole ?? true,
    });
    this.jobs = new BackgroundJobs(this, 'Jobs', {
      jobs: jobTable,
      settings,
      environment: this.userPool.environment,
      ...grantTargets,
    });

    new CfnOutput(this, 'WebAppUrl', { value: this.webApp.url, description: 'The web app (CloudFront); open it to log in' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the API (stage v1)' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPool.clientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  /**
   * The GitHub App's secrets, made here so that their ARNs (and so the grants)
   * are exact; their values come from GitHub, put in by the operator. Two
   * secrets, not one: the webhook receiver, a public route, reads only the
   * webhook secret and never the private key.
   */
  private githubAppSecrets(props: DevInsightsStackProps): Partial<Record<SecretName, ReadableSecret>> {
    if (!props.githubApp) return {};
    const credentials = new Secret(this, 'GithubAppCredentials', {
      description: 'DevInsights GitHub App: {"privateKey": PEM, "clientSecret"}, from the app\'s settings on GitHub',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const webhook = new Secret(this, 'GithubWebhookSecret', {
      description: 'DevInsights GitHub App: the webhook secret GitHub signs deliveries with',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return { githubApp: stackSecret(credentials), githubWebhook: stackSecret(webhook) };
  }

  /** The secrets functions may read at run time: the stack's own APP_SECRET, and those named at deploy time. */
  private secretsOf(props: DevInsightsStackProps, app: ReadableSecret): Partial<Record<SecretName, ReadableSecret>> {
    const modelKey = props.languageModel?.apiKeySecretName;
    return {
      app,
      ...(modelKey ? { model: namedSecret(this, modelKey) } : {}),
    };
  }
}

/** The integrations' settings every function gets; none of them is a secret. */
function integrationEnvironment(props: DevInsightsStackProps): Record<string, string> {
  return {
    ...(props.githubApiUrl ? { GITHUB_API_URL: props.githubApiUrl } : {}),
    ...(props.githubApp
      ? { GITHUB_APP_ID: String(props.githubApp.id), GITHUB_APP_SLUG: props.githubApp.slug, GITHUB_APP_CLIENT_ID: props.githubApp.clientId }
      : {}),
    ...(props.languageModel ? { AI_BASE_URL: props.languageModel.baseUrl, AI_MODEL: props.languageModel.model } : {}),
  };
}
