/**
 * GitHub's GraphQL errors carry a `type` beside the message
 * (`NOT_FOUND`, `INVALID_CURSOR_ARGUMENTS`, `FORBIDDEN`, …); a resolver throws
 * this and the endpoint lifts `type` into the error as GitHub writes it.
 */
export class GraphqlFieldError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One entry of a GraphQL answer's `errors`, in the shape GitHub sends. */
export interface GithubGraphqlError {
  readonly type?: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly locations?: readonly { readonly line: number; readonly column: number }[];
  readonly message: string;
}

export const notFound = (what: string, detail: string) => new GraphqlFieldError('NOT_FOUND', `Could not resolve to ${what} ${detail}.`);
