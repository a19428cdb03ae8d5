import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { permissionsOf } from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { NotFoundError, UnauthenticatedError } from '../errors';
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

/**
 * Password sign-in. The token's organization and role must match an active
 * membership; when they no longer do (the member was removed from that
 * organization or their role changed), the claims are corrected and the user
 * signed in again, so the token always tells the truth.
 */
export async function logIn(email: string, password: string): Promise<LoginResult> {
  const account = await findAccountByEmail(email);
  if (!account?.userId || account.status === 'reserved') throw new UnauthenticatedError(BAD_CREDENTIALS);
  const userId = account.userId;

  let tokens = await cognito.passwordSignIn(userId, password);
  const { profile, memberships } = await loadUserWithMemberships(userId);
  const claims = claimsOf(tokens.idToken);
  const active = memberships.find((membership) => membership.organizationId === claims.orgId) ?? memberships[0];
  if (!profile || !active) throw new UnauthenticatedError('This account no longer belongs to any organization');

  if (claims.orgId !== active.organizationId || claims.role !== active.role) {
    await cognito.setTenantClaims(userId, active.organizationId, active.role);
    tokens = await cognito.passwordSignIn(userId, password);
  }
  if (tokens.refreshToken) await keepRefreshToken(userId, tokens.refreshToken);
  return {
    accessToken: tokens.idToken,
    refreshToken: tokens.refreshToken,
    expiresIn: tokens.expiresIn,
    user: sessionUser(profile, active),
  };
}

const REFRESH_TOKEN_PURPOSE = 'refresh-token';

async function keepRefreshToken(userId: string, refreshToken: string, now = new Date()): Promise<void> {
  const expiresAt = now.getTime() + USER_POOL_SCHEMA.refreshTokenValidityDays * 24 * 3600 * 1000;
  await saveSealedRefreshToken(userId, seal(REFRESH_TOKEN_PURPOSE, refreshToken), expiresAt);
}

/**
 * New tokens for another organization the caller belongs to. The claims are
 * rewritten by the server only, then Cognito mints tokens from the refresh
 * token kept (sealed) at the user's last login; no password needed.
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
  const refreshToken = sealed ? open(REFRESH_TOKEN_PURPOSE, sealed) : undefined;
  if (!refreshToken) throw new UnauthenticatedError('Your session is too old to switch organizations; log in again');
  await cognito.setTenantClaims(tenant.userId, organizationId, target.role);
  const tokens = await cognito.refreshSession(refreshToken);
  const { profile, memberships } = await loadUserWithMemberships(tenant.userId);
  const active = memberships.find((membership) => membership.organizationId === organizationId);
  if (!profile || !active) throw new NotFoundError('Organization not found');
  return { accessToken: tokens.idToken, refreshToken, expiresIn: tokens.expiresIn, user: sessionUser(profile, active) };
}

export async function refresh(refreshToken: string): Promise<{ accessToken: string; expiresIn: number }> {
  const tokens = await cognito.refreshSession(refreshToken);
  return { accessToken: tokens.idToken, expiresIn: tokens.expiresIn };
}
