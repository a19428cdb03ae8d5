import * as z from 'zod';
import { invalid, type ControlAnswer } from './app-controls';
import type { Dataset, DatasetOrganization } from './dataset';
import { IdAllocator } from './identity';
import type { LiveDataset } from './live';
import type { Store } from './model';
import { buildStore, commitSha } from './store';

/**
 * `POST /_emulator/organizations` `{login, copyOf, name?}`: a new
 * organization holding a copy of another's repositories and activity, so
 * that parallel tests each get an account of their own to install the app
 * on (GitHub allows one installation of an app per account).
 *
 * The copy is written into the dataset and the store rebuilt from it (see
 * live.ts), so ids, indexes, counts, search, visibility and rate limits treat
 * it like any organization of the file. Entries are copied with their file
 * times; the rebuild keeps the store's "now", so they are served at the same
 * times as the source's.
 */
export const NewOrganization = z.object({
  // GitHub's rule for a login: alphanumerics and single hyphens, neither first nor last, at most 39.
  login: z.string().max(39).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'must be alphanumerics and single hyphens, not first or last'),
  copyOf: z.string().min(1),
  name: z.string().optional(),
});
export type NewOrganization = z.infer<typeof NewOrganization>;

export type CopyOutcome = { readonly kind: 'copied'; readonly login: string } | { readonly kind: 'no-source' } | { readonly kind: 'taken' };

type PerRepositoryList = { [K in keyof Dataset]-?: Dataset[K] extends readonly { readonly repo: string }[] ? K : never }[keyof Dataset];

/** The lists of activity copied repository by repository; a list added to the dataset later is copied too, see `activityLists`. */
function activityLists(dataset: Dataset): PerRepositoryList[] {
  return (Object.keys(dataset) as (keyof Dataset)[]).filter((field): field is PerRepositoryList => {
    const value = dataset[field];
    return Array.isArray(value) && value.some((entry: unknown) => typeof (entry as { repo?: unknown } | null)?.repo === 'string');
  });
}

/** Ids the file gave are left behind, so the copy's are derived from its own names (and never collide with the source's). */
function withoutIds<T extends object>(entry: T): T {
  const copy = { ...entry } as Record<string, unknown>;
  delete copy['id'];
  if (Array.isArray(copy['reviews'])) copy['reviews'] = (copy['reviews'] as object[]).map(withoutIds);
  if (Array.isArray(copy['statuses'])) copy['statuses'] = (copy['statuses'] as object[]).map(withoutIds);
  return copy as T;
}

/** Every id the store holds, so ids allocated next skip them as a rebuild of the whole dataset would. */
function takenIds(store: Store): IdAllocator {
  const ids = new IdAllocator();
  for (const account of store.accounts.values()) ids.allocate('account', account.login, account.id);
  for (const repo of store.repositories.values()) ids.allocate('repository', repo.key, repo.id);
  for (const items of store.issuesByRepo.values()) {
    for (const item of items) {
      ids.allocate('issue', item.repo.key, item.kind === 'pull' ? item.issueId : item.id);
      if (item.kind !== 'pull') continue;
      ids.allocate('pull', item.repo.key, item.id);
      for (const review of item.reviews) ids.allocate('review', item.repo.key, review.id);
    }
  }
  for (const deployments of store.deploymentsByRepo.values()) {
    for (const deployment of deployments) {
      ids.allocate('deployment', deployment.repo.key, deployment.id);
      for (const status of deployment.statuses) ids.allocate('deploymentStatus', deployment.repo.key, status.id);
    }
  }
  return ids;
}

/**
 * The store with a part built on top of it (new accounts and repositories
 * only, so every index is keyed apart from the store's). Undefined when the
 * part has something other than maps keyed by login or repository: then only
 * a rebuild of the whole dataset is known to be right.
 */
function extendStore(store: Store, part: Store): Store | undefined {
  const merged: Record<string, unknown> = { ...store };
  for (const [field, value] of Object.entries(part)) {
    const base: unknown = (store as unknown as Record<string, unknown>)[field];
    if (value instanceof Map && base instanceof Map) merged[field] = new Map([...base, ...value]);
    else if (value !== base) return undefined;
  }
  return merged as unknown as Store;
}

/**
 * What the dataset gains and the store to serve, or why there is none. The
 * store is built for the copy alone on top of the current one, not from the
 * whole dataset: a copy of the demo organization costs the same whether it is
 * the first or the sixtieth. It is the store a rebuild would make because the
 * copy only appends to every list, its organization's id and every time a
 * rebuild derives from the whole dataset are written into the copy, and the
 * build starts from the current accounts and ids.
 */
export function organizationCopy(dataset: Dataset, store: Store, request: NewOrganization): { changed: Partial<Dataset>; store: Store } | Exclude<CopyOutcome, { kind: 'copied' }> {
  const sourceKey = request.copyOf.toLowerCase();
  const source = dataset.organizations.find((org) => org.login.toLowerCase() === sourceKey);
  const sourceAccount = store.accounts.get(sourceKey);
  if (!source || sourceAccount?.type !== 'Organization') return { kind: 'no-source' };
  if (store.accounts.has(request.login.toLowerCase())) return { kind: 'taken' };

  const fileTime = (served: number) => new Date(served - store.shiftMs).toISOString();
  const canonical = (login: string) => store.accounts.get(login)?.login ?? login;
  const owners = store.owners.get(sourceKey);
  const ids = takenIds(store);
  const organization: DatasetOrganization = {
    ...source, login: request.login, name: request.name ?? source.name, id: ids.allocate('account', request.login),
    createdAt: fileTime(sourceAccount.createdAt),
    members: [...(store.members.get(sourceKey) ?? [])].map(canonical), ...(owners ? { owners: owners.map(canonical) } : {}),
  };
  // Keyed by the lower-case `owner/name` every dataset entry's `repo` lowers to; repositories only named by activity come along too.
  const sourceRepos = new Map((store.repositoriesByOwner.get(sourceKey) ?? []).map((repo) => [repo.key, repo]));
  const renamed = new Map([...sourceRepos.keys()].map((key) => [key, `${request.login}/${sourceRepos.get(key)?.name ?? ''}`]));
  const part: Record<string, unknown> = Object.fromEntries(Object.entries(dataset).map(([field, value]) => [field, Array.isArray(value) ? [] : value]));
  part['organizations'] = [organization];
  part['repositories'] = dataset.repositories.flatMap((repo) => {
    const served = sourceRepos.get(`${repo.owner}/${repo.name}`.toLowerCase());
    return served ? [{ ...withoutIds(repo), owner: request.login, createdAt: fileTime(served.createdAt) }] : [];
  });
  for (const field of activityLists(dataset)) {
    part[field] = (dataset[field] as readonly { readonly repo: string }[]).flatMap((entry, index) => {
      const repo = renamed.get(entry.repo.toLowerCase());
      if (!repo) return [];
      // A commit keeps the sha it is served with (a copy of a history has the same commits); a derived one would depend on the new name.
      const sha = field === 'commits' ? { sha: commitSha(entry.repo.toLowerCase(), index, entry as Dataset['commits'][number]) } : {};
      return [{ ...withoutIds(entry), repo, ...sha }];
    });
  }
  const copy = part as Dataset;
  const changed: Partial<Record<keyof Dataset, unknown>> = {};
  for (const field of ['organizations', 'repositories', ...activityLists(dataset)] as const) changed[field] = [...dataset[field], ...copy[field]];
  const built = buildStore(copy, { now: store.loadedAt, base: { accounts: store.accounts, ids: takenIds(store) } });
  return {
    changed: changed as Partial<Dataset>,
    store: extendStore(store, built) ?? buildStore({ ...dataset, ...changed } as Dataset, { now: store.loadedAt }),
  };
}

export function handleOrganizationControl(route: string, body: unknown, live: LiveDataset): ControlAnswer | undefined {
  if (route !== 'POST /_emulator/organizations') return undefined;
  const parsed = NewOrganization.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const outcome = live.copyOrganization(parsed.data);
  if (outcome.kind === 'no-source') return { status: 404, body: { message: `No organization ${parsed.data.copyOf}` } };
  if (outcome.kind === 'taken') return { status: 409, body: { message: `The login ${parsed.data.login} is taken` } };
  const key = outcome.login.toLowerCase();
  return {
    status: 201,
    body: {
      login: outcome.login, id: live.store.accounts.get(key)?.id,
      repositories: (live.store.repositoriesByOwner.get(key) ?? []).map((repo) => repo.fullName),
    },
  };
}
