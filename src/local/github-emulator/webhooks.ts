import { createHmac, randomUUID } from 'node:crypto';
import type { GithubApp } from './github-app';

/**
 * Webhook deliveries to the app's webhook URL, as GitHub sends them: a
 * POST of the JSON payload with `X-GitHub-Event`, `X-GitHub-Delivery` (a
 * GUID), `X-Hub-Signature-256` (`sha256=` HMAC of the raw body with the
 * webhook secret) and `X-Hub-Signature` (SHA-1), asynchronously after the
 * change that caused it. Every delivery is kept for `GET /_emulator/webhooks`.
 */
export interface Delivery {
  readonly id: string;
  readonly event: string;
  readonly action: string | undefined;
  readonly deliveredAt: string;
  /** The receiver's status; null while pending or when it could not be reached (`error`). */
  status: number | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;
const KEPT = 1000;

export function signatureOf(secret: string, body: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

export class Webhooks {
  private readonly log: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly app: GithubApp) {}

  /** Sends one event (without waiting for it); its record, or undefined when the app has no webhook URL. */
  deliver(event: string, payload: Record<string, unknown>): Delivery | undefined {
    const url = this.app.webhookUrl;
    if (!url) return undefined;
    const body = JSON.stringify(payload);
    const delivery: Delivery = {
      id: randomUUID(), event, action: typeof payload['action'] === 'string' ? payload['action'] : undefined,
      deliveredAt: new Date().toISOString(), status: null, error: null,
    };
    this.log.push(delivery);
    if (this.log.length > KEPT) this.log.splice(0, this.log.length - KEPT);
    const sending = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/emulator',
        'x-github-event': event,
        'x-github-delivery': delivery.id,
        'x-github-hook-id': String(this.app.id),
        'x-github-hook-installation-target-id': String(this.app.id),
        'x-github-hook-installation-target-type': 'integration',
        'x-hub-signature': signatureOf(this.app.webhookSecret, body, 'sha1'),
        'x-hub-signature-256': signatureOf(this.app.webhookSecret, body),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
      .then(async (response) => {
        delivery.status = response.status;
        await response.body?.cancel();
      })
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
    return delivery;
  }

  deliveries(): readonly Delivery[] {
    return [...this.log];
  }

  /** Resolves once every delivery sent so far has been answered (or failed). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
