import { newId } from '../domain/ids';
import { hasPendingSignupExpired, pendingUntilFor } from '../domain/pending-signup';
import { newPendingCode } from '../domain/verification-code';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { releaseEmailReservation, reserveEmail } from '../repositories/accounts';
import { createOrganizationWithOwner, findOrganizationNameHolder } from '../repositories/organization-signup';
import type { SignupBody } from '../schemas/auth';
import { takeOver, type Takeover } from './pending-signups';
import { sendVerificationCode } from './verification';

export interface SignupResult {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: 'admin';
}

/**
 * Creates an organization and its admin, all or nothing. The email is
 * reserved first (so two signups cannot race for it), then the Cognito user
 * and claims, then every table item in one transaction. Any failure undoes
 * what was done, so a retry is never blocked by a half-made account.
 *
 * An unverified signup holds its email and organization name for 48 hours
 * (`PENDING_SIGNUP_TTL_MS`); after that this signup takes them over and the
 * stale one (its organization, its user, its Cognito account) goes.
 */
export async function signUpOrganization(input: SignupBody, log: Logger, now = new Date()): Promise<SignupResult> {
  const reservationId = newId('rsv');
  const emailHolder = await reserveEmail(input.email, reservationId, now);
  const owner: TenantContext = { orgId: newId('org'), userId: newId('usr'), role: 'admin' };
  let cognitoUserCreated = false;
  const { code, pending } = newPendingCode(owner.userId, now);
  let takeover: Takeover;
  try {
    const nameHolder = await findOrganizationNameHolder(input.organizationName);
    const expiredNameHolder =
      nameHolder?.pending && hasPendingSignupExpired(nameHolder.pending.pendingUntil, now) ? nameHolder.pending.signup : undefined;
    if (nameHolder && !expiredNameHolder) throw new ConflictError('An organization with this name already exists');
    takeover = await takeOver([emailHolder, expiredNameHolder]);
    await cognito.signUp({ userId: owner.userId, email: input.email, password: input.password, name: input.name });
    cognitoUserCreated = true;
    await cognito.setTenantClaims(owner.userId, owner.orgId, owner.role);
    await createOrganizationWithOwner({
      owner,
      name: input.organizationName,
      ownerEmail: input.email,
      ownerName: input.name,
      githubUsername: input.githubUsername ?? undefined,
      emailReservationId: reservationId,
      verification: pending,
      pendingUntil: pendingUntilFor(now),
      discard: takeover.discard,
      now,
    });
  } catch (error) {
    await undoSignup(owner.userId, cognitoUserCreated, input.email, reservationId, log);
    throw error;
  }
  log.info('organization created', { orgId: owner.orgId, userId: owner.userId });
  await takeover.finish(log);
  await sendVerificationCode(input.email, input.name, code, log);
  return { userId: owner.userId, organizationId: owner.orgId, role: 'admin' };
}

async function undoSignup(userId: string, cognitoUserCreated: boolean, email: string, reservationId: string, log: Logger) {
  const undo = await Promise.allSettled([
    cognitoUserCreated ? cognito.deleteUser(userId) : Promise.resolve(),
    releaseEmailReservation(email, reservationId),
  ]);
  for (const outcome of undo) {
    // The stale reservation expires by itself; an orphan Cognito user has no account and cannot sign in.
    if (outcome.status === 'rejected') log.warn('signup rollback step failed', { error: outcome.reason });
  }
}
