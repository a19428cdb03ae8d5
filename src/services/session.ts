import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { hasPendingSignupExpired } from '../domain/pending-signup';
import { permissionsOf } from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { ORG_CLAIM, ROLE_CLAIM, USER_POOL_SCHEMA } from '../integrations/user-pool-schema';
import { findAccountByEmail } from '../repositories/accounts';
import {
  findActiveMembership,
  loadUserWithMemberships,
  type Membership,
  type UserProfile,
} from '../repositories/memberships';
import { organizationExists } from '../repositories/organizations';
import { loadSealedRefreshToken, saveSealedRefreshToken } from '../repositories/sessions';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { open, seal } from './secret-box';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly role: Role;
  readonly permissions: string[];
  readonly githubUsername?: string;
}

export interface LoginResult {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly expiresIn: number;
  readonly user: SessionUser;
}

const BAD_CREDENTIALS = 'Invalid email or password';

export function sessionUser(profile: UserProfile, membership: Membership): SessionUser {
  return {
    id: profile.userId,
    email: profile.email,
    name: profile.name,
    organizationId: membership.organizationId,
    organizationName: membership.organizationName,
    role: membership.role,
    permissions: permissionsOf(membership.role),
    ...(profile.githubUsername ? { githubUsername: profile.githubUsername } : {}),
  };
}

function claimsOf(idToken: string): { orgId: unknown; role: unknown } {
  // The token comes straight from Cognito over TLS; the guard verifies it on every later request.
  const { payload } = decomposeUnverifiedJwt(idToken);
  return { orgId: payload[ORG_CLAIM], role: payload[ROLE_CLAIM] };
}

const MINT_ATTEMPTS = 3;

/**
 * Tokens whose claims name `target`. Cognito keeps the claims per user, not
 * per session, so another device may have pointed them elsewhere: when the
 * minted token names another organization or role, the claims are set and
 * the token minted again. Two devices doing this at once each retry until
 * their own token is right.
 */
async function mintTokensFor(userId: string, target: { organizationId: string; role: Role }, mint: () => Promise<cognito.Tokens>, minted?: cognito.Tokens) {
  let tokens = minted;
  for (let attempt = 0; attempt < MINT_ATTEMPTS; attempt += 1) {
    if (tokens && tokensAreFor(tokens, target)) return tokens;
    await cognito.setTenantClaims(userId, target.organizationId, target.role);
    tokens = await mint();
  }
  if (tokens && tokensAreFor(tokens, target)) return tokens;
  throw new ConflictError('Another sign-in of yours changed organization at the same moment; try again');
}

function tokensAreFor(tokens: cognito.Tokens, target: { organizationId: string; role: Role }): boolean {
  const claims = claimsOf(tokens.idToken);
  return claims.orgId === target.organizationId && claims.role === target.role;
}

/**
 * The refresh token a client holds: Cognito's, sealed together with the
 * user and the organization of this session. A refresh therefore stays in
 * its own session's organization whatever another device chose since, and
 * ends once the user is no longer a member there.
 */
const SESSION_PURPOSE = 'session-refresh-token';

interface SessionToken {
  readonly userId: string;
  readonly organizationId: string;
  readonly cognitoRefreshToken: string;
}

function sessionToken(session: SessionToken): Promise<string> {
  return seal(SESSION_PURPOSE, JSON.stringify([session.userId, session.organizationId, session.cognitoRefreshToken]));
}

async function openSessionToken(token: string): Promise<SessionToken | undefined> {
  const opened = await open(SESSION_PURPOSE, token);
  if (!opened) return undefined;
  const [userId, organizationId, cognitoRefreshToken] = JSON.parse(opened) as string[];
  return userId && organizationId && cognitoRefreshToken ? { userId, organizationId, cognitoRefreshToken } : undefined;
}

/**
 * Password sign-in into `organizationId` when given, else into the
 * organization the user last chose at login, else the first they joined.
 * An organization the user is not a member of answers 404, exactly like one
 * that does not exist, and only after the password was right (so it tells
 * nothing a successful login would not).
 */
export async function logIn(email: string, password: string, organizationId?: string): Promise<LoginResult> {
  const account = await findAccountByEmail(email);
  const expired = account?.status === 'pending_verification' && hasPendingSignupExpired(account.pendingUntil, new Date());
  if (!account?.userId || account.status === 'reserved' || expired) throw new UnauthenticatedError(BAD_CREDENTIALS);
  const userId = account.userId;

  const signedIn = await cognito.passwordSignIn(userId, password);
  const { profile, memberships, loginOrganizationId } = await loadUserWithMemberships(userId);
  const chosen = organizationId ?? loginOrganizationId;
  const active = memberships.find((membership) => membership.organizationId === chosen) ?? (organizationId ? undefined : memberships[0]);
  if (organizationId && !active) throw new NotFoundError('Organization not found');
  if (!profile || !active) throw new UnauthenticatedError('This account no longer belongs to any organization');

  const tokens = await mintTokensFor(userId, active, () => cognito.passwordSignIn(userId, password), signedIn);
  const refreshToken = tokens.refreshToken;
  if (refreshToken) await keepRefreshToken(userId, refreshToken, chosen);
  return {
    accessToken: tokens.idToken,
    refreshToken: refreshToken ? await sessionToken({ userId, organizationId: active.organizationId, cognitoRefreshToken: refreshToken }) : undefined,
    expiresIn: tokens.expiresIn,
    user: sessionUser(profile, active),
  };
}

const REFRESH_TOKEN_PURPOSE = 'refresh-token';

async function keepRefreshToken(userId: string, refreshToken: string, loginOrganizationId: string | undefined, now = new Date()) {
  const expiresAt = now.getTime() + USER_POOL_SCHEMA.refreshTokenValidityDays * 24 * 3600 * 1000;
  await saveSealedRefreshToken(userId, await seal(REFRESH_TOKEN_PURPOSE, refreshToken), expiresAt, loginOrganizationId);
}

/**
 * New tokens for another organization the caller belongs to. The claims are
 * rewritten by the server only, then Cognito mints tokens from the refresh
 * token kept (sealed) at the user's last login; no password needed. The new
 * session is this device's: other devices' refreshes and the next login
 * keep their own organization.
 */
export async function switchOrganization(
  tenant: TenantContext,
  organizationId: string,
  log: Logger,
  now = new Date(),
): Promise<LoginResult> {
  const target = await findActiveMembership(tenant.userId, organizationId);
  if (!target) {
    // The caller gets the same 404 either way; only the audit learns whether the organization exists.
    const targets = (await organizationExists(organizationId)) ? [organizationId] : [];
    const action = `a session in your organization (${organizationId})`;
    await recordCrossOrganizationAttempt(tenant, { resource: `organization/${organizationId}`, action, targetOrganizationIds: targets }, log);
    throw new NotFoundError('Organization not found');
  }
  const sealed = await loadSealedRefreshToken(tenant.userId, now);
  const refreshToken = sealed ? await open(REFRESH_TOKEN_PURPOSE, sealed) : undefined;
  if (!refreshToken) throw new UnauthenticatedError('Your session is too old to switch organizations; log in again');
  const tokens = await mintTokensFor(tenant.userId, { organizationId, role: target.role }, () => cognito.refreshSession(refreshToken));
  const { profile, memberships } = await loadUserWithMemberships(tenant.userId);
  const active = memberships.find((membership) => membership.organizationId === organizationId);
  if (!profile || !active) throw new NotFoundError('Organization not found');
  return {
    accessToken: tokens.idToken,
    refreshToken: await sessionToken({ userId: tenant.userId, organizationId, cognitoRefreshToken: refreshToken }),
    expiresIn: tokens.expiresIn,
    user: sessionUser(profile, active),
  };
}

const REFRESH_REFUSED = 'Invalid or expired refresh token';

/** A new access token for the refresh token's own session and organization, while the user is still a member there. */
export async function refresh(refreshToken: string): Promise<{ accessToken: string; expiresIn: number }> {
  const session = await openSessionToken(refreshToken);
  if (!session) throw new UnauthenticatedError(REFRESH_REFUSED);
  const membership = await findActiveMembership(session.userId, session.organizationId);
  if (!membership) throw new UnauthenticatedError(REFRESH_REFUSED);
  const mint = () => cognito.refreshSession(session.cognitoRefreshToken);
  const tokens = await mintTokensFor(session.userId, { organizationId: session.organizationId, role: membership.role }, mint, await mint());
  return { accessToken: tokens.idToken, expiresIn: tokens.expiresIn };
}
