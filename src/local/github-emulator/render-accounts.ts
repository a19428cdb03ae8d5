import { isoTime } from './identity';
import type { Account, Repository, Store } from './model';

/**
 * Accounts and repositories in GitHub's JSON (the `simple-user`,
 * `public-user`, `organization-full`, `minimal-repository` and
 * `full-repository` schemas of @octokit/openapi-types). API URLs point back
 * at this emulator (`api`, from the request's Host); page URLs at github.com.
 */
export const HTML_BASE = 'https://github.com';

export interface Urls {
  /** The emulator's own base URL, e.g. `http://127.0.0.1:8010`. */
  readonly api: string;
}

function htmlUrl(account: Account): string {
  // A bot's page is its app's page: dependabot[bot] → github.com/apps/dependabot.
  return account.type === 'Bot' ? `${HTML_BASE}/apps/${account.login.replace(/\[bot\]$/i, '')}` : `${HTML_BASE}/${account.login}`;
}

export function simpleUser(account: Account, { api }: Urls) {
  const url = `${api}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: htmlUrl(account),
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function publicRepoCount(store: Store, account: Account): number {
  return (store.repositoriesByOwner.get(account.login.toLowerCase()) ?? []).filter((repo) => !repo.private).length;
}

function privateRepoCount(store: Store, account: Account): number {
  return (store.repositoriesByOwner.get(account.login.toLowerCase()) ?? []).filter((repo) => repo.private).length;
}

/** `GET /users/{login}`; an organization answers here too, with `type: "Organization"`, as on GitHub. */
export function publicUser(store: Store, account: Account, urls: Urls) {
  return {
    ...simpleUser(account, urls),
    name: account.name,
    company: account.company,
    blog: '',
    location: account.location,
    email: account.email,
    hireable: null,
    bio: account.type === 'Organization' ? account.description : null,
    twitter_username: null,
    public_repos: publicRepoCount(store, account),
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: isoTime(account.createdAt),
    updated_at: isoTime(account.createdAt),
  };
}

export function organizationFull(store: Store, org: Account, { api }: Urls) {
  const url = `${api}/orgs/${encodeURIComponent(org.login)}`;
  const privateRepos = privateRepoCount(store, org);
  return {
    login: org.login,
    id: org.id,
    node_id: org.nodeId,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: org.description,
    name: org.name ?? org.login,
    company: null,
    blog: '',
    location: org.location,
    email: org.email,
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepoCount(store, org),
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: htmlUrl(org),
    created_at: isoTime(org.createdAt),
    updated_at: isoTime(org.createdAt),
    archived_at: null,
    type: 'Organization',
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
  };
}

/** The repository object of list answers (`minimal-repository`, with the fields GitHub fills in). */
export function repository(repo: Repository, urls: Urls) {
  const url = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const html = `${HTML_BASE}/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: simpleUser(repo.owner, urls),
    html_url: html,
    description: repo.description,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    created_at: isoTime(repo.createdAt),
    updated_at: isoTime(repo.updatedAt),
    pushed_at: isoTime(repo.pushedAt),
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: repo.language,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: !repo.private,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: repo.archived,
    disabled: false,
    open_issues_count: repo.openIssues,
    license: null,
    allow_forking: !repo.private,
    is_template: false,
    web_commit_signoff_required: false,
    topics: repo.topics,
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: repo.openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
  };
}

/** `GET /repos/{owner}/{repo}` (`full-repository`). */
export function fullRepository(repo: Repository, urls: Urls) {
  return {
    ...repository(repo, urls),
    ...(repo.owner.type === 'Organization' ? { organization: simpleUser(repo.owner, urls) } : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}
