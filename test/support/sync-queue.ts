import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../src/repositories/dynamo';
import { tenantKeys } from '../../src/repositories/keys';
import type { GithubSyncMessage } from '../../src/schemas/sync';
import { runSyncMessage, type SyncQueue } from '../../src/services/organization-sync';

/**
 * The sync's queue as a list a test drains by hand (SQS itself, through
 * the local consumer, is tested on its own and in the stack).
 */
export class ListQueue implements SyncQueue {
  readonly sent: { message: GithubSyncMessage; delaySeconds: number | undefined }[] = [];
  async send(message: GithubSyncMessage, delaySeconds?: number) {
    this.sent.push({ message, delaySeconds });
  }
  async sendMany(messages: readonly GithubSyncMessage[]) {
    for (const message of messages) this.sent.push({ message, delaySeconds: undefined });
  }
  take(): GithubSyncMessage[] {
    return this.sent.splice(0).map((entry) => entry.message);
  }
}

/** Runs what the queue holds, and what that queues, until it is empty. */
export async function drain(queue: ListQueue): Promise<void> {
  for (let messages = queue.take(); messages.length > 0; messages = queue.take()) {
    for (const message of messages) await runSyncMessage(message, queue);
  }
}

/**
 * A fresh organization, connected to `installationId` as the callback would
 * record it (the worker drops the jobs of an organization that is not, or
 * no longer, connected to the installation they name).
 */
export async function connectedOrganization(installationId: number, prefix = 'org_sync'): Promise<{ orgId: string }> {
  const org = { orgId: `${prefix}_${randomBytes(4).toString('hex')}` };
  const connection = { installationId, account: { login: 'techstartup', id: 1, type: 'Organization' }, repositorySelection: 'all', connectedAt: new Date().toISOString(), connectedBy: 'usr_test' };
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...tenantKeys.githubConnection(org), ...connection } }));
  return org;
}
