import { describeDelivery } from '../../domain/github-delivery';
import { http } from '../../http/handler';
import { accepted } from '../../http/responses';
import { verifyGithubDelivery } from '../../integrations/github-webhooks';
import { recordGithubDelivery } from '../../repositories/github-deliveries';
import { route } from '../../routes';
import { queueRepositoryReadFor } from '../../services/github-activity-events';
import { applyInstallationEvent } from '../../services/github-installation-events';

/**
 * Records what GitHub sent and answers 202 at once (GitHub gives up after
 * 10 s). Every event type is recorded, known or not, and a redelivery is
 * answered 202 like the first. An uninstalled or suspended installation
 * disconnects its organization here; activity in a repository queues one
 * (debounced) read of that repository.
 */
export const handler = http(route('POST /webhooks/github'), async ({ body, headers, log }) => {
  const delivery = describeDelivery({ ...(await verifyGithubDelivery(body, headers)), rawBody: body, receivedAt: new Date() });
  const outcome = await recordGithubDelivery(delivery);
  // Also on a redelivery: it is idempotent, and the first copy may have failed after it was recorded.
  const disconnected = await applyInstallationEvent(delivery);
  const readQueued = await queueRepositoryReadFor(delivery);
  log.info('github delivery', { deliveryId: delivery.deliveryId, event: delivery.event, outcome, disconnected, readQueued });
  return accepted({ success: true });
});
