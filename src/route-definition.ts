import type { z } from 'zod';
import type { SecretName } from './config';
import type { Role } from './domain/roles';

/** The shape of one entry of THE route table (src/routes.ts), and what its fields may name. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, or an authenticated member holding one of these roles. */
export type Access = 'public' | readonly Role[];

/** The Cognito admin actions `src/integrations/cognito.ts` sends (SignUp and InitiateAuth need no IAM grant). */
export const COGNITO_ADMIN_ACTIONS = [
  'AdminConfirmSignUp',
  'AdminUpdateUserAttributes',
  'AdminDeleteUser',
  'AdminGetUser',
  'AdminUserGlobalSignOut',
] as const;
export type CognitoAdminAction = (typeof COGNITO_ADMIN_ACTIONS)[number];

/**
 * What a route's Lambda touches. The CDK app grants exactly these and nothing
 * else, so a route's IAM policy is read off this table: each Cognito admin
 * action its code path sends, each secret it reads (`src/integrations/secrets.ts`),
 * each queue job it enqueues (`queue:send:<job name>`, `src/integrations/queue.ts`),
 * each job whose organizations' schedules it manages (`schedule:<job name>`, `src/integrations/schedules.ts`).
 * `test/cdk/bundles.test.ts` checks the lists against what each bundle calls.
 */
export type Capability =
  | 'table:read'
  | 'table:write'
  | 'email:send'
  | `cognito:${CognitoAdminAction}`
  | `secret:${SecretName}`
  // Any name here: the job table is typed after this one; the CDK app refuses a name that is not a queue job.
  | `queue:send:${string}`
  // Create, replace and delete the per-organization schedules of that job (`organizationSchedule` in src/jobs.ts).
  | `schedule:${string}`;

/**
 * A throttle of this route's method on API Gateway, below the stage's: for
 * routes whose every call costs (a password check, an email, a report).
 * API Gateway counts it for all callers together; the WAF limits each IP.
 */
export interface RouteThrottle {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Libraries that read their own files at run time; the CDK app ships those files with the bundle. */
export type RuntimeFiles = 'pdfkit';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway style: `/team/members/{userId}`. */
  readonly path: string;
  /** Module under `src/handlers/`, without extension; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly summary: string;
  readonly uses: readonly Capability[];
  /**
   * Most DynamoDB calls one ordinary request may make (a batch route: for a
   * one-entry batch). The call-budget test holds every route to it.
   */
  readonly dynamodbBudget: number;
  readonly runtimeFiles?: readonly RuntimeFiles[];
  readonly throttle?: RouteThrottle;
  readonly body?: z.ZodType;
  /**
   * The handler gets the body as sent, a string (decoded if API Gateway
   * base64-encoded it), neither parsed nor validated: for a signature over
   * the exact bytes (a webhook). Excludes `body`.
   */
  readonly rawBody?: true;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /**
   * The JSON body of the success answer, every route that sends one (not a
   * 204, not the PDF). The OpenAPI document (and so the web app's types) is
   * generated from it, and with VALIDATE_RESPONSES on the wrapper refuses an
   * answer that does not match it.
   */
  readonly response?: z.ZodType;
}

/**
 * What every route that touches the table declares, reading routes too: the
 * request limits' counters (src/http/rate-limits.ts) are UpdateItems on every
 * request, and IAM has no narrower grant for them (a condition can name the
 * partition, not the sort key). `call-budgets.test.ts` fails a route that
 * writes without `table:write`: the local server checks no IAM.
 */
export const TABLE_RW = ['table:read', 'table:write'] as const satisfies readonly Capability[];
