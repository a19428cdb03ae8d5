import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';
import { operationLabel } from './cost';
import { GraphqlFieldError, type GithubGraphqlError } from './errors';

/**
 * graphql-js's errors in the words GitHub's server (graphql-ruby) uses:
 * parse errors as `Parse error on "}" (RCURLY) at [1, 20]`, validation
 * errors with its messages, `extensions.code` and a `path` from the
 * operation (`["query", "repository", "foo"]`), execution errors with
 * GitHub's `type`. Anything unexpected says only that something went wrong.
 */
const TOKENS: Readonly<Record<string, string>> = {
  '{': 'LCURLY', '}': 'RCURLY', '(': 'LPAREN', ')': 'RPAREN', '[': 'LBRACKET', ']': 'RBRACKET', ':': 'COLON', '$': 'VAR_SIGN',
  '!': 'BANG', '=': 'EQUALS', '...': 'ELLIPSIS', '@': 'DIR_SIGN', '|': 'PIPE', '&': 'AMP',
};

const locationsOf = (error: GraphQLError) => error.locations?.map(({ line, column }) => ({ line, column }));

export function syntaxError(error: GraphQLError): GithubGraphqlError {
  const [line, column] = [error.locations?.[0]?.line ?? 1, error.locations?.[0]?.column ?? 1];
  const found = /(?:found|Unexpected) (?:(Name|Int|Float|String) )?"?([^"]*?)"?\.$/.exec(error.message);
  if (!found || found[2] === '<EOF>') return { message: 'Unexpected end of document', locations: [] };
  const kind = found[1] === 'Name' ? 'IDENTIFIER' : found[1] ? found[1].toUpperCase() : (TOKENS[found[2] ?? ''] ?? 'UNKNOWN_CHAR');
  return { message: `Parse error on "${found[2]}" (${kind}) at [${line}, ${column}]`, locations: [{ line, column }] };
}

/** The path graphql-ruby gives a validation error: the operation (or fragment), the fields down to the node, and an argument's name. */
function pathTo(document: DocumentNode, target: ASTNode | undefined): (string | number)[] | undefined {
  if (!target) return undefined;
  let found: (string | number)[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter((entry): entry is ASTNode => !Array.isArray(entry) && typeof entry === 'object' && entry !== null && 'kind' in entry);
      found = chain.flatMap((entry): string[] => {
        if (entry.kind === Kind.OPERATION_DEFINITION) return [operationLabel(entry)];
        if (entry.kind === Kind.FRAGMENT_DEFINITION) return [`fragment ${entry.name.value}`];
        if (entry.kind === Kind.FIELD) return [entry.alias?.value ?? entry.name.value];
        if (entry.kind === Kind.ARGUMENT) return [entry.name.value];
        return [];
      });
      return false;
    },
  });
  return found;
}

type Translation = (match: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };

const VALIDATIONS: readonly (readonly [RegExp, Translation])[] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, ([, field, type]) => ({
    message: `Field '${field}' doesn't exist on type '${type}'`, extensions: { code: 'undefinedField', typeName: type, fieldName: field },
  })],
  [/^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./, ([, argument, field]) => ({
    message: `Field '${field}' doesn't accept argument '${argument}'`,
    extensions: { code: 'argumentNotAccepted', name: field, typeName: 'Field', argumentName: argument },
  })],
  [/^Field "\w+\.(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./, ([, field, argument]) => ({
    message: `Field '${field}' is missing required arguments: ${argument}`,
    extensions: { code: 'missingRequiredArguments', className: 'Field', name: field, arguments: argument },
  })],
  [/^Field "(\w+)" of type "(.+)" must have a selection of subfields\./, ([, field, type]) => ({
    message: `Field must have selections (field '${field}' returns ${type?.replace(/!$/, '')} but has no selections. Did you mean '${field} { ... }'?)`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type?.replace(/!$/, '') },
  })],
  [/^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./, ([, field, type]) => ({
    message: `Selections can't be made on scalars (field '${field}' returns ${type?.replace(/!$/, '')} but has selections [...])`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type?.replace(/!$/, '') },
  })],
  [/^Unknown type "(\w+)"\./, ([, type]) => ({
    message: `No such type ${type}, so it can't be a fragment condition`, extensions: { code: 'undefinedType', typeName: type },
  })],
  [/^Variable "\$(\w+)" is never used/, ([, name]) => ({
    message: `Variable $${name} is declared by anonymous query but not used`, extensions: { code: 'variableNotUsed', variableName: name },
  })],
];

export function validationError(document: DocumentNode, error: GraphQLError): GithubGraphqlError {
  const path = pathTo(document, error.nodes?.[0]);
  for (const [pattern, translate] of VALIDATIONS) {
    const match = pattern.exec(error.message);
    if (!match) continue;
    const { message, extensions } = translate(match);
    return { ...(path ? { path } : {}), extensions, locations: locationsOf(error) ?? [], message };
  }
  return { ...(path ? { path } : {}), locations: locationsOf(error) ?? [], message: error.message.replace(/"/g, "'") };
}

/** A variable graphql-js could not coerce, as GitHub words it. */
export function variableError(error: GraphQLError): GithubGraphqlError {
  const [, name = '', type = ''] = /^Variable "\$(\w+)" (?:of (?:required |non-null )?type "([^"]+)")?/.exec(error.message) ?? [];
  return {
    message: name ? `Variable $${name} of type ${type} was provided invalid value` : error.message,
    locations: locationsOf(error) ?? [],
    extensions: { problems: [{ path: [], explanation: error.message }] },
  };
}

export function executionError(error: GraphQLError, requestId: string): GithubGraphqlError {
  const original = error.originalError;
  const where = { ...(error.path ? { path: error.path } : {}), locations: locationsOf(error) ?? [] };
  if (original instanceof GraphqlFieldError) return { type: original.type, ...where, message: original.message };
  // graphql-js words its own failures (a null for a non-null field) as plain Errors; anything else is a fault of ours, not told.
  if (original && original.constructor !== Error) {
    return { ...where, message: `Something went wrong while executing your query. Please include \`${requestId}\` when reporting this issue.` };
  }
  return { ...where, message: error.message };
}
