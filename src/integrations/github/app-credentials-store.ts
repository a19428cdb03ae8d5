import { readFile, writeFile } from 'node:fs/promises';
import { ListSecretsCommand, PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { credentialsSecretValue, type RegisteredGithubApp } from './app-manifest';
import { StackSecretsNotFoundError } from './errors';

/**
 * Where a freshly registered app's secrets go: the stack's two Secrets
 * Manager secrets, in the format the functions read, or a file of the
 * operator's (mode 0600) in the shape of the local stack's
 * `.data/github-app.json` (src/local/github-app-credentials.ts).
 */
export interface AppSecretArns {
  readonly credentials: string;
  readonly webhook: string;
}

export interface CredentialsFile {
  readonly id: number;
  readonly slug: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly privateKey: string;
  readonly webhookSecret: string | null;
}

export function credentialsFile(app: RegisteredGithubApp): CredentialsFile {
  return { id: app.id, slug: app.slug, clientId: app.clientId, clientSecret: app.clientSecret, privateKey: app.pem, webhookSecret: app.webhookSecret };
}

/** `wx`: an earlier app's only copy of its key is never overwritten. */
export async function writeCredentialsFile(path: string, app: RegisteredGithubApp): Promise<void> {
  await writeFile(path, `${JSON.stringify(credentialsFile(app), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

export async function readCredentialsFile(path: string): Promise<RegisteredGithubApp> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CredentialsFile>;
  const { id, slug, clientId, clientSecret, privateKey, webhookSecret } = parsed;
  if (typeof id !== 'number' || typeof slug !== 'string' || typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof privateKey !== 'string') {
    throw new Error(`${path} is not a credentials file written by github-app:register`);
  }
  return { id, slug, name: slug, htmlUrl: '', clientId, clientSecret, pem: privateKey, webhookSecret: typeof webhookSecret === 'string' ? webhookSecret : null };
}

/** CloudFormation tags what it creates with the stack and the logical id, which CDK derives from the construct id (lib/devinsights-stack.ts). */
const STACK_TAG = 'aws:cloudformation:stack-name';
const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
const CONSTRUCT_IDS = { credentials: 'GithubAppCredentials', webhook: 'GithubWebhookSecret' } as const;

export async function findStackSecrets(client: SecretsManagerClient, stackName: string): Promise<AppSecretArns> {
  const found: Partial<Record<keyof typeof CONSTRUCT_IDS, string>> = {};
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: [stackName] }], NextToken: nextToken }));
    for (const secret of page.SecretList ?? []) {
      const tag = (key: string) => secret.Tags?.find((entry) => entry.Key === key)?.Value;
      if (tag(STACK_TAG) !== stackName || !secret.ARN) continue;
      for (const [role, constructId] of Object.entries(CONSTRUCT_IDS) as [keyof typeof CONSTRUCT_IDS, string][]) {
        if (tag(LOGICAL_ID_TAG)?.startsWith(constructId)) found[role] = secret.ARN;
      }
    }
    nextToken = page.NextToken;
  } while (nextToken);
  if (!found.credentials || !found.webhook) {
    throw new StackSecretsNotFoundError(stackName, Object.entries(CONSTRUCT_IDS).filter(([role]) => !found[role as keyof typeof CONSTRUCT_IDS]).map(([, id]) => id));
  }
  return { credentials: found.credentials, webhook: found.webhook };
}

export async function storeInSecrets(client: SecretsManagerClient, arns: AppSecretArns, app: RegisteredGithubApp): Promise<void> {
  if (!app.webhookSecret) throw new Error('GitHub returned no webhook secret (the app has no active webhook); set one on GitHub and in the GithubWebhookSecret secret');
  await client.send(new PutSecretValueCommand({ SecretId: arns.credentials, SecretString: credentialsSecretValue(app) }));
  await client.send(new PutSecretValueCommand({ SecretId: arns.webhook, SecretString: app.webhookSecret }));
}
