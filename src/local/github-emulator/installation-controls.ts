import * as z from 'zod';
import type { AppSide } from './app-routes';
import type { ControlAnswer } from './app-controls';
import { ownerOf } from './installations';
import type { LiveDataset } from './live';
import type { Urls } from './render-accounts';
import { installation, installationRepositoriesEvent } from './render-app';

/**
 * `POST /_emulator/installations/{id}/repositories` `{add?, remove?}`
 * (repository names of the installation's account) → 200 the installation:
 * what its owner does on the installation's settings page. Visibility and
 * new tokens follow at once (they read the installation), and
 * `installation_repositories` is delivered, `added` and `removed` apart, as
 * GitHub sends them (to GitHub Apps always, whatever their events).
 */
const ChangeRepositories = z.object({ add: z.array(z.string().min(1)).default([]), remove: z.array(z.string().min(1)).default([]) });

export function handleInstallationControl(route: string, body: unknown, parts: { side: AppSide; live: LiveDataset; urls: Urls; now: number }): ControlAnswer | undefined {
  const matched = /^POST \/_emulator\/installations\/(\d+)\/repositories$/.exec(route);
  if (!matched) return undefined;
  const { side, live, urls, now } = parts;
  const store = live.store;
  const found = side.installations.get(Number(matched[1]));
  if (!found) return { status: 404, body: { message: 'No such installation' } };
  const parsed = ChangeRepositories.safeParse(body);
  if (!parsed.success) {
    return { status: 400, body: { message: 'Invalid request', errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) } };
  }
  const resolve = (names: readonly string[]) =>
    names.map((name) => store.repositories.get((name.includes('/') ? name : `${found.account.login}/${name}`).toLowerCase()));
  const [add, remove] = [resolve(parsed.data.add), resolve(parsed.data.remove)];
  const known = (repos: typeof add) => repos.flatMap((repo) => (repo && repo.owner.id === found.account.id ? [repo] : []));
  if (known(add).length !== add.length || known(remove).length !== remove.length) return { status: 404, body: { message: 'No such repository of the account' } };
  const { added, removed } = side.installations.changeRepositories(store, found, { add: known(add), remove: known(remove) }, now);
  const sender = store.accounts.get(ownerOf(store, found.account) ?? '') ?? found.account;
  if (added.length > 0) side.webhooks.deliver('installation_repositories', installationRepositoriesEvent('added', { app: side.app, urls }, found, added, sender));
  if (removed.length > 0) side.webhooks.deliver('installation_repositories', installationRepositoriesEvent('removed', { app: side.app, urls }, found, removed, sender));
  return { status: 200, body: installation(side.app, found, urls) };
}
