import { ownerOf } from './installations';
import { installationEvent } from './render-app';
import { errorBody, notFound, Refusal, type Answer } from './route-support';
import type { AppContext } from './app-routes';

/**
 * The app's pages on github.com rather than its API (no API rate limit):
 * the OAuth code exchange and the install page.
 */

/** `POST /login/oauth/access_token` (github.com's, at the emulator's root): JSON with `accept: application/json`, else a form. */
export function exchangeCode(context: AppContext): Answer {
  const { side, body, now, accept } = context;
  const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : context.query.get(name) ?? undefined);
  const json = accept.includes('application/json');
  const respond = (fields: Record<string, string | number>): Answer =>
    json
      ? { status: 200, body: fields }
      : { status: 200, body: new URLSearchParams(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]))).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } };
  const failure = (error: string, description: string) =>
    respond({ error, error_description: description, error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors' });
  const secret = side.app.clientSecret;
  if (field('client_id') !== side.app.clientId || (secret !== undefined && field('client_secret') !== secret)) {
    return failure('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
  }
  const redeemed = side.installations.redeemCode(field('code') ?? '', now);
  if (!redeemed) return failure('bad_verification_code', 'The code passed is incorrect or expired.');
  return respond({ access_token: redeemed.token, expires_in: Math.round((redeemed.entry.expiresAt - now) / 1000), token_type: 'bearer', scope: '' });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * What github.com shows when no account is suggested: "where do you want to
 * install" with one link per organization, each the same page naming it as
 * `suggested_target_id` (the `state` kept), so a person in a browser can
 * connect as they would on GitHub.
 */
function accountPicker(context: AppContext): Answer {
  const { side, store, query } = context;
  const organizations = [...store.accounts.values()].filter((entry) => entry.type === 'Organization').sort((a, b) => a.login.localeCompare(b.login));
  const links = organizations.map((organization) => {
    const choice = new URLSearchParams(query);
    choice.set('suggested_target_id', String(organization.id));
    const href = `/apps/${encodeURIComponent(side.app.slug)}/installations/new?${choice.toString()}`;
    return `<li><a href="${escapeHtml(href)}">Install on ${escapeHtml(organization.login)}</a></li>`;
  });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Install ${escapeHtml(side.app.name)}</title></head><body><main><h1>Install ${escapeHtml(side.app.name)}</h1><p>Where do you want to install ${escapeHtml(side.app.name)}?</p><ul>${links.join('')}</ul></main></body></html>`;
  return { status: 200, body: page, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

/**
 * The install page, as its owner would use it: installs the app on the
 * account `suggested_target_id` names (again: the same installation) and
 * sends the browser to the setup URL with `installation_id`,
 * `setup_action`, a `code` for the account's owner, and `state`. Without
 * `suggested_target_id` it asks which account first.
 */
export function installPage(context: AppContext): Answer {
  const { side, store, query, now, urls } = context;
  if (context.params['app_slug'] !== side.app.slug) throw notFound();
  if (!query.has('suggested_target_id')) return accountPicker(context);
  const targetId = Number(query.get('suggested_target_id'));
  const account = [...store.accounts.values()].find((entry) => entry.id === targetId && entry.type !== 'Bot');
  if (!account) throw notFound();
  const ownerLogin = ownerOf(store, account);
  const owner = ownerLogin ? store.accounts.get(ownerLogin) : undefined;
  if (!owner) throw new Refusal({ status: 422, body: errorBody(422, `${account.login} has no owner to install the app`) });
  const existing = side.installations.onAccount(account);
  const installed = existing ?? side.installations.install(account, now);
  if (!existing) side.webhooks.deliver('installation', installationEvent('created', { ...side, store, urls }, installed, owner));
  const target = new URL(side.app.setupUrl ?? `https://github.com/settings/installations/${installed.id}`);
  target.searchParams.set('installation_id', String(installed.id));
  target.searchParams.set('setup_action', existing ? 'update' : 'install');
  target.searchParams.set('code', side.installations.issueCode(owner, now));
  const state = query.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, body: { location: target.toString() }, headers: { location: target.toString() } };
}
