import { basisFor, basisHolds, personalBasis } from '../domain/analysis/analysis-basis';
import type { MemberAnalysis } from '../domain/analysis/member-analysis';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { visibleAnalysis, visibleFigures, type AnalysisViewer } from '../domain/privacy';
import type { TenantContext } from '../guard/tenant-context';
import { GithubNotConnectedError, NotFoundError } from '../errors';
import type { Logger } from '../http/logger';
import { loadAnalysisContext, organizationsWithGithubLogin } from '../repositories/analyses';
import { toOrganization } from '../repositories/organizations';
import { recordCrossOrganizationAttempt } from './access-attempts';
import { recordAnalysisRead } from './access-log';
import { queueMemberRefresh } from './member-refresh';
import { modelProse } from './model-prose';
import { requireFirstSync } from './sync-readiness';
import { recomputeAnalysis } from './stored-analysis';

export { WINDOW_DAYS };

export type ServedAnalysis = ReturnType<typeof visibleAnalysis<MemberAnalysis>> & { refresh?: { queued: number } };

/**
 * `GET /ai/code-quality/{githubUsername}`: resolve the login inside the
 * caller's organization (exact key), check privacy before any work, then
 * serve the stored analysis while its basis holds (same time zone, same
 * day, no newer finished sync), else recompute it from the stored activity
 * (one Query). GitHub is never asked here: `refresh` recomputes now and
 * queues a read of the person's repositories, whose result the next read
 * shows.
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
  const sync = await requireFirstSync(tenant, connection, context.sync, now);

  const basis = personalBasis(basisFor(organization.settings.timezone, sync.lastFinishedAt, now), target.timezone);
  const cached = context.cached;
  const serve = async (): Promise<ServedAnalysis> => {
    if (cached && !options.refresh && basisHolds(cached.basis, basis)) return show(cached.analysis);
    const { analysis, repositories } = await recomputeAnalysis(tenant, target, basis, now, { prose: modelProse });
    if (!options.refresh) return show(analysis);
    const queued = await queueMemberRefresh(tenant, connection.installationId, repositories, now);
    log.info('refresh queued', { login: target.githubUsername, repositories: queued });
    return { ...show(analysis), refresh: { queued } };
  };
  // Someone else's read goes into the person's access log, written beside the recomputation.
  const reader = { name: context.readerName ?? 'A former member', role: tenant.role };
  const figures = visibleFigures(viewer, organization.settings);
  const [served] = await Promise.all([
    serve(),
    viewer.isOwner ? undefined : recordAnalysisRead(tenant, { login: target.githubUsername, viewer: reader, figures }, now),
  ]);
  return served;
}

const NO_EVIDENCE = {
  confidence: 'insufficient_data',
  basis: { commits: 0, pullRequests: 0, reviews: 0, activeDays: 0 },
  evidence: '',
} as const;

/** Only to ask the privacy rules, before any work, whether this caller may see this person at all. */
function placeholderAnalysis(githubUsername: string): MemberAnalysis {
  return {
    githubUsername,
    analysisEngine: 'heuristic',
    cachedAt: '',
    syncedAt: null,
    windowDays: WINDOW_DAYS,
    period: { from: '', to: '', timezone: 'UTC' },
    codeQuality: { overallScore: null, ...NO_EVIDENCE, issues: [], recommendations: [], publicInsights: [], signals: [] },
    burnout: { riskScore: null, level: null, ...NO_EVIDENCE, patterns: [], signals: [] },
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
