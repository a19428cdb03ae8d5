import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import type { PendingSignup } from '../repositories/accounts';
import type { TransactItem } from '../repositories/dynamo';
import { discardItemsOf, releaseReservationsOf } from '../repositories/pending-signups';

/**
 * Taking over the address or name of unverified signups (expired, or proved
 * by an invitation): their items are deleted in the same transaction that
 * creates the new account, so the takeover is all or nothing; once it has
 * committed, `finish` releases the stale reservations nobody took and
 * deletes the stale Cognito users. A step of `finish` that fails is logged:
 * what it leaves can neither sign in nor hold an address or a name.
 */
export interface Takeover {
  readonly discard: readonly TransactItem[];
  finish(log: Logger): Promise<void>;
}

export async function takeOver(candidates: readonly (PendingSignup | undefined)[]): Promise<Takeover> {
  const signups = [...new Map(candidates.flatMap((signup) => (signup ? [[signup.userId, signup] as const] : []))).values()];
  const discard = (await Promise.all(signups.map(discardItemsOf))).flat();
  return {
    discard,
    finish: async (log) => {
      const steps = signups.flatMap((signup) => [releaseReservationsOf(signup), cognito.deleteUser(signup.userId)]);
      for (const outcome of await Promise.allSettled(steps)) {
        if (outcome.status === 'rejected') log.warn('stale signup not fully removed', { error: outcome.reason });
      }
      for (const signup of signups) log.info('stale signup taken over', { userId: signup.userId, orgId: signup.organizationId });
    },
  };
}
