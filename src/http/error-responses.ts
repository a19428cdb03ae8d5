import {
  AppError,
  ConflictError,
  EmailNotVerifiedError,
  FirstSyncPendingError,
  ForbiddenError,
  GithubNotConnectedError,
  GoneError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PlanLimitError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
} from '../errors';

/** The status of each outcome, as the contract sets it. */
const STATUS_BY_CLASS: ReadonlyArray<readonly [abstract new (...args: never[]) => AppError, number]> = [
  [FirstSyncPendingError, 202],
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [PlanLimitError, 402],
  [ForbiddenError, 403],
  [EmailNotVerifiedError, 403],
  [NotFoundError, 404],
  [MethodNotAllowedError, 405],
  [ConflictError, 409],
  [GithubNotConnectedError, 409],
  [GoneError, 410],
  [PayloadTooLargeError, 413],
  [RateLimitedError, 429],
  [ServiceUnavailableError, 503],
];

/** The HTTP status of an outcome; undefined for an AppError nobody mapped (answered as a 500). */
export function statusOf(error: AppError): number | undefined {
  return STATUS_BY_CLASS.find(([type]) => error instanceof type)?.[1];
}

/** Headers an outcome carries to the client (`retry-after`, `allow`). */
export function headersOf(error: AppError): Record<string, string> {
  if (error instanceof RateLimitedError) {
    return { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  }
  if (error instanceof FirstSyncPendingError) return { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  if (error instanceof ServiceUnavailableError && error.retryAfterSeconds !== undefined) {
    return { 'retry-after': String(Math.ceil(error.retryAfterSeconds)) };
  }
  if (error instanceof MethodNotAllowedError) return { allow: error.allowed.join(', ') };
  return {};
}

/**
 * Whether the client may read the outcome: every client mistake (4xx), and a
 * dependency that is out of reach (503 with retry-after), which the client
 * can act on. Anything else is answered as a generic 500.
 */
export function isShown(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  const status = statusOf(error);
  return status !== undefined && (status < 500 || error instanceof ServiceUnavailableError);
}
