import {
  getArgumentValues, getNamedType, isCompositeType, isListType, getNullableType, Kind, type FieldNode, type FragmentDefinitionNode,
  type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { GithubGraphqlError } from './errors';

/**
 * GitHub's limits on a query, worked out before it runs
 * (docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 *
 * - a connection whose `nodes` or `edges` are asked for needs `first` or
 *   `last`, at most 100 (`totalCount` alone needs neither);
 * - nodes: each connection may return `first` × the nodes of the connections
 *   around it; over 500,000 in all is refused;
 * - cost: each connection is fetched once per node of the connections around
 *   it; the sum of those requests / 100, rounded, and at least 1.
 */
export const MAX_PAGE = 100;
export const MAX_NODES = 500_000;

export interface QueryCost {
  readonly requests: number;
  readonly nodeCount: number;
  readonly cost: number;
  readonly errors: readonly GithubGraphqlError[];
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
  requests: number;
  nodes: number;
  readonly errors: GithubGraphqlError[];
}

const location = (node: FieldNode) => (node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : []);

/** The fields a selection asks of one object, through fragments. */
function fieldsOf(walk: Walk, selections: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(walk, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(walk, walk.fragments.get(selection.name.value)?.selectionSet, seen));
    }
  }
  return fields;
}

function typeOf(walk: Walk, parent: GraphQLCompositeType, condition: string | undefined): GraphQLCompositeType {
  const named = condition ? walk.schema.getType(condition) : undefined;
  return named && isCompositeType(named) ? named : parent;
}

function pageSize(walk: Walk, field: FieldNode, name: string, args: Record<string, unknown>, path: readonly string[]): number | undefined {
  const first = typeof args['first'] === 'number' ? args['first'] : undefined;
  const last = typeof args['last'] === 'number' ? args['last'] : undefined;
  const fail = (type: string, message: string) => walk.errors.push({ type, path, locations: location(field), message });
  if (first === undefined && last === undefined) {
    fail('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
    return undefined;
  }
  for (const [argument, value] of [['first', first], ['last', last]] as const) {
    if (value === undefined) continue;
    if (value > MAX_PAGE) fail('EXCESSIVE_PAGINATION', `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of ${MAX_PAGE} records.`);
    if (value < 0) fail('EXCESSIVE_PAGINATION', `\`${argument}\` on the \`${name}\` connection cannot be less than zero.`);
  }
  return Math.max(first ?? 0, last ?? 0);
}

function walkSelections(walk: Walk, parent: GraphQLCompositeType, selections: SelectionSetNode | undefined, multiplier: number, path: readonly string[], seen: ReadonlySet<string>): void {
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkSelections(walk, typeOf(walk, parent, selection.typeCondition?.name.value), selection.selectionSet, multiplier, path, seen);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      walkSelections(walk, typeOf(walk, parent, fragment.typeCondition.name.value), fragment.selectionSet, multiplier, path, new Set([...seen, fragment.name.value]));
      continue;
    }
    if (!('getFields' in parent)) continue;
    const definition = parent.getFields()[selection.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) continue;
    const here = [...path, selection.alias?.value ?? selection.name.value];
    const args = getArgumentValues(definition, selection, walk.variables);
    const isConnection = named.name.endsWith('Connection') && definition.args.some((arg) => arg.name === 'first');
    if (!isConnection) {
      // `nodes(ids: […])` fetches one object per id.
      const many = isListType(getNullableType(definition.type)) && Array.isArray(args['ids']) ? args['ids'].length : 1;
      walkSelections(walk, named, selection.selectionSet, multiplier * many, here, seen);
      continue;
    }
    walk.requests += multiplier;
    const asksForItems = fieldsOf(walk, selection.selectionSet).some((field) => field.name.value === 'nodes' || field.name.value === 'edges');
    if (!asksForItems) continue;
    const size = pageSize(walk, selection, selection.name.value, args, here);
    if (size === undefined) continue;
    const before = walk.nodes;
    walk.nodes += multiplier * size;
    if (walk.nodes > MAX_NODES && before <= MAX_NODES) {
      walk.errors.push({
        type: 'MAX_NODE_LIMIT_EXCEEDED', path: here, locations: location(selection),
        message: `By the time this query traverses to the ${selection.name.value} connection, it is requesting up to ${walk.nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
      });
    }
    walkSelections(walk, named, selection.selectionSet, multiplier * size, here, seen);
  }
}

/** graphql-ruby's name for the root of a path: `query`, or `query Name`. */
export function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `${operation.operation} ${operation.name.value}` : operation.operation;
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  const walk: Walk = { schema, fragments, variables, requests: 0, nodes: 0, errors: [] };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) walkSelections(walk, root, operation.selectionSet, 1, [operationLabel(operation)], new Set());
  return { requests: walk.requests, nodeCount: walk.nodes, cost: Math.max(1, Math.round(walk.requests / 100)), errors: walk.errors };
}
