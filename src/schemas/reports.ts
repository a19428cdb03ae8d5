import * as z from 'zod';
import type { TeamFacts as TeamFactsType } from '../domain/reports/team-figures';
import type {
  BurnoutRisk as BurnoutRiskType,
  DeliveryFigure as DeliveryFigureType,
  DeliverySection as DeliverySectionType,
  ExecutiveReport as ExecutiveReportType,
  HiringJustification as HiringJustificationType,
  PersonFigureView,
  SupportFigureView,
  TeamAnalysis,
  TeamAnalysisView,
} from '../domain/reports/types';
import type { TeamFlow as TeamFlowType } from '../domain/flow/types';
import type { ReportSummary } from '../repositories/reports';
import { Email, OpaqueId } from './common';

export const ExecutiveReportBody = z
  .object({
    reportType: z.literal('executive'),
    includeGraphs: z.boolean().default(true),
    includeIndividuals: z.boolean().default(false),
    confidential: z.boolean().default(true),
  })
  .strict();
export type ExecutiveReportBody = z.infer<typeof ExecutiveReportBody>;

export const ReportParams = z.object({ reportId: OpaqueId }).strict();

export const EmailReportBody = z.object({ to: z.array(Email).min(1).max(50) }).strict();

/*
 * Success bodies (see src/schemas/auth.ts on response schemas): the team
 * analysis and the executive report as one reader sees them (a person the
 * privacy rules hide is absent from the named fields).
 */

const PersonFigure = z
  .object({ name: z.string(), githubUsername: z.string(), codeQualityScore: z.number(), commits: z.number().int().optional() })
  .strict() satisfies z.ZodType<PersonFigureView>;
const SupportFigure = PersonFigure.extend({ recommendation: z.string().optional() }).strict() satisfies z.ZodType<SupportFigureView>;

const BurnoutRisk = z
  .object({ name: z.string(), githubUsername: z.string(), riskScore: z.number(), pattern: z.string() })
  .strict() satisfies z.ZodType<BurnoutRiskType>;

/** Absent in reports stored before they existed (reports are stored whole): `confidence`, `basis`, `evidence`. */
const HiringJustification = z
  .object({
    currentCapacity: z.string(),
    burnoutRisk: z.string(),
    growthPotential: z.string(),
    recommendation: z.string(),
    assumptions: z.array(z.string()),
    confidence: z.enum(['high', 'medium', 'low', 'insufficient_data']).optional(),
    basis: z
      .object({
        analysedEngineers: z.number().int(),
        engineersWithEnoughCommits: z.number().int(),
        engineersWithMeasuredPace: z.number().int(),
        minCommits: z.number().int(),
        windowDays: z.number().int(),
      })
      .strict()
      .optional(),
    evidence: z.string().optional(),
    figures: z
      .object({
        capacityPercent: z.number(),
        engineersAtHighRisk: z.number().int(),
        engineersAtMediumRisk: z.number().int(),
        suggestedHires: z.number().int(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'HiringJustification' }) satisfies z.ZodType<HiringJustificationType>;

/** metrics.md "Team flow and delivery": medians and ratios null when nothing was there to measure. */
const FlowFiguresFields = {
  mergedPRs: z.number().int(),
  prThroughputPerWeek: z.number(),
  medianPrCycleTimeHours: z.number().nullable(),
  medianTimeToFirstReviewHours: z.number().nullable(),
  reviewCoverage: z.number().nullable(),
  deploymentsPerWeek: z.number(),
  leadTimeForChangesHours: z.number().nullable(),
  changeFailureRate: z.number().nullable(),
  timeToRestoreHours: z.number().nullable(),
};

const TeamFlow = z
  .object({
    ...FlowFiguresFields,
    windowDays: z.number().int(),
    windowStart: z.iso.datetime(),
    windowEnd: z.iso.datetime(),
    productionEnvironment: z.string(),
    previous: z.object({ ...FlowFiguresFields, windowStart: z.iso.datetime(), windowEnd: z.iso.datetime() }).strict(),
    repositories: z.array(z.object({ ...FlowFiguresFields, repo: z.string() }).strict()),
  })
  .strict()
  .meta({ id: 'TeamFlow' }) satisfies z.ZodType<TeamFlowType>;

const FlowState = z.enum(['current', 'outdated', 'pending']);

const TeamFacts = z
  .object({
    ratedEngineers: z.number().int(),
    engineersAtOrAbove7: z.number().int(),
    engineersBelow6: z.number().int(),
    lowestCodeQuality: z.number().nullable(),
    highestCodeQuality: z.number().nullable(),
    mergedPullRequests: z.number().int(),
    approvedMergedPullRequests: z.number().int(),
    reviewCoverage: z.number().nullable(),
    engineersWithLargePullRequests: z.number().int(),
    lateNightShare: z.number(),
    weekendShare: z.number(),
    revertShare: z.number(),
    capacity: z
      .object({
        workloadEngineers: z.number(),
        effectiveEngineers: z.number(),
        projectedCapacityPercent: z.number(),
        mentors: z.number().int(),
        absorbableHires: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<TeamFactsType>;

const TeamCharts = z
  .object({
    codeQualityDistribution: z.array(z.object({ band: z.string(), engineers: z.number().int() }).strict()),
    burnoutLevels: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }).strict(),
    commitsPerWeek: z.array(
      z.object({ weekStart: z.iso.datetime(), commits: z.number().int(), days: z.number().int().optional(), partial: z.boolean().optional() }).strict(),
    ),
  })
  .strict()
  .meta({ id: 'TeamCharts' }) satisfies z.ZodType<TeamAnalysis['charts']>;

/** `GET /ai/team-performance/{organizationId}`, and a stored team report as `GET /reports/{reportId}` shows it. */
export const TeamPerformance = z
  .object({
    organizationId: z.string(),
    organizationName: z.string(),
    generatedAt: z.iso.datetime(),
    windowDays: z.number().int(),
    teamHealth: z.string(),
    overallScore: z.number(),
    totalMembers: z.number().int(),
    analysedMembers: z.number().int(),
    averageCodeQuality: z.number(),
    totalCommits: z.number().int(),
    topPerformer: PersonFigure.nullable().optional(),
    needsSupport: SupportFigure.nullable().optional(),
    burnoutRisks: z.array(BurnoutRisk),
    insights: z.array(z.string()),
    recommendations: z.array(z.string()),
    hiringJustification: HiringJustification,
    pending: z.array(z.object({ name: z.string(), githubUsername: z.string() }).strict()).optional(),
    analysisEngine: z.string(),
    teamFacts: TeamFacts.optional(),
    flow: TeamFlow.nullable().optional(),
    flowStatus: z.object({ state: FlowState, reason: z.string() }).strict().optional(),
    charts: TeamCharts,
  })
  .strict()
  .meta({ id: 'TeamPerformance' }) satisfies z.ZodType<TeamAnalysisView>;
export type TeamPerformance = z.infer<typeof TeamPerformance>;

const DeliveryFigure = z
  .object({
    field: z.string(),
    label: z.string(),
    value: z.number().nullable(),
    previous: z.number().nullable(),
    change: z.enum(['up', 'down', 'no_change', 'no_data_before', 'no_data']),
    assessment: z.enum(['better', 'worse']).nullable(),
    shown: z.string(),
    shownBefore: z.string(),
    shownChange: z.string(),
    text: z.string(),
  })
  .strict() satisfies z.ZodType<DeliveryFigureType>;

const DeliverySection = z
  .object({
    state: FlowState,
    note: z.string(),
    window: z
      .object({
        from: z.iso.datetime(),
        to: z.iso.datetime(),
        previousFrom: z.iso.datetime(),
        previousTo: z.iso.datetime(),
        days: z.number().int(),
        productionEnvironment: z.string(),
      })
      .strict()
      .optional(),
    trend: z.enum(['improving', 'worsening', 'mixed', 'steady', 'no_comparison']).nullable(),
    figures: z.array(DeliveryFigure),
    repositories: z.array(z.object({ ...FlowFiguresFields, repo: z.string(), text: z.string() }).strict()),
    otherRepositories: z.number().int(),
  })
  .strict() satisfies z.ZodType<DeliverySectionType>;

const Findings = z.array(z.string());

/** The executive report as the reader may see it; `charts` only with includeGraphs, `individuals` only with includeIndividuals. */
export const ExecutiveReport = z
  .object({
    reportId: z.string(),
    reportType: z.literal('executive'),
    title: z.string(),
    organizationName: z.string(),
    period: z.object({ from: z.string(), to: z.string(), label: z.string() }).strict(),
    generatedAt: z.iso.datetime(),
    generatedBy: z.string(),
    confidential: z.boolean(),
    includeGraphs: z.boolean(),
    includeIndividuals: z.boolean(),
    analysisEngine: z.string(),
    teamOverview: z
      .object({
        teamSize: z.number().int(),
        averageCodeQuality: z.number(),
        totalCommits: z.number().int(),
        teamHealth: z.string(),
        pendingEngineers: z.number().int(),
      })
      .strict(),
    keyFindings: z.object({ codeQuality: Findings, productivity: Findings, burnout: Findings }).strict(),
    recommendations: z.object({ immediate: Findings, shortTerm: Findings, longTerm: Findings }).strict(),
    hiringJustification: HiringJustification,
    conclusion: z.string(),
    summary: z.string().optional(),
    delivery: DeliverySection.optional(),
    charts: TeamCharts.optional(),
    individuals: z
      .object({ topPerformer: PersonFigure.nullable().optional(), needsSupport: SupportFigure.nullable().optional(), burnoutRisks: z.array(BurnoutRisk) })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'ExecutiveReport' }) satisfies z.ZodType<ExecutiveReportType>;
export type ExecutiveReport = z.infer<typeof ExecutiveReport>;

/** `POST /ai/generate-report/{organizationId}` (201): the report as its author sees it, and where its PDF is. */
export const GeneratedReport = z
  .object({ reportId: z.string(), report: ExecutiveReport, pdfUrl: z.string() })
  .strict()
  .meta({ id: 'GeneratedReport' });
export type GeneratedReport = z.infer<typeof GeneratedReport>;

/** `GET /reports/{reportId}`: an executive report (`reportType: "executive"`) or a saved team analysis. */
export const Report = z.union([ExecutiveReport, TeamPerformance]).meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;

export const ReportList = z
  .object({
    items: z.array(
      z
        .object({ reportId: z.string(), reportType: z.enum(['executive', 'team']), generatedAt: z.iso.datetime(), generatedBy: z.string() })
        .strict() satisfies z.ZodType<ReportSummary>,
    ),
  })
  .strict()
  .meta({ id: 'ReportList' });
export type ReportList = z.infer<typeof ReportList>;

/** `POST /reports/{reportId}/email` (202): the PDF went to `sent` addresses. */
export const ReportEmailed = z
  .object({ success: z.literal(true), reportId: z.string(), sent: z.number().int() })
  .strict()
  .meta({ id: 'ReportEmailed' });
export type ReportEmailed = z.infer<typeof ReportEmailed>;
