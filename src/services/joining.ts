import { newId } from '../domain/ids';
import { hashInvitationToken } from '../domain/invitation-token';
import { ConflictError, EmailNotVerifiedError, GoneError } from '../errors';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { activateAccount, findAccountByEmail, releaseEmailReservation, reserveEmail } from '../repositories/accounts';
import { effectiveStatus, findInvitationByToken, type InvitationRecord } from '../repositories/invitations';
import { INVITATION_GONE, joinOrganization } from '../repositories/joining';
import { getProfile } from '../repositories/memberships';
import type { CompleteInvitationBody } from '../schemas/team';

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
 * membership.
 */
export async function completeInvitation(input: CompleteInvitationBody, log: Logger, now = new Date()): Promise<JoinResult> {
  const invitation = await openInvitation(input.token, now);
  const account = await findAccountByEmail(invitation.email);
  const userId =
    account?.userId && account.status !== 'reserved'
      ? await joinAsExistingUser(invitation, account.userId, input.password, now)
      : await joinAsNewUser(invitation, input, log, now);
  log.info('member joined', { orgId: invitation.organizationId, userId });
  return {
    success: true,
    message: `Welcome to ${invitation.organizationName}!`,
    user: { id: userId, organizationId: invitation.organizationId },
  };
}

async function joinAsExistingUser(invitation: InvitationRecord, userId: string, password: string, now: Date) {
  try {
    await cognito.passwordSignIn(userId, password);
  } catch (error) {
    if (!(error instanceof EmailNotVerifiedError)) throw error;
    // The password was right (Cognito checks it first) and the invitation email reached this address.
    await cognito.confirmUser(userId, invitation.email);
    await activateAccount(invitation.email);
  }
  const profile = await getProfile(userId);
  await joinOrganization(invitation, { userId, email: invitation.email, name: profile?.name ?? invitation.name }, now);
  return userId;
}

async function joinAsNewUser(invitation: InvitationRecord, input: CompleteInvitationBody, log: Logger, now: Date) {
  const reservationId = newId('rsv');
  try {
    await reserveEmail(invitation.email, reservationId, now);
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
    await cognito.signUp({ userId, email: invitation.email, password: input.password, name });
    cognitoUserCreated = true;
    await cognito.confirmUser(userId, invitation.email);
    await cognito.setTenantClaims(userId, invitation.organizationId, invitation.role);
    await joinOrganization(invitation, { userId, email: invitation.email, name, newAccount: { reservationId } }, now);
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
