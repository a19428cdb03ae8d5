import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsClientOptions, config } from '../config';
import type { Role } from '../domain/roles';
import { EmailNotVerifiedError, RateLimitedError, UnauthenticatedError } from '../errors';
import { ORG_CLAIM, ROLE_CLAIM, USER_POOL_SCHEMA } from './user-pool-schema';

/**
 * The product's view of Cognito. Our Cognito username is the opaque user id;
 * the email is a plain attribute, so every admin call names the user by id.
 * SDK errors are translated here into the contract's errors.
 */
let client: CognitoIdentityProviderClient | undefined;
function cognito(): CognitoIdentityProviderClient {
  client ??= new CognitoIdentityProviderClient(awsClientOptions(config().endpoints.cognito));
  return client;
}

export interface Tokens {
  readonly idToken: string;
  readonly refreshToken?: string;
  readonly expiresIn: number;
}

const BAD_CREDENTIALS = 'Invalid email or password';

function translateAuthError(error: unknown): never {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'UserNotConfirmedException':
      throw new EmailNotVerifiedError(undefined, { cause: error });
    // cognito-local answers a wrong password with InvalidPasswordException; real Cognito with NotAuthorizedException.
    case 'NotAuthorizedException':
    case 'InvalidPasswordException':
    case 'UserNotFoundException':
    case 'PasswordResetRequiredException':
      throw new UnauthenticatedError(BAD_CREDENTIALS, { cause: error });
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      throw new RateLimitedError('Too many sign-in attempts, try again later', 60);
    default:
      throw error;
  }
}

export async function signUp(args: { userId: string; email: string; password: string; name: string }): Promise<void> {
  await cognito().send(
    new SignUpCommand({
      ClientId: config().userPoolClientId,
      Username: args.userId,
      Password: args.password,
      UserAttributes: [
        { Name: 'email', Value: args.email },
        { Name: 'name', Value: args.name },
      ],
    }),
  );
}

/** Writes the active organization and role into the claims of the user's next tokens. */
export async function setTenantClaims(userId: string, orgId: string, role: Role): Promise<void> {
  await cognito().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: config().userPoolId,
      Username: userId,
      UserAttributes: [
        { Name: ORG_CLAIM, Value: orgId },
        { Name: ROLE_CLAIM, Value: role },
      ],
    }),
  );
}

export async function confirmUser(userId: string, email: string): Promise<void> {
  try {
    await cognito().send(new AdminConfirmSignUpCommand({ UserPoolId: config().userPoolId, Username: userId }));
  } catch (error) {
    // Already confirmed (a retried verification): the state we wanted is there.
    if (!(error instanceof Error && error.name === 'NotAuthorizedException')) throw error;
  }
  await cognito().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: config().userPoolId,
      Username: userId,
      // cognito-local insists on the email beside email_verified; real Cognito accepts both.
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}

export async function deleteUser(userId: string): Promise<void> {
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: config().userPoolId, Username: userId }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
  }
}

function toTokens(result: { IdToken?: string; RefreshToken?: string; ExpiresIn?: number } | undefined): Tokens {
  if (!result?.IdToken) throw new UnauthenticatedError(BAD_CREDENTIALS);
  return {
    idToken: result.IdToken,
    refreshToken: result.RefreshToken,
    expiresIn: result.ExpiresIn ?? USER_POOL_SCHEMA.idTokenValidityMinutes * 60,
  };
}

export async function passwordSignIn(userId: string, password: string): Promise<Tokens> {
  try {
    const { AuthenticationResult } = await cognito().send(
      new InitiateAuthCommand({
        ClientId: config().userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: userId, PASSWORD: password },
      }),
    );
    return toTokens(AuthenticationResult);
  } catch (error) {
    return translateAuthError(error);
  }
}

export async function refreshSession(refreshToken: string): Promise<Tokens> {
  try {
    const { AuthenticationResult } = await cognito().send(
      new InitiateAuthCommand({
        ClientId: config().userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    return toTokens(AuthenticationResult);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (['NotAuthorizedException', 'UserNotFoundException', 'InvalidParameterException'].includes(name)) {
      throw new UnauthenticatedError('Invalid or expired refresh token', { cause: error });
    }
    return translateAuthError(error);
  }
}

/** Ends every session of the user (refresh tokens stop working). */
export async function signOutEverywhere(userId: string): Promise<void> {
  try {
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: config().userPoolId, Username: userId }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
  }
}

/** The organization the user's next tokens will be for, as Cognito has it. */
export async function activeOrganizationOf(userId: string): Promise<string | undefined> {
  const { UserAttributes } = await cognito().send(
    new AdminGetUserCommand({ UserPoolId: config().userPoolId, Username: userId }),
  );
  return UserAttributes?.find((attribute) => attribute.Name === ORG_CLAIM)?.Value;
}
