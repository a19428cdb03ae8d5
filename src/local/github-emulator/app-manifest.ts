import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { GithubApp, GithubAppOptions } from './github-app';
import type { Account, Store } from './model';
import { simpleUser, type Urls } from './render-accounts';
import { integration } from './render-app';
import { DOCS, errorBody, matchRoute, notFound, Refusal, type Answer } from './route-support';

/**
 * GitHub's app-manifest flow, for an emulator started without an app: the
 * registration pages (`/settings/apps/new`, `/organizations/{org}/settings/apps/new`),
 * which take the POSTed `manifest` field and create the app as its owner
 * pressing "Create GitHub App" would, then `302` to the manifest's
 * `redirect_url` with a `code` (one hour, one use) and the `state`; and
 * `POST /app-manifests/{code}/conversions`, which hands out the app's id,
 * key (PKCS#1 PEM, as GitHub) and secrets once. The emulator serves one app,
 * so a second registration is refused with 422.
 */
export interface ManifestHost {
  readonly hasApp: () => boolean;
  /** Makes the app the emulator's own: its JWTs, install page and webhooks work from then on. */
  readonly register: (options: GithubAppOptions) => GithubApp;
}

export interface ManifestContext {
  readonly store: Store;
  readonly query: URLSearchParams;
  readonly urls: Urls;
  readonly now: number;
  readonly body: () => Promise<Readonly<Record<string, unknown>>>;
}

export const MANIFEST_CODE_MS = 3600_000;
/** Not the local stack's 4242, so a test can tell a registered app from a configured one. */
export const MANIFEST_APP_ID = 900_001;

const MANIFEST_DOCS = `${DOCS}/apps/apps#create-a-github-app-from-a-manifest`;

interface Pending {
  readonly conversion: Record<string, unknown>;
  readonly expiresAt: number;
}

const random = (bytes: number) => randomBytes(bytes).toString('hex');

/** GitHub's slug: the name in lower case, every run of other characters one `-`. */
export function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
}

function invalid(message: string): Refusal {
  return new Refusal({ status: 422, body: errorBody(422, message, MANIFEST_DOCS) });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

function parseManifest(field: unknown): Record<string, unknown> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(typeof field === 'string' ? field : '');
  } catch {
    throw invalid('The manifest is not valid JSON');
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw invalid('The manifest is not valid JSON');
  const parsed = manifest as Record<string, unknown>;
  if (!text(parsed['url'])) throw invalid('url is required');
  if (!text(parsed['redirect_url'])) throw invalid('redirect_url is required');
  return parsed;
}

const permissionLevels = new Set(['read', 'write', 'admin']);

function permissionsOf(value: unknown): Record<string, 'read' | 'write' | 'admin'> {
  if (value === undefined) return { metadata: 'read' };
  if (!value || typeof value !== 'object') throw invalid('default_permissions must be an object');
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [name, level] of entries) if (!permissionLevels.has(String(level))) throw invalid(`Invalid permission level for ${name}`);
  // Every app may read metadata, listed or not.
  return { metadata: 'read', ...Object.fromEntries(entries) } as Record<string, 'read' | 'write' | 'admin'>;
}

/** Installers land on the first callback URL when the app asks for their authorization, else on the setup URL (GitHub's registration page greys that field out). */
function landingUrl(manifest: Record<string, unknown>): string | undefined {
  const callbacks = Array.isArray(manifest['callback_urls']) ? manifest['callback_urls'].map(String) : [];
  return manifest['request_oauth_on_install'] === true ? callbacks[0] ?? text(manifest['setup_url']) : text(manifest['setup_url']);
}

export class AppManifests {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly host: ManifestHost) {}

  /** The answer of a manifest route, or undefined when the request is for another route. */
  async answer(method: string, path: string, context: ManifestContext): Promise<{ route: string; answer: Answer } | undefined> {
    if (method !== 'POST') return undefined;
    const conversion = matchRoute([{ path: '/app-manifests/{code}/conversions' }], path);
    if (conversion) return { route: 'POST /app-manifests/{code}/conversions', answer: this.refusing(() => this.convert(conversion.params['code'] ?? '', context.now)) };
    const registration = matchRoute([{ path: '/settings/apps/new' }, { path: '/organizations/{org}/settings/apps/new' }], path);
    if (!registration) return undefined;
    const body = await context.body();
    return { route: `POST ${registration.route.path}`, answer: this.refusing(() => this.create(body['manifest'], registration.params['org'], context)) };
  }

  private refusing(handle: () => Answer): Answer {
    try {
      return handle();
    } catch (error) {
      if (error instanceof Refusal) return error.answer;
      throw error;
    }
  }

  private create(field: unknown, org: string | undefined, context: ManifestContext): Answer {
    const owner = ownerOf(context.store, org);
    if (this.host.hasApp()) throw invalid('The emulator serves one GitHub App, and it has one already');
    const manifest = parseManifest(field);
    const name = text(manifest['name']) ?? `${owner.login}-app`;
    const hook = manifest['hook_attributes'] && typeof manifest['hook_attributes'] === 'object' ? (manifest['hook_attributes'] as Record<string, unknown>) : {};
    const webhookUrl = hook['active'] === false ? undefined : text(hook['url']);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const clientSecret = random(20);
    const webhookSecret = webhookUrl ? random(20) : null;
    const setupUrl = landingUrl(manifest);
    const app = this.host.register({
      id: MANIFEST_APP_ID, slug: slugOf(name), name, privateKey, webhookSecret: webhookSecret ?? random(20), clientId: `Iv23li${random(7)}`, clientSecret,
      permissions: permissionsOf(manifest['default_permissions']),
      events: Array.isArray(manifest['default_events']) ? manifest['default_events'].map(String) : [],
      owner: simpleUser(owner, context.urls), ...(setupUrl ? { setupUrl } : {}), ...(webhookUrl ? { webhookUrl } : {}),
    });
    const code = random(20);
    const conversion = {
      ...integration(app, 0),
      description: text(manifest['description']) ?? null,
      external_url: text(manifest['url']),
      client_id: app.clientId, client_secret: clientSecret, webhook_secret: webhookSecret, pem: privateKey,
    };
    this.pending.set(code, { conversion, expiresAt: context.now + MANIFEST_CODE_MS });
    const target = new URL(String(manifest['redirect_url']));
    target.searchParams.set('code', code);
    const state = context.query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, body: { location: target.toString() }, headers: { location: target.toString() } };
  }

  /** Good once, within the hour; anything else is GitHub's 404. */
  private convert(code: string, now: number): Answer {
    const found = this.pending.get(code);
    this.pending.delete(code);
    if (!found || found.expiresAt <= now) throw new Refusal({ status: 404, body: errorBody(404, 'Not Found', MANIFEST_DOCS) });
    return { status: 201, body: found.conversion };
  }
}

/** The organization named in the path, or (for `/settings/apps/new`) the signed-in user, implied: the dataset's first user. */
function ownerOf(store: Store, org: string | undefined): Account {
  const accounts = [...store.accounts.values()];
  const found = org ? store.accounts.get(org.toLowerCase()) : accounts.find((account) => account.type === 'User');
  if (!found || (org !== undefined && found.type !== 'Organization')) throw notFound();
  return found;
}
