import type { components, paths } from './openapi';

/**
 * Named shapes of the API's answers, for screens' props: aliases of the
 * types generated from the OpenAPI document (openapi.d.ts), so a screen's
 * props change with the route's schema.
 */
type Schemas = components['schemas'];

export type Members = paths['/team/members']['get']['responses'][200]['content']['application/json'];
export type Organization = paths['/organization']['get']['responses'][200]['content']['application/json'];
export type AccessLogPage = paths['/me/access-log']['get']['responses'][200]['content']['application/json'];

/** `GET /sync`, also inside a `202 syncing` answer. */
export type SyncState = Schemas['SyncStatus'];
/** `202 {"success":true,"status":"syncing","sync":{…}}`: the organization's first sync has not finished. */
export type Syncing = Schemas['SyncingResponse'];

/** `GET /ai/code-quality/{githubUsername}`: parts the privacy rules hide from the reader are absent. */
export type CodeQualityAnalysis = Schemas['CodeQualityAnalysis'];
export type Metrics = Schemas['Metrics'];
type CodeQualityScore = NonNullable<CodeQualityAnalysis['codeQuality']>;
export type Confidence = CodeQualityScore['confidence'];
/** The sample a score rests on (metrics.md, "Enough evidence or no score"). */
export type EvidenceBasis = CodeQualityScore['basis'];
/** One input that moved a score: its value and the points it added. */
export type Signal = CodeQualityScore['signals'][number];

/** `GET /ai/team-performance/{organizationId}` as the caller may see it. */
export type TeamPerformance = Schemas['TeamPerformance'];
export type TeamFlow = NonNullable<Schemas['TeamFlow']>;
/** The figures of metrics.md "Team flow and delivery", as the window before has them. */
export type FlowFigures = Omit<TeamFlow['previous'], 'windowStart' | 'windowEnd'>;
export type PersonFigure = NonNullable<TeamPerformance['topPerformer']>;
export type HiringJustification = Schemas['HiringJustification'];
export type CommitWeek = Schemas['TeamCharts']['commitsPerWeek'][number];

/** `POST /ai/generate-report/{organizationId}`. */
export type GeneratedReport = Schemas['GeneratedReport'];
