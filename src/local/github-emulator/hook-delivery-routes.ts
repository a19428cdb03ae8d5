import { isoTime } from './identity';
import { pageRequest } from './pagination';
import { requireApp, type AppContext, type AppRoute } from './app-routes';
import { DOCS, notFound, type Answer } from './route-support';
import type { Attempt } from './webhooks';

/**
 * The app's webhook deliveries log (app JWT only): `GET /app/hook/deliveries`
 * (newest first, `per_page`, `status` and an opaque `cursor`, a `link` with
 * `rel="next"`; GitHub's also has a `prev` cursor, which nothing here needs), one delivery with its request and
 * response, and `POST …/attempts` → 202, which sends the same request again
 * with the same `X-GitHub-Delivery` GUID (it names the event; the numeric id
 * is the attempt's), recorded with `redelivery: true`.
 */
const HOOK_DOCS = `${DOCS}/apps/webhooks`;

/** GitHub's words for an attempt: `OK` for a 2xx, else what went wrong. */
function outcome(attempt: Attempt): { status: string; status_code: number } {
  const { status, error } = attempt.delivery;
  if (status !== null) return { status: status >= 200 && status < 300 ? 'OK' : `Invalid HTTP Response: ${status}`, status_code: status };
  return { status: error === null ? 'pending' : 'failed to connect to host', status_code: 0 };
}

function item(attempt: Attempt) {
  return {
    id: attempt.number,
    guid: attempt.delivery.id,
    delivered_at: isoTime(Date.parse(attempt.delivery.deliveredAt)),
    redelivery: attempt.redelivery,
    duration: attempt.duration,
    ...outcome(attempt),
    event: attempt.delivery.event,
    action: attempt.delivery.action ?? null,
    installation_id: attempt.installationId,
    repository_id: attempt.repositoryId,
  };
}

/** Header names as GitHub's log shows them (`X-GitHub-Hook-ID`); it keeps `content-type` as sent. */
const shownName = (name: string) =>
  name === 'content-type' ? name : name.split('-').map((part) => (part === 'github' ? 'GitHub' : part === 'id' ? 'ID' : part.charAt(0).toUpperCase() + part.slice(1))).join('-');

function attemptOf(context: AppContext): Attempt {
  requireApp(context);
  const number = Number(context.params['delivery_id']);
  const found = Number.isInteger(number) ? context.side.webhooks.attempt(number) : undefined;
  if (!found) throw notFound();
  return found;
}

function listDeliveries(context: AppContext): Answer {
  requireApp(context);
  const { perPage } = pageRequest(context.query);
  const before = Number(/^v1_(\d+)$/.exec(context.query.get('cursor') ?? '')?.[1] ?? Number.POSITIVE_INFINITY);
  // GitHub's `status`: `success` is a status_code of 200–399, `failure` 400–599.
  const wanted = context.query.get('status');
  const classified = (code: number) => (code >= 200 && code < 400 ? 'success' : code >= 400 && code < 600 ? 'failure' : undefined);
  const older = context.side.webhooks.history().filter(
    (attempt) => attempt.number < before && (wanted === null || classified(outcome(attempt).status_code) === wanted),
  );
  const page = older.slice(0, perPage);
  const last = page[page.length - 1];
  let link: string | undefined;
  if (last && older.length > perPage) {
    const next = new URL(context.url);
    next.searchParams.set('cursor', `v1_${last.number}`);
    link = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, body: page.map(item), link };
}

export const hookDeliveryRoutes: readonly AppRoute[] = [
  { method: 'GET', path: '/app/hook/deliveries', docs: `${HOOK_DOCS}#list-deliveries-for-an-app-webhook`, handle: listDeliveries },
  {
    method: 'GET', path: '/app/hook/deliveries/{delivery_id}', docs: `${HOOK_DOCS}#get-a-delivery-for-an-app-webhook`,
    handle: (context) => {
      const attempt = attemptOf(context);
      return {
        status: 200,
        body: {
          ...item(attempt),
          url: attempt.url,
          request: { headers: Object.fromEntries(Object.entries(attempt.requestHeaders).map(([name, value]) => [shownName(name), value])), payload: JSON.parse(attempt.body) as unknown },
          response: { headers: attempt.responseHeaders, payload: attempt.responseBody },
        },
      };
    },
  },
  {
    method: 'POST', path: '/app/hook/deliveries/{delivery_id}/attempts', docs: `${HOOK_DOCS}#redeliver-a-delivery-for-an-app-webhook`,
    handle: (context) => {
      context.side.webhooks.redeliver(attemptOf(context).number);
      return { status: 202, body: {} };
    },
  },
];
