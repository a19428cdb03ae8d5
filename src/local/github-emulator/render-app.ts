import type { GithubApp } from './github-app';
import { nodeId, isoTime } from './identity';
import type { Installation, Installations } from './installations';
import type { Account, Commit, PullRequest, Repository, Store } from './model';
import { HTML_BASE, repository, simpleUser, type Urls } from './render-accounts';
import { pullDetail } from './render-activity';

/**
 * The app side in GitHub's JSON: the `integration`, `installation` and
 * `installation-token` schemas of @octokit/openapi-types, and the payloads
 * of the `installation`, `installation_repositories`, `push` and
 * `pull_request` webhook events.
 */
export function integration(app: GithubApp, installationsCount: number) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('Integration', app.id),
    client_id: app.clientId,
    owner: app.owner,
    name: app.name,
    description: null,
    external_url: app.setupUrl ?? `${HTML_BASE}/apps/${app.slug}`,
    html_url: `${HTML_BASE}/apps/${app.slug}`,
    created_at: isoTime(app.createdAt),
    updated_at: isoTime(app.createdAt),
    permissions: app.permissions,
    events: app.events,
    installations_count: installationsCount,
  };
}

export function installation(app: GithubApp, entry: Installation, urls: Urls) {
  const { account } = entry;
  return {
    id: entry.id,
    client_id: app.clientId,
    account: simpleUser(account, urls),
    repository_selection: entry.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${entry.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url:
      account.type === 'Organization'
        ? `${HTML_BASE}/organizations/${account.login}/settings/installations/${entry.id}`
        : `${HTML_BASE}/settings/installations/${entry.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: app.permissions,
    events: app.events,
    created_at: isoTime(entry.createdAt),
    updated_at: isoTime(entry.updatedAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: entry.suspendedBy ? simpleUser(entry.suspendedBy, urls) : null,
    suspended_at: entry.suspendedAt === null ? null : isoTime(entry.suspendedAt),
  };
}

export const installationRef = (entry: Installation) => ({ id: entry.id, node_id: nodeId('Integration::Installation', entry.id) });

/** How installation events name a repository. */
const repositoryRef = (repo: Repository) => ({ id: repo.id, node_id: repo.nodeId, name: repo.name, full_name: repo.fullName, private: repo.private });

/** `installation_repositories` event: `added` or `removed`; both lists are always there, one of them empty. */
export function installationRepositoriesEvent(
  action: 'added' | 'removed',
  context: { app: GithubApp; urls: Urls },
  entry: Installation,
  repos: readonly Repository[],
  sender: Account,
) {
  return {
    action,
    installation: installation(context.app, entry, context.urls),
    repository_selection: entry.repositorySelection,
    repositories_added: action === 'added' ? repos.map(repositoryRef) : [],
    repositories_removed: action === 'removed' ? repos.map(repositoryRef) : [],
    requester: null,
    sender: simpleUser(sender, context.urls),
  };
}

/** `installation` event: `created`, `deleted`, `suspend`, `unsuspend`. */
export function installationEvent(
  action: 'created' | 'deleted' | 'suspend' | 'unsuspend',
  context: { app: GithubApp; installations: Installations; store: Store; urls: Urls },
  entry: Installation,
  sender: Account,
) {
  const repos = context.installations.repositoriesOf(context.store, entry);
  return {
    action,
    installation: installation(context.app, entry, context.urls),
    repositories: repos.map(repositoryRef),
    requester: null,
    sender: simpleUser(sender, context.urls),
  };
}

/** The repository of push payloads: `created_at`/`pushed_at` in epoch seconds, an owner with `name`/`email`, as GitHub sends it. */
function pushRepository(repo: Repository, urls: Urls) {
  const base = repository(repo, urls);
  return {
    ...base,
    owner: { ...base.owner, name: repo.owner.login, email: repo.owner.email },
    created_at: Math.floor(repo.createdAt / 1000),
    pushed_at: Math.floor(repo.pushedAt / 1000),
    stargazers: 0,
    master_branch: repo.defaultBranch,
    ...(repo.owner.type === 'Organization' ? { organization: repo.owner.login } : {}),
  };
}

function pushCommit(entry: Commit) {
  return {
    id: entry.sha,
    tree_id: entry.sha.split('').reverse().join(''),
    distinct: true,
    message: entry.message,
    timestamp: isoTime(entry.committedAt),
    url: `${HTML_BASE}/${entry.repo.fullName}/commit/${entry.sha}`,
    author: { name: entry.authorName, email: entry.authorEmail, ...(entry.author ? { username: entry.author.login } : {}) },
    committer: { name: entry.committerName, email: entry.committerEmail, ...(entry.committer ? { username: entry.committer.login } : {}) },
    added: [],
    removed: [],
    modified: entry.files,
  };
}

export function pushEvent(entry: Commit, installed: Installation, urls: Urls) {
  const repo = entry.repo;
  const before = entry.parents[0] ?? '0'.repeat(40);
  const pusher = entry.author ?? repo.owner;
  return {
    ref: `refs/heads/${repo.defaultBranch}`,
    before,
    after: entry.sha,
    repository: pushRepository(repo, urls),
    pusher: { name: entry.authorName, email: entry.authorEmail },
    ...(repo.owner.type === 'Organization' ? { organization: simpleUser(repo.owner, urls) } : {}),
    installation: installationRef(installed),
    sender: simpleUser(pusher, urls),
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${HTML_BASE}/${repo.fullName}/compare/${before.slice(0, 12)}...${entry.sha.slice(0, 12)}`,
    commits: [pushCommit(entry)],
    head_commit: pushCommit(entry),
  };
}

export function pullRequestEvent(store: Store, pull: PullRequest, installed: Installation, urls: Urls) {
  return {
    action: pull.closedAt === null ? 'opened' : 'closed',
    number: pull.number,
    pull_request: pullDetail(store, pull, urls),
    repository: repository(pull.repo, urls),
    ...(pull.repo.owner.type === 'Organization' ? { organization: simpleUser(pull.repo.owner, urls) } : {}),
    installation: installationRef(installed),
    sender: simpleUser(pull.author, urls),
  };
}
