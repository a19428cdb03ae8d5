import * as z from 'zod';
import type { MemberAnalysis as MemberAnalysisType } from '../domain/analysis/member-analysis';
import type { Metrics as MetricsType } from '../domain/metrics';
import type { Confidence as ConfidenceType, Signal as SignalType } from '../domain/scores/types';
import { GithubUsername, OpaqueId } from './common';

export const CodeQualityParams = z.object({ githubUsername: GithubUsername }).strict();
export const CodeQualityQuery = z.object({
  refresh: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});
export const OrganizationParams = z.object({ organizationId: OpaqueId }).strict();

/* Success bodies (see src/schemas/auth.ts on response schemas). Scores are null when the evidence is too thin. */

const Confidence = z.enum(['high', 'medium', 'low', 'insufficient_data']) satisfies z.ZodType<ConfidenceType>;

const EvidenceFields = {
  confidence: Confidence,
  basis: z.object({ commits: z.number().int(), pullRequests: z.number().int(), reviews: z.number().int(), activeDays: z.number().int() }).strict(),
  evidence: z.string(),
};

/** One input that moved a score: its value (null without data) and the points it added. */
const Signal = z.object({ name: z.string(), value: z.number().nullable(), contribution: z.number() }).strict() satisfies z.ZodType<SignalType>;

/** The `metrics` object: exactly the fields of metrics.md. */
export const Metrics = z
  .object({
    totalCommits: z.number().int(),
    totalRepos: z.number().int(),
    totalPRs: z.number().int(),
    mergedPRs: z.number().int(),
    totalIssues: z.number().int(),
    lateNightCommitRatio: z.number(),
    weekendCommitRatio: z.number(),
    activeDays: z.number().int(),
    longestStreakDays: z.number().int(),
    medianPrCycleTimeHours: z.number().nullable(),
    medianPrSize: z.number().nullable(),
    reviewCoverage: z.number().nullable(),
    reviewsGiven: z.number().int(),
    revertCommitRatio: z.number(),
  })
  .strict()
  .meta({ id: 'Metrics' }) satisfies z.ZodType<MetricsType>;

/** The parts a privacy rule governs (src/domain/privacy.ts), and those only the owner sees (`period`, `weeklyCommits`). */
const GovernedParts = {
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), timezone: z.string() }).strict(),
  codeQuality: z
    .object({
      ...EvidenceFields,
      overallScore: z.number().nullable(),
      issues: z.array(z.string()),
      recommendations: z.array(z.string()),
      publicInsights: z.array(z.string()),
      signals: z.array(Signal),
    })
    .strict(),
  burnout: z
    .object({
      ...EvidenceFields,
      riskScore: z.number().nullable(),
      level: z.enum(['low', 'medium', 'high']).nullable(),
      patterns: z.array(z.string()),
      signals: z.array(Signal),
    })
    .strict(),
  metrics: Metrics,
  personalInsights: z.array(z.string()),
  weeklyCommits: z.array(z.object({ weekStart: z.iso.datetime(), commits: z.number().int() }).strict()),
};

const AlwaysShown = {
  githubUsername: z.string(),
  analysisEngine: z.string().meta({ description: '`heuristic` or `llm:<model>`' }),
  cachedAt: z.iso.datetime(),
  syncedAt: z.iso.datetime().nullable(),
  windowDays: z.number().int(),
};

/** A member's analysis as stored, before any privacy filtering. */
const MemberAnalysis = z.object({ ...AlwaysShown, ...GovernedParts }).strict() satisfies z.ZodType<MemberAnalysisType>;

/**
 * `GET /ai/code-quality/{githubUsername}`: the analysis filtered for the
 * caller. A part the privacy rules hide is absent (never null or empty);
 * `refresh` says how many repository reads `?refresh=true` queued.
 */
export const CodeQualityAnalysis = MemberAnalysis.partial({ period: true, codeQuality: true, burnout: true, metrics: true, personalInsights: true, weeklyCommits: true })
  .extend({ refresh: z.object({ queued: z.number().int() }).strict().optional() })
  .meta({ id: 'CodeQualityAnalysis' });
export type CodeQualityAnalysis = z.infer<typeof CodeQualityAnalysis>;
