/**
 * The browser rules the web app is served under, locally (src/local/web-server.ts)
 * and behind CloudFront (lib/constructs/web-app.ts), from this one place so the
 * two never drift apart.
 */

/** The origin (`scheme://host[:port]`) of a URL: what CSP's connect-src and CORS compare. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Scripts, styles and everything else only from the app's own origin (Vite
 * emits no inline script), fetches only to the app's own files (its
 * config.json) and the API's origin, never framed.
 * Takes the origin, not a URL: on AWS it is a CloudFormation value, known
 * only at deploy time.
 */
export function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Vite's content-hashed output: a changed file gets a new name, so a year of caching is safe. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html and config.json name the current build and API: always asked again. */
export const NO_CACHE = 'no-cache';

/** `config.json`, read by the app at start to find the API (no trailing slash: the app appends `/path`). */
export function webAppConfig(apiUrl: string): { readonly apiUrl: string } {
  return { apiUrl: apiUrl.replace(/\/+$/, '') };
}

export const CONFIG_FILE = 'config.json';
