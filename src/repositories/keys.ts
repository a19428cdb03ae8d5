import type { Role } from '../domain/roles';
import type { TenantContext } from '../guard/tenant-context';
import { utcDayOf } from '../domain/utc-day';

/**
 * Every key of the single table is built here. Tenant data lives in the
 * `ORG#<orgId>` partition and its keys are built from a TenantContext; the
 * few lookups needed before an organization is known (a user's memberships,
 * an email's account, an organization name) have partitions of their own.
 */
export interface Key {
  readonly PK: string;
  readonly SK: string;
}

const orgPartition = (orgId: string) => `ORG#${orgId}`;
const pendingSignupsPartition = (day: string) => `PENDING_SIGNUPS#${day}`;

/** The story's role-prefixed member records: `ADMIN#…`, `MEMBER#…`, `VIEWER#…`. */
const ROLE_PREFIX: Record<Role, string> = { admin: 'ADMIN', member: 'MEMBER', viewer: 'VIEWER' };

export const tenantKeys = {
  /** The whole partition: to discard an organization that never became real (an expired signup), to export one or to erase one. */
  partition: (tenant: Pick<TenantContext, 'orgId'>): string => orgPartition(tenant.orgId),
  organization: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: orgPartition(tenant.orgId) }),
  member: (tenant: Pick<TenantContext, 'orgId'>, role: Role, userId: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `${ROLE_PREFIX[role]}#${userId}`,
  }),
  invitation: (tenant: Pick<TenantContext, 'orgId'>, inviteId: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `INVITE#${inviteId}`,
  }),
  membersOfRole: (tenant: Pick<TenantContext, 'orgId'>, role: Role) => ({
    PK: orgPartition(tenant.orgId),
    skPrefix: `${ROLE_PREFIX[role]}#`,
  }),
  /** Exact-key resolution of a GitHub login inside one organization (a prefix never matches). */
  githubLogin: (tenant: Pick<TenantContext, 'orgId'>, login: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `GHLOGIN#${login.toLowerCase()}`,
  }),
  /** The story's cached analysis of one member. */
  analysis: (tenant: Pick<TenantContext, 'orgId'>, login: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `GITHUB_DATA#${login.toLowerCase()}`,
  }),
  /** One security alert per attacker per hour: the marker a conditional write checks. */
  securityAlert: (tenant: Pick<TenantContext, 'orgId'>, attackerUserId: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `ALERT#${attackerUserId}`,
  }),
  /** The story's daily team report: `TEAM_REPORT#2026-11-25`. */
  teamReport: (tenant: Pick<TenantContext, 'orgId'>, day: string): Key => ({ PK: orgPartition(tenant.orgId), SK: `TEAM_REPORT#${day}` }),
  teamReports: (tenant: Pick<TenantContext, 'orgId'>) => ({ PK: orgPartition(tenant.orgId), skPrefix: 'TEAM_REPORT#' }),
  /** Report ids start with their creation time, so the sort key orders reports by age. */
  report: (tenant: Pick<TenantContext, 'orgId'>, reportId: string): Key => ({ PK: orgPartition(tenant.orgId), SK: `REPORT#${reportId}` }),
  reports: (tenant: Pick<TenantContext, 'orgId'>) => ({ PK: orgPartition(tenant.orgId), skPrefix: 'REPORT#' }),
  /** This minute's request counter of the organization. */
  organizationRate: (tenant: Pick<TenantContext, 'orgId'>, minute: number): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `RATE#${minute}`,
  }),
  /** Emails the organization caused on one UTC day (`2026-12-01`), against the plan's daily quota. */
  emailQuota: (tenant: Pick<TenantContext, 'orgId'>, day: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `EMAILS#${day}`,
  }),
  invitations: (tenant: Pick<TenantContext, 'orgId'>) => ({ PK: orgPartition(tenant.orgId), skPrefix: 'INVITE#' }),
  /**
   * One attacker's attempts at resources of one other organization (or of
   * none: `-`) in one hour, and where their audit entries are:
   * `ATTEMPT#<hour>#<userId>#<orgId>`.
   */
  attemptBucket: (log: Pick<TenantContext, 'orgId'>, bucket: { hour: number; attackerUserId: string; otherOrgId: string }): Key => ({
    PK: orgPartition(log.orgId),
    SK: `ATTEMPT#${bucket.hour}#${bucket.attackerUserId}#${bucket.otherOrgId}`,
  }),
  /** The audit entry of one resource's attempts, under the sort key its attempt bucket chose: `AUDIT#<time>#<id>#<resource>`. */
  attemptEntry: (log: Pick<TenantContext, 'orgId'>, bucketSk: string, resource: string): Key => ({
    PK: orgPartition(log.orgId),
    SK: `${bucketSk}#${resource}`,
  }),
  /** A pending GitHub connect `state`, by the SHA-256 of the state (the state itself is never stored). */
  githubConnectState: (tenant: Pick<TenantContext, 'orgId'>, stateHash: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `GHSTATE#${stateHash}`,
  }),
  /**
   * One person's synced activity in one repository and month
   * (`ACT#<login>#<YYYY-MM>#<owner/name>`, lower case): one Query with a
   * range on the month reads a person's window across every repository.
   */
  activitySlice: (tenant: Pick<TenantContext, 'orgId'>, slice: { login: string; month: string; repo: string }): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `ACT#${slice.login.toLowerCase()}#${slice.month}#${slice.repo.toLowerCase()}`,
  }),
  /** Sort-key bounds of a person's slices from `fromMonth` on (BETWEEN is inclusive; `~` sorts after every repository name). */
  activitySlicesFrom: (tenant: Pick<TenantContext, 'orgId'>, login: string, fromMonth: string) => ({
    PK: orgPartition(tenant.orgId),
    from: `ACT#${login.toLowerCase()}#${fromMonth}`,
    to: `ACT#${login.toLowerCase()}#~`,
  }),
  /**
   * One repository's deployments of one month (`DEPLOY#<YYYY-MM>#<owner/name>`,
   * lower case): the month first, so one Query with a range reads the
   * organization's deployments of a window across every repository.
   */
  deploymentMonth: (tenant: Pick<TenantContext, 'orgId'>, entry: { month: string; repo: string }): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `DEPLOY#${entry.month}#${entry.repo.toLowerCase()}`,
  }),
  /** Sort-key bounds of every repository's deployment months from `fromMonth` to `toMonth` (or on); `~` sorts after every month and name. */
  deploymentMonthsBetween: (tenant: Pick<TenantContext, 'orgId'>, fromMonth: string, toMonth?: string) => ({
    PK: orgPartition(tenant.orgId),
    from: `DEPLOY#${fromMonth}`,
    to: toMonth ? `DEPLOY#${toMonth}#~` : 'DEPLOY#~',
  }),
  /** The GitHub organization's members as the last sync listed them (logins, with the pages' ETags). */
  githubMembers: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'GHMEMBERS' }),
  /** The installation's repository list as the last listing read it, with the pages' ETags. */
  githubRepositoryList: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'GHREPOS' }),
  /** What the last sync of one repository saw (`SYNCREPO#<owner/name>`, lower case): its cursor. */
  repositoryCursor: (tenant: Pick<TenantContext, 'orgId'>, repo: string): Key => ({ PK: orgPartition(tenant.orgId), SK: `SYNCREPO#${repo.toLowerCase()}` }),
  /** A read of one repository already queued by a webhook, until it runs (the debounce's marker). */
  repositoryReadQueued: (tenant: Pick<TenantContext, 'orgId'>, repo: string): Key => ({ PK: orgPartition(tenant.orgId), SK: `SYNCSOON#${repo.toLowerCase()}` }),
  /** The organization's current (or last) sync: status and progress. */
  sync: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'SYNC' }),
  /** The team's flow and delivery figures, computed by the sync's worker (one item: the dashboard reads it beside the sync record). */
  teamFlow: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'FLOW' }),
  /**
   * Changed after every write of members' analyses (a new random stamp): a
   * day's team report computed under another stamp is out of date.
   */
  analysesStamp: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'ANALYSES_STAMP' }),
  /** The organization's GitHub App installation, when connected. */
  githubConnection: (tenant: Pick<TenantContext, 'orgId'>): Key => ({ PK: orgPartition(tenant.orgId), SK: 'GHCONNECTION' }),
  /**
   * One read of a person's analysis, or of a report naming them, by someone
   * else (`ACCESS#<login>#<time>#<id>`, lower case): one Query of the prefix
   * pages a person's access log newest first.
   */
  accessEntry: (tenant: Pick<TenantContext, 'orgId'>, login: string, at: Date, entryId: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `ACCESS#${login.toLowerCase()}#${at.toISOString()}#${entryId}`,
  }),
  accessEntries: (tenant: Pick<TenantContext, 'orgId'>, login: string) => ({ PK: orgPartition(tenant.orgId), skPrefix: `ACCESS#${login.toLowerCase()}#` }),
  /** Every activity slice of one person, in every month and repository. */
  activitySlicesOfLogin: (tenant: Pick<TenantContext, 'orgId'>, login: string) => ({ PK: orgPartition(tenant.orgId), skPrefix: `ACT#${login.toLowerCase()}#` }),
  auditEntries: (tenant: Pick<TenantContext, 'orgId'>) => ({ PK: orgPartition(tenant.orgId), skPrefix: 'AUDIT#' }),
  auditEntry: (tenant: Pick<TenantContext, 'orgId'>, at: Date, entryId: string): Key => ({
    PK: orgPartition(tenant.orgId),
    SK: `AUDIT#${at.toISOString()}#${entryId}`,
  }),
};

export const lookupKeys = {
  membership: (userId: string, orgId: string): Key => ({ PK: `USER#${userId}`, SK: `MEMBERSHIP#${orgId}` }),
  userPartition: (userId: string) => `USER#${userId}`,
  userProfile: (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  session: (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'SESSION' }),
  emailAccount: (email: string): Key => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'ACCOUNT' }),
  /** An organization name's reservation, keyed by its confusable skeleton (older items: by its normalized form). */
  organizationName: (skeleton: string): Key => ({ PK: `ORGNAME#${skeleton}`, SK: 'ORGNAME' }),
  /** Every name reservation, for the one-off migration's Scan. */
  organizationNames: { pkPrefix: 'ORGNAME#', SK: 'ORGNAME' },
  /**
   * Which organizations have a member with this GitHub login: read only to
   * tell the admins of the target organization about a cross-organization
   * attempt, never to answer one.
   */
  githubLoginOwner: (login: string, orgId: string): Key => ({ PK: `GHLOGIN#${login.toLowerCase()}`, SK: `ORG#${orgId}` }),
  githubLoginPartition: (login: string) => `GHLOGIN#${login.toLowerCase()}`,
  /** This minute's request and failed-authentication counters of one client IP. */
  clientRate: (ip: string, minute: number): Key => ({ PK: `RATEIP#${ip}`, SK: `${minute}` }),
  /** This minute's failed logins for one email (known or not: both count alike). */
  accountRate: (email: string, minute: number): Key => ({ PK: `RATEACCT#${email.toLowerCase()}`, SK: `${minute}` }),
  /** The same, from one client IP only. */
  accountClientRate: (email: string, ip: string, minute: number): Key => ({
    PK: `RATEACCT#${email.toLowerCase()}`,
    SK: `${minute}#${ip}`,
  }),
  /**
   * An unverified signup in the sweep's index (`src/services/expired-signups.ts`):
   * one partition per UTC day of its `pendingUntil`, sorted by that instant.
   */
  pendingSignupEntry: (pendingUntil: number, userId: string): Key => ({
    PK: pendingSignupsPartition(utcDayOf(new Date(pendingUntil))),
    SK: `${new Date(pendingUntil).toISOString()}#${userId}`,
  }),
  /** One day's entries that expired by `now`: sort keys below `<now>$` (`$` sorts right after the `#` that follows the instant). */
  pendingSignupsDue: (day: string, now: Date) => ({ PK: pendingSignupsPartition(day), skBefore: `${now.toISOString()}$` }),
  /**
   * One GitHub webhook delivery, in its installation's partition until the
   * connect flow binds installations to organizations (`-`: a delivery for
   * no installation). Keyed by GitHub's delivery GUID, which a redelivery keeps.
   */
  githubDelivery: (installationId: number | undefined, deliveryId: string): Key => ({
    PK: `GHINSTALL#${installationId ?? '-'}`,
    SK: `DELIVERY#${deliveryId}`,
  }),
  /** Which organization holds a GitHub App installation: at most one (the binding's condition). */
  githubInstallation: (installationId: number): Key => ({ PK: `GHINSTALLATION#${installationId}`, SK: 'GHINSTALLATION' }),
  /** Hash of an invitation token → where its invitation lives. */
  invitationToken: (tokenHash: string): Key => ({ PK: `INVITE_TOKEN#${tokenHash}`, SK: 'INVITE_TOKEN' }),
};

export const MEMBERSHIP_PREFIX = 'MEMBERSHIP#';
