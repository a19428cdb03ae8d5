import { isoTime } from './identity';
import type { Account, Commit, IssueLike, PullRequest, Repository, Review, Store } from './model';
import { HTML_BASE, repository, simpleUser, type Urls } from './render-accounts';

/**
 * Commits, pull requests, reviews and issues in GitHub's JSON (the
 * `commit`, `pull-request-simple`, `pull-request`, `pull-request-review` and
 * `issue` schemas of @octokit/openapi-types).
 */
const maybeTime = (time: number | null) => (time === null ? null : isoTime(time));

function repoUrl(repo: Repository, { api }: Urls): string {
  return `${api}/repos/${repo.owner.login}/${repo.name}`;
}

/** OWNER, MEMBER (active in the owning organization), CONTRIBUTOR (has commits here) or NONE. */
function association(store: Store, repo: Repository, who: Account): string {
  const login = who.login.toLowerCase();
  if (login === repo.owner.login.toLowerCase()) return 'OWNER';
  if (repo.owner.type === 'Organization' && store.members.get(repo.owner.login.toLowerCase())?.has(login)) return 'MEMBER';
  if (store.contributors.get(repo.key)?.has(login)) return 'CONTRIBUTOR';
  return 'NONE';
}

/** One element of `GET /repos/{owner}/{repo}/commits`. */
export function commit(entry: Commit, urls: Urls) {
  const url = `${repoUrl(entry.repo, urls)}/commits/${entry.sha}`;
  const html = `${HTML_BASE}/${entry.repo.fullName}/commit/${entry.sha}`;
  // The dataset has no trees; any stable sha will do.
  const tree = entry.sha.split('').reverse().join('');
  return {
    sha: entry.sha,
    node_id: Buffer.from(`06:Commit${entry.repo.id}:${entry.sha}`).toString('base64'),
    commit: {
      author: { name: entry.authorName, email: entry.authorEmail, date: isoTime(entry.authoredAt) },
      committer: { name: entry.committerName, email: entry.committerEmail, date: isoTime(entry.committedAt) },
      message: entry.message,
      tree: { sha: tree, url: `${repoUrl(entry.repo, urls)}/git/trees/${tree}` },
      url: `${repoUrl(entry.repo, urls)}/git/commits/${entry.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    url,
    html_url: html,
    comments_url: `${url}/comments`,
    author: entry.author ? simpleUser(entry.author, urls) : null,
    committer: entry.committer ? simpleUser(entry.committer, urls) : null,
    parents: entry.parents.map((sha) => ({
      sha,
      url: `${repoUrl(entry.repo, urls)}/commits/${sha}`,
      html_url: `${HTML_BASE}/${entry.repo.fullName}/commit/${sha}`,
    })),
  };
}

function state(item: IssueLike): 'open' | 'closed' {
  return item.closedAt === null ? 'open' : 'closed';
}

/** One element of `GET /repos/{owner}/{repo}/pulls`: no `merged`, `additions`, `deletions` or `changed_files`, like GitHub's list. */
export function pullSimple(store: Store, pull: PullRequest, urls: Urls) {
  const base = repoUrl(pull.repo, urls);
  const url = `${base}/pulls/${pull.number}`;
  const html = `${HTML_BASE}/${pull.repo.fullName}/pull/${pull.number}`;
  const repo = repository(pull.repo, urls);
  const author = simpleUser(pull.author, urls);
  const owner = simpleUser(pull.repo.owner, urls);
  return {
    url,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${base}/issues/${pull.number}`,
    number: pull.number,
    state: state(pull),
    locked: false,
    title: pull.title,
    user: author,
    body: pull.body,
    created_at: isoTime(pull.createdAt),
    updated_at: isoTime(pull.updatedAt),
    closed_at: maybeTime(pull.closedAt),
    merged_at: maybeTime(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: pull.labels.map((name) => label(pull.repo, name, urls)),
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${base}/pulls/comments{/number}`,
    comments_url: `${base}/issues/${pull.number}/comments`,
    statuses_url: `${base}/statuses/${pull.headSha}`,
    head: { label: `${pull.repo.owner.login}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha, user: owner, repo },
    base: { label: `${pull.repo.owner.login}:${pull.repo.defaultBranch}`, ref: pull.repo.defaultBranch, sha: pull.baseSha, user: owner, repo },
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${base}/issues/${pull.number}` },
      comments: { href: `${base}/issues/${pull.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${base}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${base}/statuses/${pull.headSha}` },
    },
    author_association: association(store, pull.repo, pull.author),
    auto_merge: null,
    active_lock_reason: null,
  };
}

/** `GET /repos/{owner}/{repo}/pulls/{number}`. */
export function pullDetail(store: Store, pull: PullRequest, urls: Urls) {
  const open = pull.closedAt === null;
  return {
    ...pullSimple(store, pull, urls),
    merged: pull.mergedAt !== null,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? 'clean' : 'unknown',
    merged_by: pull.mergedBy ? simpleUser(pull.mergedBy, urls) : null,
    comments: pull.comments,
    review_comments: pull.reviewComments,
    maintainer_can_modify: false,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changedFiles,
  };
}

/** One element of `GET /repos/{owner}/{repo}/pulls/{number}/reviews`. */
export function review(store: Store, pull: PullRequest, entry: Review, urls: Urls) {
  const html = `${HTML_BASE}/${pull.repo.fullName}/pull/${pull.number}#pullrequestreview-${entry.id}`;
  const pullUrl = `${repoUrl(pull.repo, urls)}/pulls/${pull.number}`;
  return {
    id: entry.id,
    node_id: entry.nodeId,
    user: simpleUser(entry.reviewer, urls),
    body: entry.body,
    state: entry.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: association(store, pull.repo, entry.reviewer),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    ...(entry.submittedAt === null ? {} : { submitted_at: isoTime(entry.submittedAt) }),
    commit_id: entry.commitId,
  };
}

function label(repo: Repository, name: string, urls: Urls) {
  const id = [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, repo.id) % 1_000_000_000;
  return {
    id,
    node_id: Buffer.from(`05:Label${id}`).toString('base64'),
    url: `${repoUrl(repo, urls)}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

/** One element of `GET /repos/{owner}/{repo}/issues`: an issue, or a pull request with its `pull_request` key. */
export function issue(store: Store, item: IssueLike, urls: Urls) {
  const base = repoUrl(item.repo, urls);
  const url = `${base}/issues/${item.number}`;
  const isPull = item.kind === 'pull';
  const html = `${HTML_BASE}/${item.repo.fullName}/${isPull ? 'pull' : 'issues'}/${item.number}`;
  return {
    url,
    repository_url: base,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: isPull ? item.issueId : item.id,
    node_id: isPull ? item.issueNodeId : item.nodeId,
    number: item.number,
    title: item.title,
    user: simpleUser(item.author, urls),
    labels: item.labels.map((name) => label(item.repo, name, urls)),
    state: state(item),
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: item.comments,
    created_at: isoTime(item.createdAt),
    updated_at: isoTime(item.updatedAt),
    closed_at: maybeTime(item.closedAt),
    author_association: association(store, item.repo, item.author),
    active_lock_reason: null,
    ...(isPull
      ? {
          draft: item.draft,
          pull_request: {
            url: `${base}/pulls/${item.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: maybeTime(item.mergedAt),
          },
        }
      : {}),
    body: item.body,
    closed_by: null,
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: item.closedAt === null ? null : isPull ? null : 'completed',
  };
}
