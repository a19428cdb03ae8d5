import { queueHandler } from '../background/queue-handler';
import { job } from '../jobs';
import { writeQueuedAccesses } from '../services/access-log';

/** The `access-log` queue's worker: the entries one read queued (src/services/access-log.ts). */
export const handler = queueHandler(job('access-log'), async ({ message, log }) => writeQueuedAccesses(message, log));
