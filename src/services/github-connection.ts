import { createHash, randomBytes } from 'node:crypto';
import { config } from '../config';
import { composeState, CONNECT_STATE_TTL_MS, encodeStatePayload, isStateExpired, splitState } from '../domain/github-connect-state';
import { ValidationError } from '../errors';
import type { TenantContext } from '../guard/tenant-context';
import {
  exchangeSetupCode,
  GithubCodeRejectedError,
  installationRateLimit,
  installUrl,
  readInstallation,
  userCanAccessInstallation,
} from '../integrations/github/app';
import {
  bindInstallation,
  connectionOf,
  connectionWithSync,
  consumeConnectState,
  saveConnectState,
  unbindInstallation,
  type GithubAccount,
} from '../repositories/github-connections';
import { logger } from '../http/logger';
import { requestSync, sqsSyncQueue } from './organization-sync';
import { sign, signatureMatches } from './secret-box';
import { scheduleDailySync, unscheduleDailySync } from './sync-schedule';

const STATE_PURPOSE = 'github-connect-state';

const hashOf = (state: string) => createHash('sha256').update(state).digest('base64url');

/** Every refusal of a callback reads the same, so a caller learns nothing about which check failed. */
const refused = (reason: string) =>
  new ValidationError('This GitHub connection link is not valid; start again from the settings', [{ path: 'state', message: reason }]);

/** A signed, single-use, ten-minute state bound to the organization and the admin, and GitHub's install URL carrying it. */
export async function startConnect(admin: TenantContext, now = new Date()): Promise<{ installUrl: string }> {
  const expiresAt = new Date(now.getTime() + CONNECT_STATE_TTL_MS);
  const payload = encodeStatePayload({ orgId: admin.orgId, nonce: randomBytes(16).toString('base64url'), expiresAt: expiresAt.getTime() });
  const state = composeState(payload, await sign(STATE_PURPOSE, payload));
  await saveConnectState(admin, hashOf(state), expiresAt);
  return { installUrl: installUrl(state) };
}

export interface CallbackInput {
  readonly installationId: number;
  readonly code: string;
  readonly state: string;
}

/**
 * GitHub's setup redirect: the state names the organization and is used up
 * first; then GitHub itself says who installed (the code's user) and that
 * this user can access the installation, and what the installation is.
 */
export async function completeConnect(input: CallbackInput, now = new Date()): Promise<GithubAccount> {
  const parts = splitState(input.state);
  if (!parts || !(await signatureMatches(STATE_PURPOSE, parts.encodedPayload, parts.signature))) throw refused('forged');
  if (isStateExpired(parts.payload, now)) throw refused('expired');
  const adminId = await consumeConnectState(parts.payload.orgId, hashOf(input.state), now);
  if (adminId === undefined) throw refused('used, expired or unknown');

  let userToken: string;
  try {
    userToken = await exchangeSetupCode(input.code);
  } catch (error) {
    if (error instanceof GithubCodeRejectedError) throw refused('GitHub did not accept the code');
    throw error;
  }
  if (!(await userCanAccessInstallation(userToken, input.installationId))) throw refused('the installing user cannot access this installation');
  const installation = await readInstallation(input.installationId);
  if (!installation) throw refused('no such installation');

  const admin: TenantContext = { orgId: parts.payload.orgId, userId: adminId, role: 'admin' };
  await bindInstallation(
    admin,
    {
      installationId: installation.id,
      account: installation.account,
      repositorySelection: installation.repositorySelection,
      connectedAt: now.toISOString(),
      connectedBy: adminId,
    },
    now,
  );
  // Connecting starts the first sync (contract "Sync"). The binding stands even if the queue is out of reach:
  // POST /sync or the daily schedule starts it then.
  await requestSync(admin, installation.id, sqsSyncQueue, now).catch((error: unknown) =>
    logger.error('The first sync could not be queued', { orgId: admin.orgId, installationId: installation.id, error }),
  );
  // Connecting again replaces the schedule, so it always names the installation bound now.
  await scheduleDailySync(admin, installation.id);
  return installation.account;
}

export function settingsPageUrl(): string {
  return `${config().appUrl}/settings/github`;
}

export async function describeConnection(tenant: TenantContext) {
  const { connection, sync } = await connectionWithSync(tenant);
  if (!connection) return { connected: false as const };
  return {
    connected: true as const,
    account: { login: connection.account.login, type: connection.account.type },
    repositorySelection: connection.repositorySelection,
    installationId: connection.installationId,
    rateLimit: (await installationRateLimit(connection.installationId)) ?? null,
    // When the last sync finished, even while another runs (GET /sync has the rest).
    lastSync: sync?.lastFinishedAt ?? sync?.finishedAt ?? null,
  };
}

/** Disconnects; not connected is already the outcome asked for. */
export async function disconnect(tenant: TenantContext, now = new Date()): Promise<void> {
  const connection = await connectionOf(tenant);
  if (connection) await unbindInstallation(tenant, connection.installationId, now);
  await unscheduleDailySync(tenant);
}
