import { ANY_ROLE } from '../domain/roles';
import { TABLE_RW, type RouteDefinition } from '../route-definition';
import { LoginBody, LoginResponse, MessageResponse, RefreshBody, RefreshResponse, ResendVerificationBody, SignupBody, SignupResponse, VerifyBody } from '../schemas/auth';
import { AccessLogPage, AccessLogQuery, MeResponse, PersonalData, PersonalSettings, PersonalSettingsBody } from '../schemas/me';
import { SwitchOrganizationBody } from '../schemas/team';

/** Accounts: sign-up, verification, login and sessions, and the caller's own profile. Part of THE route table, src/routes.ts. */
export const accountRoutes = [
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
    response: SignupResponse,
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
    response: MessageResponse,
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
    response: MessageResponse,
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
    response: LoginResponse,
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    handler: 'auth/refresh',
    access: 'public',
    summary: "Exchange a refresh token for a new access token in its own session's organization",
    // The membership in the session's organization: a removed member's session ends there. The
    // sealed session opens with APP_SECRET, and claims another device moved are set back.
    uses: [...TABLE_RW, 'cognito:AdminUpdateUserAttributes', 'secret:app'],
    dynamodbBudget: 1,
    body: RefreshBody,
    response: RefreshResponse,
  },
  {
    method: 'GET',
    path: '/me',
    handler: 'me/get-me',
    access: ANY_ROLE,
    summary: 'The caller, the active organization and every membership',
    uses: TABLE_RW,
    dynamodbBudget: 3,
    response: MeResponse,
  },
  {
    method: 'PUT',
    path: '/me/settings',
    handler: 'me/update-settings',
    access: ANY_ROLE,
    summary: "The caller's own time zone in this organization; their analyses use it from the next read",
    uses: TABLE_RW,
    // Guard, the caller's member record (their login), one transaction (member record, login item, audit entry).
    dynamodbBudget: 3,
    body: PersonalSettingsBody,
    response: PersonalSettings,
  },
  {
    method: 'GET',
    path: '/me/access-log',
    handler: 'me/get-access-log',
    access: ANY_ROLE,
    summary: "Who read the caller's analysis or a report naming them, and which parts, newest first",
    // The cursor is signed with APP_SECRET, like the audit log's.
    uses: [...TABLE_RW, 'secret:app'],
    // Guard, the caller's member record (their login), one Query per page.
    dynamodbBudget: 3,
    query: AccessLogQuery,
    response: AccessLogPage,
  },
  {
    method: 'GET',
    path: '/me/data',
    handler: 'me/get-data',
    access: ANY_ROLE,
    summary: 'Everything this organization stores about the caller, as JSON',
    uses: TABLE_RW,
    // Guard, the user's partition and member record side by side, then their activity, analysis, access log and
    // the audit log (Queries by key prefix, one page each for an ordinary person) side by side.
    dynamodbBudget: 8,
    response: PersonalData,
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
    response: LoginResponse,
  },
] as const satisfies readonly RouteDefinition[];
