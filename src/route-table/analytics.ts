import { ANY_ROLE } from '../domain/roles';
import { TABLE_RW, type RouteDefinition } from '../route-definition';
import { CodeQualityParams, CodeQualityQuery, OrganizationParams } from '../schemas/analytics';
import { EmailReportBody, ExecutiveReportBody, ReportParams } from '../schemas/reports';

/** Analytics and reports. Part of THE route table, src/routes.ts. */
export const analyticsRoutes = [
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
