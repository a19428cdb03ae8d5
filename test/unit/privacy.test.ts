import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/errors';
import {
  DEFAULT_SETTINGS,
  PRIVACY_MODES,
  VISIBILITIES,
  type PrivacyMode,
  type Visibility,
  type VisibilityRules,
} from '../../src/domain/organization-settings';
import { ROLES, type Role } from '../../src/domain/roles';
import { personAccess, visibleAnalysis, type FullAnalysis, type PrivacySettings } from '../../src/domain/privacy';

const bobsAnalysis = {
  githubUsername: 'bob-senior',
  analysisEngine: 'heuristic',
  cachedAt: '2026-01-24T09:00:00.000Z',
  syncedAt: '2026-01-24T08:55:00.000Z',
  windowDays: 90,
  codeQuality: { overallScore: 8.5, issues: [], recommendations: ['Keep PRs small'], publicInsights: ['Reviews often'] },
  burnout: { riskScore: 3.1, level: 'low', patterns: ['4% late-night commits'] },
  metrics: { totalCommits: 1234, totalRepos: 5, lateNightCommitRatio: 0.04 },
  personalInsights: ['You do your best reviews in the morning'],
} satisfies FullAnalysis;

const ALWAYS_SHOWN = ['githubUsername', 'analysisEngine', 'cachedAt', 'syncedAt', 'windowDays'] as const;

/** Each analysis field and the visibility rule that governs it. */
const FIELD_RULE = [
  ['codeQuality', 'codeQuality'],
  ['burnout', 'burnoutRisk'],
  ['metrics', 'commitDetails'],
  ['personalInsights', 'personalInsights'],
] as const;

type Outcome = 'shown' | 'hidden' | 'forbidden';
type Caller = 'owner' | 'admin' | 'member' | 'viewer';

/**
 * The decision table, written out rather than computed: what a caller gets of
 * one field whose rule is [visible_to_all, admin_only, owner_only], per
 * privacy mode and allowMembersViewOthers.
 */
const EXPECTED: Record<PrivacyMode, Record<'allowed' | 'notAllowed', Record<Caller, readonly [Outcome, Outcome, Outcome]>>> = {
  team_transparent: {
    allowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['shown', 'hidden', 'hidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
    notAllowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['forbidden', 'forbidden', 'forbidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
  },
  public_metrics: {
    allowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['shown', 'shown', 'hidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
    notAllowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['forbidden', 'forbidden', 'forbidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
  },
  fully_private: {
    allowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['forbidden', 'forbidden', 'forbidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
    notAllowed: {
      owner: ['shown', 'shown', 'shown'],
      admin: ['shown', 'shown', 'hidden'],
      member: ['forbidden', 'forbidden', 'forbidden'],
      viewer: ['forbidden', 'forbidden', 'forbidden'],
    },
  },
};

function expectedOutcome(
  caller: Caller,
  mode: PrivacyMode,
  allowMembersViewOthers: boolean,
  rule: Visibility,
): Outcome {
  return EXPECTED[mode][allowMembersViewOthers ? 'allowed' : 'notAllowed'][caller][VISIBILITIES.indexOf(rule)]!;
}

function allRuleCombinations(): VisibilityRules[] {
  const combinations: VisibilityRules[] = [];
  for (const codeQuality of VISIBILITIES)
    for (const burnoutRisk of VISIBILITIES)
      for (const commitDetails of VISIBILITIES)
        for (const personalInsights of VISIBILITIES)
          combinations.push({ codeQuality, burnoutRisk, commitDetails, personalInsights });
  return combinations;
}

const describeRules = (rules: VisibilityRules) =>
  `codeQuality=${rules.codeQuality} burnoutRisk=${rules.burnoutRisk} commitDetails=${rules.commitDetails} personalInsights=${rules.personalInsights}`;

const cases = ROLES.flatMap((role) =>
  [true, false].flatMap((isOwner) =>
    PRIVACY_MODES.flatMap((privacyMode) =>
      [true, false].flatMap((allowMembersViewOthers) =>
        allRuleCombinations().map((visibilityRules) => ({
          role,
          isOwner,
          privacyMode,
          allowMembersViewOthers,
          visibilityRules,
          name: `${role}${isOwner ? ' (owner)' : ''}, ${privacyMode}, allowMembersViewOthers=${allowMembersViewOthers}, ${describeRules(visibilityRules)}`,
        })),
      ),
    ),
  ),
);

describe('visibleAnalysis: every role, owner or not, mode, rule and allowMembersViewOthers', () => {
  it.each(cases)('It should follow the decision table for $name', (c) => {
    const caller: Caller = c.isOwner ? 'owner' : c.role;
    const settings: PrivacySettings = {
      privacyMode: c.privacyMode,
      visibilityRules: c.visibilityRules,
      allowMembersViewOthers: c.allowMembersViewOthers,
    };
    const outcomes = FIELD_RULE.map(
      ([field, rule]) =>
        [field, expectedOutcome(caller, c.privacyMode, c.allowMembersViewOthers, c.visibilityRules[rule])] as const,
    );
    const act = () => visibleAnalysis(bobsAnalysis, { role: c.role, isOwner: c.isOwner }, settings);

    if (outcomes.some(([, outcome]) => outcome === 'forbidden')) {
      expect(outcomes.every(([, outcome]) => outcome === 'forbidden')).toBe(true);
      expect(act).toThrow(ForbiddenError);
      return;
    }
    const view = act();
    const expected: Record<string, unknown> = {};
    for (const field of ALWAYS_SHOWN) expected[field] = bobsAnalysis[field];
    for (const [field, outcome] of outcomes) if (outcome === 'shown') expected[field] = bobsAnalysis[field];
    expect(view).toStrictEqual(expected);
  });
});

describe('visibleAnalysis: the story, with the default settings', () => {
  const defaults: PrivacySettings = DEFAULT_SETTINGS;
  const view = (role: Role, isOwner: boolean) => visibleAnalysis(bobsAnalysis, { role, isOwner }, defaults);

  it("Charlie sees Bob's code quality but not his burnout", () => {
    const charliesView = view('member', false);
    expect(charliesView.codeQuality).toEqual(bobsAnalysis.codeQuality);
    expect(charliesView.metrics).toEqual(bobsAnalysis.metrics);
    expect(charliesView).not.toHaveProperty('burnout');
    expect(charliesView).not.toHaveProperty('personalInsights');
  });

  it("Sarah sees everything but Bob's personal insights", () => {
    const sarahsView = view('admin', false);
    expect(sarahsView).toStrictEqual({
      githubUsername: 'bob-senior',
      analysisEngine: 'heuristic',
      cachedAt: bobsAnalysis.cachedAt,
      syncedAt: bobsAnalysis.syncedAt,
      windowDays: 90,
      codeQuality: bobsAnalysis.codeQuality,
      burnout: bobsAnalysis.burnout,
      metrics: bobsAnalysis.metrics,
    });
  });

  it('Bob sees all of his own analysis', () => {
    expect(view('member', true)).toStrictEqual(bobsAnalysis);
  });

  it("Diana (viewer) is refused one person's analysis", () => {
    expect(() => view('viewer', false)).toThrow(ForbiddenError);
  });
});

describe('visibleAnalysis: decisions where the contract is silent', () => {
  const teamTransparent = (rules: Partial<VisibilityRules>): PrivacySettings => ({
    ...DEFAULT_SETTINGS,
    visibilityRules: { ...DEFAULT_SETTINGS.visibilityRules, ...rules },
  });

  it('It should give a member only the always-shown fields when every rule is owner_only', () => {
    const settings = teamTransparent({
      codeQuality: 'owner_only',
      burnoutRisk: 'owner_only',
      commitDetails: 'owner_only',
      personalInsights: 'owner_only',
    });
    expect(visibleAnalysis(bobsAnalysis, { role: 'member', isOwner: false }, settings)).toStrictEqual({
      githubUsername: 'bob-senior',
      analysisEngine: 'heuristic',
      cachedAt: bobsAnalysis.cachedAt,
      syncedAt: bobsAnalysis.syncedAt,
      windowDays: 90,
    });
  });

  it('It should show a field the analysis gained later to its owner only', () => {
    const grown = { ...bobsAnalysis, burnoutTrend: [2.1, 2.8, 3.1] };
    expect(visibleAnalysis(grown, { role: 'admin', isOwner: false }, DEFAULT_SETTINGS)).not.toHaveProperty('burnoutTrend');
    expect(visibleAnalysis(grown, { role: 'member', isOwner: true }, DEFAULT_SETTINGS)).toHaveProperty('burnoutTrend');
  });

  it('It should let a viewer who is the owner see all of their own analysis', () => {
    expect(visibleAnalysis(bobsAnalysis, { role: 'viewer', isOwner: true }, DEFAULT_SETTINGS)).toStrictEqual(bobsAnalysis);
  });

  it('It should leave the analysis it filters unchanged', () => {
    const before = structuredClone(bobsAnalysis);
    visibleAnalysis(bobsAnalysis, { role: 'member', isOwner: false }, DEFAULT_SETTINGS);
    expect(bobsAnalysis).toStrictEqual(before);
  });

  it('It should refuse with the FORBIDDEN code', () => {
    const settings = { ...DEFAULT_SETTINGS, privacyMode: 'fully_private' as const };
    expect(() => visibleAnalysis(bobsAnalysis, { role: 'member', isOwner: false }, settings)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('personAccess: the one decision behind the analysis and every report', () => {
  it('It should give the owner every kind of figure, whatever their role and the rules', () => {
    const settings = { ...DEFAULT_SETTINGS, privacyMode: 'fully_private' as const };
    const access = personAccess({ role: 'viewer', isOwner: true }, settings);
    expect(access).toStrictEqual({ refused: false, figures: new Set(['codeQuality', 'burnoutRisk', 'commitDetails', 'personalInsights']) });
  });

  it("It should refuse a viewer someone else's figures with the reason it gives", () => {
    expect(personAccess({ role: 'viewer', isOwner: false }, DEFAULT_SETTINGS)).toStrictEqual({
      refused: true,
      reason: "Viewers see the team's aggregates and reports, not one person's analysis",
    });
  });

  it('It should keep owner_only figures from an admin under fully_private', () => {
    const settings = { ...DEFAULT_SETTINGS, privacyMode: 'fully_private' as const };
    expect(personAccess({ role: 'admin', isOwner: false }, settings)).toStrictEqual({
      refused: false,
      figures: new Set(['codeQuality', 'burnoutRisk', 'commitDetails']),
    });
  });
});
