import { ForbiddenError } from '../errors';
import type { OrganizationSettings, PrivacyMode, Visibility, VisibilityRules } from './organization-settings';
import type { Role } from './roles';

/**
 * What a reader of the same organization may see of one person: the one
 * decision behind every path where a person's figures leave the API (the
 * code-quality analysis here; the team analysis, the reports, their PDF and
 * their email through `domain/reports/reader-view.ts`). It is made at read
 * time, for the reader's role now and the organization's settings now.
 *
 * The figures of a person, each governed by the visibility rule of its name:
 *   codeQuality, burnoutRisk, commitDetails, personalInsights.
 *
 * Who sees what of someone, first match wins:
 *   1. The person themself sees all of their figures, whatever their role.
 *   2. A viewer sees none (viewers read aggregates and reports, never one person).
 *   3. `fully_private`: a member sees none; an admin sees every figure that is
 *      not `owner_only`.
 *   4. `allowMembersViewOthers: false`: a member sees none (an admin goes on to 5).
 *   5. `team_transparent`: `visible_to_all` → admins and members,
 *      `admin_only` → admins, `owner_only` → nobody else.
 *      `public_metrics`: as team_transparent, except that `admin_only` figures
 *      are shown to members too; `owner_only` stays with the owner.
 * Rules 2–4 are a refusal: asked for one person's analysis they answer 403;
 * in a report they mean the reader sees that person's figures only without
 * their name (see reader-view.ts).
 *
 * The code-quality analysis (`visibleAnalysis`), field by field:
 *   codeQuality ← codeQuality, burnout ← burnoutRisk, metrics ← commitDetails,
 *   personalInsights ← personalInsights; githubUsername, analysisEngine,
 *   cachedAt, syncedAt, windowDays: shown to anyone not refused.
 *
 * Decided where the contract is silent:
 *   - A caller who passes 2–4 but may see none of the four governed fields
 *     (say every rule is `owner_only`) gets the always-shown fields only,
 *     not a 403: they are allowed to know the analysis exists and when it
 *     was made, just not what it says.
 *   - Hidden fields are absent from the result, never null or empty.
 *   - Top-level fields not listed above (an analysis may grow) are shown to
 *     the owner only. Failing closed means a new field never leaks before
 *     someone decides its rule here.
 *   - A person of another organization never gets this far: the handler
 *     answers 404 before asking (the contract's "never reveal which").
 */

/** The parts of an analysis this module needs to know; the analysis module owns the full shape. */
export interface FullAnalysis {
  readonly githubUsername: string;
  readonly analysisEngine: string;
  readonly cachedAt: string;
  readonly syncedAt: string | null;
  readonly windowDays: number;
  readonly codeQuality: object;
  readonly burnout: object;
  readonly metrics: object;
  readonly personalInsights: readonly string[];
}

export const ALWAYS_SHOWN_FIELDS = ['githubUsername', 'analysisEngine', 'cachedAt', 'syncedAt', 'windowDays'] as const;
type AlwaysShownField = (typeof ALWAYS_SHOWN_FIELDS)[number];

/** Each governed field of an analysis and the visibility rule that decides it. */
export const GOVERNED_FIELDS = {
  codeQuality: 'codeQuality',
  burnout: 'burnoutRisk',
  metrics: 'commitDetails',
  personalInsights: 'personalInsights',
} as const satisfies Record<string, keyof VisibilityRules>;
type GovernedField = keyof typeof GOVERNED_FIELDS;

/** An analysis as one caller may see it: the always-shown fields, then whatever the rules allow. */
export type AnalysisView<A extends FullAnalysis = FullAnalysis> = Pick<A, AlwaysShownField> &
  Partial<Omit<A, AlwaysShownField>>;

export interface AnalysisViewer {
  readonly role: Role;
  /** The caller is the person the analysis is about. */
  readonly isOwner: boolean;
}

export type PrivacySettings = Pick<OrganizationSettings, 'privacyMode' | 'visibilityRules' | 'allowMembersViewOthers'>;

/** A kind of figure about one person, named after the visibility rule that governs it. */
export type PersonFigureKind = keyof VisibilityRules;
export const PERSON_FIGURE_KINDS = ['codeQuality', 'burnoutRisk', 'commitDetails', 'personalInsights'] as const satisfies readonly PersonFigureKind[];

/** The decision for one reader and one person: refused (rules 2–4), or the kinds of figure they may see. */
export type PersonAccess =
  | { readonly refused: true; readonly reason: string }
  | { readonly refused: false; readonly figures: ReadonlySet<PersonFigureKind> };

/** What `viewer` may see of one person under `settings` (rules 1–5 above). */
export function personAccess(viewer: AnalysisViewer, settings: PrivacySettings): PersonAccess {
  if (viewer.isOwner) return { refused: false, figures: new Set(PERSON_FIGURE_KINDS) };
  const reason = refusalOf(viewer.role, settings);
  if (reason !== undefined) return { refused: true, reason };
  const role = viewer.role as 'admin' | 'member';
  return {
    refused: false,
    figures: new Set(PERSON_FIGURE_KINDS.filter((kind) => mayShow(settings.visibilityRules[kind], role, settings.privacyMode))),
  };
}

/** The kinds of figure `viewer` may see of one person; none when refused. */
export function visibleFigures(viewer: AnalysisViewer, settings: PrivacySettings): ReadonlySet<PersonFigureKind> {
  const access = personAccess(viewer, settings);
  return access.refused ? new Set() : access.figures;
}

/**
 * The part of `analysis` that `viewer` may see under `settings`; throws
 * ForbiddenError when they may see none of it. Pure: `analysis` is not changed.
 */
export function visibleAnalysis<A extends FullAnalysis>(
  analysis: A,
  viewer: AnalysisViewer,
  settings: PrivacySettings,
): AnalysisView<A> {
  if (viewer.isOwner) return { ...analysis };

  const access = personAccess(viewer, settings);
  if (access.refused) throw new ForbiddenError(access.reason);
  const view: Record<string, unknown> = {};
  for (const field of ALWAYS_SHOWN_FIELDS) view[field] = analysis[field];
  for (const field of Object.keys(GOVERNED_FIELDS) as GovernedField[]) {
    if (access.figures.has(GOVERNED_FIELDS[field]) && analysis[field] !== undefined) view[field] = analysis[field];
  }
  return view as AnalysisView<A>;
}

/** Rules 2–4: why this caller may see nothing of another person, or undefined when they may see something. */
function refusalOf(role: Role, settings: PrivacySettings): string | undefined {
  if (role === 'viewer') return "Viewers see the team's aggregates and reports, not one person's analysis";
  if (role === 'member' && settings.privacyMode === 'fully_private') return 'This organization keeps each analysis private to its owner';
  if (role === 'member' && !settings.allowMembersViewOthers) return "This organization does not let members view each other's analyses";
  return undefined;
}

/** Rules 3 and 5 for one kind of figure of someone else. */
function mayShow(rule: Visibility, role: 'admin' | 'member', mode: PrivacyMode): boolean {
  switch (rule) {
    case 'owner_only':
      return false;
    case 'admin_only':
      return role === 'admin' || mode === 'public_metrics';
    case 'visible_to_all':
      return true;
  }
}
