import { createHmac, randomUUID } from 'node:crypto';
import type { GithubApp } from './github-app';

/**
 * Webhook deliveries to the app's webhook URL, as GitHub sends them: a
 * POST of the JSON payload with `X-GitHub-Event`, `X-GitHub-Delivery` (a
 * GUID), `X-Hub-Signature-256` (`sha256=` HMAC of the raw body with the
 * webhook secret) and `X-Hub-Signature` (SHA-1), asynchronously after the
 * change that caused it. Every delivery is kept for `GET /_emulator/webhooks`
 * and for the app's deliveries log (`/app/hook/deliveries`, hook-delivery-routes.ts),
 * with what was sent and answered, so that it can be redelivered.
 */
export interface Delivery {
  /** The GUID of `X-GitHub-Delivery`; a redelivery keeps it (it names the event, not the attempt). */
  readonly id: string;
  readonly event: string;
  readonly action: string | undefined;
  readonly deliveredAt: string;
  /** The receiver's status; null while pending or when it could not be reached (`error`). */
  status: number | null;
  error: string | null;
}

/** One attempt, as the deliveries log tells it. */
export interface Attempt {
  /** GitHub's numeric delivery id, new for every attempt. */
  readonly number: number;
  readonly delivery: Delivery;
  readonly redelivery: boolean;
  readonly installationId: number | null;
  readonly repositoryId: number | null;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly body: string;
  /** Seconds, as GitHub reports it. */
  duration: number;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
}

const TIMEOUT_MS = 10_000;
const KEPT = 1000;
const FIRST_DELIVERY_NUMBER = 12_000_000_001;

export function signatureOf(secret: string, body: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

const idIn = (payload: Record<string, unknown>, key: string) => {
  const id = (payload[key] as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : null;
};

export class Webhooks {
  private readonly log: Delivery[] = [];
  private readonly attempts: Attempt[] = [];
  private readonly pending = new Set<Promise<void>>();
  private nextNumber = FIRST_DELIVERY_NUMBER;

  constructor(private readonly app: GithubApp) {}

  /** Sends one event (without waiting for it); its record, or undefined when the app has no webhook URL. */
  deliver(event: string, payload: Record<string, unknown>): Delivery | undefined {
    const url = this.app.webhookUrl;
    if (!url) return undefined;
    const body = JSON.stringify(payload);
    const guid = randomUUID();
    const requestHeaders = {
      accept: '*/*',
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/emulator',
      'x-github-event': event,
      'x-github-delivery': guid,
      'x-github-hook-id': String(this.app.id),
      'x-github-hook-installation-target-id': String(this.app.id),
      'x-github-hook-installation-target-type': 'integration',
      'x-hub-signature': signatureOf(this.app.webhookSecret, body, 'sha1'),
      'x-hub-signature-256': signatureOf(this.app.webhookSecret, body),
    };
    const action = typeof payload['action'] === 'string' ? payload['action'] : undefined;
    return this.send({ event, action, guid, url, requestHeaders, body, redelivery: false, installationId: idIn(payload, 'installation'), repositoryId: idIn(payload, 'repository') });
  }

  /** Sends an attempt's request again, the same body, headers and GUID (GitHub's redelivery); undefined for an unknown number. */
  redeliver(number: number): Attempt | undefined {
    const original = this.attempt(number);
    if (!original) return undefined;
    const { delivery, url, requestHeaders, body, installationId, repositoryId } = original;
    this.send({ event: delivery.event, action: delivery.action, guid: delivery.id, url, requestHeaders, body, redelivery: true, installationId, repositoryId });
    return this.attempts[this.attempts.length - 1];
  }

  private send(request: {
    event: string; action: string | undefined; guid: string; url: string; requestHeaders: Record<string, string>; body: string;
    redelivery: boolean; installationId: number | null; repositoryId: number | null;
  }): Delivery {
    const delivery: Delivery = { id: request.guid, event: request.event, action: request.action, deliveredAt: new Date().toISOString(), status: null, error: null };
    const attempt: Attempt = {
      number: this.nextNumber++, delivery, redelivery: request.redelivery, installationId: request.installationId, repositoryId: request.repositoryId,
      url: request.url, requestHeaders: request.requestHeaders, body: request.body, duration: 0, responseHeaders: null, responseBody: null,
    };
    this.keep(this.log, delivery);
    this.keep(this.attempts, attempt);
    const started = performance.now();
    const sending = fetch(request.url, { method: 'POST', headers: request.requestHeaders, body: request.body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(async (response) => {
        delivery.status = response.status;
        attempt.responseHeaders = Object.fromEntries(response.headers);
        attempt.responseBody = await response.text();
      })
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        attempt.duration = Math.round(performance.now() - started) / 1000;
        this.pending.delete(sending);
      });
    this.pending.add(sending);
    return delivery;
  }

  private keep<T>(list: T[], entry: T): void {
    list.push(entry);
    if (list.length > KEPT) list.splice(0, list.length - KEPT);
  }

  deliveries(): readonly Delivery[] {
    return [...this.log];
  }

  /** Every attempt kept, newest first (the deliveries log's order). */
  history(): readonly Attempt[] {
    return [...this.attempts].reverse();
  }

  attempt(number: number): Attempt | undefined {
    return this.attempts.find((entry) => entry.number === number);
  }

  /** Resolves once every delivery sent so far has been answered (or failed). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
