import { newId } from '../domain/ids';
import { hashInvitationToken } from '../domain/invitation-token';
import { hasPendingSignupExpired } from '../domain/pending-signup';
import { ConflictError, EmailNotVerifiedError, GoneError, UnauthenticatedError } from '../errors';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import {
  activatePendingAccount,
  findAccountByEmail,
  releaseEmailReservation,
  reserveEmail,
  type Account,
} from '../repositories/accounts';
import { effectiveStatus, findInvitationByToken, type InvitationRecord } from '../repositories/invitations';
import { INVITATION_GONE, joinOrganization } from '../repositories/joining';
import { getProfile } from '../repositories/memberships';
import type { CompleteInvitationBody } from '../schemas/team';
import { takeOver } from './pending-signups';

/** Unknown, malformed, used, revoked and expired tokens all get this one answer. */
async function openInvitation(token: string, now: Date): Promise<InvitationRecord> {
  const invitation = token ? await findInvitationByToken(hashInvitationToken(token)) : undefined;
  if (!invitation || effectiveStatus(invitation, now) !== 'pending') throw new GoneError(INVITATION_GONE);
  return invitation;
}

export async function describeInvitation(token: string, now = new Date()) {
  const invitation = await openInvitation(token, now);
  return {
    email: invitation.email,
    name: invitation.name,
    organizationName: invitation.organizationName,
    role: invitation.role,
    expiresAt: new Date(invitation.expiresAt).toISOString(),
  };
}

export interface JoinResult {
  readonly success: true;
  readonly message: string;
  readonly user: { readonly id: string; readonly organizationId: string };
}

/**
 * Completes an invitation. A new person gets a Cognito account that is
 * already verified (the invitation email proved the address); a person who
 * already has an account proves it with its password and gains a second
 * membership. An address held by an unverified signup: with that signup's
 * password it is the same person, whose account the invitation verifies;
 * otherwise (or once the signup expired) the invitation takes the address
 * over and the unverified signup goes, because only the invitee proved it.
 */
export async function completeInvitation(input: CompleteInvitationBody, log: Logger, now = new Date()): Promise<JoinResult> {
  const invitation = await openInvitation(input.token, now);
  const account = await findAccountByEmail(invitation.email);
  let userId: string;
  if (account?.userId && account.status === 'active') userId = await joinAsExistingUser(invitation, account.userId, input.password, now);
  else if (account?.userId && account.status === 'pending_verification') {
    userId =
      (await joinAsUnverifiedUser(invitation, { ...account, userId: account.userId }, input.password, now)) ??
      (await joinAsNewUser(invitation, input, log, now, account.userId));
  } else userId = await joinAsNewUser(invitation, input, log, now);
  log.info('member joined', { orgId: invitation.organizationId, userId });
  return {
    success: true,
    message: `Welcome to ${invitation.organizationName}!`,
    user: { id: userId, organizationId: invitation.organizationId },
  };
}

async function joinAsExistingUser(invitation: InvitationRecord, userId: string, password: string, now: Date) {
  await cognito.passwordSignIn(userId, password);
  return addMembership(invitation, userId, now);
}

async function addMembership(invitation: InvitationRecord, userId: string, now: Date) {
  const profile = await getProfile(userId);
  await joinOrganization(invitation, { userId, email: invitation.email, name: profile?.name ?? invitation.name }, now);
  return userId;
}

/** The unverified account's user id when the password is its own; undefined when the invitation should take the address over. */
async function joinAsUnverifiedUser(invitation: InvitationRecord, account: Account & { userId: string }, password: string, now: Date) {
  if (hasPendingSignupExpired(account.pendingUntil, now)) return undefined;
  try {
    await cognito.passwordSignIn(account.userId, password);
  } catch (error) {
    if (error instanceof UnauthenticatedError) return undefined;
    if (!(error instanceof EmailNotVerifiedError)) throw error;
  }
  // The password was right (Cognito checks it first) and the invitation email reached this address.
  await cognito.confirmUser(account.userId, invitation.email);
  await activatePendingAccount(account, now);
  return addMembership(invitation, account.userId, now);
}

async function joinAsNewUser(invitation: InvitationRecord, input: CompleteInvitationBody, log: Logger, now: Date, heldBy?: string) {
  const reservationId = newId('rsv');
  let replaced;
  try {
    replaced = await reserveEmail(invitation.email, reservationId, now, heldBy);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another request holds this email: most likely a parallel completion of this very invitation.
    await openInvitation(input.token, now);
    throw new ConflictError('This invitation is being accepted already; try again in a moment', { cause: error });
  }
  const userId = newId('usr');
  const name = input.name ?? invitation.name;
  let cognitoUserCreated = false;
  try {
    const takeover = await takeOver([replaced]);
    await cognito.signUp({ userId, email: invitation.email, password: input.password, name });
    cognitoUserCreated = true;
    await cognito.confirmUser(userId, invitation.email);
    await cognito.setTenantClaims(userId, invitation.organizationId, invitation.role);
    await joinOrganization(invitation, { userId, email: invitation.email, name, newAccount: { reservationId } }, now, takeover.discard);
    await takeover.finish(log);
    return userId;
  } catch (error) {
    const undo = await Promise.allSettled([
      cognitoUserCreated ? cognito.deleteUser(userId) : Promise.resolve(),
      releaseEmailReservation(invitation.email, reservationId),
    ]);
    for (const outcome of undo) {
      if (outcome.status === 'rejected') log.warn('join rollback step failed', { error: outcome.reason });
    }
    throw error;
  }
}
