import * as z from 'zod';
import { handleActivityControl } from './activity-controls';
import { handleInstallationControl } from './installation-controls';
import type { AppSide } from './app-routes';
import type { LiveDataset } from './live';
import { NewCommit, NewPull } from './live';
import { ownerOf } from './installations';
import type { Urls } from './render-accounts';
import { installation, installationEvent, pullRequestEvent, pushEvent } from './render-app';

/**
 * `/_emulator/*` controls of the app side (with `controls` and `app` only):
 *
 * - `POST /_emulator/installations` `{account, repositories?}` → 201 the installation (delivers `installation.created`)
 * - `DELETE /_emulator/installations/{id}` → 204 (`installation.deleted`)
 * - `POST /_emulator/installations/{id}/suspend` and `/unsuspend` → 200 (`installation.suspend` / `unsuspend`)
 * - `POST /_emulator/oauth/codes` `{login}` → 201 `{code}`: a code of any user, for the OAuth exchange
 * - `POST /_emulator/commits` `{repo, author?, message?, date?, sha?, additions?, deletions?, files?}` → 201 `{sha, deliveries}` (`push`)
 * - `POST /_emulator/pulls` `{repo, author, title?, number?, createdAt?, mergedAt?, closedAt?, …}` → 201 `{number, deliveries}` (`pull_request`)
 * - `GET /_emulator/webhooks` → every delivery `{id, event, action, status, error}`
 * - deployments, their statuses and reviews: see activity-controls.ts
 * - `POST /_emulator/installations/{id}/repositories` `{add?, remove?}`: see installation-controls.ts
 */
export interface ControlAnswer {
  readonly status: number;
  readonly body?: unknown;
}

const Install = z.object({ account: z.string().min(1), repositories: z.array(z.string()).optional() });
const CodeFor = z.object({ login: z.string().min(1) });

const notFound = (what: string): ControlAnswer => ({ status: 404, body: { message: `No ${what}` } });

export function invalid(error: z.ZodError): ControlAnswer {
  return { status: 400, body: { message: 'Invalid request', errors: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) } };
}

export function handleAppControl(route: string, body: unknown, parts: { side: AppSide; live: LiveDataset; urls: Urls; now: number }): ControlAnswer | undefined {
  const { side, live, urls, now } = parts;
  const store = () => live.store;
  const context = () => ({ ...side, store: store(), urls });
  if (route === 'GET /_emulator/webhooks') return { status: 200, body: side.webhooks.deliveries() };
  if (route === 'POST /_emulator/installations') {
    const parsed = Install.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const account = store().accounts.get(parsed.data.account.toLowerCase());
    if (!account) return notFound(`account ${parsed.data.account}`);
    const repos = parsed.data.repositories?.map((name) => store().repositories.get((name.includes('/') ? name : `${account.login}/${name}`).toLowerCase()));
    if (repos?.some((repo) => repo === undefined || repo.owner.id !== account.id)) return notFound('such repository of the account');
    if (side.installations.onAccount(account)) return { status: 409, body: { message: `The app is already installed on ${account.login}` } };
    const created = side.installations.install(account, now, repos?.flatMap((repo) => (repo ? [repo] : [])));
    const sender = store().accounts.get(ownerOf(store(), account) ?? '') ?? account;
    side.webhooks.deliver('installation', installationEvent('created', context(), created, sender));
    return { status: 201, body: installation(side.app, created, urls) };
  }
  const byId = /^(POST|DELETE) \/_emulator\/installations\/(\d+)(\/suspend|\/unsuspend)?$/.exec(route);
  if (byId) {
    const found = side.installations.get(Number(byId[2]));
    if (!found) return notFound('such installation');
    const sender = store().accounts.get(ownerOf(store(), found.account) ?? '') ?? found.account;
    if (byId[1] === 'DELETE' && !byId[3]) {
      side.installations.uninstall(found);
      side.webhooks.deliver('installation', installationEvent('deleted', context(), found, sender));
      return { status: 204 };
    }
    if (byId[1] === 'POST' && byId[3]) {
      const suspend = byId[3] === '/suspend';
      found.suspendedAt = suspend ? now : null;
      found.suspendedBy = suspend ? sender : null;
      found.updatedAt = now;
      side.webhooks.deliver('installation', installationEvent(suspend ? 'suspend' : 'unsuspend', context(), found, sender));
      return { status: 200, body: installation(side.app, found, urls) };
    }
  }
  if (route === 'POST /_emulator/oauth/codes') {
    const parsed = CodeFor.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const user = store().accounts.get(parsed.data.login.toLowerCase());
    if (!user || user.type !== 'User') return notFound(`user ${parsed.data.login}`);
    return { status: 201, body: { code: side.installations.issueCode(user, now) } };
  }
  if (route === 'POST /_emulator/commits') {
    const parsed = NewCommit.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const added = live.addCommit(parsed.data, now);
    if (!added) return notFound(`repository ${parsed.data.repo}`);
    const deliveries = side.installations.all()
      .filter((entry) => entry.suspendedAt === null && side.installations.covers(entry, added.repo))
      .map((entry) => side.webhooks.deliver('push', pushEvent(added, entry, urls))?.id);
    return { status: 201, body: { sha: added.sha, deliveries: deliveries.filter(Boolean) } };
  }
  if (route === 'POST /_emulator/pulls') {
    const parsed = NewPull.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const added = live.addPull(parsed.data, now);
    if (!added) return notFound(`repository ${parsed.data.repo}, or its number is taken`);
    const deliveries = side.installations.all()
      .filter((entry) => entry.suspendedAt === null && side.installations.covers(entry, added.repo))
      .map((entry) => side.webhooks.deliver('pull_request', pullRequestEvent(store(), added, entry, urls))?.id);
    return { status: 201, body: { number: added.number, deliveries: deliveries.filter(Boolean) } };
  }
  const activity = handleActivityControl(route, body, parts);
  if (activity) return activity;
  const repositories = handleInstallationControl(route, body, parts);
  if (repositories) return repositories;
  return undefined;
}
