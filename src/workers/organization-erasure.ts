import { queueHandler } from '../background/queue-handler';
import { job } from '../jobs';
import { eraseOrganization } from '../services/organization-erasure';

/** The `organization-erasure` queue's worker: one organization per message (src/services/organization-erasure.ts). */
export const handler = queueHandler(job('organization-erasure'), async ({ message, log }) => eraseOrganization(message.orgId, log));
