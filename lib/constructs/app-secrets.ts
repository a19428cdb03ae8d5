import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { SecretName } from '../../src/config';

/** The variable that tells a function which secret to read (see `src/config.ts`). */
export const SECRET_ID_VARIABLES = {
  app: 'APP_SECRET_ID',
  model: 'AI_API_KEY_SECRET_ID',
  githubApp: 'GITHUB_APP_CREDENTIALS_SECRET_ID',
  githubWebhook: 'GITHUB_APP_WEBHOOK_SECRET_ID',
} as const satisfies Record<SecretName, string>;

/** A secret a function may read: the id it asks Secrets Manager for, and the ARN its grant names. */
export interface ReadableSecret {
  readonly secretId: string;
  readonly policyArn: string;
}

/** A secret of this stack: its full ARN is known. */
export function stackSecret(secret: ISecret): ReadableSecret {
  return { secretId: secret.secretArn, policyArn: secret.secretArn };
}

/**
 * An existing secret named at deploy time. It is read by name; its ARN ends
 * in a random six-character suffix, which the grant matches and nothing more.
 */
export function namedSecret(scope: Construct, name: string): ReadableSecret {
  const policyArn = Stack.of(scope).formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${name}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  return { secretId: name, policyArn };
}

/**
 * Lets one function read one secret at run time: GetSecretValue on that
 * secret only, and its id in the environment. The value never enters the
 * template or the function's configuration.
 */
export function grantSecretRead(fn: LambdaFunction, name: SecretName, secret: ReadableSecret): void {
  fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.policyArn] }));
  fn.addEnvironment(SECRET_ID_VARIABLES[name], secret.secretId);
}
