import { describe, expect, it } from 'vitest';
import {
  credentialsSecretValue, deployContext, GITHUB_APP_EVENTS, githubAppManifest, manifestFormPage, registrationUrl, type RegisteredGithubApp,
} from '../../../src/integrations/github/app-manifest';

const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/';
const REDIRECT = 'http://127.0.0.1:4567/registered';
const manifest = githubAppManifest({ apiUrl: API, redirectUrl: REDIRECT });

const app: RegisteredGithubApp = {
  id: 12345, slug: 'devinsights', name: 'DevInsights', htmlUrl: 'https://github.com/apps/devinsights',
  clientId: 'Iv23liabc', clientSecret: 'the-client-secret', webhookSecret: 'the-webhook-secret', pem: '-----BEGIN RSA PRIVATE KEY-----\nkey\n-----END RSA PRIVATE KEY-----\n',
};

describe('the GitHub App manifest', () => {
  it('It should send webhooks to the API\'s /webhooks/github, active', () => {
    expect(manifest.hook_attributes).toEqual({ url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/webhooks/github', active: true });
  });

  it('It should send installers to the API\'s callback, as setup URL and first callback URL, on updates too', () => {
    const callback = 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/integrations/github/callback';
    expect(manifest).toMatchObject({ setup_url: callback, callback_urls: [callback], setup_on_update: true });
  });

  it('It should ask for the installing user\'s authorization, which the callback needs for its code', () => {
    expect(manifest.request_oauth_on_install).toBe(true);
  });

  it('It should be public, so customers install it on their own organizations', () => {
    expect(manifest.public).toBe(true);
  });

  it('It should ask for read access only, to exactly what DevInsights reads', () => {
    expect(manifest.default_permissions).toEqual({ metadata: 'read', contents: 'read', pull_requests: 'read', issues: 'read', deployments: 'read', members: 'read' });
  });

  it('It should subscribe to the activity events and leave out the installation events GitHub always sends', () => {
    expect(manifest.default_events).toEqual(['push', 'pull_request', 'pull_request_review', 'deployment_status']);
    expect(GITHUB_APP_EVENTS).not.toContain('installation');
  });

  it('It should return to the given redirect URL and be named DevInsights unless told otherwise', () => {
    expect(manifest).toMatchObject({ redirect_url: REDIRECT, name: 'DevInsights', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1' });
    expect(githubAppManifest({ apiUrl: API, redirectUrl: REDIRECT, name: 'DevInsights Staging' }).name).toBe('DevInsights Staging');
  });
});

describe('the registration page', () => {
  it.each([
    [undefined, 'https://github.com/settings/apps/new?state=s%2F1'],
    ['acme', 'https://github.com/organizations/acme/settings/apps/new?state=s%2F1'],
  ])('It should post to the settings of %s with the state in the query', (org, expected) => {
    expect(registrationUrl('https://github.com/', 's/1', org)).toBe(expected);
  });

  it('It should carry the manifest in the field `manifest`, HTML-escaped so it survives the attribute', () => {
    const html = manifestFormPage('https://github.com/settings/apps/new?state=x', { ...manifest, name: `O'Brien "<Insights>"` });
    const value = /name="manifest" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const unescaped = value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(unescaped)).toMatchObject({ name: `O'Brien "<Insights>"`, redirect_url: REDIRECT });
  });
});

describe('what is kept of the registered app', () => {
  it('It should hold the credentials secret in the {"privateKey","clientSecret"} shape the functions read', () => {
    expect(JSON.parse(credentialsSecretValue(app))).toEqual({ privateKey: app.pem, clientSecret: 'the-client-secret' });
  });

  it('It should name the three cdk contexts the stack takes', () => {
    expect(deployContext(app)).toBe('-c githubAppId=12345 -c githubAppSlug=devinsights -c githubAppClientId=Iv23liabc');
  });
});
