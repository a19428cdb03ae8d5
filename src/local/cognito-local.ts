import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { childProcessEnvironment } from '../config';
import { PASSWORD_POLICY } from '../domain/password-policy';
import { USER_POOL_SCHEMA } from '../integrations/user-pool-schema';
import { emulatorClientOptions } from './emulator-clients';
import { spawnInGroup, type ManagedChild } from './process-group';
import { answersOk, waitUntilReady } from './readiness';

const READY_TIMEOUT_MS = 30_000;
export const LOCAL_USER_POOL_NAME = 'devinsights-local';
export const LOCAL_USER_POOL_CLIENT_NAME = 'devinsights-local-app';

const require = createRequire(import.meta.url);
const START_SCRIPT = join(dirname(require.resolve('cognito-local/package.json')), 'lib/bin/start.js');

export interface CognitoLocal {
  readonly child: ManagedChild;
  /** Also the issuer domain: a token of pool P has `iss` = `<endpoint>/P`. */
  readonly endpoint: string;
  readonly client: CognitoIdentityProviderClient;
}

/**
 * cognito-local keeps its settings in `.cognito/config.json` under its
 * working folder. Ours are merged over whatever a developer added there:
 * - the issuer is pinned to this port, so a token's `iss` is predictable;
 * - no username attribute by default: its built-in default makes the email the
 *   username of every pool, while ours is an opaque user id.
 */
async function writeConfig(folder: string, issuerDomain: string): Promise<void> {
  const file = join(folder, '.cognito', 'config.json');
  await mkdir(join(folder, '.cognito', 'db'), { recursive: true });
  const existing = await readFile(file, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>, () => ({}));
  const config = {
    ...existing,
    UserPoolDefaults: { UsernameAttributes: [] },
    TokenConfig: { IssuerDomain: issuerDomain },
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  logFile: string;
  region: string;
}): Promise<CognitoLocal> {
  const folder = join(options.dataDir, 'cognito');
  const endpoint = `http://localhost:${options.port}`;
  await writeConfig(folder, endpoint);
  const child = spawnInGroup('cognito-local', process.execPath, [START_SCRIPT], {
    cwd: folder,
    logFile: options.logFile,
    env: childProcessEnvironment({ PORT: String(options.port), HOST: '127.0.0.1' }),
  });
  await waitUntilReady(child, `GET /health on port ${options.port}`, () => answersOk(`${endpoint}/health`), READY_TIMEOUT_MS);
  const client = new CognitoIdentityProviderClient(emulatorClientOptions(endpoint, options.region));
  return { child, endpoint, client };
}

async function findOrCreatePool(client: CognitoIdentityProviderClient): Promise<string> {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = UserPools.find((pool) => pool.Name === LOCAL_USER_POOL_NAME);
  if (existing?.Id) return existing.Id;
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: LOCAL_USER_POOL_NAME,
      // No AutoVerifiedAttributes at all: the API verifies emails itself, and
      // cognito-local refuses every SignUp if the list is present but empty.
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireUppercase: PASSWORD_POLICY.requireUppercase,
          RequireLowercase: PASSWORD_POLICY.requireLowercase,
          RequireNumbers: PASSWORD_POLICY.requireDigits,
          RequireSymbols: PASSWORD_POLICY.requireSymbols,
        },
      },
      // Cognito adds the `custom:` prefix itself.
      Schema: Object.entries(USER_POOL_SCHEMA.customAttributes).map(([name, constraints]) => ({
        Name: name,
        AttributeDataType: 'String',
        Mutable: true,
        StringAttributeConstraints: { MinLength: '0', MaxLength: String(constraints.maxLength) },
      })),
    }),
  );
  if (!created.UserPool?.Id) throw new Error('cognito-local created a user pool without an id');
  return created.UserPool.Id;
}

async function findOrCreateAppClient(client: CognitoIdentityProviderClient, userPoolId: string): Promise<string> {
  const { UserPoolClients = [] } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const existing = UserPoolClients.find((appClient) => appClient.ClientName === LOCAL_USER_POOL_CLIENT_NAME);
  if (existing?.ClientId) return existing.ClientId;
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: LOCAL_USER_POOL_CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      IdTokenValidity: USER_POOL_SCHEMA.idTokenValidityMinutes,
      AccessTokenValidity: USER_POOL_SCHEMA.idTokenValidityMinutes,
      RefreshTokenValidity: USER_POOL_SCHEMA.refreshTokenValidityDays,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
      // The organization and role attributes are written by the API with admin calls only.
      WriteAttributes: ['email', 'name'],
    }),
  );
  if (!created.UserPoolClient?.ClientId) throw new Error('cognito-local created an app client without an id');
  return created.UserPoolClient.ClientId;
}

/** The local user pool and its app client, created on the first run and found by name afterwards. */
export async function ensureUserPool(client: CognitoIdentityProviderClient): Promise<{ userPoolId: string; userPoolClientId: string }> {
  const userPoolId = await findOrCreatePool(client);
  const userPoolClientId = await findOrCreateAppClient(client, userPoolId);
  return { userPoolId, userPoolClientId };
}
