import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import type { Role } from '../domain/roles';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Logger } from '../http/logger';
import { findActiveMembership } from '../repositories/memberships';
import { ORG_CLAIM, USER_ID_CLAIM } from '../integrations/user-pool-schema';
import type { TenantContext } from './tenant-context';
import { tokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;
// Headers that ask a verifier to fetch or trust a key named by the token itself.
const KEY_REFERENCE_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;

const REFUSED = 'Invalid or expired token';

function bearerToken(authorization: string | undefined): string {
  const match = authorization ? BEARER.exec(authorization.trim()) : null;
  if (!match?.[1]) throw new UnauthenticatedError('Authorization: Bearer <accessToken> is required');
  return match[1];
}

function refuseKeyReferences(token: string): void {
  const { header } = decomposeUnverifiedJwt(token);
  if (header['alg'] !== 'RS256' || KEY_REFERENCE_HEADERS.some((name) => name in header)) {
    throw new Error('token header names an unsupported algorithm or key source');
  }
}

/**
 * Verifies the token, then confirms the membership it claims with one
 * GetItem: claims alone are never trusted, so a removed member is locked out
 * on the next request and the role always comes from the membership.
 */
export async function authenticate(authorization: string | undefined, log: Logger): Promise<TenantContext> {
  const token = bearerToken(authorization);
  let payload;
  try {
    refuseKeyReferences(token);
    payload = await tokenVerifier().verify(token);
  } catch (error) {
    log.info('token refused', { reason: error instanceof Error ? error.message : 'unknown' });
    throw new UnauthenticatedError(REFUSED);
  }
  const orgId = payload[ORG_CLAIM];
  const userId = payload[USER_ID_CLAIM];
  if (typeof orgId !== 'string' || typeof userId !== 'string' || !orgId || !userId) {
    throw new UnauthenticatedError(REFUSED);
  }
  const membership = await findActiveMembership(userId, orgId);
  if (!membership) {
    log.info('token refused', { reason: 'no active membership', orgId, userId });
    throw new UnauthenticatedError(REFUSED);
  }
  return { orgId, userId, role: membership.role };
}

export function requireRole(tenant: TenantContext, allowed: readonly Role[]): void {
  if (!allowed.includes(tenant.role)) {
    throw new ForbiddenError(`This action needs the ${allowed.join(' or ')} role`);
  }
}
