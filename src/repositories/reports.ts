import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../guard/tenant-context';
import type { Identifiable } from '../domain/reports/anonymize';
import { namesPerson, withoutFormerMember } from '../domain/reports/former-member';
import { batchGetItems, batchPutItems, db, queryAll, tableName } from './dynamo';
import { tenantKeys } from './keys';
import { packJson, unpackJson } from './packed-json';

/** What `GET /reports` lists: executive reports and the daily team reports, newest first. */
export interface ReportSummary {
  readonly reportId: string;
  readonly reportType: 'executive' | 'team';
  readonly generatedAt: string;
  readonly generatedBy: string;
}

export interface StoredReport<R, S = unknown> extends ReportSummary {
  readonly report: R;
  /** What the report was built from, kept so it can be written again for each reader; absent in older reports. */
  readonly source?: S;
}

/** Team reports are one per day; their public id is `team-<day>`. */
const TEAM_REPORT_PREFIX = 'team-';
const RETENTION_SECONDS = 400 * 24 * 3600;

function toSummary(item: Record<string, unknown>): ReportSummary {
  return {
    reportId: item['reportId'] as string,
    reportType: item['reportType'] as ReportSummary['reportType'],
    generatedAt: item['generatedAt'] as string,
    generatedBy: item['generatedBy'] as string,
  };
}

/** The UTC day a team report computed at `at` is kept under (`TEAM_REPORT#<day>`, id `team-<day>`). */
export const teamReportDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The day's team report as stored: what it was computed from, and the report itself still packed (read only when current). */
export interface StoredTeamReport {
  readonly reportId: string;
  /** What the team analysis was computed from (src/services/team-performance.ts); absent in reports stored before it was kept. */
  readonly basisDigest?: string;
  readonly packedReport: unknown;
}

export function toStoredTeamReport(item: Record<string, unknown>): StoredTeamReport {
  const digest = item['basisDigest'];
  return { reportId: item['reportId'] as string, packedReport: item['report'], ...(typeof digest === 'string' ? { basisDigest: digest } : {}) };
}

export const teamReportOf = <R>(stored: StoredTeamReport): R => unpackJson<R>(stored.packedReport);

/** Saves the day's team report; `basisDigest` says what it was computed from, so a later read that day can reuse it. */
export async function saveTeamReport<R>(tenant: TenantContext, report: R, generatedAt: Date, basisDigest: string): Promise<string> {
  const day = teamReportDay(generatedAt);
  const reportId = `${TEAM_REPORT_PREFIX}${day}`;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tenantKeys.teamReport(tenant, day),
        type: 'TEAM_REPORT',
        reportId,
        reportType: 'team',
        generatedAt: generatedAt.toISOString(),
        generatedBy: tenant.userId,
        report: packJson(report),
        basisDigest,
        ttl: Math.floor(generatedAt.getTime() / 1000) + RETENTION_SECONDS,
      },
    }),
  );
  return reportId;
}

export async function saveExecutiveReport<R, S>(
  tenant: TenantContext,
  reportId: string,
  report: R,
  source: S,
  generatedAt: Date,
): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tenantKeys.report(tenant, reportId),
        type: 'REPORT',
        reportId,
        reportType: 'executive',
        generatedAt: generatedAt.toISOString(),
        generatedBy: tenant.userId,
        report: packJson(report),
        source: packJson(source),
        ttl: Math.floor(generatedAt.getTime() / 1000) + RETENTION_SECONDS,
      },
    }),
  );
}

function keyOf(tenant: TenantContext, reportId: string) {
  return reportId.startsWith(TEAM_REPORT_PREFIX)
    ? tenantKeys.teamReport(tenant, reportId.slice(TEAM_REPORT_PREFIX.length))
    : tenantKeys.report(tenant, reportId);
}

function storedReportOf<R, S>(item: Record<string, unknown>): StoredReport<R, S> {
  return { ...toSummary(item), report: unpackJson<R>(item['report']), ...(item['source'] === undefined ? {} : { source: unpackJson<S>(item['source']) }) };
}

/** A report with what reading it needs: the organization (its privacy settings) and the reader's own GitHub username. */
export interface ReportContext<R, S> {
  readonly stored?: StoredReport<R, S>;
  readonly organizationItem?: Record<string, unknown>;
  readonly readerGithubUsername?: string;
  /** The reader's name, for the access log of the people the report names. */
  readonly readerName?: string;
}

/**
 * The report, the organization and the caller's member record in one
 * consistent BatchGet: a privacy setting changed a moment ago applies to this read.
 */
export async function loadReportContext<R, S = unknown>(tenant: TenantContext, reportId: string): Promise<ReportContext<R, S>> {
  const keys = [keyOf(tenant, reportId), tenantKeys.organization(tenant), tenantKeys.member(tenant, tenant.role, tenant.userId)] as const;
  const items = await batchGetItems(keys.map((key) => ({ ...key })), { consistent: true });
  const [reportItem, organizationItem, memberItem] = keys.map((key) =>
    items.find((item) => item['PK'] === key.PK && item['SK'] === key.SK),
  );
  const login = memberItem?.['githubUsername'];
  const name = memberItem?.['name'];
  return {
    ...(typeof name === 'string' ? { readerName: name } : {}),
    ...(reportItem ? { stored: storedReportOf<R, S>(reportItem) } : {}),
    ...(organizationItem ? { organizationItem } : {}),
    ...(typeof login === 'string' && login !== '' ? { readerGithubUsername: login } : {}),
  };
}

async function summaries(PK: string, prefix: string, limit: number): Promise<ReportSummary[]> {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': prefix },
      ProjectionExpression: 'reportId, reportType, generatedAt, generatedBy',
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map(toSummary);
}

/** The newest reports of both kinds (two Queries in parallel, one per key prefix). */
export async function listReports(tenant: TenantContext, limit = 100): Promise<ReportSummary[]> {
  const executive = tenantKeys.reports(tenant);
  const team = tenantKeys.teamReports(tenant);
  const [a, b] = await Promise.all([summaries(executive.PK, executive.skPrefix, limit), summaries(team.PK, team.skPrefix, limit)]);
  return [...a, ...b].sort((x, y) => y.generatedAt.localeCompare(x.generatedAt)).slice(0, limit);
}

/**
 * Rewrites every stored report (both kinds) that names a member who left,
 * so it keeps only aggregates of them (src/domain/reports/former-member.ts):
 * one Query per key prefix, a BatchWrite page per 25 reports rewritten.
 * Returns how many were.
 */
export async function scrubFormerMember(tenant: Pick<TenantContext, 'orgId'>, person: Identifiable): Promise<number> {
  const prefixes = [tenantKeys.reports(tenant), tenantKeys.teamReports(tenant)];
  const items = (await Promise.all(prefixes.map(({ PK, skPrefix }) => queryAll(PK, skPrefix)))).flat();
  const documents = items.map((item) => ({ item, report: unpackJson(item['report']), source: item['source'] === undefined ? undefined : unpackJson(item['source']) }));
  const rewritten = documents
    .filter(({ report, source }) => namesPerson([report, source], person))
    .map(({ item, report, source }) => ({
      ...item,
      report: packJson(withoutFormerMember(report, person)),
      ...(source === undefined ? {} : { source: packJson(withoutFormerMember(source, person)) }),
    }));
  await batchPutItems(rewritten);
  return rewritten.length;
}
