import { queueHandler } from '../background/queue-handler';
import { job } from '../jobs';
import { runSyncMessage } from '../services/organization-sync';

/** The `github-sync` queue's worker: one listing or one repository per message (src/services/organization-sync.ts). */
export const handler = queueHandler(job('github-sync'), async ({ message }) => runSyncMessage(message));
