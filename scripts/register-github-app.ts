/**
 * Registers DevInsights' GitHub App with GitHub's manifest flow and stores
 * its secrets (README, "Registering the GitHub App"):
 *
 *   npm run github-app:register -- --api-url <ApiUrl> [--org <org>] [--name DevInsights]
 *     (--out <file> | --secrets-from-stack <stack> | --credentials-secret <arn> --webhook-secret <arn>)
 *     [--github-url https://github.com] [--github-api-url https://api.github.com] [--port 0]
 *   npm run github-app:register -- --from-file <file> (--secrets-from-stack <stack> | --credentials-secret … --webhook-secret …)
 *
 * The second form stores a file the first wrote, once the stack has made its secrets.
 */
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { deployContext, type RegisteredGithubApp } from '../src/integrations/github/app-manifest';
import { findStackSecrets, readCredentialsFile, storeInSecrets, writeCredentialsFile, type AppSecretArns } from '../src/integrations/github/app-credentials-store';
import { startRegistration } from '../src/integrations/github/app-registration';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function options() {
  return parseArgs({
    options: {
      'api-url': { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      'github-url': { type: 'string', default: 'https://github.com' },
      'github-api-url': { type: 'string', default: 'https://api.github.com' },
      port: { type: 'string', default: '0' },
      out: { type: 'string' },
      'secrets-from-stack': { type: 'string' },
      'credentials-secret': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'from-file': { type: 'string' },
      region: { type: 'string' },
    },
    strict: true,
  }).values;
}

let values: ReturnType<typeof options>;
try {
  values = options();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)} (see the top of scripts/register-github-app.ts)`);
}

const explicitArns = values['credentials-secret'] !== undefined || values['webhook-secret'] !== undefined;
if (explicitArns && !(values['credentials-secret'] && values['webhook-secret'])) fail('--credentials-secret and --webhook-secret go together');
if (explicitArns && values['secrets-from-stack']) fail('Give --secrets-from-stack or the two secret ARNs, not both');
const toSecrets = explicitArns || values['secrets-from-stack'] !== undefined;
if (!toSecrets && !values.out) fail('Say where the secrets go: --out <file>, --secrets-from-stack <stack>, or --credentials-secret <arn> --webhook-secret <arn>');
if (values['from-file'] && !toSecrets) fail('--from-file stores a registered app in Secrets Manager: add --secrets-from-stack or the two ARNs');
if (!values['from-file'] && !values['api-url']) fail('--api-url is required: the deployed API\'s base URL (the stack output ApiUrl)');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0–65535');

const client = toSecrets ? new SecretsManagerClient(values.region ? { region: values.region } : {}) : undefined;

/** Resolved before registering: a code is good once, so nothing may fail after it is spent that could have failed before. */
async function secretArns(): Promise<AppSecretArns | undefined> {
  if (!client) return undefined;
  if (values['credentials-secret'] && values['webhook-secret']) return { credentials: values['credentials-secret'], webhook: values['webhook-secret'] };
  return findStackSecrets(client, String(values['secrets-from-stack']));
}

async function refuseExistingFile(path: string): Promise<void> {
  const exists = await access(path).then(() => true, () => false);
  if (exists) fail(`${path} exists; name a new file (it may hold an earlier app's only key)`);
}

async function register(): Promise<RegisteredGithubApp> {
  const registration = await startRegistration({
    apiUrl: String(values['api-url']), githubUrl: values['github-url'], githubApiUrl: values['github-api-url'], port,
    ...(values.org ? { org: values.org } : {}), ...(values.name ? { name: values.name } : {}),
  });
  console.info(`Open ${registration.url} in a browser signed in to GitHub${values.org ? ` as an owner of ${values.org}` : ''}, then press "Create GitHub App".`);
  try {
    return await registration.registered;
  } finally {
    await registration.close();
  }
}

async function store(app: RegisteredGithubApp, arns: AppSecretArns | undefined): Promise<void> {
  if (!arns || !client) {
    await writeCredentialsFile(String(values.out), app);
    console.info(`Secrets written to ${values.out} (mode 0600). After deploying with the contexts below, store them with:`);
    console.info(`  npm run github-app:register -- --from-file ${values.out} --secrets-from-stack <stack name>`);
    return;
  }
  try {
    await storeInSecrets(client, arns, app);
    console.info(`Stored in ${arns.credentials} and ${arns.webhook}; functions pick them up within 5 minutes.`);
  } catch (error) {
    // The code is spent: keep the credentials rather than lose the only copy of the private key.
    const rescue = values.out ?? `github-app-${app.id}.json`;
    await writeCredentialsFile(rescue, app);
    console.error(`Storing in Secrets Manager failed (${error instanceof Error ? error.message : String(error)}); the secrets are in ${rescue} (mode 0600).`);
    process.exitCode = 1;
  }
}

try {
  if (values.out) await refuseExistingFile(values.out);
  const arns = await secretArns();
  const app = values['from-file'] ? await readCredentialsFile(values['from-file']) : await register();
  if (!values['from-file']) console.info(`Registered GitHub App ${app.slug} (id ${app.id}, client id ${app.clientId}) ${app.htmlUrl}`);
  await store(app, arns);
  console.info(`Deploy with: npx cdk deploy ${deployContext(app)} …`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
