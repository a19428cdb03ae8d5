import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_TTL_MS = 24 * 60 * 60 * 1000;

/** 256 random bits, URL-safe: it travels only inside the invitation email's link. */
export function generateInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash; a leaked table does not leak working links. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * One invitation per email per organization: the id is derived from both, so
 * a second invitation to the same person lands on the same item and its
 * condition can see the first one.
 */
export function invitationIdFor(orgId: string, email: string): string {
  return `inv_${createHash('sha256').update(`${orgId}:${email.toLowerCase()}`).digest('base64url').slice(0, 22)}`;
}
