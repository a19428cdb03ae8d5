import { verify } from '@octokit/webhooks-methods';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedOn, startApp, WEBHOOK_SECRET, type StartedApp } from './app-fixture';

/** The app's webhook deliveries log and redelivery, as GitHub's /app/hook/deliveries endpoints answer them. */
let started: StartedApp;
let installationId: number;

/** The properties of GitHub's `hook-delivery-item` schema (@octokit/openapi-types), less the optional `throttled_at`. */
const ITEM_FIELDS = ['action', 'delivered_at', 'duration', 'event', 'guid', 'id', 'installation_id', 'redelivery', 'repository_id', 'status', 'status_code'];

beforeEach(async () => {
  started = await startApp();
  installationId = await installedOn(started, 'acme');
  await started.control('POST', '/commits', { repo: 'acme/app', author: 'ben', message: 'feat: live' });
  await started.receiver.next();
  await started.emulator.webhooks.idle();
});

afterEach(async () => {
  await started.stop();
});

const app = () => started.appOctokit();

describe('GET /app/hook/deliveries', () => {
  it('It should list the deliveries newest first with the fields of GitHub\'s hook-delivery-item', async () => {
    const { data } = await app().rest.apps.listWebhookDeliveries();

    expect(data.map((entry) => entry.event)).toEqual(['push', 'installation']);
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(ITEM_FIELDS);
    expect(data[0]).toMatchObject({
      guid: started.emulator.webhooks.deliveries()[1]?.id, redelivery: false, status: 'OK', status_code: 202, action: null,
      installation_id: installationId, repository_id: started.emulator.store.repositories.get('acme/app')?.id,
    });
    expect(data[1]).toMatchObject({ event: 'installation', action: 'created', repository_id: null });
  });

  it('It should page with a cursor and a link to the next page only', async () => {
    const first = await app().rest.apps.listWebhookDeliveries({ per_page: 1 });
    const all = await app().paginate(app().rest.apps.listWebhookDeliveries, { per_page: 1 });

    expect(first.headers.link).toMatch(/^<[^>]*cursor=v1_\d+[^>]*>; rel="next"$/);
    expect(all.map((entry) => entry.event)).toEqual(['push', 'installation']);
  });

  it.each([
    ['success', ['push', 'installation']],
    ['failure', []],
  ] as const)('It should filter the deliveries by status %s, on the status code\'s range', async (status, events) => {
    const { data } = await app().rest.apps.listWebhookDeliveries({ status });

    expect(data.map((entry) => entry.event)).toEqual(events);
  });

  it('It should refuse a caller without the app\'s JWT with 401', async () => {
    const response = await fetch(`${started.emulator.url}/app/hook/deliveries`, { headers: { authorization: 'token operator' } });

    expect(response.status).toBe(401);
  });
});

describe('GET /app/hook/deliveries/{delivery_id}', () => {
  it('It should answer one delivery with the request sent and the response received', async () => {
    const [latest] = (await app().rest.apps.listWebhookDeliveries()).data;

    const { data } = await app().rest.apps.getWebhookDelivery({ delivery_id: Number(latest?.id) });

    expect(data).toMatchObject({ id: latest?.id, guid: latest?.guid, event: 'push', url: started.receiver.url, response: { payload: '' } });
    expect(data.request.headers).toMatchObject({ 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': latest?.guid, 'content-type': 'application/json' });
    expect(data.request.payload).toMatchObject({ ref: 'refs/heads/main', installation: { id: installationId } });
  });

  it('It should answer 404 for a delivery it never made', async () => {
    await expect(app().rest.apps.getWebhookDelivery({ delivery_id: 1 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('POST /app/hook/deliveries/{delivery_id}/attempts', () => {
  it('It should answer 202 and send the same payload again with the same X-GitHub-Delivery GUID', async () => {
    const [latest] = (await app().rest.apps.listWebhookDeliveries()).data;

    const response = await app().rest.apps.redeliverWebhookDelivery({ delivery_id: Number(latest?.id) });
    const again = await started.receiver.next();

    const original = await app().rest.apps.getWebhookDelivery({ delivery_id: Number(latest?.id) });

    expect(response.status).toBe(202);
    expect(JSON.parse(again.body)).toEqual(original.data.request.payload);
    expect(again.headers['x-github-delivery']).toBe(latest?.guid);
    expect(again.headers['x-github-event']).toBe('push');
    expect(await verify(WEBHOOK_SECRET, again.body, String(again.headers['x-hub-signature-256']))).toBe(true);
  });

  it('It should log the redelivery with a new id, the same guid and redelivery true', async () => {
    const [latest] = (await app().rest.apps.listWebhookDeliveries()).data;

    await app().rest.apps.redeliverWebhookDelivery({ delivery_id: Number(latest?.id) });
    await started.receiver.next();
    const [redelivered] = (await app().rest.apps.listWebhookDeliveries()).data;

    expect(redelivered).toMatchObject({ guid: latest?.guid, redelivery: true, event: 'push' });
    expect(redelivered?.id).not.toBe(latest?.id);
  });
});
