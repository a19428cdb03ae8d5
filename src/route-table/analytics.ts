import { ANY_ROLE } from '../domain/roles';
import { TABLE_RW, type RouteDefinition } from '../route-definition';
import { CodeQualityAnalysis, CodeQualityParams, CodeQualityQuery, OrganizationParams } from '../schemas/analytics';
import {
  EmailReportBody,
  ExecutiveReportBody,
  GeneratedReport,
  Report,
  ReportEmailed,
  ReportList,
  ReportParams,
  TeamPerformance,
} from '../schemas/reports';

/** Analytics and reports. Part of THE route table, src/routes.ts. */
export const analyticsRoutes = [
  {
    method: 'GET',
    path: '/ai/code-quality/{githubUsername}',
    handler: 'ai/code-quality',
    access: ANY_ROLE,
    summary: "A member's code quality, burnout risk and metrics from synced GitHub activity, filtered by the privacy rules",
    // The queue: `refresh=true` asks the sync worker for the person's repositories. Never GitHub.
    uses: [...TABLE_RW, 'email:send', 'secret:model', 'queue:send:github-sync', 'queue:send:access-log'],
    // Guard, then one BatchGet (login, organization, analysis, connection, sync, the caller's member record): 2 when
    // the analysis stands. Out of date: the person's activity Query and the analysis write: 4. Someone else's
    // analysis adds no call: its access-log entry goes to its queue. A login of nobody here: its audit writes.
    dynamodbBudget: 6,
    params: CodeQualityParams,
    query: CodeQualityQuery,
    response: CodeQualityAnalysis,
  },
  {
    method: 'GET',
    path: '/ai/team-performance/{organizationId}',
    handler: 'ai/team-performance',
    access: ['admin'],
    summary: "The team's health from its members' stored analyses; also saved as today's team report",
    uses: [...TABLE_RW, 'email:send', 'queue:send:github-sync', 'queue:send:access-log'],
    // Guard, members Query beside one BatchGet (organization, connection, sync, the caller), one BatchGet page of
    // analyses per 100 engineers, the team report; the access-log entries of the people it names go to their queue.
    // An analysis out of date adds its activity Query (and a batch write).
    dynamodbBudget: 5,
    params: OrganizationParams,
    response: TeamPerformance,
  },
  {
    method: 'POST',
    path: '/ai/generate-report/{organizationId}',
    handler: 'ai/generate-report',
    access: ['admin'],
    summary: 'An executive report (PDF at pdfUrl) from the team analysis',
    uses: [...TABLE_RW, 'email:send', 'queue:send:github-sync', 'queue:send:access-log'],
    // The team analysis's 5, then the report (the access-log entries of the people it names go to their queue).
    dynamodbBudget: 6,
    throttle: { ratePerSecond: 2, burst: 5 },
    params: OrganizationParams,
    body: ExecutiveReportBody,
    response: GeneratedReport,
  },
  {
    method: 'GET',
    path: '/reports',
    handler: 'reports/list-reports',
    access: ['admin', 'viewer'],
    summary: 'Executive and team reports, newest first',
    uses: TABLE_RW,
    dynamodbBudget: 3,
    response: ReportList,
  },
  {
    method: 'GET',
    path: '/reports/{reportId}',
    handler: 'reports/get-report',
    access: ['admin', 'viewer'],
    summary: 'One report; the people it names to this reader get an access-log entry',
    uses: [...TABLE_RW, 'queue:send:access-log'],
    // Guard, one BatchGet (report, organization, reader); the access-log entries of the people it names go to their queue.
    dynamodbBudget: 2,
    params: ReportParams,
    response: Report,
  },
  {
    method: 'GET',
    path: '/reports/{reportId}/pdf',
    handler: 'reports/get-report-pdf',
    access: ['admin', 'viewer'],
    summary: 'The executive report as a PDF; the people it names to this reader get an access-log entry',
    uses: [...TABLE_RW, 'queue:send:access-log'],
    runtimeFiles: ['pdfkit'],
    // As GET /reports/{reportId}; the access-log entries are queued while the PDF renders.
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
    uses: [...TABLE_RW, 'email:send', 'queue:send:access-log'],
    runtimeFiles: ['pdfkit'],
    // Guard, report, members (a Query per role), sender, then the plan and the daily email counter; while the email
    // goes, the access-log entries of the people the PDF names (one per person and recipient) go to their queue.
    dynamodbBudget: 8,
    params: ReportParams,
    body: EmailReportBody,
    response: ReportEmailed,
  },
] as const satisfies readonly RouteDefinition[];
