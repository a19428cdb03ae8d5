import pMap from 'p-map';
import type { Logger } from '../http/logger';
import * as cognito from '../integrations/cognito';
import { loadUserWithMemberships } from '../repositories/memberships';
import { accountKeysOf, deleteKeys, deliveryKeysOf, planErasure, type ErasedMember } from '../repositories/organization-erasure';
import { unscheduleDailySync } from './sync-schedule';

/** Accounts whose Cognito users and user partitions go at once, per run. */
const ACCOUNT_CONCURRENCY = 4;

/**
 * The erasure: first the lookups that let anyone in (memberships, so the
 * guard refuses every token of the organization from then on) or point at
 * it (GitHub login and installation lookups, invitation tokens, the name's
 * reservation); then every account left with no organization (Cognito user,
 * profile, session, email); the installation's webhook deliveries and the
 * daily sync's schedule; the partition last, the organization item at its
 * very end. Idempotent: a run that stops halfway is finished by the next.
 */
export async function eraseOrganization(orgId: string, log: Logger): Promise<void> {
  const plan = await planErasure({ orgId });
  if (!plan.requested) {
    log.warn('erasure of an organization nobody asked to erase refused', { orgId });
    return;
  }
  await deleteKeys(plan.lookupKeys);
  const accounts = await pMap(plan.members, async (member) => deleteAccountIfAlone(member), { concurrency: ACCOUNT_CONCURRENCY });
  if (plan.installationId !== undefined) await deleteKeys(await deliveryKeysOf(plan.installationId));
  await unscheduleDailySync({ orgId });
  await deleteKeys(plan.partitionKeys);
  // A sync job that was already running when the connection went may have written a last slice meanwhile.
  const leftovers = (await planErasure({ orgId })).partitionKeys;
  await deleteKeys(leftovers);
  const counts = { items: plan.partitionKeys.length + leftovers.length, lookups: plan.lookupKeys.length, accountsDeleted: accounts.filter(Boolean).length };
  log.info('organization erased', { orgId, ...counts });
}

/** A member with no other organization has no account left to use: it goes, Cognito user first so no one can sign in meanwhile. */
async function deleteAccountIfAlone(member: ErasedMember): Promise<boolean> {
  const { memberships } = await loadUserWithMemberships(member.userId);
  if (memberships.length > 0) return false;
  await cognito.deleteUser(member.userId);
  await deleteKeys(await accountKeysOf(member.userId, member.email));
  return true;
}
