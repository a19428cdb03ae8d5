import { describeDelivery } from '../../domain/github-delivery';
import { http } from '../../http/handler';
import { accepted } from '../../http/responses';
import { verifyGithubDelivery } from '../../integrations/github-webhooks';
import { recordGithubDelivery } from '../../repositories/github-deliveries';
import { route } from '../../routes';

/**
 * Records what GitHub sent and answers 202 at once (GitHub gives up after
 * 10 s); the sync consumes the record. Every event type is recorded, known
 * or not, and a redelivery is answered 202 like the first.
 */
export const handler = http(route('POST /webhooks/github'), async ({ body, headers, log }) => {
  const delivery = await verifyGithubDelivery(body, headers);
  const outcome = await recordGithubDelivery(describeDelivery({ ...delivery, rawBody: body, receivedAt: new Date() }));
  log.info('github delivery', { deliveryId: delivery.deliveryId, event: delivery.event, outcome });
  return accepted({ success: true });
});
