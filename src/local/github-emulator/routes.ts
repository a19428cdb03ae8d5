import { deploymentRoutes } from './deployment-routes';
import type { Account, Commit, IssueLike, PullRequest, Repository } from './model';
import { paginate } from './pagination';
import { membersOf } from './installations';
import { fullRepository, organizationFull, publicUser, repository, simpleUser } from './render-accounts';
import { commit, issue, pullDetail, pullSimple, review } from './render-activity';
import {
  accountOf, direction, DOCS, errorBody, notFound, pullOf, repositoryOf, sorted, time, type Answer, type Route, type RouteContext,
} from './route-support';
import { searchIssues } from './search';

function listRepositories(context: RouteContext, owner: Account, kind: 'org' | 'user'): Answer {
  const { store, query, url, urls } = context;
  let repos = (store.repositoriesByOwner.get(owner.login.toLowerCase()) ?? []).filter((repo) => context.viewer.canSee(repo));
  const type = query.get('type') ?? (kind === 'org' ? 'all' : 'owner');
  if (type === 'public') repos = repos.filter((repo) => !repo.private);
  if (type === 'private') repos = repos.filter((repo) => repo.private);
  // Nothing in a dataset is a fork, and membership of others' repositories is not modelled.
  if (type === 'forks' || (kind === 'user' && type === 'member')) repos = [];
  const sort = query.get('sort') ?? (kind === 'org' ? 'created' : 'full_name');
  const keys: Record<string, (repo: Repository) => number | string> = {
    created: (repo) => repo.createdAt,
    updated: (repo) => repo.updatedAt,
    pushed: (repo) => repo.pushedAt,
    full_name: (repo) => repo.fullName.toLowerCase(),
  };
  const key = keys[sort] ?? keys['created'] ?? ((repo: Repository) => repo.createdAt);
  const page = paginate(sorted(repos, key, direction(query, sort === 'full_name' ? 'asc' : 'desc')), url);
  return { status: 200, body: page.items.map((repo) => repository(repo, urls)), link: page.link };
}

/** Newest-first `list` narrowed to since ≤ author date ≤ until, by binary search. */
export function between(list: readonly Commit[], since: number | undefined, until: number | undefined): readonly Commit[] {
  const firstWhere = (test: (commit: Commit) => boolean) => {
    let [low, high] = [0, list.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (test(list[middle] as Commit)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const start = until === undefined ? 0 : firstWhere((commit) => commit.authoredAt <= until);
  const end = since === undefined ? list.length : firstWhere((commit) => commit.authoredAt < since);
  return start === 0 && end === list.length ? list : list.slice(start, end);
}

function listCommits(context: RouteContext): Answer {
  const { store, query, url, urls } = context;
  const repo = repositoryOf(context);
  const all = store.commitsByRepo.get(repo.key) ?? [];
  if (all.length === 0) {
    return { status: 409, body: errorBody(409, 'Git Repository is empty.', `${DOCS}/commits/commits#list-commits`) };
  }
  const since = time(query, 'since');
  const until = time(query, 'until');
  const author = query.get('author')?.toLowerCase();
  let commits: readonly Commit[] = all;
  if (author && !author.includes('@')) commits = store.commitsByRepoAuthor.get(repo.key)?.get(author) ?? [];
  commits = between(commits, since, until);
  if (author?.includes('@')) commits = commits.filter((entry) => entry.authorEmail.toLowerCase() === author);
  const committer = query.get('committer')?.toLowerCase();
  if (committer) {
    commits = commits.filter((entry) => (committer.includes('@') ? entry.committerEmail.toLowerCase() : entry.committer?.login.toLowerCase()) === committer);
  }
  const path = query.get('path')?.replace(/^\/+|\/+$/g, '');
  if (path) commits = commits.filter((entry) => entry.files.some((file) => file === path || file.startsWith(`${path}/`)));
  const page = paginate(commits, url);
  return { status: 200, body: page.items.map((entry) => commit(entry, urls)), link: page.link };
}

function listPulls(context: RouteContext): Answer {
  const { store, query, url, urls } = context;
  const repo = repositoryOf(context);
  const state = query.get('state') ?? 'open';
  const head = query.get('head');
  const base = query.get('base');
  let pulls = (store.pullsByRepo.get(repo.key) ?? []).filter(
    (pull) =>
      (state === 'all' || (state === 'closed') === (pull.closedAt !== null)) &&
      (!head || head === `${repo.owner.login}:${pull.headRef}` || head === pull.headRef) &&
      (!base || base === repo.defaultBranch),
  );
  const sort = query.get('sort') ?? 'created';
  const order = direction(query, sort === 'created' ? 'desc' : 'asc');
  if (!(sort === 'created' && order === 'desc')) {
    const keys: Record<string, (pull: PullRequest) => number> = { updated: (pull) => pull.updatedAt, popularity: (pull) => pull.comments };
    pulls = sorted(pulls, keys[sort] ?? ((pull) => pull.createdAt), order);
  }
  const page = paginate(pulls, url);
  return { status: 200, body: page.items.map((pull) => pullSimple(store, pull, urls)), link: page.link };
}

function listIssues(context: RouteContext): Answer {
  const { store, query, url, urls } = context;
  const repo = repositoryOf(context);
  const creator = query.get('creator')?.toLowerCase();
  let items: readonly IssueLike[] = creator
    ? (store.issuesByRepoCreator.get(repo.key)?.get(creator) ?? [])
    : (store.issuesByRepo.get(repo.key) ?? []);
  const state = query.get('state') ?? 'open';
  const since = time(query, 'since');
  const labels = query.get('labels')?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
  // Nobody is assigned, mentioned or in a milestone in a dataset.
  const nobody = (name: string, none: string) => {
    const value = query.get(name);
    return value !== null && value !== none;
  };
  if (nobody('assignee', 'none') || nobody('mentioned', '') || nobody('milestone', 'none')) items = [];
  items = items.filter(
    (item) =>
      (state === 'all' || (state === 'closed') === (item.closedAt !== null)) &&
      (since === undefined || item.updatedAt >= since) &&
      labels.every((name) => item.labels.includes(name)),
  );
  const sort = query.get('sort') ?? 'created';
  const order = direction(query, 'desc');
  if (!(sort === 'created' && order === 'desc')) {
    const keys: Record<string, (item: IssueLike) => number> = { updated: (item) => item.updatedAt, comments: (item) => item.comments };
    items = sorted(items, keys[sort] ?? ((item) => item.createdAt), order);
  }
  const page = paginate(items, url);
  return { status: 200, body: page.items.map((item) => issue(store, item, urls)), link: page.link };
}

/**
 * The GitHub REST calls the emulator answers, as data: path template, the
 * page of GitHub's docs it mirrors (sent in its errors, like GitHub), and
 * the handler. Query parameters are GitHub's; unknown ones are ignored.
 */
export const routes: readonly Route[] = [
  {
    path: '/users/{username}',
    docs: `${DOCS}/users/users#get-a-user`,
    handle: (context) => ({ status: 200, body: publicUser(context.store, accountOf(context.store, context.params['username']), context.urls) }),
  },
  {
    path: '/users/{username}/repos',
    docs: `${DOCS}/repos/repos#list-repositories-for-a-user`,
    handle: (context) => listRepositories(context, accountOf(context.store, context.params['username']), 'user'),
  },
  {
    path: '/orgs/{org}',
    docs: `${DOCS}/orgs/orgs#get-an-organization`,
    handle: (context) => ({ status: 200, body: organizationFull(context.store, organizationOf(context), context.urls) }),
  },
  {
    path: '/orgs/{org}/repos',
    docs: `${DOCS}/repos/repos#list-organization-repositories`,
    handle: (context) => listRepositories(context, organizationOf(context), 'org'),
  },
  {
    path: '/repos/{owner}/{repo}',
    docs: `${DOCS}/repos/repos#get-a-repository`,
    handle: (context) => ({ status: 200, body: fullRepository(repositoryOf(context), context.urls) }),
  },
  { path: '/repos/{owner}/{repo}/commits', docs: `${DOCS}/commits/commits#list-commits`, handle: listCommits },
  { path: '/repos/{owner}/{repo}/pulls', docs: `${DOCS}/pulls/pulls#list-pull-requests`, handle: listPulls },
  {
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    docs: `${DOCS}/pulls/pulls#get-a-pull-request`,
    handle: (context) => ({ status: 200, body: pullDetail(context.store, pullOf(context), context.urls) }),
  },
  {
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    docs: `${DOCS}/pulls/reviews#list-reviews-for-a-pull-request`,
    handle: (context) => {
      const pull = pullOf(context);
      const page = paginate(pull.reviews, context.url);
      return { status: 200, body: page.items.map((entry) => review(context.store, pull, entry, context.urls)), link: page.link };
    },
  },
  { path: '/repos/{owner}/{repo}/issues', docs: `${DOCS}/issues/issues#list-repository-issues`, handle: listIssues },
  ...deploymentRoutes,
  {
    path: '/orgs/{org}/members',
    docs: `${DOCS}/orgs/members#list-organization-members`,
    handle: (context) => {
      const org = organizationOf(context);
      // Public membership is not modelled: who may not see the members sees none, as GitHub shows only public ones.
      const members = context.viewer.canSeeMembers(org) ? membersOf(context.store, org) : [];
      const page = paginate(members.map((login) => accountOf(context.store, login)), context.url);
      return { status: 200, body: page.items.map((account) => simpleUser(account, context.urls)), link: page.link };
    },
  },
  { path: '/search/issues', docs: `${DOCS}/search/search#search-issues-and-pull-requests`, handle: searchIssues, resource: 'search' },
];

function organizationOf(context: RouteContext): Account {
  const account = accountOf(context.store, context.params['org']);
  if (account.type !== 'Organization') throw notFound();
  return account;
}
