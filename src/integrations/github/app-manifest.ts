/**
 * DevInsights' GitHub App as a manifest (GitHub's "Registering a GitHub App
 * from a manifest"), and what the registration hands back. The same
 * permissions and events are listed for the manual registration in the
 * README ("Registering the GitHub App"); the emulator's defaults
 * (src/local/github-emulator/github-app.ts) match them.
 */

/** Read-only, and no more than the collector and the connection read. */
export const GITHUB_APP_PERMISSIONS = {
  metadata: 'read',
  contents: 'read',
  pull_requests: 'read',
  issues: 'read',
  deployments: 'read',
  members: 'read',
} as const;

/**
 * `installation` and `installation_repositories` are not listed: GitHub
 * sends them to every app whatever it subscribes to, and they are not
 * offered among the events an app may choose. Each event here needs its
 * permission above (push: contents, pull_request*: pull_requests,
 * deployment_status: deployments).
 */
export const GITHUB_APP_EVENTS = ['push', 'pull_request', 'pull_request_review', 'deployment_status'] as const;

export const DEFAULT_GITHUB_APP_NAME = 'DevInsights';

export interface GithubAppManifest {
  readonly name: string;
  readonly url: string;
  readonly hook_attributes: { readonly url: string; readonly active: boolean };
  readonly redirect_url: string;
  readonly callback_urls: readonly string[];
  readonly setup_url: string;
  readonly setup_on_update: boolean;
  readonly request_oauth_on_install: boolean;
  readonly public: boolean;
  readonly default_permissions: Readonly<Record<string, string>>;
  readonly default_events: readonly string[];
}

export interface ManifestOptions {
  /** The deployed API's base URL (the stack's `ApiUrl`, stage included). */
  readonly apiUrl: string;
  /** Where GitHub sends the browser back with the code: the register script's loopback server. */
  readonly redirectUrl: string;
  readonly name?: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export function githubAppManifest(options: ManifestOptions): GithubAppManifest {
  const api = withoutTrailingSlash(options.apiUrl);
  const callback = `${api}/integrations/github/callback`;
  return {
    name: options.name ?? DEFAULT_GITHUB_APP_NAME,
    url: api,
    hook_attributes: { url: `${api}/webhooks/github`, active: true },
    redirect_url: options.redirectUrl,
    // With request_oauth_on_install GitHub sends installers to the first callback URL, not the setup URL; both are the callback, so either way it is reached.
    callback_urls: [callback],
    setup_url: callback,
    setup_on_update: true,
    // The callback binds an installation only once the installing user's code proves they can access it.
    request_oauth_on_install: true,
    // Customers install it on their own organizations.
    public: true,
    default_permissions: GITHUB_APP_PERMISSIONS,
    default_events: GITHUB_APP_EVENTS,
  };
}

/** Where the manifest is POSTed: the organization's settings, or the signed-in user's. */
export function registrationUrl(githubUrl: string, state: string, org?: string): string {
  const base = withoutTrailingSlash(githubUrl);
  const path = org ? `/organizations/${encodeURIComponent(org)}/settings/apps/new` : '/settings/apps/new';
  return `${base}${path}?state=${encodeURIComponent(state)}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

/** The page the operator opens: a form that posts the manifest to GitHub at once (GitHub accepts the manifest only as a POSTed form field). */
export function manifestFormPage(action: string, manifest: GithubAppManifest): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Register ${escapeHtml(manifest.name)} on GitHub</title></head>
<body>
<form id="register" action="${escapeHtml(action)}" method="post">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">
<p>Sending the app's manifest to GitHub…</p>
<button type="submit">Register ${escapeHtml(manifest.name)} on GitHub</button>
</form>
<script>document.getElementById('register').submit();</script>
</body>
</html>
`;
}

/** What `POST /app-manifests/{code}/conversions` answers, as far as DevInsights keeps it. */
export interface RegisteredGithubApp {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly htmlUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly webhookSecret: string | null;
  readonly pem: string;
}

/** The `GithubAppCredentials` secret's text, exactly what `githubAppCredentials()` (src/integrations/secrets.ts) reads. */
export function credentialsSecretValue(app: RegisteredGithubApp): string {
  return JSON.stringify({ privateKey: app.pem, clientSecret: app.clientSecret });
}

/** The three non-secret values, as `cdk deploy` takes them (bin/devinsights.ts). */
export function deployContext(app: RegisteredGithubApp): string {
  return `-c githubAppId=${app.id} -c githubAppSlug=${app.slug} -c githubAppClientId=${app.clientId}`;
}
