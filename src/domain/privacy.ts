import { ForbiddenError } from '../errors';
import type { OrganizationSettings, PrivacyMode, Visibility, VisibilityRules } from './organization-settings';
import type { Role } from './roles';

/**
 * What a caller of the same organization sees of one person's code-quality
 * analysis. The contract and the story fix most of it; the rest is decided
 * here, and the decision is the same in every handler because this is the
 * only place it is made.
 *
 * Fields and the visibility rule that governs each:
 *   codeQuality      ← visibilityRules.codeQuality
 *   burnout          ← visibilityRules.burnoutRisk
 *   metrics          ← visibilityRules.commitDetails
 *   personalInsights ← visibilityRules.personalInsights
 *   githubUsername, analysisEngine, cachedAt, windowDays: shown to anyone
 *   allowed to see the analysis at all.
 *
 * Who sees what, first match wins:
 *   1. The owner of the analysis sees all of it, whatever their role.
 *   2. A viewer is refused (viewers read aggregates and reports, never one person).
 *   3. `fully_private`: a member is refused; an admin sees every field that is
 *      not `owner_only`.
 *   4. `allowMembersViewOthers: false`: a member is refused (an admin goes on to 5).
 *   5. `team_transparent`: `visible_to_all` → admins and members,
 *      `admin_only` → admins, `owner_only` → nobody else.
 *      `public_metrics`: as team_transparent, except that `admin_only` fields
 *      are shown to members too; `owner_only` stays with the owner.
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
  readonly windowDays: number;
  readonly codeQuality: object;
  readonly burnout: object;
  readonly metrics: object;
  readonly personalInsights: readonly string[];
}

export const ALWAYS_SHOWN_FIELDS = ['githubUsername', 'analysisEngine', 'cachedAt', 'windowDays'] as const;
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

  const role = viewerRoleFor(viewer.role, settings);
  const view: Record<string, unknown> = {};
  for (const field of ALWAYS_SHOWN_FIELDS) view[field] = analysis[field];
  for (const field of Object.keys(GOVERNED_FIELDS) as GovernedField[]) {
    const rule = settings.visibilityRules[GOVERNED_FIELDS[field]];
    if (mayShow(rule, role, settings.privacyMode) && analysis[field] !== undefined) view[field] = analysis[field];
  }
  return view as AnalysisView<A>;
}

/** Rules 2–4: refuses the callers who may see nothing of another person's analysis. */
function viewerRoleFor(role: Role, settings: PrivacySettings): 'admin' | 'member' {
  if (role === 'viewer') {
    throw new ForbiddenError("Viewers see the team's aggregates and reports, not one person's analysis");
  }
  if (role === 'member' && settings.privacyMode === 'fully_private') {
    throw new ForbiddenError('This organization keeps each analysis private to its owner');
  }
  if (role === 'member' && !settings.allowMembersViewOthers) {
    throw new ForbiddenError("This organization does not let members view each other's analyses");
  }
  return role;
}

/** Rules 3 and 5 for one governed field of someone else's analysis. */
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
