import { verify } from '@octokit/webhooks-methods';
import { UnauthenticatedError, ValidationError } from '../errors';
import type { Headers } from '../http/request';
import { githubWebhookSecret } from './secrets';

/** GitHub's delivery GUID and event names; anything else in these headers is not GitHub. */
const DELIVERY_ID = /^[A-Za-z0-9-]{1,100}$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;

export interface VerifiedDelivery {
  readonly deliveryId: string;
  readonly event: string;
  readonly payload: object;
}

/**
 * Checks `X-Hub-Signature-256` (HMAC-SHA256 of the exact body with the app's
 * webhook secret) before anything of the body is parsed: an unsigned or
 * forged delivery is 401 and never read. Only then the headers and JSON.
 */
export async function verifyGithubDelivery(rawBody: string, headers: Headers): Promise<VerifiedDelivery> {
  const signature = headers['x-hub-signature-256'];
  if (!signature) throw new UnauthenticatedError('X-Hub-Signature-256 is required');
  // verify() refuses an empty payload outright; an empty body is unsigned whatever the header says.
  if (rawBody.length === 0 || !(await verify(await githubWebhookSecret(), rawBody, signature))) {
    throw new UnauthenticatedError('X-Hub-Signature-256 does not match the body');
  }
  const deliveryId = headers['x-github-delivery'] ?? '';
  const event = headers['x-github-event'] ?? '';
  const problems = [
    ...(DELIVERY_ID.test(deliveryId) ? [] : [{ path: 'x-github-delivery', message: 'Expected GitHub\'s delivery GUID' }]),
    ...(EVENT_NAME.test(event) ? [] : [{ path: 'x-github-event', message: 'Expected an event name' }]),
  ];
  if (problems.length > 0) throw new ValidationError('Not a GitHub webhook delivery', problems);
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    throw new ValidationError('Malformed JSON in request body', [{ path: 'body', message: 'Not valid JSON' }]);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ValidationError('A webhook payload is a JSON object', [{ path: 'body', message: 'Expected an object' }]);
  }
  return { deliveryId, event, payload };
}
