import pMap from 'p-map';
import { basisFor, personalBasis, type AnalysisBasis } from '../domain/analysis/analysis-basis';
import { buildMemberAnalysis, figuresOf, type Figures, type MemberAnalysis, type Prose } from '../domain/analysis/member-analysis';
import { WINDOW_DAYS } from '../domain/analysis/window';
import { activityOf, monthOf } from '../domain/sync/activity-slices';
import { activitySlicesOf } from '../repositories/activity-slices';
import { saveAnalyses, saveAnalysis, type AnalysisToSave } from '../repositories/analyses';
import { listMembers } from '../repositories/members';
import { getOrganization } from '../repositories/organizations';
import { syncStatusOf } from '../repositories/sync-status';

/**
 * Analyses computed from the activity the sync stored: one Query of the
 * person's slices, the metrics and scores, the prose (a writer's when one is
 * given, such as the language model's, else the heuristic's), stored with
 * the basis it rests on. Nothing here asks GitHub.
 */
type Tenant = { readonly orgId: string };

/** Writes an analysis's prose from its figures, or gives up (undefined: the heuristic's prose stands). */
export type ProseWriter = (login: string, figures: Figures) => Promise<Prose | undefined>;

export interface RecomputeOptions {
  readonly prose?: ProseWriter;
}

export interface AnalysedPerson {
  readonly userId: string;
  readonly githubUsername: string;
  /** Their own time zone (`PUT /me/settings`), when set: it replaces the organization's in their basis. */
  readonly timezone?: string | undefined;
}

/** Recomputations of a team at once: each is one Query and some arithmetic. */
const RECOMPUTE_CONCURRENCY = 8;

export async function analysisFromActivity(
  tenant: Tenant,
  person: AnalysedPerson,
  organizationBasis: AnalysisBasis,
  now: Date,
  options: RecomputeOptions,
): Promise<AnalysisToSave<MemberAnalysis> & { readonly repositories: readonly string[] }> {
  const login = person.githubUsername;
  const basis = personalBasis(organizationBasis, person.timezone);
  const windowStart = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const slices = await activitySlicesOf(tenant, login, monthOf(windowStart.toISOString()));
  const figures = figuresOf(activityOf(login, slices), now, WINDOW_DAYS, basis.timezone);
  const prose = options.prose ? await options.prose(login, figures) : undefined;
  const analysis = buildMemberAnalysis({ githubUsername: login, figures, ...(prose ? { prose } : {}), now, windowDays: WINDOW_DAYS, syncedAt: basis.syncedAt });
  return { login, userId: person.userId, analysis, basis, repositories: [...new Set(slices.map((slice) => slice.repo))] };
}

/** One person's analysis recomputed and stored (the code-quality read when the stored one is out of date), with the repositories their activity is in. */
export async function recomputeAnalysis(
  tenant: Tenant,
  person: AnalysedPerson,
  basis: AnalysisBasis,
  now: Date,
  options: RecomputeOptions,
): Promise<{ readonly analysis: MemberAnalysis; readonly repositories: readonly string[] }> {
  const { repositories, ...entry } = await analysisFromActivity(tenant, person, basis, now, options);
  await saveAnalysis(tenant, entry, now);
  return { analysis: entry.analysis, repositories };
}

/** Many people's analyses recomputed with bounded concurrency and stored in batches (heuristic prose unless a writer is given); `basis` is the organization's, each person's own zone replaces its zone. */
export async function recomputeAnalyses(
  tenant: Tenant,
  people: readonly AnalysedPerson[],
  basis: AnalysisBasis,
  now: Date,
  options: RecomputeOptions = {},
): Promise<Map<string, MemberAnalysis>> {
  const entries = await pMap(people, async (person) => analysisFromActivity(tenant, person, basis, now, options), { concurrency: RECOMPUTE_CONCURRENCY });
  await saveAnalyses(tenant, entries, now);
  return new Map(entries.map((entry) => [entry.login.toLowerCase(), entry.analysis]));
}

/** The logins of everyone in the organization with one (any role: anyone may be asked about), lower case. */
export async function analysedLogins(tenant: Tenant): Promise<string[]> {
  const members = await listMembers(tenant);
  return members.flatMap((member) => (member.githubUsername ? [member.githubUsername.toLowerCase()] : []));
}

/**
 * After a sync finished (or the organization's time zone changed), for the
 * members with these logins: an analysis on the new basis, so the dashboard
 * reads stored analyses only. `syncedAt` is the time of a repository read
 * that changed just their activity (default: the last finished sync's).
 */
export async function recomputeMembersAnalyses(
  tenant: Tenant,
  logins: readonly string[],
  now: Date,
  options: RecomputeOptions & { readonly syncedAt?: string | undefined } = {},
): Promise<number> {
  const { syncedAt } = options;
  const wanted = new Set(logins.map((login) => login.toLowerCase()));
  const [organization, members, sync] = await Promise.all([getOrganization(tenant), listMembers(tenant), syncStatusOf(tenant)]);
  const people = members
    .filter((member) => member.githubUsername && wanted.has(member.githubUsername.toLowerCase()))
    .map((member) => ({ userId: member.userId, githubUsername: member.githubUsername ?? '', timezone: member.timezone }));
  if (people.length === 0) return 0;
  const lastFinishedAt = sync?.lastFinishedAt ?? null;
  const basis = basisFor(organization.settings.timezone, syncedAt && (!lastFinishedAt || syncedAt > lastFinishedAt) ? syncedAt : lastFinishedAt, now);
  await recomputeAnalyses(tenant, people, basis, now, options);
  return people.length;
}
