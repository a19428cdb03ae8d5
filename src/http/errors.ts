/**
 * One error type per contract code. An error may be shown to the client when
 * it is an AppError (status < 500); anything else is logged and answered as a
 * generic 500.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers: Record<string, string> = {};

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  get expose(): boolean {
    return this.status < 500;
  }
}

export interface ValidationDetail {
  readonly path: string;
  readonly message: string;
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'VALIDATION_ERROR';
  constructor(
    message: string,
    readonly details: readonly ValidationDetail[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required', options?: ErrorOptions) {
    super(message, options);
  }
}

export class PlanLimitError extends AppError {
  readonly status = 402;
  readonly code = 'PLAN_LIMIT_EXCEEDED';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  constructor(message = 'You do not have permission to do this', options?: ErrorOptions) {
    super(message, options);
  }
}

export class EmailNotVerifiedError extends AppError {
  readonly status = 403;
  readonly code = 'EMAIL_NOT_VERIFIED';
  constructor(message = 'Verify your email address before logging in', options?: ErrorOptions) {
    super(message, options);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(message = 'Not found', options?: ErrorOptions) {
    super(message, options);
  }
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = 'METHOD_NOT_ALLOWED';
  constructor(readonly allowed: readonly string[]) {
    super('Method not allowed');
    this.headers['allow'] = allowed.join(', ');
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'CONFLICT';
}

export class GoneError extends AppError {
  readonly status = 410;
  readonly code = 'GONE';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(limitBytes: number) {
    super(`Request body is larger than ${Math.round(limitBytes / 1024)} KB`);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

/** A dependency (GitHub) is out of reach; the client may retry later, so it is shown despite being a 5xx. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
  override get expose(): boolean {
    return true;
  }
  constructor(message: string, retryAfterSeconds?: number) {
    super(message);
    if (retryAfterSeconds !== undefined) this.headers['retry-after'] = String(Math.ceil(retryAfterSeconds));
  }
}
