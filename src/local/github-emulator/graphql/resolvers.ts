import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLFieldResolver, type GraphQLInterfaceType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { isoTime, nodeId } from '../identity';
import { membersOf } from '../installations';
import type { Account, Commit, Deployment, Issue, PullRequest, Repository, Store } from '../model';
import type { Viewer } from '../route-support';
import {
  commitNodeId, gitActor, history, issues, issueState, labelNodeId, labels, maybeTime, messageParts, parents, pullRequests, pullState, reviews,
  type LabelNode, type ReviewNode,
} from './activity';
import { connection, keyCursors, type PageArgs } from './connection';
import { DEPLOYMENT_RESOLVERS, deploymentNodes, deployments, int32OrNull, type DeploymentStatusNode } from './deployments';
import { notFound } from './errors';

/**
 * The emulator's GraphQL schema (schema.graphql, GitHub's own SDL cut down)
 * with resolvers over the store: what a caller may see follows the REST
 * side's `Viewer`, so a private repository is as absent here as there.
 */
export interface RateLimitAnswer {
  readonly cost: number;
  readonly limit: number;
  readonly nodeCount: number;
  readonly remaining: number;
  readonly resetAt: string;
  readonly used: number;
}

export interface GraphqlContext {
  readonly store: Store;
  readonly viewer: Viewer;
  /** `Query.viewer`: the caller as an account, or the error GitHub answers for it. */
  readonly viewerAccount: () => Account;
  readonly rateLimit: RateLimitAnswer;
}

interface RefNode {
  readonly kind: 'ref';
  readonly repo: Repository;
  readonly head: Commit;
}

type Source = Account | Repository | Commit | PullRequest | Issue | ReviewNode | LabelNode | RefNode | Deployment | DeploymentStatusNode;
type Resolver = GraphQLFieldResolver<unknown, GraphqlContext>;
type Resolvers = Record<string, Record<string, (source: never, args: never, context: GraphqlContext) => unknown>>;

function typeName(source: Source): string {
  if ('kind' in source) {
    return { pull: 'PullRequest', issue: 'Issue', review: 'PullRequestReview', label: 'Label', ref: 'Ref', 'deployment-status': 'DeploymentStatus' }[source.kind];
  }
  if ('statuses' in source) return 'Deployment';
  if ('sha' in source) return 'Commit';
  if ('fullName' in source) return 'Repository';
  return source.type;
}

function repositoryOf(source: Source): Repository | undefined {
  if ('kind' in source) return source.kind === 'review' ? source.pull.repo : source.kind === 'deployment-status' ? source.deployment.repo : source.repo;
  if ('sha' in source) return source.repo;
  if ('fullName' in source) return source;
  return undefined;
}

const nodeIndexes = new WeakMap<Store, Map<string, Source>>();

/** Every object `node(id:)` can find, by its global id; built on first use. */
function nodeIndex(store: Store): Map<string, Source> {
  const known = nodeIndexes.get(store);
  if (known) return known;
  const index = new Map<string, Source>();
  for (const account of store.accounts.values()) index.set(account.nodeId, account);
  for (const repo of store.repositories.values()) index.set(repo.nodeId, repo);
  for (const commits of store.commitsByRepo.values()) for (const commit of commits) index.set(commitNodeId(commit), commit);
  for (const items of store.issuesByRepo.values()) {
    for (const item of items) {
      index.set(item.nodeId, item);
      if (item.kind === 'pull') for (const review of item.reviews) index.set(review.nodeId, { kind: 'review', review, pull: item });
    }
  }
  for (const [id, node] of deploymentNodes(store)) index.set(id, node);
  nodeIndexes.set(store, index);
  return index;
}

function findNode(context: GraphqlContext, id: string): Source {
  const found = nodeIndex(context.store).get(id);
  const repo = found && repositoryOf(found);
  if (!found || (repo && !context.viewer.canSee(repo))) throw notFound('a node', `with the global id of '${id}'`);
  return found;
}

const accountFields = {
  id: (source: Account) => source.nodeId,
  databaseId: (source: Account) => int32OrNull(source.id),
  createdAt: (source: Account) => isoTime(source.createdAt),
};

const defaultBranchRef = (repo: Repository, context: GraphqlContext): RefNode | null => {
  const head = context.store.commitsByRepo.get(repo.key)?.[0];
  return head ? { kind: 'ref', repo, head } : null;
};

const issueLike = {
  id: (item: PullRequest | Issue) => item.nodeId,
  fullDatabaseId: (item: PullRequest | Issue) => String(item.id),
  body: (item: PullRequest | Issue) => item.body ?? '',
  closed: (item: PullRequest | Issue) => item.closedAt !== null,
  closedAt: (item: PullRequest | Issue) => maybeTime(item.closedAt),
  createdAt: (item: PullRequest | Issue) => isoTime(item.createdAt),
  updatedAt: (item: PullRequest | Issue) => isoTime(item.updatedAt),
};

const RESOLVERS: Resolvers = {
  Query: {
    // GitHub's: base64 of `05:Query`.
    id: () => nodeId('Query', ''),
    rateLimit: (_root: unknown, _args: unknown, context) => context.rateLimit,
    viewer: (_root: unknown, _args: unknown, context) => context.viewerAccount(),
    repository: (_root: unknown, args: { owner: string; name: string }, context) => {
      const found = context.store.repositories.get(`${args.owner}/${args.name}`.toLowerCase());
      if (!found || !context.viewer.canSee(found)) throw notFound('a Repository', `with the name '${args.owner}/${args.name}'`);
      return found;
    },
    organization: (_root: unknown, args: { login: string }, context) => {
      const found = context.store.accounts.get(args.login.toLowerCase());
      if (found?.type !== 'Organization') throw notFound('an Organization', `with the login of '${args.login}'`);
      return found;
    },
    node: (_root: unknown, args: { id: string }, context) => findNode(context, args.id),
    nodes: (_root: unknown, args: { ids: readonly string[] }, context) => args.ids.map((id) => findNode(context, id)),
  },
  User: { ...accountFields },
  // GraphQL names a bot without the `[bot]` REST puts after it (`dependabot`, not `dependabot[bot]`).
  Bot: { ...accountFields, login: (source: Account) => source.login.replace(/\[bot\]$/i, '') },
  Organization: {
    ...accountFields,
    membersWithRole: (org: Account, args: PageArgs, context) => {
      const logins = context.viewer.canSeeMembers(org) ? membersOf(context.store, org) : [];
      const members = logins.flatMap((login) => context.store.accounts.get(login) ?? []);
      const admins = new Set(context.store.owners.get(org.login.toLowerCase()) ?? logins.slice(0, 1));
      const page = connection(members, args, keyCursors((member: Account) => member.id));
      return { ...page, edges: page.edges.map((edge) => ({ ...edge, role: admins.has(edge.node.login.toLowerCase()) ? 'ADMIN' : 'MEMBER' })) };
    },
  },
  Repository: {
    id: (repo: Repository) => repo.nodeId,
    databaseId: (repo: Repository) => int32OrNull(repo.id),
    nameWithOwner: (repo: Repository) => repo.fullName,
    isPrivate: (repo: Repository) => repo.private,
    isArchived: (repo: Repository) => repo.archived,
    createdAt: (repo: Repository) => isoTime(repo.createdAt),
    pushedAt: (repo: Repository) => isoTime(repo.pushedAt),
    updatedAt: (repo: Repository) => isoTime(repo.updatedAt),
    defaultBranchRef: (repo: Repository, _args: unknown, context) => defaultBranchRef(repo, context),
    pullRequests: (repo: Repository, args: Parameters<typeof pullRequests>[2], context) => pullRequests(context.store, repo, args),
    issues: (repo: Repository, args: Parameters<typeof issues>[2], context) => issues(context.store, repo, args),
    deployments: (repo: Repository, args: Parameters<typeof deployments>[2], context) => deployments(context.store, repo, args),
    pullRequest: (repo: Repository, args: { number: number }, context) => {
      const found = context.store.pullByNumber.get(repo.key)?.get(args.number);
      if (!found) throw notFound('a PullRequest', `with the number of ${args.number}`);
      return found;
    },
    issue: (repo: Repository, args: { number: number }, context) => {
      const found = context.store.issuesByRepo.get(repo.key)?.find((item) => item.kind === 'issue' && item.number === args.number);
      if (!found) throw notFound('an Issue', `with the number of ${args.number}`);
      return found;
    },
  },
  Ref: {
    id: (ref: RefNode) => nodeId('Ref', `${ref.repo.id}:refs/heads/${ref.repo.defaultBranch}`),
    name: (ref: RefNode) => ref.repo.defaultBranch,
    prefix: () => 'refs/heads/',
    target: (ref: RefNode) => ref.head,
  },
  Commit: {
    id: (commit: Commit) => commitNodeId(commit),
    oid: (commit: Commit) => commit.sha,
    abbreviatedOid: (commit: Commit) => commit.sha.slice(0, 7),
    messageHeadline: (commit: Commit) => messageParts(commit.message).headline,
    messageBody: (commit: Commit) => messageParts(commit.message).body,
    authoredDate: (commit: Commit) => isoTime(commit.authoredAt),
    committedDate: (commit: Commit) => isoTime(commit.committedAt),
    changedFilesIfAvailable: (commit: Commit) => commit.files.length,
    author: (commit: Commit) => gitActor(commit.author, commit.authorName, commit.authorEmail, commit.authoredAt),
    committer: (commit: Commit) => gitActor(commit.committer, commit.committerName, commit.committerEmail, commit.committedAt),
    history: (commit: Commit, args: Parameters<typeof history>[2], context) => history(context.store, commit, args),
    parents: (commit: Commit, args: PageArgs, context) => parents(context.store, commit, args),
  },
  PullRequest: {
    ...issueLike,
    state: (pull: PullRequest) => pullState(pull),
    merged: (pull: PullRequest) => pull.mergedAt !== null,
    mergedAt: (pull: PullRequest) => maybeTime(pull.mergedAt),
    isDraft: (pull: PullRequest) => pull.draft,
    baseRefName: (pull: PullRequest) => pull.repo.defaultBranch,
    headRefName: (pull: PullRequest) => pull.headRef,
    reviews: (pull: PullRequest, args: Parameters<typeof reviews>[1]) => reviews(pull, args),
  },
  PullRequestReview: {
    id: (node: ReviewNode) => node.review.nodeId,
    fullDatabaseId: (node: ReviewNode) => String(node.review.id),
    author: (node: ReviewNode) => node.review.reviewer,
    state: (node: ReviewNode) => node.review.state,
    body: (node: ReviewNode) => node.review.body,
    submittedAt: (node: ReviewNode) => maybeTime(node.review.submittedAt),
    createdAt: (node: ReviewNode) => isoTime(node.review.submittedAt ?? node.pull.createdAt),
  },
  Issue: {
    ...issueLike,
    state: (item: Issue) => issueState(item),
    labels: (item: Issue, args: PageArgs) => labels(item.repo, item.labels, args),
  },
  Label: { id: (label: LabelNode) => labelNodeId(label) },
  ...DEPLOYMENT_RESOLVERS,
};

/** Attaches the resolvers, failing at start-up when one names a field the schema lacks. */
function attach(schema: GraphQLSchema): GraphQLSchema {
  for (const [type, fields] of Object.entries(RESOLVERS)) {
    const object = schema.getType(type) as GraphQLObjectType | undefined;
    for (const [field, resolve] of Object.entries(fields)) {
      const definition = object?.getFields()[field];
      if (!definition) throw new TypeError(`The GraphQL resolvers name ${type}.${field}, which schema.graphql lacks`);
      definition.resolve = resolve as unknown as Resolver;
    }
  }
  for (const name of ['Node', 'Actor', 'RepositoryOwner', 'GitObject']) {
    (schema.getType(name) as GraphQLInterfaceType).resolveType = (source) => typeName(source as Source);
  }
  return schema;
}

export const githubSchema: GraphQLSchema = attach(buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')));
