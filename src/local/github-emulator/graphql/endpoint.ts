import { randomBytes } from 'node:crypto';
import {
  execute, getVariableValues, GraphQLError, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode,
} from 'graphql';
import type { AppSide, Caller } from '../app-routes';
import { isoTime, nodeId } from '../identity';
import type { Account, Store } from '../model';
import type { Client, Quota, RateLimiter } from '../rate-limit';
import { errorBody, type Viewer } from '../route-support';
import { queryCost } from './cost';
import { GraphqlFieldError, type GithubGraphqlError } from './errors';
import { executionError, syntaxError, validationError, variableError } from './github-errors';
import { githubSchema, type GraphqlContext } from './resolvers';

/**
 * `POST /graphql`: GitHub's GraphQL endpoint over the emulator's store. A
 * token is required; a query is parsed, validated, priced (cost.ts), charged
 * to the caller's own `graphql` budget, and run. Every failure GitHub reports
 * in the body comes back as 200 with `errors`, as GitHub sends them.
 */
export const GRAPHQL_DOCS = 'https://docs.github.com/graphql';

export interface GraphqlCall {
  readonly store: Store;
  readonly side: AppSide | undefined;
  readonly caller: Caller;
  readonly client: Client;
  readonly viewer: Viewer;
  readonly limiter: RateLimiter;
  /** The request's JSON body (`{}` when it was none). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly now: number;
}

export interface GraphqlAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The `x-ratelimit-*` quota to send, when the request got as far as the limit. */
  readonly quota?: Quota;
}

const answer = (body: unknown, quota?: Quota): GraphqlAnswer => ({ status: 200, body, ...(quota ? { quota } : {}) });
const failed = (errors: readonly GithubGraphqlError[], quota?: Quota) => answer({ errors }, quota);

/** `Query.viewer`: an installation is its app's bot, a user is themself; an app's JWT is no viewer. */
function viewerAccount(call: GraphqlCall): () => Account {
  const { caller, side, store } = call;
  return () => {
    if (caller.kind === 'user') return caller.token.user;
    if (caller.kind === 'installation' && side) {
      const login = `${side.app.slug}[bot]`;
      return { login, id: side.app.id, nodeId: nodeId('Bot', side.app.id), type: 'Bot', name: null, email: null, company: null, location: null, description: null, createdAt: side.app.createdAt };
    }
    const someone = [...store.accounts.values()].find((entry) => entry.type === 'User');
    if (caller.kind === 'operator' && someone) return someone;
    throw new GraphqlFieldError('FORBIDDEN', 'Resource not accessible by integration');
  };
}

function operationOf(document: DocumentNode, name: unknown): OperationDefinitionNode | GithubGraphqlError {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (typeof name === 'string' && name !== '') {
    return operations.find((operation) => operation.name?.value === name) ?? { message: `No operation named "${name}"` };
  }
  const [only] = operations;
  if (operations.length !== 1 || !only) return { message: 'An operation name is required' };
  return only;
}

function parseQuery(query: string): DocumentNode | GithubGraphqlError {
  try {
    return parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return syntaxError(error);
    throw error;
  }
}

export function answerGraphql(call: GraphqlCall): GraphqlAnswer {
  const { caller, client, limiter, now, body } = call;
  if (caller.kind === 'bad-credentials' || caller.kind === 'bad-jwt') return { status: 401, body: errorBody(401, 'Bad credentials', GRAPHQL_DOCS) };
  if (!client.authenticated) {
    return { status: 401, body: errorBody(401, 'This endpoint requires you to be authenticated.', `${GRAPHQL_DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`) };
  }
  const quota = limiter.peek(client, now);
  if (typeof body['query'] !== 'string') return failed([{ message: 'A query attribute must be specified and must be a string.' }], quota);
  const document = parseQuery(body['query']);
  if (!('kind' in document)) return failed([document], quota);
  const invalid = validate(githubSchema, document);
  if (invalid.length > 0) return failed(invalid.map((error) => validationError(document, error)), quota);
  const operation = operationOf(document, body['operationName']);
  if (!('kind' in operation)) return failed([operation], quota);
  const given = body['variables'] && typeof body['variables'] === 'object' ? (body['variables'] as Record<string, unknown>) : {};
  const variables = getVariableValues(githubSchema, operation.variableDefinitions ?? [], given);
  if (variables.errors) return failed(variables.errors.map(variableError), quota);
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const priced = queryCost(githubSchema, operation, fragments, variables.coerced);
  if (priced.errors.length > 0) return failed(priced.errors, quota);

  const charged = limiter.consume(client, now, priced.cost);
  if (!charged.allowed) return failed([{ type: 'RATE_LIMITED', message: `API rate limit exceeded for ${client.subject}.` }], charged.quota);
  const spent = charged.quota;
  const context: GraphqlContext = {
    store: call.store,
    viewer: call.viewer,
    viewerAccount: viewerAccount(call),
    rateLimit: { cost: priced.cost, limit: spent.limit, nodeCount: priced.nodeCount, remaining: spent.remaining, used: spent.used, resetAt: isoTime(spent.reset * 1000) },
  };
  const result = execute({ schema: githubSchema, document, operationName: operation.name?.value, variableValues: given, contextValue: context });
  if ('then' in result) throw new TypeError('The emulator\'s GraphQL resolvers are synchronous');
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const errors = result.errors?.map((error) => executionError(error, requestId));
  return answer({ data: result.data ?? null, ...(errors ? { errors } : {}) }, spent);
}
