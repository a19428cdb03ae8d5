import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey } from '../../../src/local/github-emulator/graphql/connection';
import { queryCost } from '../../../src/local/github-emulator/graphql/cost';

/** GitHub's documented examples (rate limits and query limits for the GraphQL API), on a schema of their shape. */
const schema = buildSchema(`
  type Query { viewer: User! }
  type User { login: String! repositories(first: Int, last: Int): RepositoryConnection! followers(first: Int, last: Int): UserConnection! }
  type UserConnection { nodes: [User] totalCount: Int! }
  type RepositoryConnection { edges: [RepositoryEdge] totalCount: Int! }
  type RepositoryEdge { node: Repository }
  type Repository { id: ID! name: String! issues(first: Int, last: Int): IssueConnection! pullRequests(first: Int, last: Int): IssueConnection! }
  type IssueConnection { edges: [IssueEdge] totalCount: Int! }
  type IssueEdge { node: Issue }
  type Issue { id: ID! title: String! labels(first: Int, last: Int): LabelConnection! comments(first: Int, last: Int): CommentConnection! }
  type LabelConnection { edges: [LabelEdge] }
  type LabelEdge { node: Label }
  type Label { id: ID! name: String! }
  type CommentConnection { edges: [CommentEdge] }
  type CommentEdge { node: Comment }
  type Comment { body: String! }
`);

function price(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const fragments = new Map(document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
  return queryCost(schema, operation, fragments, {});
}

describe('GraphQL query cost', () => {
  it('It should price the documented 5,101-request query at 51 points', () => {
    const cost = price('{ viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }');

    expect(cost).toMatchObject({ requests: 5101, cost: 51 });
  });

  it('It should count the documented simple query at 550 nodes', () => {
    const cost = price('{ viewer { repositories(first: 50) { edges { node { name issues(first: 10) { totalCount edges { node { title } } } } } } } }');

    expect(cost.nodeCount).toBe(550);
  });

  it('It should count the documented complex query at 22,060 nodes', () => {
    const cost = price(`{ viewer {
      repositories(first: 50) { edges { node { name
        pullRequests(first: 20) { edges { node { title comments(first: 10) { edges { node { body } } } } } }
        issues(first: 20) { totalCount edges { node { title comments(first: 10) { edges { node { body } } } } } } } } }
      followers(first: 10) { nodes { login } } } }`);

    expect(cost.nodeCount).toBe(22_060);
  });

  it('It should charge at least one point', () => {
    expect(price('{ viewer { login } }').cost).toBe(1);
  });

  it('It should count connections reached through fragments', () => {
    const cost = price('{ viewer { ...Repos } } fragment Repos on User { repositories(first: 100) { edges { node { ... on Repository { issues(first: 100) { edges { node { id } } } } } } } }');

    expect(cost).toMatchObject({ requests: 101, nodeCount: 10_100 });
  });

  it('It should need no `first` for a connection asked only for its totalCount', () => {
    expect(price('{ viewer { repositories { totalCount } } }').errors).toEqual([]);
  });
});

describe('GraphQL cursors', () => {
  it.each([0, 127, 255, 65_535, 3_000_000_000, 2 ** 40])('It should read back the cursor of %d', (key) => {
    expect(decodeKey(encodeKey(key))).toBe(key);
  });

  it('It should write cursors as GitHub does, base64 of cursor:v2: and a MessagePack array', () => {
    expect(encodeKey(1_000_000)).toMatch(/^Y3Vyc29yOnYyOpHO/);
  });
});
