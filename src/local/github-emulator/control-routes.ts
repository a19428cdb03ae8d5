import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlAnswer } from './app-controls';
import { FaultRequest, type Faults, type Stats } from './controls';

/**
 * `/_emulator/*`, for tests (never counted, faulted or rate limited):
 *
 * - `POST /_emulator/faults` `{ mode, delayMs?, remaining?, times?, resetAfterMs? }` → 200 the fault now in force
 * - `GET /_emulator/faults` → the fault in force
 * - `GET /_emulator/stats` → `{ total, byStatus, byRoute, requests }`
 * - `POST /_emulator/stats/reset` → 204
 * - `POST /_emulator/organizations` `{ login, copyOf, name? }` → 201 `{ login, id, repositories }`: a new organization
 *   with a copy of `copyOf`'s members, owners, repositories and their activity (organization-copies.ts); 400 for a
 *   login GitHub would refuse, 404 for a `copyOf` that is no organization, 409 for a login taken
 * - with an app, the controls of app-controls.ts
 */
const MAX_BODY_BYTES = 64 * 1024;

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SyntaxError('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  parts: { readonly faults: Faults; readonly stats: Stats; readonly more?: ((route: string, body: unknown) => ControlAnswer | undefined) | undefined },
): Promise<void> {
  const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
  if (route === 'GET /_emulator/stats') return json(response, 200, parts.stats.snapshot());
  if (route === 'POST /_emulator/stats/reset') {
    parts.stats.reset();
    response.writeHead(204).end();
    return;
  }
  if (route === 'GET /_emulator/faults') return json(response, 200, parts.faults.describe(Date.now()));
  if (route === 'POST /_emulator/faults') {
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return json(response, 400, { message: 'The body must be JSON' });
    }
    const parsed = FaultRequest.safeParse(body);
    if (!parsed.success) {
      return json(response, 400, { message: 'Invalid fault', errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
    }
    parts.faults.set(parsed.data, Date.now());
    return json(response, 200, parts.faults.describe(Date.now()));
  }
  if (parts.more) {
    let body: unknown;
    try {
      body = request.method === 'POST' ? await readJson(request) : undefined;
    } catch {
      return json(response, 400, { message: 'The body must be JSON' });
    }
    const answered = parts.more(route, body);
    if (answered) {
      if (answered.body === undefined) {
        response.writeHead(answered.status).end();
        return;
      }
      return json(response, answered.status, answered.body);
    }
  }
  return json(response, 404, { message: 'Not Found' });
}
