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
