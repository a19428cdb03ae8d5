import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';

/**
 * The GitHub App the emulator plays GitHub's side for: its id, slug,
 * private key (PEM; the emulator keeps only the public key it implies, as
 * GitHub does), webhook secret, OAuth client, setup (callback) URL and
 * webhook URL. All configuration: `startGithubEmulator({ app })`, the CLI's
 * `--app-*` flags or `GITHUB_APP_*` variables (see cli.ts).
 */
export interface GithubAppOptions {
  readonly id: number;
  readonly slug: string;
  /** The app's private key (PEM, PKCS#1 or PKCS#8), or its public key. */
  readonly privateKey: string;
  readonly webhookSecret: string;
  /** Default `Iv1.<id in hex>`-like, from the id. */
  readonly clientId?: string;
  /** Default: accepted whatever it is (a test without one still exchanges codes). */
  readonly clientSecret?: string;
  readonly name?: string;
  /** Where the install page sends its owner back (the "Setup URL"). */
  readonly setupUrl?: string;
  /** Where events are POSTed; none: nothing is delivered. */
  readonly webhookUrl?: string;
  /** Default: the permissions the product asks for (issue #11). */
  readonly permissions?: Readonly<Record<string, 'read' | 'write' | 'admin'>>;
  readonly events?: readonly string[];
  /** The owner as `GET /app` shows it (a `simple-user`); default none, `owner: null`. */
  readonly owner?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_PERMISSIONS = {
  metadata: 'read', contents: 'read', pull_requests: 'read', issues: 'read', deployments: 'read', members: 'read',
} as const;
export const DEFAULT_EVENTS = ['installation', 'installation_repositories', 'push', 'pull_request', 'pull_request_review', 'deployment_status'];

export interface GithubApp {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly publicKey: KeyObject;
  readonly webhookSecret: string;
  readonly setupUrl: string | undefined;
  readonly webhookUrl: string | undefined;
  readonly permissions: Readonly<Record<string, string>>;
  readonly events: readonly string[];
  readonly owner: Readonly<Record<string, unknown>> | null;
  readonly createdAt: number;
}

export function githubApp(options: GithubAppOptions, createdAt: number): GithubApp {
  return {
    id: options.id,
    slug: options.slug,
    name: options.name ?? options.slug,
    clientId: options.clientId ?? `Iv1.${options.id.toString(16).padStart(16, '0')}`,
    clientSecret: options.clientSecret,
    publicKey: createPublicKey(options.privateKey.replace(/\\n/g, '\n')),
    webhookSecret: options.webhookSecret,
    setupUrl: options.setupUrl,
    webhookUrl: options.webhookUrl,
    permissions: options.permissions ?? DEFAULT_PERMISSIONS,
    events: options.events ?? DEFAULT_EVENTS,
    owner: options.owner ?? null,
    createdAt,
  };
}

/** GitHub's own words for a JWT it refuses (401); @octokit/auth-app retries the clock ones with the `date` header's time. */
export const JWT_ERRORS = {
  undecodable: 'A JSON web token could not be decoded',
  expired: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooFar: "'Expiration time' claim ('exp') is too far in the future",
  issuedAt: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  notFound: 'Integration not found',
} as const;

/** How far ahead of the emulator's clock a JWT's `iat` may be (GitHub tolerates some drift). */
export const CLOCK_DRIFT_S = 60;
/** At most 10 minutes between `iat` and `exp`, and `exp` at most 10 minutes ahead (GitHub's rule). */
export const MAX_JWT_LIFETIME_S = 600;

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** True when the bearer looks like a JWT (three dot-separated parts, the first a JSON header). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    return typeof decode(parts[0] ?? '')['alg'] === 'string';
  } catch {
    return false;
  }
}

/** Verifies an app JWT as GitHub does; undefined when it is good, else the 401 message. */
export function jwtProblem(app: GithubApp, token: string, nowMs: number): string | undefined {
  const [header = '', payload = '', signature = ''] = token.split('.');
  let claims: Record<string, unknown>;
  try {
    if (decode(header)['alg'] !== 'RS256') return JWT_ERRORS.undecodable;
    claims = decode(payload);
  } catch {
    return JWT_ERRORS.undecodable;
  }
  // A key that is not the app's fails here, as on GitHub (the message does not say which).
  const valid = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(app.publicKey, Buffer.from(signature, 'base64url'));
  if (!valid) return JWT_ERRORS.undecodable;
  if (String(claims['iss']) !== String(app.id) && claims['iss'] !== app.clientId) return JWT_ERRORS.notFound;
  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now + CLOCK_DRIFT_S) return JWT_ERRORS.issuedAt;
  if (typeof exp !== 'number' || exp <= now) return JWT_ERRORS.expired;
  if (exp - iat > MAX_JWT_LIFETIME_S || exp > now + MAX_JWT_LIFETIME_S + CLOCK_DRIFT_S) return JWT_ERRORS.tooFar;
  return undefined;
}
