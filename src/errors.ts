/**
 * The outcomes every layer may raise (repositories, services, the guard):
 * one class per contract code, with the facts the client may be told. They
 * know nothing of HTTP; `src/http/error-responses.ts` maps them to statuses
 * and headers. Anything that is not an AppError is a fault, logged and
 * answered as a generic 500.
 */
export abstract class AppError extends Error {
  /** The contract's machine code, e.g. `NOT_FOUND`. */
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface ValidationDetail {
  readonly path: string;
  readonly message: string;
}

export class ValidationError extends AppError {
  readonly code = 'VALIDATION_ERROR';
  constructor(
    message: string,
    readonly details: readonly ValidationDetail[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A guessed secret that was wrong (a verification code): answered like any
 * validation error, and counted against the client's address like a failed
 * authentication, so guessing is limited per IP too.
 */
export class WrongCodeError extends ValidationError {}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required', options?: ErrorOptions) {
    super(message, options);
  }
}

export class PlanLimitError extends AppError {
  readonly code = 'PLAN_LIMIT_EXCEEDED';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You do not have permission to do this', options?: ErrorOptions) {
    super(message, options);
  }
}

export class EmailNotVerifiedError extends AppError {
  readonly code = 'EMAIL_NOT_VERIFIED';
  constructor(message = 'Verify your email address before logging in', options?: ErrorOptions) {
    super(message, options);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(message = 'Not found', options?: ErrorOptions) {
    super(message, options);
  }
}

export class MethodNotAllowedError extends AppError {
  readonly code = 'METHOD_NOT_ALLOWED';
  constructor(readonly allowed: readonly string[]) {
    super('Method not allowed');
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

/** Analytics of an organization that has not connected its GitHub (contract: 409 `GITHUB_NOT_CONNECTED`). */
export class GithubNotConnectedError extends AppError {
  readonly code = 'GITHUB_NOT_CONNECTED';
  constructor() {
    super('Connect GitHub first');
  }
}

export class GoneError extends AppError {
  readonly code = 'GONE';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(limitBytes: number) {
    super(`Request body is larger than ${Math.round(limitBytes / 1024)} KB`);
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A dependency (GitHub) is out of reach; the client may retry later. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Analytics asked before the organization's first sync finished: not a
 * failure but a "come back shortly" (contract "Sync": `202` with the sync's
 * progress and `retry-after`). Raised wherever an analysis would be read,
 * so every analytics route answers it the same way.
 */
export class FirstSyncPendingError extends AppError {
  readonly code = 'SYNCING';
  constructor(
    readonly sync: unknown,
    readonly retryAfterSeconds: number,
  ) {
    super('The first sync of this organization has not finished yet');
  }
}
