/**
 * The Cognito user pool's shape, shared by the CDK construct and the local
 * stack. The custom attributes carry the active organization and role into
 * the ID token; the app client may read them but never write them.
 */
export const USER_POOL_SCHEMA = {
  customAttributes: {
    organizationId: { maxLength: 64 },
    role: { maxLength: 16 },
  },
  idTokenValidityMinutes: 60,
  refreshTokenValidityDays: 30,
} as const;

export const ORG_CLAIM = 'custom:organizationId';
export const ROLE_CLAIM = 'custom:role';
/** Cognito puts the username in this claim; our username is the user id. */
export const USER_ID_CLAIM = 'cognito:username';
