import { clientKeyOf, mayTryCode, newPendingCode, RESEND_INTERVAL_MS, VERIFICATION_CODE_TTL_MS, verificationCodeMatches } from '../domain/verification-code';
import { WrongCodeError } from '../errors';
import type { Logger } from '../http/logger';
import { confirmUser } from '../integrations/cognito';
import { hasPendingSignupExpired } from '../domain/pending-signup';
import { activatePendingAccount, findAccountByEmail, type Account } from '../repositories/accounts';
import { claimVerificationAttempt, replaceVerificationCode } from '../repositories/verification-codes';
import { loadUserWithMemberships } from '../repositories/memberships';
import { sendEmail } from '../integrations/email';
import { verificationEmail } from '../integrations/email-templates';

// One answer for an unknown email, a wrong code, an expired code and too many tries.
const invalidCode = () =>
  new WrongCodeError('Invalid or expired verification code', [
    { path: 'code', message: 'Invalid or expired; request a new code if needed' },
  ]);

/**
 * Attempts are counted per code and per client (`mayTryCode`): a stranger's
 * wrong guesses spend the code's attempts, but the owner's first try with
 * the emailed code still counts.
 */
/** The code of an account that still waits for it; none once the signup expired (its address may be taken over). */
function pendingCodeOf(account: Account | undefined, now: Date) {
  if (account?.status !== 'pending_verification' || !account.userId) return undefined;
  return hasPendingSignupExpired(account.pendingUntil, now) ? undefined : account.verification;
}

export async function verifyEmail(email: string, code: string, sourceIp: string, now = new Date()): Promise<void> {
  const account = await findAccountByEmail(email);
  const pending = pendingCodeOf(account, now);
  if (!account?.userId || !pending) throw invalidCode();
  const client = clientKeyOf(sourceIp);
  if (pending.expiresAt <= now.getTime() || !mayTryCode(pending, client)) throw invalidCode();
  if (!(await claimVerificationAttempt(email, pending.codeHash, client))) throw invalidCode();
  if (!verificationCodeMatches(account.userId, code, pending.codeHash)) throw invalidCode();
  await confirmUser(account.userId, email);
  // False only when a parallel request with the same code activated it first: verified either way.
  await activatePendingAccount(account, now, pending.codeHash);
}

/**
 * Always succeeds from the caller's view; sends a code only to a pending
 * account, once per window. A new code comes with fresh attempts: the
 * guesses spent on the old one cannot keep its owner out.
 */
export async function resendVerification(email: string, log: Logger, now = new Date()): Promise<void> {
  const account = await findAccountByEmail(email);
  const previous = pendingCodeOf(account, now);
  if (!account?.userId || !previous || now.getTime() - previous.sentAt < RESEND_INTERVAL_MS) return;
  const { code, pending } = newPendingCode(account.userId, now);
  if (!(await replaceVerificationCode(email, pending, previous.sentAt))) return;
  const { profile } = await loadUserWithMemberships(account.userId);
  await sendVerificationCode(email, profile?.name ?? 'there', code, log);
}

/** A failed send is logged, not fatal: the account exists and resend-verification recovers. */
export async function sendVerificationCode(email: string, name: string, code: string, log: Logger): Promise<void> {
  try {
    await sendEmail(verificationEmail({ to: email, name, code, validHours: VERIFICATION_CODE_TTL_MS / 3_600_000 }));
  } catch (error) {
    log.error('verification email not sent', { error });
  }
}
