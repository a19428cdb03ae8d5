import pMap from 'p-map';
import { hasPendingSignupExpired, sweepDays } from '../domain/pending-signup';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { findAccountByEmail } from '../repositories/accounts';
import {
  discardItemsOf,
  findExpiredSignups,
  forgetPendingSignupEntry,
  releaseNameOf,
  removeExpiredSignup,
  type ExpiringSignup,
} from '../repositories/pending-signups';

/** What one sweep did, logged as one line and returned to whoever ran it. */
export interface SweepCounts {
  /** Index entries read. */
  readonly examined: number;
  /** Expired signups removed: organization, user, reservations, Cognito user. */
  readonly swept: number;
  /** Entries whose signup was verified, taken over or removed already: dropped from the index. */
  readonly forgotten: number;
  /** Entries left for the next run: not expired after all, or changed by someone else meanwhile. */
  readonly kept: number;
  readonly failed: number;
  /** True when the run stopped at its limit with entries left: the next run goes on. */
  readonly more: boolean;
}

export interface SweepLimits {
  /** Entries one run examines at most, so a run ends well inside its Lambda's timeout. */
  readonly maxEntries: number;
  readonly concurrency: number;
}

/** 200 entries at 4 at a time take about 5 s locally; the worker has 60. */
export const SWEEP_LIMITS: SweepLimits = { maxEntries: 200, concurrency: 4 };

type Outcome = 'swept' | 'forgotten' | 'kept' | 'failed';

/**
 * Removes signups that expired unverified and that nobody took over: the
 * takeover (`./pending-signups.ts`) frees an address or a name someone
 * wants; this frees the rest. Idempotent, and safe beside another sweep,
 * a verification or a takeover: it acts only through conditional writes on
 * the account still being this signup's, pending and expired.
 */
export async function sweepExpiredSignups(log: Logger, now = new Date(), limits: SweepLimits = SWEEP_LIMITS): Promise<SweepCounts> {
  const due: ExpiringSignup[] = [];
  let more = false;
  for (const day of sweepDays(now)) {
    if (due.length >= limits.maxEntries) {
      more = true;
      break;
    }
    const page = await findExpiredSignups(day, now, limits.maxEntries - due.length);
    due.push(...page.signups);
    more = page.more;
  }
  const outcomes = await pMap(due, (signup) => sweepOne(signup, now, log), { concurrency: limits.concurrency });
  const count = (outcome: Outcome) => outcomes.filter((each) => each === outcome).length;
  return { examined: due.length, swept: count('swept'), forgotten: count('forgotten'), kept: count('kept'), failed: count('failed'), more };
}

async function sweepOne(signup: ExpiringSignup, now: Date, log: Logger): Promise<Outcome> {
  try {
    const account = await findAccountByEmail(signup.email);
    if (account?.status !== 'pending_verification' || account.userId !== signup.userId) {
      await forgetPendingSignupEntry(signup);
      return 'forgotten';
    }
    if (!hasPendingSignupExpired(account.pendingUntil, now)) return 'kept';
    // An expired signup can no longer be verified, so its Cognito user goes whatever happens next (a
    // takeover deletes it too); first, so that a run failing after it leaves nobody who could sign in.
    await cognito.deleteUser(signup.userId);
    if (!(await removeExpiredSignup(signup, await discardItemsOf(signup), now))) return 'kept';
    // Conditional on the name still being this signup's: one a takeover gave to someone else stays.
    await releaseNameOf(signup);
    return 'swept';
  } catch (error) {
    log.warn('expired signup not swept', { userId: signup.userId, orgId: signup.organizationId, error });
    return 'failed';
  }
}
