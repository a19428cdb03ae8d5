/**
 * Writes the GitHub emulator's GraphQL schema (src/local/github-emulator/graphql/schema.graphql)
 * as a subset cut out of GitHub's public schema, so every type, field,
 * argument, enum value and description is GitHub's own, never retyped:
 *
 *   npx tsx scripts/github-graphql-subset.ts <octokit/graphql-schema's schema.graphql>
 *
 * The subset is `SUBSET` below: a type's fields as `name` or `name(arg, …)`;
 * `*` keeps a whole enum, input or scalar. Directives other than
 * `@deprecated` are left out (GitHub's `@preview`/`@possibleTypes` are
 * documentation for its own tooling).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  assertValidSchema, buildSchema, Kind, parse, print, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode, type NamedTypeNode,
  type TypeDefinitionNode,
} from 'graphql';

const PAGE = 'after, before, first, last';
const CONNECTION = ['edges', 'nodes', 'pageInfo', 'totalCount'];
const EDGE = ['cursor', 'node'];

export const SUBSET: Readonly<Record<string, readonly string[] | '*'>> = {
  Query: ['id', 'node(id)', 'nodes(ids)', 'organization(login)', 'rateLimit', 'repository(followRenames, name, owner)', 'viewer'],
  Node: ['id'],
  Actor: ['login'],
  RepositoryOwner: ['id', 'login'],
  GitObject: ['abbreviatedOid', 'id', 'oid'],
  RateLimit: ['cost', 'limit', 'nodeCount', 'remaining', 'resetAt', 'used'],
  PageInfo: ['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor'],
  User: ['company', 'createdAt', 'databaseId', 'email', 'id', 'location', 'login', 'name'],
  Bot: ['createdAt', 'databaseId', 'id', 'login'],
  Organization: ['createdAt', 'databaseId', 'description', 'email', 'id', 'login', `membersWithRole(${PAGE})`, 'name'],
  OrganizationMemberConnection: CONNECTION,
  OrganizationMemberEdge: ['cursor', 'node', 'role'],
  OrganizationMemberRole: '*',
  Repository: [
    'createdAt', 'databaseId', 'defaultBranchRef', 'description', 'id', 'isArchived', 'isPrivate', 'issue(number)',
    `issues(${PAGE}, filterBy, labels, orderBy, states)`, 'name', 'nameWithOwner', 'owner', 'pullRequest(number)',
    `pullRequests(${PAGE}, baseRefName, headRefName, labels, orderBy, states)`, 'pushedAt', 'updatedAt', `deployments(${PAGE}, environments, orderBy)`,
  ],
  Ref: ['id', 'name', 'prefix', 'target'],
  Commit: [
    'abbreviatedOid', 'additions', 'author', 'authoredDate', 'changedFilesIfAvailable', 'committedDate', 'committer', 'deletions',
    `history(${PAGE}, author, path, since, until)`, 'id', 'message', 'messageBody', 'messageHeadline', 'oid', `parents(${PAGE})`,
  ],
  CommitHistoryConnection: CONNECTION,
  CommitConnection: CONNECTION,
  CommitEdge: EDGE,
  CommitAuthor: '*',
  GitActor: ['date', 'email', 'name', 'user'],
  PullRequest: [
    'additions', 'author', 'baseRefName', 'body', 'changedFiles', 'closed', 'closedAt', 'createdAt', 'deletions', 'fullDatabaseId',
    'headRefName', 'id', 'isDraft', 'merged', 'mergedAt', 'mergedBy', 'number', `reviews(${PAGE}, author, states)`, 'state', 'title',
    'updatedAt',
  ],
  PullRequestConnection: CONNECTION,
  PullRequestEdge: EDGE,
  PullRequestState: '*',
  PullRequestReview: ['author', 'body', 'createdAt', 'fullDatabaseId', 'id', 'state', 'submittedAt'],
  PullRequestReviewConnection: CONNECTION,
  PullRequestReviewEdge: EDGE,
  PullRequestReviewState: '*',
  Issue: [
    'author', 'body', 'closed', 'closedAt', 'createdAt', 'fullDatabaseId', 'id', `labels(${PAGE})`, 'number', 'state', 'title', 'updatedAt',
  ],
  IssueConnection: CONNECTION,
  IssueEdge: EDGE,
  IssueState: '*',
  IssueFilters: '*',
  IssueOrder: '*',
  IssueOrderField: '*',
  OrderDirection: '*',
  Deployment: [
    'commitOid', 'createdAt', 'creator', 'databaseId', 'description', 'environment', 'id', 'latestStatus', 'originalEnvironment', 'state',
    `statuses(${PAGE})`, 'task', 'updatedAt',
  ],
  DeploymentConnection: CONNECTION,
  DeploymentEdge: EDGE,
  DeploymentOrder: '*',
  DeploymentOrderField: '*',
  DeploymentState: '*',
  DeploymentStatus: ['createdAt', 'creator', 'deployment', 'description', 'id', 'state', 'updatedAt'],
  DeploymentStatusConnection: CONNECTION,
  DeploymentStatusEdge: EDGE,
  DeploymentStatusState: '*',
  Label: ['id', 'name'],
  LabelConnection: CONNECTION,
  LabelEdge: EDGE,
  ...Object.fromEntries(['BigInt', 'DateTime', 'GitObjectID', 'GitTimestamp'].map((scalar) => [scalar, '*' as const])),
};

function wanted(spec: readonly string[]): Map<string, Set<string>> {
  return new Map(spec.map((entry) => {
    const [, name = '', args = ''] = /^(\w+)(?:\((.*)\))?$/.exec(entry) ?? [];
    return [name, new Set(args.split(',').map((arg) => arg.trim()).filter(Boolean))];
  }));
}

function keepDeprecatedOnly<T extends { readonly directives?: readonly { readonly name: { readonly value: string } }[] | undefined }>(node: T): T {
  return { ...node, directives: node.directives?.filter((directive) => directive.name.value === 'deprecated') };
}

function cutField(typeName: string, field: FieldDefinitionNode, args: Set<string>): FieldDefinitionNode {
  const kept = (field.arguments ?? []).filter((arg) => {
    if (args.has(arg.name.value)) return true;
    if (arg.type.kind === Kind.NON_NULL_TYPE && !arg.defaultValue) throw new Error(`${typeName}.${field.name.value} needs its argument ${arg.name.value}`);
    return false;
  });
  const missing = [...args].filter((name) => !kept.some((arg) => arg.name.value === name));
  if (missing.length > 0) throw new Error(`${typeName}.${field.name.value} has no argument ${missing.join(', ')} in GitHub's schema`);
  return keepDeprecatedOnly({ ...field, arguments: kept.map((arg: InputValueDefinitionNode) => keepDeprecatedOnly(arg)) });
}

export function subsetSchema(githubSdl: string): string {
  const definitions = new Map<string, TypeDefinitionNode>();
  for (const definition of parse(githubSdl).definitions) {
    if ('name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION) definitions.set(definition.name.value, definition as TypeDefinitionNode);
  }
  const out: DefinitionNode[] = [];
  for (const [typeName, spec] of Object.entries(SUBSET)) {
    const definition = definitions.get(typeName);
    if (!definition) throw new Error(`GitHub's schema has no type ${typeName}`);
    if (spec === '*') {
      out.push(keepDeprecatedOnly(definition));
      continue;
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) throw new Error(`${typeName} takes '*'`);
    const fields = wanted(spec);
    const kept = (definition.fields ?? []).filter((field) => fields.has(field.name.value));
    const missing = [...fields.keys()].filter((name) => !kept.some((field) => field.name.value === name));
    if (missing.length > 0) throw new Error(`GitHub's ${typeName} has no field ${missing.join(', ')}`);
    const interfaces = (definition.interfaces ?? []).filter((named: NamedTypeNode) => named.name.value in SUBSET);
    out.push(keepDeprecatedOnly({ ...definition, interfaces, fields: kept.map((field) => cutField(typeName, field, fields.get(field.name.value) ?? new Set())) }));
  }
  const printed = print({ kind: Kind.DOCUMENT, definitions: out });
  // An interface field left out of an implementing type would be a schema GitHub could not have: refuse it here.
  assertValidSchema(buildSchema(printed));
  const header = '# A subset of GitHub\'s public GraphQL schema, cut by scripts/github-graphql-subset.ts: do not edit by hand.\n\n';
  return `${header}${printed}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2];
  if (!source) throw new Error('usage: tsx scripts/github-graphql-subset.ts <path to GitHub\'s schema.graphql>');
  const target = fileURLToPath(new URL('../src/local/github-emulator/graphql/schema.graphql', import.meta.url));
  writeFileSync(target, subsetSchema(readFileSync(source, 'utf8')));
  console.log(`wrote ${target}`);
}
