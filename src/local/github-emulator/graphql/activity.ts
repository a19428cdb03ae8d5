import { isoTime, nodeId } from '../identity';
import type { Account, Commit, Issue, PullRequest, Repository, Review, Store } from '../model';
import { between } from '../routes';
import { connection, indexCursors, keyCursors, type Connection, type Cursors, type PageArgs } from './connection';

/**
 * The GraphQL side of commits, pull requests, reviews, issues and labels:
 * what their connections list (GitHub's filters and order) and their fields
 * where GraphQL names or shapes them unlike the model.
 */
export interface ReviewNode {
  readonly kind: 'review';
  readonly review: Review;
  readonly pull: PullRequest;
}

export interface LabelNode {
  readonly kind: 'label';
  readonly repo: Repository;
  readonly name: string;
}

export const maybeTime = (time: number | null) => (time === null ? null : isoTime(time));

/** GitHub's REST `node_id` of a commit, so both APIs name it alike. */
export const commitNodeId = (commit: Commit) => Buffer.from(`06:Commit${commit.repo.id}:${commit.sha}`).toString('base64');

const shaIndexes = new WeakMap<readonly Commit[], Map<string, number>>();

/** Where a commit sits in its repository's newest-first history. */
function indexOf(store: Store, commit: Commit): { list: readonly Commit[]; index: number } {
  const list = store.commitsByRepo.get(commit.repo.key) ?? [];
  let index = shaIndexes.get(list);
  if (!index) shaIndexes.set(list, (index = new Map(list.map((entry, position) => [entry.sha, position]))));
  return { list, index: index.get(commit.sha) ?? -1 };
}

export function commitBySha(store: Store, repo: Repository, sha: string): Commit | undefined {
  const head = store.commitsByRepo.get(repo.key)?.[0];
  if (!head) return undefined;
  const { list } = indexOf(store, head);
  const position = shaIndexes.get(list)?.get(sha);
  return position === undefined ? undefined : list[position];
}

/** GitHub's history cursors: base64 of `<sha of the commit the history starts at> <offset>`. */
function historyCursors(head: Commit): Cursors<Commit> {
  return {
    encode: (_commit, index) => Buffer.from(`${head.sha} ${index}`).toString('base64'),
    decode: (cursor, items) => {
      const [sha, offset] = Buffer.from(cursor, 'base64').toString('utf8').split(' ');
      const index = Number(offset);
      return sha === head.sha && Number.isInteger(index) && index >= 0 && index < items.length ? index : undefined;
    },
  };
}

interface HistoryArgs extends PageArgs {
  readonly since?: string | null;
  readonly until?: string | null;
  readonly path?: string | null;
  readonly author?: { readonly id?: string | null; readonly emails?: readonly string[] | null } | null;
}

const timeArg = (value: string | null | undefined) => (value ? Date.parse(value) : undefined);

/** The commit and its ancestors, newest first; `since`/`until` on the author date, as the emulator's REST list (see README). */
export function history(store: Store, commit: Commit, args: HistoryArgs): Connection<Commit> {
  const { list, index } = indexOf(store, commit);
  let commits: readonly Commit[] = between(index <= 0 ? list : list.slice(index), timeArg(args.since), timeArg(args.until));
  const { id, emails } = args.author ?? {};
  if (id) commits = commits.filter((entry) => entry.author?.nodeId === id);
  else if (emails && emails.length > 0) {
    const wanted = new Set(emails.map((email) => email.toLowerCase()));
    commits = commits.filter((entry) => wanted.has(entry.authorEmail.toLowerCase()));
  }
  const path = args.path?.replace(/^\/+|\/+$/g, '');
  if (path) commits = commits.filter((entry) => entry.files.some((file) => file === path || file.startsWith(`${path}/`)));
  return connection(commits, args, historyCursors(commit));
}

export function parents(store: Store, commit: Commit, args: PageArgs): Connection<Commit | null> {
  const found = commit.parents.map((sha) => commitBySha(store, commit.repo, sha) ?? null);
  return connection(found, args, indexCursors as Cursors<Commit | null>);
}

/** `name`, `email`, `date` and `user` of a commit's author or committer; `user` is null for a bot or an unlinked email, as on GitHub. */
export function gitActor(who: Account | null, name: string, email: string, at: number) {
  return { name, email, date: isoTime(at), user: who?.type === 'User' ? who : null };
}

/** The first line, and the rest after the blank line that follows it. */
export function messageParts(message: string): { headline: string; body: string } {
  const [headline = '', ...rest] = message.split('\n');
  return { headline, body: rest.join('\n').replace(/^\s*\n/, '').trim() };
}

export type PullState = 'OPEN' | 'CLOSED' | 'MERGED';
export const pullState = (pull: PullRequest): PullState => (pull.mergedAt !== null ? 'MERGED' : pull.closedAt !== null ? 'CLOSED' : 'OPEN');
export const issueState = (item: Issue | PullRequest) => (item.closedAt === null ? 'OPEN' : 'CLOSED');

interface Order {
  readonly field: 'CREATED_AT' | 'UPDATED_AT' | 'COMMENTS';
  readonly direction: 'ASC' | 'DESC';
}

/** Without `orderBy` GitHub lists oldest first; the store keeps newest first. */
function ordered<T extends PullRequest | Issue>(items: readonly T[], order: Order | null | undefined): readonly T[] {
  if (!order) return [...items].reverse();
  const key = (item: T) => (order.field === 'UPDATED_AT' ? item.updatedAt : order.field === 'COMMENTS' ? item.comments : item.createdAt);
  const sign = order.direction === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a) - key(b)) || sign * (a.number - b.number));
}

const anyLabel = (labels: readonly string[] | null | undefined, item: PullRequest | Issue) =>
  !labels || labels.length === 0 || labels.some((name) => item.labels.includes(name));

interface PullArgs extends PageArgs {
  readonly states?: readonly PullState[] | null;
  readonly labels?: readonly string[] | null;
  readonly headRefName?: string | null;
  readonly baseRefName?: string | null;
  readonly orderBy?: Order | null;
}

export function pullRequests(store: Store, repo: Repository, args: PullArgs): Connection<PullRequest> {
  const pulls = (store.pullsByRepo.get(repo.key) ?? []).filter(
    (pull) =>
      (!args.states || args.states.length === 0 || args.states.includes(pullState(pull))) &&
      anyLabel(args.labels, pull) &&
      (!args.headRefName || args.headRefName === pull.headRef) &&
      (!args.baseRefName || args.baseRefName === repo.defaultBranch),
  );
  return connection(ordered(pulls, args.orderBy), args, keyCursors((pull: PullRequest) => pull.id));
}

interface IssueArgs extends PageArgs {
  readonly states?: readonly ('OPEN' | 'CLOSED')[] | null;
  readonly labels?: readonly string[] | null;
  readonly orderBy?: Order | null;
  readonly filterBy?: {
    readonly since?: string | null; readonly states?: readonly ('OPEN' | 'CLOSED')[] | null; readonly createdBy?: string | null;
    readonly labels?: readonly string[] | null; readonly assignee?: string | null; readonly mentioned?: string | null;
    readonly milestone?: string | null; readonly milestoneNumber?: string | null;
  } | null;
}

/** Issues only (GraphQL lists pull requests apart); nobody is assigned, mentioned or in a milestone in a dataset. */
export function issues(store: Store, repo: Repository, args: IssueArgs): Connection<Issue> {
  const filter = args.filterBy ?? {};
  const since = timeArg(filter.since);
  const creator = filter.createdBy?.toLowerCase();
  const states = [...(args.states ?? []), ...(filter.states ?? [])];
  const nobody = [filter.assignee, filter.mentioned, filter.milestone, filter.milestoneNumber].some((value) => value !== null && value !== undefined);
  const found = nobody ? [] : (store.issuesByRepo.get(repo.key) ?? []).filter(
    (item): item is Issue =>
      item.kind === 'issue' &&
      (states.length === 0 || states.includes(issueState(item))) &&
      (since === undefined || item.updatedAt >= since) &&
      (!creator || item.author.login.toLowerCase() === creator) &&
      anyLabel(args.labels, item) &&
      anyLabel(filter.labels, item),
  );
  return connection(ordered(found, args.orderBy), args, keyCursors((issue: Issue) => issue.id));
}

interface ReviewArgs extends PageArgs {
  readonly states?: readonly Review['state'][] | null;
  readonly author?: string | null;
}

export function reviews(pull: PullRequest, args: ReviewArgs): Connection<ReviewNode> {
  const author = args.author?.toLowerCase();
  const found = pull.reviews
    .filter((review) => (!args.states || args.states.length === 0 || args.states.includes(review.state)) && (!author || review.reviewer.login.toLowerCase() === author))
    .map((review): ReviewNode => ({ kind: 'review', review, pull }));
  return connection(found, args, keyCursors((node: ReviewNode) => node.review.id));
}

export function labels(repo: Repository, names: readonly string[], args: PageArgs): Connection<LabelNode> {
  return connection(names.map((name): LabelNode => ({ kind: 'label', repo, name })), args, indexCursors as Cursors<LabelNode>);
}

export const labelNodeId = (label: LabelNode) => nodeId('Label', `${label.repo.id}:${label.name}`);
