/**
 * Named shapes of the API, for props and query results: aliases of the
 * OpenAPI document's types (web/src/api/openapi.d.ts), so a change of the
 * API shows up here as a type error rather than in a person's browser.
 */
import type { components, paths } from './openapi';

type Schemas = components['schemas'];
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

// Team: GET /team/members, GET /team/invitations, POST /team/invite.
export type Member = Schemas['TeamMember'];
export type Role = Member['role'];
export type Members = Schemas['TeamMembersResponse'];
export type Invitation = Schemas['InvitationView'];
export type InviteOutcome = Schemas['InviteResponse'];

// Organization: GET /organization, PUT /organization/settings, GET /organization/export.
export type Organization = Schemas['Organization'];
export type OrganizationSettings = Schemas['OrganizationSettings'];
/** `PUT /organization/settings`: any subset of the settings. */
export type SettingsChange = JsonBody<paths['/organization/settings']['put']>;
export type PrivacyMode = OrganizationSettings['privacyMode'];
export type VisibilityRule = keyof OrganizationSettings['visibilityRules'];
export type Visibility = OrganizationSettings['visibilityRules'][VisibilityRule];
export type Plan = Organization['plan'];
export type OrganizationExportPart = Schemas['OrganizationExport'];

// GitHub and sync.
export type GithubConnection = Schemas['GithubConnection'];
export type Sync = Schemas['SyncStatus'];

// Reports and audit.
export type ReportSummary = Schemas['ReportList']['items'][number];
export type Report = Schemas['Report'];
export type ExecutiveReport = Schemas['ExecutiveReport'];
export type TeamReport = Schemas['TeamPerformance'];
export type HiringJustification = Schemas['HiringJustification'];
export type ExecutiveReportRequest = JsonBody<paths['/ai/generate-report/{organizationId}']['post']>;
export type AuditEntry = Schemas['AuditLogEntry'];
export type TeamCharts = Schemas['TeamCharts'];
export type BurnoutRisk = TeamReport['burnoutRisks'][number];
export type PersonFigure = NonNullable<TeamReport['needsSupport']>;
