import type { z } from 'zod';
import type { SecretName } from './config';
import { ANY_ROLE, type Role } from './domain/roles';
import { CodeQualityParams, CodeQualityQuery, OrganizationParams } from './schemas/analytics';
import { EmailReportBody, ExecutiveReportBody, ReportParams } from './schemas/reports';
import { GithubCallbackQuery } from './schemas/integrations';
import { AuditLogQuery, PlanBody, SettingsBody } from './schemas/organization';
import { LoginBody, RefreshBody, ResendVerificationBody, SignupBody, VerifyBody } from './schemas/auth';
import {
  ChangeRoleBody,
  CompleteInvitationBody,
  InvitationParams,
  InvitationTokenQuery,
  InviteBody,
  MemberParams,
  SwitchOrganizationBody,
} from './schemas/team';

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
 * each queue job it enqueues (`queue:send:<job name>`, `src/integrations/queue.ts`).
 * `test/cdk/bundles.test.ts` checks the lists against what each bundle calls.
 */
export type Capability =
  | 'table:read'
  | 'table:write'
  | 'email:send'
  | `cognito:${CognitoAdminAction}`
  | `secret:${SecretName}`
  // Any name here: the job table is typed after this one; the CDK app refuses a name that is not a queue job.
  | `queue:send:${string}`;

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
}

const TABLE_RW = ['table:read', 'table:write'] as const satisfies readonly Capability[];

export const routes = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health/get-health',
    access: 'public',
    summary: 'Liveness check',
    uses: [],
    dynamodbBudget: 0,
  },
  {
    method: 'POST',
    path: '/webhooks/github',
    handler: 'webhooks/receive-github',
    access: 'public',
    summary: "GitHub's webhook deliveries to the GitHub App, authenticated by X-Hub-Signature-256; recorded once per X-GitHub-Delivery",
    uses: [...TABLE_RW, 'secret:githubWebhook', 'queue:send:github-sync'],
    // One conditional PutItem of the delivery; a redelivery's fails its condition and stores nothing.
    // An `installation` deleted/suspend also reads the installation's lookup and unbinds it (2 more);
    // activity in a repository reads that lookup and claims the debounce marker (2 more).
    dynamodbBudget: 3,
    rawBody: true,
  },
  {
    method: 'POST',
    path: '/integrations/github/connect',
    handler: 'integrations/connect-github',
    access: ['admin'],
    summary: "GitHub's install page for the app, with a signed, single-use, ten-minute state bound to this organization and admin",
    uses: [...TABLE_RW, 'secret:app'],
    // The membership's GetItem, then one PutItem of the state.
    dynamodbBudget: 2,
  },
  {
    method: 'GET',
    path: '/integrations/github/callback',
    handler: 'integrations/github-callback',
    access: 'public',
    summary: "GitHub's setup redirect: binds the installation to the state's organization once GitHub confirms the code's user can access it",
    uses: [...TABLE_RW, 'secret:app', 'secret:githubApp', 'queue:send:github-sync'],
    // The state's conditional DeleteItem, the binding's one TransactWriteItems, then the first sync's GetItem and conditional PutItem.
    dynamodbBudget: 4,
    query: GithubCallbackQuery,
  },
  {
    method: 'GET',
    path: '/integrations/github',
    handler: 'integrations/get-github',
    access: ['admin'],
    summary: "The organization's GitHub connection: account, repository selection, the installation's rate budget, last sync",
    uses: ['table:read', 'secret:githubApp'],
    // The membership's GetItem, then the connection's and the sync record's side by side.
    dynamodbBudget: 3,
  },
  {
    method: 'POST',
    path: '/sync',
    handler: 'sync/start-sync',
    access: ['admin'],
    summary: "Start a sync of the organization's GitHub (202 with the sync; the one running, if one is)",
    uses: [...TABLE_RW, 'queue:send:github-sync'],
    // The membership's and the connection's GetItem, the sync record's GetItem and conditional PutItem.
    dynamodbBudget: 4,
  },
  {
    method: 'GET',
    path: '/sync',
    handler: 'sync/get-sync',
    access: ['admin'],
    summary: "The organization's current or last GitHub sync: status, repositories done of total, requests, rate limit, last error",
    uses: ['table:read'],
    // The membership's and the sync record's GetItem.
    dynamodbBudget: 2,
  },
  {
    method: 'DELETE',
    path: '/integrations/github',
    handler: 'integrations/disconnect-github',
    access: ['admin'],
    summary: 'Disconnect GitHub: the installation is unbound; stored activity is kept',
    uses: TABLE_RW,
    // The membership's and the connection's GetItem, then one TransactWriteItems.
    dynamodbBudget: 3,
  },
  {
    method: 'POST',
    path: '/auth/signup',
    handler: 'auth/signup',
    access: 'public',
    summary: 'Create an organization and its first admin; sends a verification code',
    uses: [...TABLE_RW, 'cognito:AdminUpdateUserAttributes', 'cognito:AdminDeleteUser', 'email:send'],
    dynamodbBudget: 3,
    throttle: { ratePerSecond: 5, burst: 10 },
    body: SignupBody,
  },
  {
    method: 'POST',
    path: '/auth/verify',
    handler: 'auth/verify',
    access: 'public',
    summary: 'Confirm an email address with the emailed 6-digit code',
    uses: [...TABLE_RW, 'cognito:AdminConfirmSignUp', 'cognito:AdminUpdateUserAttributes'],
    dynamodbBudget: 3,
    body: VerifyBody,
  },
  {
    method: 'POST',
    path: '/auth/resend-verification',
    handler: 'auth/resend-verification',
    access: 'public',
    summary: 'Send a new verification code (always answers 200)',
    uses: [...TABLE_RW, 'email:send'],
    dynamodbBudget: 3,
    throttle: { ratePerSecond: 5, burst: 10 },
    body: ResendVerificationBody,
  },
  {
    method: 'POST',
    path: '/auth/login',
    handler: 'auth/login',
    access: 'public',
    summary: 'Exchange email and password (and optionally an organizationId) for tokens scoped to that organization',
    // Writes the sealed refresh token (for switching organization) and corrects stale claims.
    uses: [...TABLE_RW, 'cognito:AdminUpdateUserAttributes', 'secret:app'],
    dynamodbBudget: 4,
    throttle: { ratePerSecond: 20, burst: 40 },
    body: LoginBody,
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    handler: 'auth/refresh',
    access: 'public',
    summary: "Exchange a refresh token for a new access token in its own session's organization",
    // The membership in the session's organization: a removed member's session ends there. The
    // sealed session opens with APP_SECRET, and claims another device moved are set back.
    uses: ['table:read', 'cognito:AdminUpdateUserAttributes', 'secret:app'],
    dynamodbBudget: 1,
    body: RefreshBody,
  },
  {
    method: 'GET',
    path: '/me',
    handler: 'me/get-me',
    access: ANY_ROLE,
    summary: 'The caller, the active organization and every membership',
    uses: ['table:read'],
    dynamodbBudget: 3,
  },
  {
    method: 'POST',
    path: '/auth/switch-organization',
    handler: 'auth/switch-organization',
    access: ANY_ROLE,
    summary: 'A new access token for another organization the caller belongs to',
    uses: [...TABLE_RW, 'cognito:AdminUpdateUserAttributes', 'secret:app'],
    dynamodbBudget: 4,
    body: SwitchOrganizationBody,
  },
  {
    method: 'POST',
    path: '/team/invite',
    handler: 'team/invite',
    access: ['admin'],
    summary: 'Invite 1–50 people by email; refused whole above the plan (402) or the daily email quota (429)',
    uses: [...TABLE_RW, 'email:send'],
    // 7 + n, 8 + n when invitees already have accounts (their memberships are read); n = 1 here.
    dynamodbBudget: 9,
    throttle: { ratePerSecond: 5, burst: 10 },
    body: InviteBody,
  },
  {
    method: 'GET',
    path: '/team/invitations',
    handler: 'team/list-invitations',
    access: ['admin'],
    summary: 'Invitations of the organization, newest first',
    uses: ['table:read'],
    dynamodbBudget: 2,
  },
  {
    method: 'DELETE',
    path: '/team/invitations/{inviteId}',
    handler: 'team/revoke-invitation',
    access: ['admin'],
    summary: 'Revoke a pending invitation; its link then answers 410',
    uses: TABLE_RW,
    dynamodbBudget: 3,
    params: InvitationParams,
  },
  {
    method: 'GET',
    path: '/invite/accept',
    handler: 'invite/accept',
    access: 'public',
    summary: 'What an invitation link offers (410 when it is no longer valid)',
    uses: ['table:read'],
    dynamodbBudget: 2,
    query: InvitationTokenQuery,
  },
  {
    method: 'POST',
    path: '/invite/complete',
    handler: 'invite/complete',
    access: 'public',
    summary: 'Accept an invitation: create the account, or add the membership to an existing one',
    uses: [...TABLE_RW, 'cognito:AdminConfirmSignUp', 'cognito:AdminUpdateUserAttributes', 'cognito:AdminDeleteUser'],
    dynamodbBudget: 5,
    body: CompleteInvitationBody,
  },
  {
    method: 'GET',
    path: '/team/members',
    handler: 'team/list-members',
    access: ANY_ROLE,
    summary: 'Members of the organization',
    uses: ['table:read'],
    dynamodbBudget: 4,
  },
  {
    method: 'PATCH',
    path: '/team/members/{userId}',
    handler: 'team/change-role',
    access: ['admin'],
    summary: "Change a member's role; the last admin cannot be demoted",
    uses: [...TABLE_RW, 'cognito:AdminGetUser', 'cognito:AdminUpdateUserAttributes'],
    dynamodbBudget: 4,
    params: MemberParams,
    body: ChangeRoleBody,
  },
  {
    method: 'DELETE',
    path: '/team/members/{userId}',
    handler: 'team/remove-member',
    access: ['admin'],
    summary: 'Remove a member; their next request with an old token answers 401',
    uses: [...TABLE_RW, 'cognito:AdminUserGlobalSignOut'],
    dynamodbBudget: 5,
    params: MemberParams,
  },
  {
    method: 'GET',
    path: '/organization',
    handler: 'organization/get-organization',
    access: ANY_ROLE,
    summary: 'The organization: plan, seats and settings',
    uses: ['table:read'],
    dynamodbBudget: 2,
  },
  {
    method: 'PUT',
    path: '/organization/settings',
    handler: 'organization/update-settings',
    access: ['admin'],
    summary: 'Change any subset of the settings (time zone, GitHub organization, privacy)',
    uses: TABLE_RW,
    dynamodbBudget: 3,
    body: SettingsBody,
  },
  {
    method: 'PUT',
    path: '/organization/plan',
    handler: 'organization/change-plan',
    access: ['admin'],
    summary: 'Choose free, pro or enterprise (no payment in this version)',
    uses: TABLE_RW,
    dynamodbBudget: 3,
    body: PlanBody,
  },
  {
    method: 'GET',
    path: '/audit-logs',
    handler: 'audit/list-audit-logs',
    access: ['admin'],
    summary: 'The audit log, newest first, paged with an opaque cursor',
    uses: ['table:read', 'secret:app'],
    dynamodbBudget: 2,
    query: AuditLogQuery,
  },
  {
    method: 'GET',
    path: '/ai/code-quality/{githubUsername}',
    handler: 'ai/code-quality',
    access: ANY_ROLE,
    summary: "A member's code quality, burnout risk and metrics from GitHub, filtered by the privacy rules",
    uses: [...TABLE_RW, 'email:send', 'secret:githubApp', 'secret:model'],
    // Guard, then one BatchGet (login, organization, analysis): 2 when cached. A fresh collection adds the
    // page cache read and two writes: 5.
    dynamodbBudget: 5,
    params: CodeQualityParams,
    query: CodeQualityQuery,
  },
  {
    method: 'GET',
    path: '/ai/team-performance/{organizationId}',
    handler: 'ai/team-performance',
    access: ['admin'],
    summary: "The team's health from its members' analyses; also saved as today's team report",
    uses: [...TABLE_RW, 'email:send', 'secret:githubApp', 'secret:model'],
    // Guard, organization, members Query, one BatchGet page, the team report; collecting a member adds its own reads and writes.
    dynamodbBudget: 6,
    params: OrganizationParams,
  },
  {
    method: 'POST',
    path: '/ai/generate-report/{organizationId}',
    handler: 'ai/generate-report',
    access: ['admin'],
    summary: 'An executive report (PDF at pdfUrl) from the team analysis',
    uses: [...TABLE_RW, 'email:send', 'secret:githubApp', 'secret:model'],
    dynamodbBudget: 7,
    throttle: { ratePerSecond: 2, burst: 5 },
    params: OrganizationParams,
    body: ExecutiveReportBody,
  },
  {
    method: 'GET',
    path: '/reports',
    handler: 'reports/list-reports',
    access: ['admin', 'viewer'],
    summary: 'Executive and team reports, newest first',
    uses: ['table:read'],
    dynamodbBudget: 3,
  },
  {
    method: 'GET',
    path: '/reports/{reportId}',
    handler: 'reports/get-report',
    access: ['admin', 'viewer'],
    summary: 'One report',
    uses: ['table:read'],
    dynamodbBudget: 2,
    params: ReportParams,
  },
  {
    method: 'GET',
    path: '/reports/{reportId}/pdf',
    handler: 'reports/get-report-pdf',
    access: ['admin', 'viewer'],
    summary: 'The executive report as a PDF',
    uses: ['table:read'],
    runtimeFiles: ['pdfkit'],
    dynamodbBudget: 2,
    params: ReportParams,
  },
  {
    method: 'POST',
    path: '/reports/{reportId}/email',
    handler: 'reports/email-report',
    access: ['admin'],
    summary: 'Email the PDF to members of this organization',
    // Writes the organization's daily email counter (src/services/email-quota.ts).
    uses: [...TABLE_RW, 'email:send'],
    runtimeFiles: ['pdfkit'],
    // Guard, report, members (a Query per role), sender, then the plan and the daily email counter.
    dynamodbBudget: 8,
    params: ReportParams,
    body: EmailReportBody,
  },
] as const satisfies readonly RouteDefinition[];

export type Routes = typeof routes;
type AnyRoute = Routes[number];
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;
export type RouteKey = KeyOf<AnyRoute>;
export type RouteFor<K extends RouteKey> = AnyRoute extends infer R ? (R extends AnyRoute ? (KeyOf<R> extends K ? R : never) : never) : never;

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function route<K extends RouteKey>(key: K): RouteFor<K> {
  const found = routes.find((candidate) => routeKey(candidate) === key);
  if (!found) throw new Error(`No route ${key} in the route table`);
  return found as RouteFor<K>;
}
