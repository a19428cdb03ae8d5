/**
 * Named shapes of the API's answers, for props and query results. Routes the
 * OpenAPI document does not type yet are written here from the contract
 * (/work/shared/api-contract.md) and the handlers' views; each becomes an
 * alias of `paths[...]` once web/src/api/openapi.d.ts types it.
 */

import type { paths } from './openapi';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

/** `PUT /organization/settings`: any subset of the settings. */
export type SettingsChange = JsonBody<paths['/organization/settings']['put']>;
export type PrivacyMode = NonNullable<SettingsChange['privacyMode']>;
export type VisibilityRule = keyof NonNullable<SettingsChange['visibilityRules']>;
export type Visibility = NonNullable<NonNullable<SettingsChange['visibilityRules']>[VisibilityRule]>;
export type Plan = JsonBody<paths['/organization/plan']['put']>['plan'];
export type Role = JsonBody<paths['/team/members/{userId}']['patch']>['role'];
export type ExecutiveReportRequest = JsonBody<paths['/ai/generate-report/{organizationId}']['post']>;

// Team: GET /team/members, GET /team/invitations, POST /team/invite.
export interface Member {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly githubUsername: string | null;
  readonly joinedAt: string;
}
export interface Members {
  readonly items: readonly Member[];
}
export interface Invitation {
  readonly inviteId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly githubUsername?: string | null;
  readonly status: 'pending' | 'accepted' | 'revoked' | 'expired';
  readonly createdAt?: string;
  readonly expiresAt: string;
}
export interface Invitations {
  readonly items: readonly Invitation[];
}
export interface InviteOutcome {
  readonly invitations: { readonly sent: number; readonly failed: number; readonly pending: number };
  readonly results: readonly { readonly email: string; readonly status: 'sent' | 'failed'; readonly reason?: string }[];
  readonly message: string;
}

// Organization: GET /organization, PUT /organization/settings, GET /organization/export.
export interface OrganizationSettings {
  readonly timezone: string;
  readonly githubOrganization?: string | null;
  readonly privacyMode: PrivacyMode;
  readonly visibilityRules: Readonly<Record<VisibilityRule, Visibility>>;
  readonly allowMembersViewOthers: boolean;
  readonly productionEnvironment?: string;
}
export interface Organization {
  readonly organizationId: string;
  readonly name: string;
  readonly plan: Plan;
  readonly maxMembers: number | null;
  readonly currentMembers: number;
  readonly pendingInvitations?: number;
  readonly settings: OrganizationSettings;
}
export interface OrganizationExportPart {
  readonly organizationId: string;
  readonly exportedAt: string;
  readonly items: Readonly<Record<string, readonly unknown[]>>;
  readonly nextCursor: string | null;
}

// GitHub and sync: GET /integrations/github, POST /integrations/github/connect, GET and POST /sync.
export type GithubConnection =
  | { readonly connected: false }
  | {
      readonly connected: true;
      readonly account: { readonly login: string; readonly type: string };
      readonly repositorySelection: string;
      readonly installationId: number;
      readonly rateLimit: { readonly limit: number; readonly remaining: number; readonly resetAt: string } | null;
      readonly lastSync: string | null;
    };
export interface GithubConnectStart {
  readonly installUrl: string;
}
export interface Sync {
  readonly status: 'idle' | 'running' | 'waiting_for_rate_limit' | 'failed';
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly repositories: { readonly done: number; readonly total: number };
  readonly requests: { readonly made: number; readonly notModified: number };
  readonly rateLimit: { readonly remaining: number; readonly resetAt: string } | null;
  readonly lastError: string | null;
}

// Reports: GET /reports, GET /reports/{reportId}, POST /ai/generate-report/{organizationId}, POST /reports/{reportId}/email.
export interface ReportSummary {
  readonly reportId: string;
  readonly reportType: 'executive' | 'team';
  readonly generatedAt: string;
  readonly generatedBy: string;
}
export interface ReportList {
  readonly items: readonly ReportSummary[];
}
export interface PersonFigure {
  readonly name: string;
  readonly githubUsername: string;
  readonly codeQualityScore: number;
  readonly commits?: number;
  readonly recommendation?: string;
}
export interface BurnoutRisk {
  readonly name: string;
  readonly githubUsername: string;
  readonly riskScore: number;
  readonly pattern: string;
}
export interface HiringJustification {
  readonly currentCapacity: string;
  readonly burnoutRisk: string;
  readonly growthPotential: string;
  readonly recommendation: string;
  readonly assumptions?: readonly string[];
  readonly confidence?: string;
  readonly evidence?: string;
  readonly basis?: { readonly analysedEngineers: number; readonly engineersWithEnoughCommits: number; readonly minCommits: number; readonly windowDays: number };
}
export interface DeliveryFigure {
  readonly field: string;
  readonly label: string;
  readonly shown: string;
  readonly shownBefore: string;
  readonly shownChange: string;
  readonly assessment: 'better' | 'worse' | null;
  readonly text: string;
}
export interface DeliverySection {
  readonly state: 'current' | 'outdated' | 'pending';
  readonly note: string;
  readonly trend: string | null;
  readonly figures: readonly DeliveryFigure[];
  readonly repositories: readonly { readonly repo: string; readonly text: string }[];
  readonly otherRepositories: number;
}
export interface ExecutiveReport {
  readonly reportId: string;
  readonly reportType: 'executive';
  readonly title: string;
  readonly organizationName: string;
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly generatedAt: string;
  readonly confidential: boolean;
  readonly includeIndividuals: boolean;
  readonly analysisEngine: string;
  readonly summary?: string;
  readonly teamOverview: {
    readonly teamSize: number;
    readonly averageCodeQuality: number;
    readonly totalCommits: number;
    readonly teamHealth: string;
    readonly pendingEngineers: number;
  };
  readonly delivery?: DeliverySection;
  readonly keyFindings: Readonly<Record<'codeQuality' | 'productivity' | 'burnout', readonly string[]>>;
  readonly recommendations: Readonly<Record<'immediate' | 'shortTerm' | 'longTerm', readonly string[]>>;
  readonly hiringJustification: HiringJustification;
  readonly conclusion: string;
  readonly individuals?: {
    readonly topPerformer?: PersonFigure | null;
    readonly needsSupport?: PersonFigure | null;
    readonly burnoutRisks: readonly BurnoutRisk[];
  };
}
/** The day's team report (`team-<day>`): the team analysis as this reader may see it. */
export interface TeamReport {
  readonly reportType?: undefined;
  readonly generatedAt: string;
  readonly windowDays: number;
  readonly teamHealth: string;
  readonly overallScore: number;
  readonly totalMembers: number;
  readonly analysedMembers: number;
  readonly averageCodeQuality: number;
  readonly totalCommits: number;
  readonly topPerformer?: PersonFigure | null;
  readonly needsSupport?: PersonFigure | null;
  readonly burnoutRisks: readonly BurnoutRisk[];
  readonly insights: readonly string[];
  readonly recommendations: readonly string[];
  readonly hiringJustification: HiringJustification;
}
export type Report = ExecutiveReport | TeamReport;
export interface GeneratedReport {
  readonly reportId: string;
  readonly pdfUrl: string;
}
/** `202` from an analysis before the organization's first sync has finished. */
export interface Syncing {
  readonly status: 'syncing';
  readonly sync: Sync;
}
export interface ReportEmailed {
  readonly sent: number;
}

// Audit: GET /audit-logs.
export interface AuditEntry {
  readonly timestamp: string;
  readonly event: string;
  readonly userId: string | null;
  readonly resource: string;
  readonly result: string;
  readonly severity: 'LOW' | 'MEDIUM' | 'HIGH';
  readonly count?: number;
  readonly lastAttemptAt?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}
export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly nextCursor: string | null;
}
