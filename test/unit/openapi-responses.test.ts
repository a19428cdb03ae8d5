import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { successStatus } from '../../src/openapi/responses';
import { routeKey, routes } from '../../src/routes';
import { CodeQualityAnalysis } from '../../src/schemas/analytics';
import { GithubConnection, GithubInstallLink } from '../../src/schemas/integrations';
import { GeneratedReport, ReportEmailed, ReportList, TeamPerformance } from '../../src/schemas/reports';
import { SyncStatus } from '../../src/schemas/sync';
import type { analyzeMember } from '../../src/services/code-quality';
import type { describeConnection, startConnect } from '../../src/services/github-connection';
import type { generateExecutiveReport } from '../../src/services/report-generation';
import type { emailReport } from '../../src/services/report-pdf';
import type { listReportSummaries } from '../../src/services/reports';
import type { describeSync, startSync } from '../../src/services/sync';
import type { analyzeTeam } from '../../src/services/team-performance';
import { LoginResponse, RefreshResponse, SignupResponse } from '../../src/schemas/auth';
import { AccessLogPage, MeResponse, PersonalData, PersonalSettings } from '../../src/schemas/me';
import { AuditLogPage, Organization, OrganizationErasure, OrganizationExport, OrganizationSettings } from '../../src/schemas/organization';
import { InvitationOffer, InvitationView, InviteResponse, JoinResponse, TeamMember } from '../../src/schemas/team';
import type { accessLogPage } from '../../src/services/access-log';
import type { auditLogPage } from '../../src/services/audit-log';
import type { inviteMembers, listInvitationViews } from '../../src/services/invitations';
import type { completeInvitation, describeInvitation } from '../../src/services/joining';
import type { describeCaller } from '../../src/services/me';
import type { changeMemberRole, listMemberViews } from '../../src/services/members';
import type { changeSettings, choosePlan, describeOrganization } from '../../src/services/organization';
import type { requestOrganizationErasure } from '../../src/services/organization-exit';
import type { exportOrganization } from '../../src/services/organization-export';
import type { personalData } from '../../src/services/personal-data';
import type { changePersonalSettings } from '../../src/services/personal-settings';
import type { logIn, refresh, switchOrganization } from '../../src/services/session';
import type { signUpOrganization } from '../../src/services/signup';

/*
 * Compile-time: each response schema and the service whose result the
 * handler sends have the same type (readonly aside), so neither can change
 * alone; `npx tsc --noEmit` fails where one drifts. At run time the wrapper
 * checks every body the integration suite receives (VALIDATE_RESPONSES).
 */
type Writable<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
type Same<A, B> = [Writable<A>] extends [Writable<B>] ? ([Writable<B>] extends [Writable<A>] ? true : false) : false;
/** One way only, where one side's type is the wider (a service's `status: string` for the literal `'erasing'` it sends). */
type Fits<Narrow, Wide> = [Writable<Narrow>] extends [Writable<Wide>] ? true : false;
type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Output<S extends z.ZodType> = z.output<S>;
type Item<T> = T extends readonly (infer I)[] ? I : never;

const sameTypes: readonly true[] = [
  true satisfies Same<Result<typeof logIn>, Output<typeof LoginResponse>>,
  true satisfies Same<Result<typeof switchOrganization>, Output<typeof LoginResponse>>,
  true satisfies Same<Result<typeof refresh>, Output<typeof RefreshResponse>>,
  true satisfies Same<Result<typeof signUpOrganization>, Output<typeof SignupResponse>['data']>,
  true satisfies Same<Result<typeof describeCaller>, Output<typeof MeResponse>>,
  true satisfies Same<Result<typeof changePersonalSettings>, Output<typeof PersonalSettings>>,
  true satisfies Same<Result<typeof describeOrganization>, Output<typeof Organization>>,
  true satisfies Same<Result<typeof choosePlan>, Output<typeof Organization>>,
  true satisfies Same<Result<typeof changeSettings>, Output<typeof OrganizationSettings>>,
  true satisfies Same<Result<typeof inviteMembers>, Output<typeof InviteResponse>>,
  true satisfies Same<Item<Result<typeof listInvitationViews>>, Output<typeof InvitationView>>,
  true satisfies Same<Result<typeof describeInvitation>, Output<typeof InvitationOffer>>,
  true satisfies Same<Result<typeof completeInvitation>, Output<typeof JoinResponse>>,
  true satisfies Same<Item<Result<typeof listMemberViews>>, Output<typeof TeamMember>>,
  true satisfies Same<Result<typeof changeMemberRole>, Output<typeof TeamMember>>,
  true satisfies Fits<Output<typeof OrganizationErasure>, Result<typeof requestOrganizationErasure>>,
  true satisfies Same<Result<typeof auditLogPage>, Output<typeof AuditLogPage>>,
  true satisfies Same<Result<typeof accessLogPage>, Output<typeof AccessLogPage>>,
  // Activity slices and stored analyses are given as stored (records of their fields): the rest is exact.
  true satisfies Same<Omit<Result<typeof personalData>, 'activity' | 'analyses'>, Omit<Output<typeof PersonalData>, 'activity' | 'analyses'>>,
  true satisfies Same<Result<typeof exportOrganization>, Output<typeof OrganizationExport>>,
  true satisfies Same<Result<typeof analyzeMember>, Output<typeof CodeQualityAnalysis>>,
  true satisfies Same<Result<typeof analyzeTeam>, Output<typeof TeamPerformance>>,
  true satisfies Same<Result<typeof generateExecutiveReport>, Output<typeof GeneratedReport>>,
  true satisfies Same<Result<typeof listReportSummaries>, Output<typeof ReportList>>,
  true satisfies Fits<Output<typeof ReportEmailed>, Result<typeof emailReport>>,
  // syncView's type is a union (never synced, or a sync) the schema's one object covers.
  true satisfies Fits<Result<typeof describeSync>, Output<typeof SyncStatus>>,
  true satisfies Fits<Result<typeof startSync>, Output<typeof SyncStatus>>,
  true satisfies Same<Result<typeof startConnect>, Output<typeof GithubInstallLink>>,
  true satisfies Same<Result<typeof describeConnection>, Output<typeof GithubConnection>>,
];

describe('Response schemas', () => {
  it('It should hold each schema to the type of what its handler sends (checked by tsc)', () => {
    expect(sameTypes.every(Boolean)).toBe(true);
  });

  it('It should declare the body of every route that answers JSON (all but the 204s and the PDF)', () => {
    const binary = new Set(['GET /reports/{reportId}/pdf']);
    const answersJson = routes.filter((route) => successStatus(route) !== 204 && !binary.has(routeKey(route)));
    expect(answersJson.filter((route) => !('response' in route)).map(routeKey)).toEqual([]);
    expect(routes.filter((route) => successStatus(route) === 204 && 'response' in route).map(routeKey)).toEqual([]);
  });
});
