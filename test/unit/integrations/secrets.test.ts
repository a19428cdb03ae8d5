import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { provideAppEnvironment } from '../../../src/config';
import { appSecret, githubAppCredentials, languageModelKey, SECRET_MAX_AGE_SECONDS } from '../../../src/integrations/secrets';
import { open, seal } from '../../../src/services/secret-box';

/**
 * Secrets Manager has no emulator in the local stack, so its client is mocked
 * here: a fake `send` on the SDK client answers GetSecretValue from a map, and
 * records what was asked. Everything above the client (Powertools' provider
 * and its cache, our loader) runs for real.
 */
const STORED: Record<string, string> = {
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-a1b2c3': 'an-app-secret-from-secrets-manager-0123456789abcdef',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-cache01': 'another-app-secret-from-secrets-manager-0123456789',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-short1': 'too-short',
  'gh-app': JSON.stringify({ privateKey: '-----BEGIN RSA PRIVATE KEY-----\\nMIIB\\n-----END RSA PRIVATE KEY-----', clientSecret: 'cs_from_secrets_manager' }),
  'llm-key': 'sk-from-secrets-manager',
};

let send: MockInstance;

function configure(values: Record<string, string | undefined>): void {
  for (const name of ['APP_SECRET', 'APP_SECRET_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_CLIENT_SECRET', 'GITHUB_APP_CREDENTIALS_SECRET_ID', 'AI_API_KEY', 'AI_API_KEY_SECRET_ID']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('USER_POOL_ID', 'local_pool');
  vi.stubEnv('USER_POOL_CLIENT_ID', 'local-client');
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  provideAppEnvironment({});
}

const askedFor = (): unknown[] =>
  send.mock.calls.map(([command]) => (command instanceof GetSecretValueCommand ? command.input.SecretId : command));

beforeEach(() => {
  send = vi.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    const id = command instanceof GetSecretValueCommand ? command.input.SecretId : undefined;
    const value = id ? STORED[id] : undefined;
    if (value === undefined) throw Object.assign(new Error('Secrets Manager cannot find the specified secret.'), { name: 'ResourceNotFoundException' });
    return { SecretString: value };
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  provideAppEnvironment({});
});

describe('secrets in the environment (local stack, tests)', () => {
  it('It should return APP_SECRET from the environment without calling Secrets Manager', async () => {
    configure({ APP_SECRET: 'a-local-secret-of-at-least-32-characters' });
    expect(await appSecret()).toBe('a-local-secret-of-at-least-32-characters');
    expect(send).not.toHaveBeenCalled();
  });

  it('It should answer no model key when none is configured, and refuse to sign as the GitHub App without its key', async () => {
    configure({});
    expect(await languageModelKey()).toBeUndefined();
    await expect(githubAppCredentials()).rejects.toThrow('GITHUB_APP_PRIVATE_KEY is not configured for this function');
    expect(send).not.toHaveBeenCalled();
  });

  it('It should refuse to seal anything without APP_SECRET or APP_SECRET_ID, naming the variable', async () => {
    configure({});
    await expect(seal('refresh-token', 'a token')).rejects.toThrow('APP_SECRET is not configured for this function');
  });
});

describe('secrets in Secrets Manager (AWS)', () => {
  it('It should read APP_SECRET by the id in APP_SECRET_ID and open what it sealed', async () => {
    const id = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-a1b2c3';
    configure({ APP_SECRET_ID: id });
    const sealed = await seal('refresh-token', 'a refresh token');
    expect(await open('refresh-token', sealed)).toBe('a refresh token');
    expect(await appSecret()).toBe(STORED[id]);
    expect(askedFor()).toEqual([id]);
  });

  it('It should read a secret once and reuse it until it is five minutes old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const id = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-cache01';
    configure({ APP_SECRET_ID: id });
    await appSecret();
    vi.advanceTimersByTime((SECRET_MAX_AGE_SECONDS - 1) * 1000);
    await appSecret();
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    await appSecret();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('It should read the GitHub App\'s credentials and the model key by their secret ids, undoing the key\'s \\n escapes', async () => {
    configure({ GITHUB_APP_CREDENTIALS_SECRET_ID: 'gh-app', AI_API_KEY_SECRET_ID: 'llm-key' });
    expect(await githubAppCredentials()).toEqual({
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----',
      clientSecret: 'cs_from_secrets_manager',
    });
    expect(await languageModelKey()).toBe('sk-from-secrets-manager');
    expect(askedFor().sort()).toEqual(['gh-app', 'llm-key']);
  });

  it('It should prefer a value in the environment over the secret id', async () => {
    configure({ AI_API_KEY: 'sk-local', AI_API_KEY_SECRET_ID: 'llm-key' });
    expect(await languageModelKey()).toBe('sk-local');
    expect(send).not.toHaveBeenCalled();
  });

  it('It should refuse an APP_SECRET from Secrets Manager shorter than 32 characters', async () => {
    configure({ APP_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:AppSecret-short1' });
    await expect(appSecret()).rejects.toThrow('APP_SECRET must be at least 32 characters');
  });

  it('It should fail, not fall back to no key, when the secret cannot be read', async () => {
    configure({ AI_API_KEY_SECRET_ID: 'deleted-key' });
    await expect(languageModelKey()).rejects.toThrow(/cannot find the specified secret/);
  });
});
