import { ANY_ROLE } from '../domain/roles';
import { TABLE_RW, type RouteDefinition } from '../route-definition';
import { AuditLogQuery, DeleteOrganizationBody, OrganizationExportQuery, PlanBody, SettingsBody } from '../schemas/organization';
import { ChangeRoleBody, CompleteInvitationBody, InvitationParams, InvitationTokenQuery, InviteBody, MemberParams } from '../schemas/team';

/** The team: invitations, members, the organization's settings and plan, the audit log. Part of THE route table, src/routes.ts. */
export const teamRoutes = [
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
    uses: TABLE_RW,
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
    uses: TABLE_RW,
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
    uses: TABLE_RW,
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
    summary: 'Remove a member and erase their activity, analysis and access log here; their next request with an old token answers 401',
    uses: [...TABLE_RW, 'cognito:AdminUserGlobalSignOut'],
    // Guard, membership and member record, the removal's transaction, their other memberships; with a GitHub login,
    // side by side: their slices and access log (two Queries, a BatchWrite page of deletes per 25 items) and the
    // reports naming them (two Queries, a BatchWrite page per 25 rewritten); then the erasure's audit entry.
    dynamodbBudget: 12,
    params: MemberParams,
  },
  {
    method: 'GET',
    path: '/organization',
    handler: 'organization/get-organization',
    access: ANY_ROLE,
    summary: 'The organization: plan, seats and settings',
    uses: TABLE_RW,
    dynamodbBudget: 2,
  },
  {
    method: 'GET',
    path: '/organization/export',
    handler: 'organization/export-organization',
    access: ['admin'],
    summary: 'Everything the organization stores, as JSON: no secrets, hashes or tokens; past 4 MB in parts, each with the nextCursor of the next',
    // The app secret signs the cursor of the next part.
    uses: [...TABLE_RW, 'secret:app'],
    // Guard, the partition from the cursor on (a Query page per MB, up to 4 MB of JSON a part), the first part's audit entry.
    dynamodbBudget: 4,
    query: OrganizationExportQuery,
  },
  {
    method: 'DELETE',
    path: '/organization',
    handler: 'organization/delete-organization',
    access: ['admin'],
    summary: 'Erase the organization: every item of it, and the accounts left with no organization (in the background)',
    // The erasure runs as the `organization-erasure` queue job (src/services/organization-erasure.ts).
    uses: [...TABLE_RW, 'queue:send:organization-erasure'],
    // Guard, the organization, one transaction (the mark and its audit entry).
    dynamodbBudget: 3,
    body: DeleteOrganizationBody,
  },
  {
    method: 'PUT',
    path: '/organization/settings',
    handler: 'organization/update-settings',
    access: ['admin'],
    summary: 'Change any subset of the settings (time zone, GitHub organization, privacy)',
    // The queue: a new time zone has the sync worker recompute the stored analyses; and it moves the
    // connected organization's daily sync (src/services/sync-schedule.ts).
    uses: [...TABLE_RW, 'queue:send:github-sync', 'schedule:github-sync'],
    // With a time zone, the connection's GetItem too.
    dynamodbBudget: 4,
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
    uses: [...TABLE_RW, 'secret:app'],
    dynamodbBudget: 2,
    query: AuditLogQuery,
  },
] as const satisfies readonly RouteDefinition[];
