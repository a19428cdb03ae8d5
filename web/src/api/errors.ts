/** An answer of the API other than success, in the contract's shape `{success:false, error, code, details?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  readonly error?: unknown;
  readonly code?: unknown;
  readonly details?: unknown;
}

export function apiErrorFrom(status: number, body: unknown): ApiError {
  const { error, code, details } = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  return new ApiError(
    status,
    typeof code === 'string' ? code : 'UNKNOWN',
    typeof error === 'string' ? error : `The server answered ${status}`,
    Array.isArray(details) ? (details as { path: string; message: string }[]) : [],
  );
}

/** What to tell a person about any failure: the API's own message when it sent one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
