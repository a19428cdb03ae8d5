import { ListSecretsCommand, PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { findStackSecrets, storeInSecrets } from '../../../src/integrations/github/app-credentials-store';
import { StackSecretsNotFoundError } from '../../../src/integrations/github/errors';
import type { RegisteredGithubApp } from '../../../src/integrations/github/app-manifest';

/**
 * Secrets Manager is mocked here: there is no emulator for it in this
 * repository. The fake records the commands sent and answers ListSecrets
 * with secrets tagged the way CloudFormation tags the stack's own.
 */
const STACK = 'DevInsights-prod';
const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCdEf`;

function tagged(name: string, stack: string, logicalId: string) {
  return { ARN: ARN(name), Name: name, Tags: [{ Key: 'aws:cloudformation:stack-name', Value: stack }, { Key: 'aws:cloudformation:logical-id', Value: logicalId }] };
}

function fakeSecretsManager(pages: readonly { SecretList: unknown[]; NextToken?: string }[]) {
  const sent: unknown[] = [];
  let page = 0;
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      if (command instanceof ListSecretsCommand) return pages[page++] ?? { SecretList: [] };
      return {};
    },
  } as unknown as SecretsManagerClient;
  return { client, sent };
}

const app: RegisteredGithubApp = {
  id: 7, slug: 'devinsights', name: 'DevInsights', htmlUrl: '', clientId: 'Iv23li1', clientSecret: 'cs', webhookSecret: 'ws', pem: 'PEM',
};

describe('finding the stack\'s GitHub App secrets', () => {
  it('It should pick the two secrets by the stack and logical-id tags CloudFormation puts on them, across pages', async () => {
    const { client } = fakeSecretsManager([
      { SecretList: [tagged('GithubAppCredentials1-x', STACK, 'GithubAppCredentialsA1B2C3D4'), tagged('Other', 'DevInsights-staging', 'GithubWebhookSecretE5F6')], NextToken: 'next' },
      { SecretList: [tagged('GithubWebhookSecret1-y', STACK, 'GithubWebhookSecretE5F6A7B8')] },
    ]);

    expect(await findStackSecrets(client, STACK)).toEqual({ credentials: ARN('GithubAppCredentials1-x'), webhook: ARN('GithubWebhookSecret1-y') });
  });

  it('It should say the stack must be deployed with the app\'s contexts when it has no such secrets', async () => {
    const { client } = fakeSecretsManager([{ SecretList: [tagged('AppSecret', STACK, 'AppSecret1234')] }]);

    await expect(findStackSecrets(client, STACK)).rejects.toThrow(StackSecretsNotFoundError);
  });
});

describe('storing the registered app', () => {
  it('It should put the credentials JSON and the webhook secret, each in its own secret', async () => {
    const { client, sent } = fakeSecretsManager([]);

    await storeInSecrets(client, { credentials: 'cred-arn', webhook: 'hook-arn' }, app);

    const puts = sent.filter((command) => command instanceof PutSecretValueCommand).map((command) => (command as PutSecretValueCommand).input);
    expect(puts).toEqual([
      { SecretId: 'cred-arn', SecretString: JSON.stringify({ privateKey: 'PEM', clientSecret: 'cs' }) },
      { SecretId: 'hook-arn', SecretString: 'ws' },
    ]);
  });
});
