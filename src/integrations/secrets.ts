import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientOptions, config, type SecretSource } from '../config';

/**
 * The secrets a function reads at run time. Locally (and in tests) the value
 * is in the environment; on AWS the environment names only the Secrets
 * Manager secret, and only a function whose route `uses` it has that name and
 * may read it. Each accessor reads one `config().secrets` entry, so a bundle
 * holds the accessors its code path calls and no others
 * (`test/cdk/bundles.test.ts` relies on that).
 */

/**
 * Powertools keeps a value this long; a warm function then reads each secret
 * about once every five minutes, and a rotated GitHub token or model key is
 * picked up within that time.
 */
export const SECRET_MAX_AGE_SECONDS = 300;

/**
 * Powertools' `getSecret` on a provider of our own: the same cache, with a
 * client built from our config (region) like every other SDK client, once.
 */
let provider: SecretsProvider | undefined;
function secretsManager(): SecretsProvider {
  provider ??= new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient(awsClientOptions(undefined)) });
  return provider;
}

async function read(source: SecretSource): Promise<string | undefined> {
  if (source.value !== undefined) return source.value;
  if (source.secretId === undefined) return undefined;
  const value = await secretsManager().get(source.secretId, { maxAge: SECRET_MAX_AGE_SECONDS });
  // A binary or empty secret is a deployment mistake; the message names the variable, never the value.
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`The secret ${source.secretId} (${source.variable}) holds no text`);
  }
  return value;
}

/** APP_SECRET: required wherever it is used (a function without it is a deployment mistake). */
export async function appSecret(): Promise<string> {
  const source = config().secrets.app;
  const value = await read(source);
  if (value === undefined) throw new Error(`${source.variable} is not configured for this function`);
  if (value.length < 32) throw new Error(`${source.variable} must be at least 32 characters`);
  return value;
}

/** The language model's API key, when one is configured (a local server may need none). */
export async function languageModelKey(): Promise<string | undefined> {
  return read(config().secrets.model);
}

/** The secret GitHub signs webhook deliveries with: required by the receiver (without it no delivery could be trusted). */
export async function githubWebhookSecret(): Promise<string> {
  const source = config().secrets.githubWebhook;
  const value = await read(source);
  if (value === undefined) throw new Error(`${source.variable} is not configured for this function`);
  return value;
}

export interface GithubAppCredentials {
  /** PEM; `\n` escapes (a key pasted into one line) are undone. */
  readonly privateKey: string;
  readonly clientSecret: string | undefined;
}

/** The GitHub App's private key and OAuth client secret: one JSON secret, `{"privateKey","clientSecret"}`. */
export async function githubAppCredentials(): Promise<GithubAppCredentials> {
  const source = config().secrets.githubApp;
  const value = await read(source);
  if (value === undefined) throw new Error(`${source.variable} is not configured for this function`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new Error(`The GitHub App credentials (${source.variable}) are not JSON`, { cause: error });
  }
  const { privateKey, clientSecret } = (parsed ?? {}) as { privateKey?: unknown; clientSecret?: unknown };
  if (typeof privateKey !== 'string' || privateKey.length === 0) throw new Error(`The GitHub App credentials (${source.variable}) hold no privateKey`);
  return { privateKey: privateKey.replace(/\\n/g, '\n'), clientSecret: typeof clientSecret === 'string' ? clientSecret : undefined };
}
