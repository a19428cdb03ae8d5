import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stack } from '../support/stack';
import { deliveriesInPartitionOf, localWebhookSecret, postDelivery, signatureOf, storedDelivery } from '../support/webhooks';

/** An installation id no other test uses, so its partition holds only this test's deliveries. */
const freshInstallationId = () => 900_000_000 + Math.floor(Math.random() * 99_999_999);

const pushPayload = (installationId: number) =>
  JSON.stringify({
    ref: 'refs/heads/main',
    installation: { id: installationId },
    repository: { full_name: 'acme/site' },
    sender: { login: 'ada' },
  });

async function emulator<T = any>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, stack().githubUrl), {
    method: init.method ?? 'GET',
    ...(init.json !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

/** The emulator sends after answering; its log shows the API's status once the API has answered. */
async function answeredDelivery(id: string): Promise<{ status: number | null; error: string | null }> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { body } = await emulator<{ id: string; status: number | null; error: string | null }[]>('/_emulator/webhooks');
    const found = body.find((delivery) => delivery.id === id);
    if (found && (found.status !== null || found.error !== null)) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The emulator never finished delivery ${id}`);
}

describe('POST /webhooks/github', () => {
  it('records the push GitHub delivers when a commit lands on an installed repository', async () => {
    const installed = await emulator<{ id: number }>('/_emulator/installations', { method: 'POST', json: { account: 'frank-dev' } });
    expect(installed.status).toBe(201);
    const pushed = await emulator<{ sha: string; deliveries: string[] }>('/_emulator/commits', {
      method: 'POST',
      json: { repo: 'frank-dev/scripts', author: 'frank-dev', message: 'Faster scripts' },
    });
    expect(pushed.status).toBe(201);
    const [deliveryId] = pushed.body.deliveries;
    expect(deliveryId).toBeDefined();

    expect(await answeredDelivery(deliveryId ?? '')).toMatchObject({ status: 202, error: null });
    const stored = await storedDelivery(installed.body.id, deliveryId ?? '');
    expect(stored).toMatchObject({ deliveryId, event: 'push', installationId: installed.body.id, repository: 'frank-dev/scripts' });
    expect(JSON.parse(String(stored?.['payload']))).toMatchObject({ after: pushed.body.sha });
    expect(Number(stored?.['ttl']) * 1000).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it('refuses a delivery signed with another secret with 401 and stores nothing', async () => {
    const installationId = freshInstallationId();
    const body = pushPayload(installationId);
    const response = await postDelivery({ body, signature: signatureOf('not-the-webhook-secret', body) });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
    expect(await deliveriesInPartitionOf(installationId)).toEqual([]);
  });

  it('refuses a delivery without X-Hub-Signature-256 with 401 and stores nothing', async () => {
    const installationId = freshInstallationId();
    const response = await postDelivery({ body: pushPayload(installationId), signature: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: 'UNAUTHENTICATED' });
    expect(await deliveriesInPartitionOf(installationId)).toEqual([]);
  });

  it('refuses a body changed after signing with 401 and stores nothing', async () => {
    const installationId = freshInstallationId();
    const body = pushPayload(installationId);
    const tampered = body.replace('acme/site', 'acme/evil');
    const response = await postDelivery({ body: tampered, signature: signatureOf(localWebhookSecret(), body) });
    expect(response.status).toBe(401);
    expect(await deliveriesInPartitionOf(installationId)).toEqual([]);
  });

  it('stores a redelivery (the same X-GitHub-Delivery) once, answering 202 both times', async () => {
    const installationId = freshInstallationId();
    const deliveryId = randomUUID();
    const body = pushPayload(installationId);
    const first = await postDelivery({ body, deliveryId });
    const again = await postDelivery({ body, deliveryId });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(first.body).toEqual({ success: true });
    const stored = await deliveriesInPartitionOf(installationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ deliveryId, event: 'push', repository: 'acme/site', senderLogin: 'ada' });
  });

  it('refuses a correctly signed body that is not JSON with 400 and stores nothing', async () => {
    const deliveryId = randomUUID();
    const response = await postDelivery({ body: 'installation=1&not=json', deliveryId });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(await storedDelivery(undefined, deliveryId)).toBeUndefined();
  });

  it('records an event type it does not know, as GitHub sends many', async () => {
    const installationId = freshInstallationId();
    const deliveryId = randomUUID();
    const body = JSON.stringify({ action: 'created', installation: { id: installationId }, starred_at: null });
    expect((await postDelivery({ body, deliveryId, event: 'star' })).status).toBe(202);
    expect(await storedDelivery(installationId, deliveryId)).toMatchObject({ event: 'star', action: 'created' });
  });

  it('keeps only the summary of a large payload', async () => {
    const installationId = freshInstallationId();
    const deliveryId = randomUUID();
    const body = JSON.stringify({ installation: { id: installationId }, repository: { full_name: 'acme/big' }, commits: [{ message: 'x'.repeat(100_000) }] });
    expect((await postDelivery({ body, deliveryId })).status).toBe(202);
    const stored = await storedDelivery(installationId, deliveryId);
    expect(stored).toMatchObject({ repository: 'acme/big', payloadBytes: Buffer.byteLength(body) });
    expect(stored).not.toHaveProperty('payload');
  });
});
