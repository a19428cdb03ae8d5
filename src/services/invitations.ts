import pMap from 'p-map';
import { config } from '../config';
import {
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TTL_MS,
  invitationIdFor,
} from '../domain/invitation-token';
import type { TenantContext } from '../guard/tenant-context';
import type { Logger } from '../http/logger';
import { sendEmail } from '../integrations/email';
import { invitationEmail } from '../integrations/email-templates';
import { findAccountsByEmail } from '../repositories/accounts';
import {
  createInvitation,
  effectiveStatus,
  endPendingInvitation,
  getInvitations,
  type InvitationRecord,
  listInvitations,
} from '../repositories/invitations';
import { activeMembersAmong, getProfile } from '../repositories/memberships';
import { getOrganization } from '../repositories/organizations';
import { releaseInvitationSeats, reserveInvitationSeats } from '../repositories/seats';
import type { Invitation } from '../schemas/team';
import { refundEmailQuota, spendEmailQuota } from './email-quota';

export interface InvitationResult {
  readonly email: string;
  readonly status: 'sent' | 'failed';
  readonly reason?: string;
}

export interface InviteOutcome {
  readonly success: true;
  readonly invitations: { sent: number; failed: number; pending: number };
  readonly results: InvitationResult[];
  readonly message: string;
}

/** Email sends and table writes in flight at once for one batch (≤ 50 entries). */
const CONCURRENCY = 8;

/**
 * Invites a batch. Entries that cannot be invited (already a member, already
 * invited, listed twice) fail one by one; the rest take their
 * seats and the daily email quota, each in one conditional update, so the
 * whole batch is refused (402, 429) and nothing is created or sent when it
 * would exceed either. Emails that end up not sent go back to the quota.
 */
export async function inviteMembers(
  tenant: TenantContext,
  entries: readonly Invitation[],
  log: Logger,
  now = new Date(),
): Promise<InviteOutcome> {
  const [organization, inviter] = await Promise.all([getOrganization(tenant), getProfile(tenant.userId)]);
  const refused = new Map<string, string>();
  const unique = entries.filter((entry, index) => {
    if (entries.findIndex((other) => other.email === entry.email) === index) return true;
    refused.set(`${index}`, 'Listed more than once in this request');
    return false;
  });

  const ids = new Map(unique.map((entry) => [entry.email, invitationIdFor(tenant.orgId, entry.email)]));
  const [existing, accounts] = await Promise.all([
    getInvitations(tenant, [...ids.values()]),
    findAccountsByEmail(unique.map((entry) => entry.email)),
  ]);
  const userIds = [...accounts.values()].flatMap((account) => account.userId ?? []);
  const members = await activeMembersAmong(tenant, userIds);

  const candidates: Invitation[] = [];
  const reasons = new Map<string, string>();
  for (const entry of unique) {
    const userId = accounts.get(entry.email)?.userId;
    const previous = existing.get(ids.get(entry.email) ?? '');
    if (userId && members.has(userId)) reasons.set(entry.email, 'Already a member of this organization');
    else if (previous && effectiveStatus(previous, now) === 'pending') {
      reasons.set(entry.email, 'An invitation is already pending for this email');
    } else candidates.push(entry);
  }
  // Expired invitations still hold their seats until ended; end them before counting.
  await Promise.all(
    candidates.flatMap((entry) => {
      const previous = existing.get(ids.get(entry.email) ?? '');
      return previous && previous.status === 'pending' ? [endPendingInvitation(tenant, previous, 'expired', now, false)] : [];
    }),
  );

  let pending = 0;
  if (candidates.length > 0) {
    ({ pendingInvitations: pending } = await reserveInvitationSeats(tenant, candidates.length, organization.plan));
    try {
      await spendEmailQuota(tenant, candidates.length, organization.plan, now);
    } catch (error) {
      await releaseInvitationSeats(tenant, candidates.length);
      throw error;
    }
  }
  const inviterName = inviter?.name ?? 'Your administrator';
  let unused = 0;
  await pMap(
    candidates,
    async (entry) => {
      const token = generateInvitationToken();
      const invitation: InvitationRecord = {
        inviteId: ids.get(entry.email) ?? invitationIdFor(tenant.orgId, entry.email),
        organizationId: tenant.orgId,
        organizationName: organization.name,
        email: entry.email,
        name: entry.name,
        role: entry.role,
        githubUsername: entry.githubUsername ?? undefined,
        invitedBy: tenant.userId,
        inviterName,
        status: 'pending',
        tokenHash: hashInvitationToken(token),
        expiresAt: now.getTime() + INVITATION_TTL_MS,
        createdAt: now.getTime(),
      };
      let created: boolean;
      try {
        created = await createInvitation(tenant, invitation, now);
      } catch (error) {
        log.error('invitation not saved', { error, inviteId: invitation.inviteId });
        reasons.set(entry.email, 'The invitation could not be saved; try again');
        created = false;
      }
      if (!created) {
        unused += 1;
        reasons.set(entry.email, reasons.get(entry.email) ?? 'An invitation is already pending for this email');
        return;
      }
      try {
        await sendEmail(
          invitationEmail({
            to: entry.email,
            inviteeName: entry.name,
            inviterName,
            organizationName: organization.name,
            role: entry.role,
            acceptUrl: `${config().appUrl}/invite/accept?token=${token}`,
            validHours: INVITATION_TTL_MS / 3_600_000,
          }),
        );
      } catch (error) {
        log.error('invitation email not sent', { error, inviteId: invitation.inviteId });
        // Nobody holds this token: end the invitation so its seat comes back and the admin can retry.
        await endPendingInvitation(tenant, invitation, 'revoked', now, false);
        reasons.set(entry.email, 'The invitation email could not be sent; try again');
      }
    },
    { concurrency: CONCURRENCY },
  );
  await releaseInvitationSeats(tenant, unused);

  const results: InvitationResult[] = entries.map((entry, index) => {
    const reason = refused.get(`${index}`) ?? reasons.get(entry.email);
    return reason ? { email: entry.email, status: 'failed', reason } : { email: entry.email, status: 'sent' };
  });
  const sent = results.filter((result) => result.status === 'sent').length;
  const failed = results.length - sent;
  await refundEmailQuota(tenant, candidates.length - sent, now, log);
  const pendingNow = pending - (candidates.length - sent);
  return {
    success: true,
    invitations: { sent, failed, pending: Math.max(0, candidates.length > 0 ? pendingNow : organization.pendingInvitations) },
    results,
    message: `${sent} invitation${sent === 1 ? '' : 's'} sent${failed > 0 ? `, ${failed} failed` : ''}`,
  };
}

/** `GET /team/invitations`: what an admin sees; never the token or its hash. */
export async function listInvitationViews(tenant: TenantContext, now = new Date()) {
  const invitations = await listInvitations(tenant);
  return invitations.map((invitation) => ({
    inviteId: invitation.inviteId,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    githubUsername: invitation.githubUsername ?? null,
    status: effectiveStatus(invitation, now),
    invitedBy: invitation.invitedBy,
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
  }));
}
