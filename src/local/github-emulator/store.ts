import type { Dataset, DatasetCommit } from './dataset';
import { GithubDatasetError } from './errors';
import { IdAllocator, isBotLogin, nodeId, sha1 } from './identity';
import type { Account, Commit, Deployment, Issue, IssueLike, PullRequest, Repository, Review, Store } from './model';
import { buildDeployments } from './store-deployments';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY_MS;

/** How far the anchor moves every timestamp (see `anchorShift` in dataset.ts). */
export function anchorShiftMs(dataset: Pick<Dataset, 'anchor' | 'anchorShift'>, now: number): number {
  if (!dataset.anchor) return 0;
  const exact = now - Date.parse(dataset.anchor);
  if (dataset.anchorShift === 'whole-weeks') return Math.floor(exact / WEEK_MS) * WEEK_MS;
  // GitHub's times have whole seconds; a whole-second shift keeps them so.
  return Math.round(exact / 1000) * 1000;
}

const byNewest = <T extends { readonly createdAt: number; readonly number: number }>(a: T, b: T) => b.createdAt - a.createdAt || b.number - a.number;
const commitsByNewest = (a: Commit, b: Commit) => b.authoredAt - a.authoredAt || (a.sha < b.sha ? -1 : 1);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nested<V>(map: Map<string, Map<string, V[]>>, outer: string, inner: string, value: V): void {
  let level = map.get(outer);
  if (!level) map.set(outer, (level = new Map()));
  push(level, inner, value);
}

/** The dataset's sha, else one derived from the commit's repository, place in the file and content, so it is the same every run. */
export function commitSha(repoKey: string, index: number, entry: Pick<DatasetCommit, 'sha' | 'date' | 'message'>): string {
  return (entry.sha ?? sha1(`${repoKey}\n${index}\n${entry.date}\n${entry.message}`)).toLowerCase();
}

/** Accounts declared and ids taken by a store built before, for building a part to add to it (organization-copies.ts). */
export interface StoreBase {
  readonly accounts: ReadonlyMap<string, Account>;
  readonly ids: IdAllocator;
}

/** Turns a validated dataset into the indexed, shifted model the routes read. */
export function buildStore(dataset: Dataset, options: { now?: number; base?: StoreBase } = {}): Store {
  const loadedAt = options.now ?? Date.now();
  const shiftMs = anchorShiftMs(dataset, loadedAt);
  const ids = options.base?.ids ?? new IdAllocator();
  const at = (value: string) => Date.parse(value) + shiftMs;
  const atOrNull = (value: string | null | undefined) => (value ? at(value) : null);

  let earliest = Number.POSITIVE_INFINITY;
  const note = (time: number) => {
    if (time < earliest) earliest = time;
    return time;
  };
  for (const commit of dataset.commits) note(at(commit.date));
  for (const pull of dataset.pullRequests) note(at(pull.createdAt));
  for (const issue of dataset.issues) note(at(issue.createdAt));
  if (!Number.isFinite(earliest)) earliest = loadedAt;

  const accounts = new Map<string, Account>(options.base?.accounts);
  const declare = (account: Omit<Account, 'id' | 'nodeId'> & { readonly id?: number | undefined }) => {
    const key = account.login.toLowerCase();
    if (accounts.has(key)) throw new GithubDatasetError(`The GitHub dataset declares the login "${account.login}" twice.`);
    const id = ids.allocate('account', key, account.id);
    const created: Account = { ...account, id, nodeId: nodeId(account.type, id) };
    accounts.set(key, created);
    return created;
  };
  const blank = { name: null, email: null, company: null, location: null, description: null };
  for (const org of dataset.organizations) {
    declare({ ...blank, login: org.login, id: org.id, type: 'Organization', name: org.name ?? null, email: org.email ?? null,
      description: org.description ?? null, createdAt: org.createdAt ? at(org.createdAt) : earliest - YEAR_MS });
  }
  for (const user of dataset.users) {
    declare({ ...blank, login: user.login, id: user.id, type: user.type ?? (isBotLogin(user.login) ? 'Bot' : 'User'),
      name: user.name ?? null, email: user.email ?? null, company: user.company ?? null, location: user.location ?? null,
      createdAt: user.createdAt ? at(user.createdAt) : earliest - YEAR_MS });
  }
  /** A login used but never declared: GitHub would know it, so the emulator makes it up. */
  const account = (login: string): Account =>
    accounts.get(login.toLowerCase()) ??
    declare({ ...blank, login, type: isBotLogin(login) ? 'Bot' : 'User', createdAt: earliest - YEAR_MS });

  type RepoDraft = { -readonly [K in keyof Repository]: Repository[K] } & { explicitCreatedAt: boolean };
  const drafts = new Map<string, RepoDraft>();
  const declareRepository = (owner: string, name: string, declared: Partial<RepoDraft> & { id?: number | undefined } = {}): RepoDraft => {
    const ownerAccount = account(owner);
    const fullName = `${ownerAccount.login}/${name}`;
    const key = fullName.toLowerCase();
    if (drafts.has(key)) throw new GithubDatasetError(`The GitHub dataset declares the repository "${fullName}" twice.`);
    const { id: givenId, ...fields } = declared;
    const id = ids.allocate('repository', key, givenId);
    const draft: RepoDraft = {
      key, owner: ownerAccount, name, fullName, id, nodeId: nodeId('Repository', id), private: false, language: null, description: null,
      defaultBranch: 'main', archived: false, topics: [], createdAt: Number.POSITIVE_INFINITY, pushedAt: 0, updatedAt: 0, openIssues: 0,
      explicitCreatedAt: false, ...fields,
    };
    drafts.set(key, draft);
    return draft;
  };
  for (const repo of dataset.repositories) {
    declareRepository(repo.owner, repo.name, {
      id: repo.id, private: repo.private, language: repo.language ?? null, description: repo.description ?? null,
      defaultBranch: repo.defaultBranch, archived: repo.archived, topics: repo.topics,
      ...(repo.createdAt ? { createdAt: at(repo.createdAt), explicitCreatedAt: true } : {}),
    });
  }
  const repository = (fullName: string): RepoDraft => {
    const existing = drafts.get(fullName.toLowerCase());
    if (existing) return existing;
    const [owner = '', name = ''] = fullName.split('/');
    return declareRepository(owner, name);
  };
  const touch = (repo: RepoDraft, time: number) => {
    if (!repo.explicitCreatedAt && time - DAY_MS < repo.createdAt) repo.createdAt = time - DAY_MS;
    if (time > repo.updatedAt) repo.updatedAt = time;
  };

  const commitsByRepo = new Map<string, Commit[]>();
  const contributors = new Map<string, Set<string>>();
  const members = new Map<string, Set<string>>();
  const active = (repo: RepoDraft, who: Account | null, committed: boolean) => {
    if (!who || who.type !== 'User') return;
    if (committed) (contributors.get(repo.key) ?? contributors.set(repo.key, new Set()).get(repo.key))?.add(who.login.toLowerCase());
    if (repo.owner.type === 'Organization') {
      const org = repo.owner.login.toLowerCase();
      (members.get(org) ?? members.set(org, new Set()).get(org))?.add(who.login.toLowerCase());
    }
  };
  const noReply = (who: Account) => `${who.id}+${who.login}@users.noreply.github.com`;
  dataset.commits.forEach((entry, index) => {
    const repo = repository(entry.repo);
    const author = entry.author ? account(entry.author) : null;
    const committer = entry.committer ? account(entry.committer) : author;
    const authoredAt = at(entry.date);
    const committedAt = entry.committedAt ? at(entry.committedAt) : authoredAt;
    const authorName = entry.authorName ?? author?.name ?? author?.login ?? 'Unknown';
    const authorEmail = entry.authorEmail ?? author?.email ?? (author ? noReply(author) : 'unknown@example.invalid');
    const sha = commitSha(repo.key, index, entry);
    const commit: Commit = {
      repo, sha, author, authorName, authorEmail, authoredAt, committer,
      committerName: committer === author ? authorName : (committer?.name ?? committer?.login ?? authorName),
      committerEmail: committer === author ? authorEmail : (committer?.email ?? (committer ? noReply(committer) : authorEmail)),
      committedAt, message: entry.message,
      // Placeholder count; the real parent shas are set once the repository's history is sorted.
      parents: Array.from({ length: entry.parents }, () => ''),
      additions: entry.additions, deletions: entry.deletions, files: entry.files,
    };
    push(commitsByRepo, repo.key, commit);
    touch(repo, authoredAt);
    if (committedAt > repo.pushedAt) repo.pushedAt = committedAt;
    active(repo, author, true);
  });

  const numbers = new Map<string, Set<number>>();
  const claimNumber = (repo: RepoDraft, number: number, what: string) => {
    const used = numbers.get(repo.key) ?? numbers.set(repo.key, new Set()).get(repo.key);
    if (used?.has(number)) throw new GithubDatasetError(`The GitHub dataset has two issues or pull requests numbered ${number} in ${repo.fullName} (the second is ${what}); they share one numbering on GitHub.`);
    used?.add(number);
  };

  const pullsByRepo = new Map<string, PullRequest[]>();
  for (const entry of dataset.pullRequests) {
    const repo = repository(entry.repo);
    claimNumber(repo, entry.number, `pull request ${entry.number}`);
    const key = `${repo.key}#${entry.number}`;
    const id = ids.allocate('pull', key, entry.id);
    const issueId = ids.allocate('issue', key);
    const createdAt = at(entry.createdAt);
    const mergedAt = atOrNull(entry.mergedAt);
    const closedAt = atOrNull(entry.closedAt) ?? mergedAt;
    const headSha = sha1(`${key}:head`);
    const reviews: Review[] = entry.reviews.map((review, index) => {
      const reviewId = ids.allocate('review', `${key}:${index}`, review.id);
      const submittedAt = review.state === 'PENDING' ? null : (atOrNull(review.submittedAt) ?? createdAt);
      return { id: reviewId, nodeId: nodeId('PullRequestReview', reviewId), reviewer: account(review.reviewer), state: review.state,
        submittedAt, body: review.body, commitId: headSha };
    });
    reviews.sort((a, b) => (a.submittedAt ?? Number.POSITIVE_INFINITY) - (b.submittedAt ?? Number.POSITIVE_INFINITY) || a.id - b.id);
    const latest = Math.max(createdAt, closedAt ?? 0, mergedAt ?? 0, ...reviews.map((review) => review.submittedAt ?? 0));
    const author = account(entry.author);
    const pull: PullRequest = {
      kind: 'pull', repo, number: entry.number, id, nodeId: nodeId('PullRequest', id), issueId, issueNodeId: nodeId('Issue', issueId),
      author, title: entry.title, body: entry.body ?? null, labels: entry.labels, createdAt,
      updatedAt: entry.updatedAt ? Math.max(at(entry.updatedAt), latest) : latest, closedAt, mergedAt,
      mergedBy: mergedAt === null ? null : account(entry.mergedBy ?? entry.author), draft: entry.draft,
      headRef: entry.headRef ?? `${author.login.replace(/\[bot\]$/, '')}/pr-${entry.number}`, headSha,
      baseSha: sha1(`${key}:base`), mergeCommitSha: sha1(`${key}:merge`), additions: entry.additions, deletions: entry.deletions,
      changedFiles: entry.changedFiles, commits: entry.commits, comments: entry.comments, reviewComments: entry.reviewComments, reviews,
    };
    push(pullsByRepo, repo.key, pull);
    touch(repo, pull.updatedAt);
    active(repo, author, false);
    if (closedAt === null) repo.openIssues += 1;
  }

  const issuesOnly = new Map<string, Issue[]>();
  for (const entry of dataset.issues) {
    const repo = repository(entry.repo);
    claimNumber(repo, entry.number, `issue ${entry.number}`);
    const id = ids.allocate('issue', `${repo.key}#${entry.number}`, entry.id);
    const createdAt = at(entry.createdAt);
    const closedAt = atOrNull(entry.closedAt);
    const latest = Math.max(createdAt, closedAt ?? 0);
    const issue: Issue = {
      kind: 'issue', repo, number: entry.number, id, nodeId: nodeId('Issue', id), author: account(entry.author), title: entry.title,
      body: entry.body ?? null, labels: entry.labels, createdAt, updatedAt: entry.updatedAt ? Math.max(at(entry.updatedAt), latest) : latest,
      closedAt, comments: entry.comments,
    };
    push(issuesOnly, repo.key, issue);
    touch(repo, issue.updatedAt);
    if (closedAt === null) repo.openIssues += 1;
  }

  const deploymentsByRepo = buildDeployments(dataset.deployments, { ids, at, account, repository });

  for (const draft of drafts.values()) {
    if (!Number.isFinite(draft.createdAt)) draft.createdAt = earliest - DAY_MS;
    if (draft.pushedAt === 0) draft.pushedAt = draft.createdAt;
    draft.updatedAt = Math.max(draft.updatedAt, draft.pushedAt, draft.createdAt);
  }
  const owners = new Map<string, readonly string[]>();
  for (const org of dataset.organizations) {
    const key = org.login.toLowerCase();
    if (org.members) members.set(key, new Set(org.members.map((login) => account(login).login.toLowerCase())));
    if (org.owners) owners.set(key, org.owners.map((login) => account(login).login.toLowerCase()));
  }
  return indexStore({ loadedAt, shiftMs, accounts, drafts, commitsByRepo, pullsByRepo, issuesOnly, contributors, members, owners, deploymentsByRepo });
}

function indexStore(parts: {
  loadedAt: number; shiftMs: number; accounts: Map<string, Account>; drafts: Map<string, Repository>;
  commitsByRepo: Map<string, Commit[]>; pullsByRepo: Map<string, PullRequest[]>; issuesOnly: Map<string, Issue[]>;
  contributors: Map<string, Set<string>>; members: Map<string, Set<string>>; owners: Map<string, readonly string[]>;
  deploymentsByRepo: Map<string, Deployment[]>;
}): Store {
  const repositoriesByOwner = new Map<string, Repository[]>();
  for (const repo of parts.drafts.values()) push(repositoriesByOwner, repo.owner.login.toLowerCase(), repo);

  const commitsByRepoAuthor = new Map<string, Map<string, Commit[]>>();
  for (const [key, commits] of parts.commitsByRepo) {
    commits.sort(commitsByNewest);
    // A commit's first parent is the one before it in the repository's history; others (merges) are made up.
    for (let index = commits.length - 1; index >= 0; index -= 1) {
      const commit = commits[index] as Commit & { parents: string[] };
      const previous = commits[index + 1];
      for (let parent = 0; parent < commit.parents.length; parent += 1) {
        commit.parents[parent] = parent === 0 && previous ? previous.sha : sha1(`${commit.sha}:parent:${parent}`);
      }
      if (commit.author) nested(commitsByRepoAuthor, key, commit.author.login.toLowerCase(), commit);
    }
    for (const list of commitsByRepoAuthor.get(key)?.values() ?? []) list.reverse();
  }

  const pullByNumber = new Map<string, Map<number, PullRequest>>();
  const issuesByRepo = new Map<string, IssueLike[]>();
  const issuesByRepoCreator = new Map<string, Map<string, IssueLike[]>>();
  for (const [key, pulls] of parts.pullsByRepo) {
    pulls.sort(byNewest);
    pullByNumber.set(key, new Map(pulls.map((pull) => [pull.number, pull])));
  }
  for (const key of new Set([...parts.pullsByRepo.keys(), ...parts.issuesOnly.keys()])) {
    const all: IssueLike[] = [...(parts.issuesOnly.get(key) ?? []), ...(parts.pullsByRepo.get(key) ?? [])].sort(byNewest);
    issuesByRepo.set(key, all);
    for (const item of all) nested(issuesByRepoCreator, key, item.author.login.toLowerCase(), item);
  }

  return {
    loadedAt: parts.loadedAt, shiftMs: parts.shiftMs, accounts: parts.accounts, repositories: parts.drafts, repositoriesByOwner,
    commitsByRepo: parts.commitsByRepo, commitsByRepoAuthor, pullsByRepo: parts.pullsByRepo, pullByNumber, issuesByRepo,
    issuesByRepoCreator, contributors: parts.contributors, members: parts.members, owners: parts.owners,
    deploymentsByRepo: parts.deploymentsByRepo,
    deploymentById: new Map([...parts.deploymentsByRepo].map(([key, list]) => [key, new Map(list.map((entry) => [entry.id, entry]))])),
  };
}
