import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../src/domain/password-policy';
import { USER_POOL_SCHEMA } from '../../src/integrations/user-pool-schema';
import type { CognitoAdminAction } from '../../src/routes';

/**
 * The user pool and the one app client the backend signs users in with.
 * Users sign in by username, which is our opaque user id; the email is only
 * an attribute, so a user can change it without changing who they are.
 */
export class AppUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly clientId: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const custom = USER_POOL_SCHEMA.customAttributes;
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { username: true },
      // The backend calls SignUp with the app client, so self sign-up is on.
      selfSignUpEnabled: true,
      // Cognito sends nothing: the product emails its own code through SES and
      // confirms the user with AdminConfirmSignUp.
      autoVerify: { email: false, phone: false },
      standardAttributes: {
        email: { required: true, mutable: true },
        // Not required: required attributes can never be changed on an existing pool.
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        organizationId: new StringAttribute({ maxLen: custom.organizationId.maxLength, mutable: true }),
        role: new StringAttribute({ maxLen: custom.role.maxLength, mutable: true }),
      },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('AppClient', {
      // No secret: every call would then need a SECRET_HASH, and the secret would sit in
      // every function's environment; the client id alone opens only the public auth flows.
      generateSecret: false,
      authFlows: { userPassword: true },
      // Sign-in goes through our API, never the hosted UI.
      disableOAuth: true,
      idTokenValidity: Duration.minutes(USER_POOL_SCHEMA.idTokenValidityMinutes),
      refreshTokenValidity: Duration.days(USER_POOL_SCHEMA.refreshTokenValidityDays),
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('organizationId', 'role'),
      // The org and role claims are written only by the backend (AdminUpdateUserAttributes);
      // a user holding a token must never be able to change their own.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.userPoolId = this.userPool.userPoolId;
    this.userPoolArn = this.userPool.userPoolArn;
    this.clientId = this.client.userPoolClientId;
  }

  /** The ids `src/config.ts` requires of every function: tokens are verified against them. */
  get environment(): Record<string, string> {
    return { USER_POOL_ID: this.userPoolId, USER_POOL_CLIENT_ID: this.clientId };
  }

  /**
   * Grants these admin actions (a route's `cognito:*` capabilities) on this
   * pool only, and sets the pool ids.
   */
  grantAdminTo(fn: LambdaFunction, actions: readonly CognitoAdminAction[]): void {
    this.userPool.grant(fn, ...actions.map((action) => `cognito-idp:${action}`));
    for (const [name, value] of Object.entries(this.environment)) fn.addEnvironment(name, value);
  }
}
