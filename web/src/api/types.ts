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

// People's own data.
export type AccessLogPage = paths['/me/access-log']['get']['responses'][200]['content']['application/json'];

// GitHub and sync.
export type GithubConnection = Schemas['GithubConnection'];
/** `GET /sync`, also inside a `202 syncing` answer. */
export type SyncState = Schemas['SyncStatus'];
/** `202 {"success":true,"status":"syncing","sync":{…}}`: the organization's first sync has not finished. */
export type Syncing = Schemas['SyncingResponse'];

// One person's analysis: `GET /ai/code-quality/{githubUsername}`; parts the privacy rules hide from the reader are absent.
export type CodeQualityAnalysis = Schemas['CodeQualityAnalysis'];
export type Metrics = Schemas['Metrics'];
type CodeQualityScore = NonNullable<CodeQualityAnalysis['codeQuality']>;
export type Confidence = CodeQualityScore['confidence'];
/** The sample a score rests on (metrics.md, "Enough evidence or no score"). */
export type EvidenceBasis = CodeQualityScore['basis'];
/** One input that moved a score: its value and the points it added. */
export type Signal = CodeQualityScore['signals'][number];

// The team: `GET /ai/team-performance/{organizationId}` as the caller may see it, also a day's team report.
export type TeamPerformance = Schemas['TeamPerformance'];
export type TeamFlow = NonNullable<Schemas['TeamFlow']>;
/** The figures of metrics.md "Team flow and delivery", as the window before has them. */
export type FlowFigures = Omit<TeamFlow['previous'], 'windowStart' | 'windowEnd'>;
export type TopPerformer = NonNullable<TeamPerformance['topPerformer']>;
/** Needs support: a top performer's figures and what to do about it. */
export type NeedsSupport = NonNullable<TeamPerformance['needsSupport']>;
export type PersonFigure = TopPerformer | NeedsSupport;
export type BurnoutRisk = TeamPerformance['burnoutRisks'][number];
export type HiringJustification = Schemas['HiringJustification'];
export type TeamCharts = Schemas['TeamCharts'];
export type CommitWeek = TeamCharts['commitsPerWeek'][number];

// Reports and audit.
/** `POST /ai/generate-report/{organizationId}`. */
export type GeneratedReport = Schemas['GeneratedReport'];
export type ExecutiveReportRequest = JsonBody<paths['/ai/generate-report/{organizationId}']['post']>;
export type ReportSummary = Schemas['ReportList']['items'][number];
export type Report = Schemas['Report'];
export type ExecutiveReport = Schemas['ExecutiveReport'];
export type AuditEntry = Schemas['AuditLogEntry'];
