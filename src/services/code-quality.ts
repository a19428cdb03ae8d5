import { buildMemberAnalysis, figuresOf, type MemberAnalysis } from '../domain/analysis/member-analysis';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { visibleAnalysis, type AnalysisViewer } from '../domain/privacy';
import type { TenantContext } from '../guard/tenant-context';
import { GithubNotConnectedError, NotFoundError, ServiceUnavailableError } from '../errors';
import type { Logger } from '../http/logger';
import { collectActivity } from '../integrations/github/collector';
import { GithubInstallationGoneError, GithubRateLimitedError, GithubUnavailableError } from '../integrations/github/errors';
import { installationClient } from '../integrations/github/installation-client';
import { config } from '../config';
import { writeWithModel } from '../integrations/language-model';
import {
  getGithubSource,
  loadAnalysisContext,
  organizationsWithGithubLogin,
  saveAnalysis,
  saveGithubSource,
} from '../repositories/analyses';
import type { GithubConnection } from '../repositories/github-connections';
import { toOrganization, type Organization } from '../repositories/organizations';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { disconnectEndedInstallation } from './github-installation-events';

export { WINDOW_DAYS };
const FRESH_FOR_MS = 24 * 3600 * 1000;
/** Collection gives up after this, leaving room for the model and the writes inside API Gateway's 29 s. */
const COLLECTION_BUDGET_MS = 10_000;
// Inside the Lambda timeout (20 s, lib/constructs/route-function.ts), itself inside API Gateway's 29 s.
const REQUEST_BUDGET_MS = 18_000;

export type ServedAnalysis = ReturnType<typeof visibleAnalysis<MemberAnalysis>> & { stale?: true };

/**
 * `GET /ai/code-quality/{githubUsername}`: resolve the login inside the
 * caller's organization (exact key), check privacy before any work, serve
 * the cached analysis while fresh, else collect from GitHub, compute and
 * cache. A GitHub failure never replaces a good analysis: the last one is
 * served, marked stale.
 */
export async function analyzeMember(
  tenant: TenantContext,
  login: string,
  options: { refresh: boolean },
  log: Logger,
  now = new Date(),
): Promise<ServedAnalysis> {
  const context = await loadAnalysisContext<MemberAnalysis>(tenant, login);
  const target = context.target;
  if (!target) return refuseUnknownLogin(tenant, login, log, now);
  if (!context.organizationItem) throw new NotFoundError('Organization not found');
  const organization = toOrganization(context.organizationItem);
  const viewer: AnalysisViewer = { role: tenant.role, isOwner: target.userId === tenant.userId };
  const show = (analysis: MemberAnalysis) => visibleAnalysis(analysis, viewer, organization.settings);
  show(placeholderAnalysis(target.githubUsername));
  const connection = context.connection;
  if (!connection) throw new GithubNotConnectedError();

  const cached = context.cached;
  if (cached && !options.refresh && isFresh(cached.cachedAt, now)) return show(cached.analysis);
  try {
    return show(await refreshMemberAnalysis(tenant, { organization, connection }, target, log, now));
  } catch (error) {
    if (!(error instanceof GithubRateLimitedError || error instanceof GithubUnavailableError)) throw error;
    log.warn('GitHub collection failed', { reason: error.message, login: target.githubUsername, hasCached: !!cached });
    if (cached) return { ...show(cached.analysis), stale: true };
    if (error instanceof GithubRateLimitedError) {
      const wait = Math.max(1, Math.ceil((error.resetAt.getTime() - now.getTime()) / 1000));
      throw new ServiceUnavailableError('GitHub rate limit reached; the analysis will be available after it resets', wait);
    }
    throw new ServiceUnavailableError('GitHub is not answering right now; try again shortly', 30);
  }
}

export function isFresh(cachedAt: number, now: Date): boolean {
  return now.getTime() - cachedAt < FRESH_FOR_MS;
}

/** The organization as an analysis reads it: its settings, and the installation that reads its GitHub. */
export interface AnalysedOrganization {
  readonly organization: Organization;
  readonly connection: GithubConnection;
}

/** Collects, computes and stores one member's analysis; GitHub errors propagate to the caller. */
export async function refreshMemberAnalysis(
  tenant: TenantContext,
  source: AnalysedOrganization,
  member: { userId: string; githubUsername: string },
  log: Logger,
  now: Date,
  options: { budgetMs?: number; useModel?: boolean } = {},
): Promise<MemberAnalysis> {
  let analysis: MemberAnalysis;
  try {
    analysis = await computeAnalysis(tenant, source, member.githubUsername, log, now, {
      budgetMs: options.budgetMs ?? COLLECTION_BUDGET_MS,
      useModel: options.useModel ?? true,
    });
  } catch (error) {
    if (!(error instanceof GithubInstallationGoneError)) throw error;
    // Uninstalled without the webhook reaching us: the organization is no longer connected, and is told so.
    log.warn('GitHub no longer has the installation; disconnecting', { installationId: error.installationId });
    await disconnectEndedInstallation(tenant.orgId, error.installationId, now);
    throw new GithubNotConnectedError();
  }
  await saveAnalysis(tenant, member.githubUsername, member.userId, analysis, now);
  return analysis;
}

async function computeAnalysis(
  tenant: TenantContext,
  { organization, connection }: AnalysedOrganization,
  login: string,
  log: Logger,
  now: Date,
  { budgetMs, useModel }: { budgetMs: number; useModel: boolean },
): Promise<MemberAnalysis> {
  const started = Date.now();
  const cache = await getGithubSource(tenant, login);
  try {
    const { activity, stats } = await collectActivity({
      github: await installationClient(connection.installationId),
      login,
      scope: { account: connection.account.login, accountType: connection.account.type },
      since: new Date(now.getTime() - WINDOW_DAYS * 86_400_000),
      cache,
      deadline: started + budgetMs,
    });
    log.info('GitHub collected', { login, requests: stats.requests, notModified: stats.notModified });
    const figures = figuresOf(activity, now, WINDOW_DAYS, organization.settings.timezone);
    const prose = useModel && hasTimeForModel(started) ? await writeWithModel('member-analysis', { githubUsername: login, ...figures }) : undefined;
    return buildMemberAnalysis({ githubUsername: login, figures, ...(prose ? { prose } : {}), now, windowDays: WINDOW_DAYS });
  } finally {
    // The pages fetched so far stay valid (each with its own ETag), even when the collection failed.
    await saveGithubSource(tenant, login, cache, now).catch((error: unknown) => log.warn('GitHub page cache not saved', { error }));
  }
}

function hasTimeForModel(started: number): boolean {
  const model = config().languageModel;
  return !!model && Date.now() + 2 * model.timeoutMs + 500 < started + REQUEST_BUDGET_MS;
}

/** Only to ask the privacy rules, before any work, whether this caller may see this person at all. */
function placeholderAnalysis(githubUsername: string): MemberAnalysis {
  return {
    githubUsername,
    analysisEngine: 'heuristic',
    cachedAt: '',
    windowDays: WINDOW_DAYS,
    period: { from: '', to: '', timezone: 'UTC' },
    codeQuality: { overallScore: 0, issues: [], recommendations: [], publicInsights: [], signals: [] },
    burnout: { riskScore: 0, level: 'low', patterns: [], signals: [] },
    metrics: {} as MemberAnalysis['metrics'],
    personalInsights: [],
    weeklyCommits: [],
  };
}

/**
 * A login no member of the caller's organization has: the same 404, after
 * the same reads and the same kind of audit write, whether it belongs to
 * another organization or to nobody (see recordCrossOrganizationAttempt).
 */
async function refuseUnknownLogin(tenant: TenantContext, login: string, log: Logger, now: Date): Promise<never> {
  const owners = await organizationsWithGithubLogin(login);
  await recordCrossOrganizationAttempt(
    tenant,
    { resource: `github/${login}`, action: "the code-quality analysis of one of your members, by their GitHub username", targetOrganizationIds: owners },
    log,
    now,
  );
  throw new NotFoundError('User not found');
}
