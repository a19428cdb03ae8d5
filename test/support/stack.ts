import { request as httpRequest } from 'node:http';
import { inject } from 'vitest';
import type { StackInfo } from './provided';

/** Where the shared local stack runs (started once by the global setup). */
export function stack(): StackInfo {
  return inject('stack');
}

export interface ApiResponse<Body = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response says it is JSON, else the text. */
  readonly body: Body;
}

export interface ApiRequest extends Omit<RequestInit, 'body'> {
  /** Sent as JSON, with its content type. */
  readonly json?: unknown;
  readonly body?: RequestInit['body'];
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Another API than the shared stack's (e.g. a test's private one). */
  readonly baseUrl?: string;
  /**
   * The local address to connect from (any of 127.0.0.0/8), so the API sees
   * another client IP: for tests of limits that are kept per client.
   */
  readonly from?: string;
}

/** A fresh loopback address, i.e. a client IP no other test uses. */
export function newClientAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}

/** fetch cannot choose its local address; node:http can. */
function sendFrom(localAddress: string, url: URL, init: { method: string; headers: Headers; body?: string }) {
  return new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method,
        headers: Object.fromEntries(init.headers),
        localAddress,
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('error', reject);
        incoming.once('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve({ status: incoming.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    outgoing.once('error', reject);
    outgoing.end(init.body);
  });
}

/** Calls the local API at `path`; never throws on an error status. */
export async function api<Body = any>(path: string, request: ApiRequest = {}): Promise<ApiResponse<Body>> {
  const { json, token, baseUrl, from, headers: given, ...init } = request;
  const headers = new Headers(given);
  if (json !== undefined) headers.set('content-type', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  const url = new URL(path, baseUrl ?? stack().apiUrl);
  const body = json !== undefined ? JSON.stringify(json) : undefined;
  const response = from
    ? await sendFrom(from, url, { method: init.method ?? 'GET', headers, body })
    : await fetch(url, { ...init, headers, ...(body !== undefined ? { body } : {}) }).then(async (answer) => ({
        status: answer.status,
        headers: answer.headers,
        text: await answer.text(),
      }));
  const { text } = response;
  const isJson = response.headers.get('content-type')?.includes('json') && text.length > 0;
  return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(text) : text) as Body };
}

/** An email as the SES emulator keeps it (`GET /store`). */
export interface Email {
  readonly messageId: string;
  readonly from: string;
  readonly replyTo: string[];
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: { readonly filename: string; readonly contentType: string; readonly content: string; readonly size: number }[];
  /** Epoch seconds. */
  readonly at: number;
}

const POLL_INTERVAL_MS = 100;

function addressedTo(email: Email, address: string): boolean {
  const wanted = address.toLowerCase();
  const { to, cc, bcc } = email.destination;
  // Destinations may carry a display name: `Alice <alice@example.com>`.
  return [...to, ...cc, ...bcc].some((recipient) => recipient.toLowerCase() === wanted || recipient.toLowerCase().endsWith(`<${wanted}>`));
}

export function inbox(sesUrl: string = stack().sesUrl) {
  async function emailsTo(address: string): Promise<Email[]> {
    const response = await fetch(`${sesUrl}/store`);
    if (!response.ok) throw new Error(`The SES emulator answered ${response.status} to GET /store`);
    const { emails } = (await response.json()) as { emails: Email[] };
    return emails.filter((email) => addressedTo(email, address));
  }

  /** The newest email to `address` whose subject starts as given, as soon as it arrives. */
  async function waitForEmail(address: string, match: { subjectStartsWith?: string } = {}, timeoutMs = 10_000): Promise<Email> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await emailsTo(address)).filter((email) => email.subject.startsWith(match.subjectStartsWith ?? '')).at(-1);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`No email to ${address}${match.subjectStartsWith ? ` with a subject starting "${match.subjectStartsWith}"` : ''} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  return { emailsTo, waitForEmail };
}
