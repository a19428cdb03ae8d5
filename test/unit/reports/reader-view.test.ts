import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PRIVACY_MODES, VISIBILITIES, type PrivacyMode, type Visibility, type VisibilityRules } from '../../../src/domain/organization-settings';
import type { PrivacySettings } from '../../../src/domain/privacy';
import { identifiersOf, mentionPaths } from '../../../src/domain/reports/anonymize';
import { buildExecutiveReport } from '../../../src/domain/reports/executive-report';
import { executiveReportFor, teamAnalysisFor } from '../../../src/domain/reports/reader-view';
import { leastPrivilegedReader, type ReportReader } from '../../../src/domain/reports/report-audience';
import { buildTeamAnalysis } from '../../../src/domain/reports/team-analysis';
import type { ExecutiveReport, TeamAnalysis } from '../../../src/domain/reports/types';
import { ROLES, type Role } from '../../../src/domain/roles';
import { renderExecutiveReportPdf } from '../../../src/integrations/pdf/executive-report-pdf';
import { pdfText } from '../../support/pdf';
import { NOW, storyInput, storyMembers } from './fixtures';
import { DEMO_FLOW_FIGURES, demoFlow } from './flow-fixtures';

const team = buildTeamAnalysis(storyInput());
const executive = (includeIndividuals: boolean): ExecutiveReport =>
  buildExecutiveReport({
    team,
    options: { reportType: 'executive', includeGraphs: true, includeIndividuals, confidential: false },
    reportId: 'rpt_1',
    generatedBy: 'user-sarah',
    now: NOW,
  });
const named = executive(true);
const anonymous = executive(false);

type Kind = 'codeQuality' | 'burnoutRisk' | 'commitDetails';
const KINDS: readonly Kind[] = ['codeQuality', 'burnoutRisk', 'commitDetails'];
type Outcome = 'shown' | 'hidden' | 'refused';

/**
 * What a reader (not the person) gets of one figure whose rule is
 * [visible_to_all, admin_only, owner_only]: the decision table, written out.
 * "refused" is a reader who may see no one's figures: no name at all.
 */
const EXPECTED: Record<PrivacyMode, Record<'allowed' | 'notAllowed', Record<Role, readonly [Outcome, Outcome, Outcome]>>> = {
  team_transparent: {
    allowed: { admin: ['shown', 'shown', 'hidden'], member: ['shown', 'hidden', 'hidden'], viewer: ['refused', 'refused', 'refused'] },
    notAllowed: { admin: ['shown', 'shown', 'hidden'], member: ['refused', 'refused', 'refused'], viewer: ['refused', 'refused', 'refused'] },
  },
  public_metrics: {
    allowed: { admin: ['shown', 'shown', 'hidden'], member: ['shown', 'shown', 'hidden'], viewer: ['refused', 'refused', 'refused'] },
    notAllowed: { admin: ['shown', 'shown', 'hidden'], member: ['refused', 'refused', 'refused'], viewer: ['refused', 'refused', 'refused'] },
  },
  fully_private: {
    allowed: { admin: ['shown', 'shown', 'hidden'], member: ['refused', 'refused', 'refused'], viewer: ['refused', 'refused', 'refused'] },
    notAllowed: { admin: ['shown', 'shown', 'hidden'], member: ['refused', 'refused', 'refused'], viewer: ['refused', 'refused', 'refused'] },
  },
};

const outcomeOf = (role: Role, settings: PrivacySettings, rule: Visibility): Outcome =>
  EXPECTED[settings.privacyMode][settings.allowMembersViewOthers ? 'allowed' : 'notAllowed'][role][VISIBILITIES.indexOf(rule)]!;

interface Person {
  readonly name: string;
  readonly githubUsername: string;
}
const people: readonly (Person & { pending: boolean })[] = storyMembers.map(({ name, githubUsername, analysis }) => ({
  name,
  githubUsername,
  pending: analysis === undefined,
}));

/** Sentences that state a burnout or a code-quality figure, as a reader would read them. */
const BURNOUT_SENTENCE = /burnout|risk/i;
const QUALITY_SENTENCE = /code quality|needs support|mentor/i;
const MACHINE = new Set(['organizationId', 'organizationName', 'generatedAt', 'reportId', 'generatedBy', 'title', 'charts', 'teamFacts', 'period.from', 'period.to']);

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

/** Every named entry (an object with this person's login) in the view, with its path. */
function entriesOf(view: unknown, login: string, path = ''): { path: string; entry: Record<string, unknown> }[] {
  if (Array.isArray(view)) return view.flatMap((item, index) => entriesOf(item, login, `${path}.${index}`));
  if (view === null || typeof view !== 'object') return [];
  const record = view as Record<string, unknown>;
  const own = record['githubUsername'] === login && !path.startsWith('.pending') ? [{ path, entry: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, item]) => entriesOf(item, login, `${path}.${key}`))];
}

/**
 * The assertion of the whole matrix: nothing in `view` puts this person's
 * name or login beside a figure the reader may not see.
 */
function expectNoLeak(view: unknown, person: Person & { pending: boolean }, sees: (kind: Kind) => boolean, nameShown: boolean) {
  const mentions = mentionPaths(view, identifiersOf([person]).strict, MACHINE);
  if (!nameShown || (!person.pending && !KINDS.some(sees))) {
    expect(mentions, `${person.name} named at ${mentions.join(', ')}`).toEqual([]);
    return;
  }
  for (const path of mentions) {
    const text = String(at(view, path));
    if (/(^|\.)name$|githubUsername$/.test(path)) continue;
    if (BURNOUT_SENTENCE.test(text)) expect(sees('burnoutRisk'), `${path}: ${text}`).toBe(true);
    if (QUALITY_SENTENCE.test(text)) expect(sees('codeQuality'), `${path}: ${text}`).toBe(true);
  }
  for (const { path, entry } of entriesOf(view, person.githubUsername)) {
    if ('riskScore' in entry) expect(sees('burnoutRisk'), path).toBe(true);
    if ('codeQualityScore' in entry) expect(sees('codeQuality'), path).toBe(true);
    if ('commits' in entry || 'recommendation' in entry) expect(sees('commitDetails'), path).toBe(true);
  }
}

function allRuleCombinations(): VisibilityRules[] {
  const combinations: VisibilityRules[] = [];
  for (const codeQuality of VISIBILITIES)
    for (const burnoutRisk of VISIBILITIES)
      for (const commitDetails of VISIBILITIES) combinations.push({ codeQuality, burnoutRisk, commitDetails, personalInsights: 'owner_only' });
  return combinations;
}

/** Readers who are nobody in the report, and readers who are Alice (once a member, now reading as this role). */
const cases = ROLES.flatMap((role) =>
  [undefined, 'alice-dev'].flatMap((githubUsername) =>
    PRIVACY_MODES.flatMap((privacyMode) =>
      [true, false].flatMap((allowMembersViewOthers) =>
        allRuleCombinations().map((visibilityRules) => ({
          role,
          reader: githubUsername ?? 'nobody in it',
          githubUsername,
          settings: { privacyMode, allowMembersViewOthers, visibilityRules } satisfies PrivacySettings,
        })),
      ),
    ),
  ),
);

describe('reader views: every role, privacy mode and visibility rule, every report kind', () => {
  it.each(cases)(
    'It should show no one beside a figure the reader may not see: $role ($reader), $settings.privacyMode, allowMembersViewOthers=$settings.allowMembersViewOthers, codeQuality=$settings.visibilityRules.codeQuality burnoutRisk=$settings.visibilityRules.burnoutRisk commitDetails=$settings.visibilityRules.commitDetails',
    ({ role, githubUsername, settings }) => {
      const reader: ReportReader = githubUsername === undefined ? { role } : { role, githubUsername };
      const outcome = (kind: Kind) => outcomeOf(role, settings, settings.visibilityRules[kind]);
      const refused = outcome('codeQuality') === 'refused';
      const sees = (kind: Kind) => outcome(kind) === 'shown';
      const isReader = (person: Person) => person.githubUsername === githubUsername;
      const views = {
        team: teamAnalysisFor(team, reader, settings),
        named: executiveReportFor(named, team, reader, settings),
        anonymous: executiveReportFor(anonymous, team, reader, settings),
      };
      for (const view of Object.values(views)) {
        for (const person of people) {
          if (isReader(person)) expectNoLeak(view, person, () => true, true);
          else expectNoLeak(view, person, sees, !refused);
        }
      }

      // Hiding is not over-hiding: what the reader may see is there, and the aggregates stay.
      const ownRisks = team.burnoutRisks.filter(isReader).length;
      expect(views.team.burnoutRisks).toHaveLength(sees('burnoutRisk') ? team.burnoutRisks.length : ownRisks);
      expect(views.team.charts).toStrictEqual(team.charts);
      expect(views.team.hiringJustification).toStrictEqual(team.hiringJustification);
      expect(views.team.topPerformer?.name).toBe(sees('codeQuality') ? team.topPerformer?.name : undefined);
      expect(views.named.individuals?.burnoutRisks ?? []).toHaveLength(
        sees('burnoutRisk') ? team.burnoutRisks.length : refused ? 0 : ownRisks,
      );
      expect(views.named.includeIndividuals).toBe(true);
      expect(views.named.teamOverview).toStrictEqual(named.teamOverview);
      expect(views.anonymous).toStrictEqual(anonymous);
      if (KINDS.every(sees) && !refused) {
        expect(views.team).toStrictEqual(team);
        expect(views.named).toStrictEqual(named);
      }
    },
  );
});

/** In the story's team, who appears only for their burnout, and who only for their code quality (top, support). */
const BURNOUT_ONLY = ['Alice Dev', 'alice-dev', 'Erin Dev', 'erin-dev', 'Felix Dev', 'felix-dev'];
const QUALITY_ONLY = ['Bob Senior', 'bob-senior', 'Charlie Junior', 'charlie-junior'];

const pdfCases = ROLES.flatMap((role) =>
  PRIVACY_MODES.flatMap((privacyMode) =>
    VISIBILITIES.flatMap((codeQuality) =>
      VISIBILITIES.map((burnoutRisk) => ({
        role,
        settings: {
          privacyMode,
          allowMembersViewOthers: true,
          visibilityRules: { codeQuality, burnoutRisk, commitDetails: 'visible_to_all', personalInsights: 'owner_only' },
        } satisfies PrivacySettings,
      })),
    ),
  ),
);

describe('reader views in the PDF: every role, privacy mode, code-quality and burnout rule', () => {
  it.each(pdfCases)(
    'It should print no one beside a figure the reader may not see: $role, $settings.privacyMode, codeQuality=$settings.visibilityRules.codeQuality burnoutRisk=$settings.visibilityRules.burnoutRisk',
    async ({ role, settings }) => {
      const sees = (kind: Kind) => outcomeOf(role, settings, settings.visibilityRules[kind]) === 'shown';
      const text = (await pdfText(await renderExecutiveReportPdf(executiveReportFor(named, team, { role }, settings)))).toLowerCase();
      const present = (identifiers: readonly string[]) => identifiers.filter((identifier) => text.includes(identifier.toLowerCase()));
      expect(present(BURNOUT_ONLY)).toEqual(sees('burnoutRisk') ? BURNOUT_ONLY : []);
      expect(present(QUALITY_ONLY)).toEqual(sees('codeQuality') ? QUALITY_ONLY : []);
    },
  );
});

describe('reader views: decisions of their own', () => {
  const transparent = (rules: Partial<VisibilityRules>, privacyMode: PrivacyMode = 'team_transparent'): PrivacySettings => ({
    ...DEFAULT_SETTINGS,
    privacyMode,
    visibilityRules: { ...DEFAULT_SETTINGS.visibilityRules, ...rules },
  });

  it('It should keep named burnout entries from an admin under burnoutRisk owner_only, and keep the counts', () => {
    const view = teamAnalysisFor(team, { role: 'admin' }, transparent({ burnoutRisk: 'owner_only' }, 'fully_private'));
    expect(view.burnoutRisks).toEqual([]);
    expect(view.charts.burnoutLevels).toStrictEqual(team.charts.burnoutLevels);
    expect(view.topPerformer).toStrictEqual(team.topPerformer);
    expect(JSON.stringify(view)).not.toContain('Alice Dev');
  });

  it('It should name a person whose burnout is hidden by an anonymous label where the sentence needs them', () => {
    const view = teamAnalysisFor(team, { role: 'admin' }, transparent({ burnoutRisk: 'owner_only' }));
    const urgent = view.recommendations.find((sentence) => sentence.startsWith('URGENT'));
    expect(urgent).toMatch(/^URGENT: Address Engineer A's burnout \(8\.1\/10 risk: 45% late-night commits\)/);
    expect(view.insights.join(' ')).toContain('Engineer B and Engineer C');
  });

  it('It should answer a viewer as if the executive report had no individuals, saying it was asked with them', () => {
    const view = executiveReportFor(named, team, { role: 'viewer' }, DEFAULT_SETTINGS);
    expect(view).not.toHaveProperty('individuals');
    expect(view.includeIndividuals).toBe(true);
    expect(view.keyFindings).toStrictEqual(anonymous.keyFindings);
    expect(view.recommendations).toStrictEqual(anonymous.recommendations);
  });

  it('It should leave out commits and the specific advice beside a name when commit details are hidden', () => {
    const view = teamAnalysisFor(team, { role: 'admin' }, transparent({ commitDetails: 'owner_only' }));
    expect(view.topPerformer).toStrictEqual({ name: 'Bob Senior', githubUsername: 'bob-senior', codeQualityScore: 8.9 });
    expect(view.needsSupport).toStrictEqual({ name: 'Charlie Junior', githubUsername: 'charlie-junior', codeQualityScore: 5.9 });
  });

  it("It should show a reader all of their own figures by name, and not the others'", () => {
    const reader: ReportReader = { role: 'viewer', githubUsername: 'alice-dev' };
    const view = executiveReportFor(named, team, reader, transparent({ burnoutRisk: 'owner_only' }));
    expect(view).not.toHaveProperty('individuals');
    const teamView = teamAnalysisFor(team, { role: 'admin', githubUsername: 'Alice-Dev' }, transparent({ burnoutRisk: 'owner_only' }));
    expect(teamView.burnoutRisks.map((risk) => risk.githubUsername)).toEqual(['alice-dev']);
  });

  it('It should pair someone with a named mentor only for a reader who may see the mentor is not at high risk', () => {
    const view = executiveReportFor(named, team, { role: 'admin' }, transparent({ burnoutRisk: 'owner_only' }));
    expect(named.recommendations.shortTerm.join(' ')).toContain('Pair Charlie Junior with Bob Senior');
    expect(view.recommendations.shortTerm.join(' ')).toContain('Pair Charlie Junior with a senior engineer');
  });

  it('It should cut a report stored without its team analysis down to what names no hidden person', () => {
    const view = executiveReportFor(named, undefined, { role: 'admin' }, transparent({ burnoutRisk: 'owner_only' }));
    expect(view).not.toHaveProperty('individuals');
    expect(JSON.stringify(view)).not.toContain('Alice Dev');
    expect(view.teamOverview).toStrictEqual(named.teamOverview);
  });

  it('It should cut a team report stored without its aggregate facts down the same way', () => {
    const { teamFacts: _facts, ...older } = team;
    const view = teamAnalysisFor(older as TeamAnalysis, { role: 'viewer' }, DEFAULT_SETTINGS);
    for (const person of people) expect(JSON.stringify(view)).not.toContain(person.name);
  });

  it("It should withhold a repository named after someone the reader may see nothing of, and keep it for that person", () => {
    const flow = demoFlow(
      { windowStart: '2026-08-27T09:00:00.000Z', windowEnd: NOW.toISOString(), previousStart: '2026-05-29T09:00:00.000Z' },
      {},
      [{ repo: 'bob-senior/tools', ...DEMO_FLOW_FIGURES }],
    );
    const withFlow = buildTeamAnalysis({ ...storyInput(), flow: { flow, flowStatus: { state: 'current', reason: 'Computed.' } } });
    const stored = buildExecutiveReport({ team: withFlow, options: { reportType: 'executive', includeGraphs: false, includeIndividuals: true, confidential: false }, reportId: 'rpt_2', generatedBy: 'user-sarah', now: NOW });
    const hidden = transparent({ codeQuality: 'owner_only', burnoutRisk: 'owner_only', commitDetails: 'owner_only' });
    expect(executiveReportFor(stored, withFlow, { role: 'admin' }, hidden).delivery?.repositories[0]?.repo).toBe('[name withheld]/tools');
    expect(executiveReportFor(stored, withFlow, { role: 'member', githubUsername: 'bob-senior' }, hidden).delivery?.repositories[0]?.repo).toBe('bob-senior/tools');
  });

  it('It should leave the stored report unchanged', () => {
    const before = structuredClone(named);
    executiveReportFor(named, team, { role: 'viewer' }, DEFAULT_SETTINGS);
    expect(named).toStrictEqual(before);
  });

  it.each([
    [['admin', 'member', 'viewer'], 'viewer'],
    [['admin', 'member'], 'member'],
    [['admin'], 'admin'],
    [[], 'viewer'],
  ] as const)('It should render an email to %j for a %s, owner of no one', (roles, role) => {
    expect(leastPrivilegedReader(roles)).toStrictEqual({ role });
  });
});
