import { describe, expect, it } from 'vitest';
import { identifiersOf, mentionPaths, WITHHELD, type Identifiable } from '../../../src/domain/reports/anonymize';
import { buildExecutiveReport, type ExecutiveProse } from '../../../src/domain/reports/executive-report';
import { reportPeriodOf } from '../../../src/domain/reports/period';
import { buildTeamAnalysis } from '../../../src/domain/reports/team-analysis';
import type { ExecutiveReportOptions, TeamAnalysis, TeamMemberInput } from '../../../src/domain/reports/types';
import { alice, bob, charlie, member, NOW, storyInput, storyMembers } from './fixtures';

const REPORT_AT = new Date('2026-11-25T09:05:00.000Z');
const team = buildTeamAnalysis(storyInput());

const options = (overrides: Partial<ExecutiveReportOptions> = {}): ExecutiveReportOptions => ({
  reportType: 'executive',
  includeGraphs: true,
  includeIndividuals: false,
  confidential: true,
  ...overrides,
});

function reportOf(
  overrides: Partial<ExecutiveReportOptions> = {},
  extra: { team?: TeamAnalysis; prose?: ExecutiveProse; people?: readonly Identifiable[] } = {},
) {
  return buildExecutiveReport({
    team: extra.team ?? team,
    options: options(overrides),
    reportId: 'rpt_20261125T090500Z_abc',
    generatedBy: 'user-sarah-001',
    now: REPORT_AT,
    ...(extra.prose ? { prose: extra.prose } : {}),
    ...(extra.people ? { people: extra.people } : {}),
  });
}

const anonymous = reportOf();
const named = reportOf({ includeIndividuals: true });
const emailOf = (person: TeamMemberInput) => `${person.githubUsername}@techstartup.test`;

describe('the executive report without individuals', () => {
  it("contains no engineer's name, login or email anywhere, pending ones included", () => {
    const json = JSON.stringify(anonymous).toLowerCase();
    for (const person of storyMembers) {
      for (const identifier of [person.name, person.githubUsername, emailOf(person)]) {
        expect(json).not.toContain(identifier.toLowerCase());
      }
    }
  });

  it("contains no named engineer's first name as a word", () => {
    const firstNames = storyMembers.map((person) => ({ name: person.name.split(' ')[0] }));
    expect(mentionPaths({ ...anonymous, charts: undefined }, identifiersOf(firstNames).strict)).toEqual([]);
  });

  it('has no individuals section', () => {
    expect(anonymous).not.toHaveProperty('individuals');
  });

  it('counts people instead of naming them', () => {
    expect(anonymous.keyFindings.burnout).toContain('1 engineer at HIGH risk (8.1/10)');
    expect(anonymous.recommendations.immediate[0]).toBe(
      'Address the engineer at high burnout risk this week: a 1:1 and a lighter workload',
    );
    expect(anonymous.recommendations.shortTerm).toContain(
      'Give the engineer with the lowest code quality (5.9/10) a senior mentor for pair programming',
    );
  });
});

describe('the executive report with individuals', () => {
  it('names the people behind the figures', () => {
    expect(named.individuals).toEqual({
      topPerformer: team.topPerformer,
      needsSupport: team.needsSupport,
      burnoutRisks: team.burnoutRisks,
    });
    expect(named.keyFindings.burnout).toContain('1 engineer at HIGH risk: Alice Dev (8.1/10)');
    expect(named.recommendations.immediate[0]).toBe(
      "Address Alice Dev's burnout this week (8.1/10: 45% late-night commits): a 1:1 and a lighter workload",
    );
    expect(named.recommendations.shortTerm).toContain(
      'Pair Charlie Junior with Bob Senior for mentoring and weekly code review sessions',
    );
  });

  it('keeps the same figures as the anonymous report', () => {
    expect(named.teamOverview).toEqual(anonymous.teamOverview);
    expect(named.hiringJustification).toEqual(anonymous.hiringJustification);
    expect(named.keyFindings.productivity).toEqual(anonymous.keyFindings.productivity);
  });
});

describe("the story's sections", () => {
  it('titles the report with the organization and the period', () => {
    expect(anonymous.title).toBe('Executive Intelligence Report — TechStartup Inc — Aug–Nov 2026');
    expect(anonymous.period).toEqual({ from: '2026-08-27T09:00:00.000Z', to: NOW.toISOString(), label: 'Aug–Nov 2026' });
    expect(anonymous).toMatchObject({
      reportId: 'rpt_20261125T090500Z_abc',
      reportType: 'executive',
      organizationName: 'TechStartup Inc',
      generatedAt: REPORT_AT.toISOString(),
      generatedBy: 'user-sarah-001',
      analysisEngine: 'heuristic',
    });
  });

  it('gives the team overview from the analysis', () => {
    expect(anonymous.teamOverview).toEqual({
      teamSize: 12,
      averageCodeQuality: 7.3,
      totalCommits: team.totalCommits,
      teamHealth: 'GOOD with concerns',
      pendingEngineers: 2,
    });
  });

  it('finds code quality, productivity and burnout with their figures', () => {
    expect(anonymous.keyFindings.codeQuality).toEqual([
      '70% of engineers score 7.0 or above (7 of 10); team average 7.3/10',
      'Uneven quality: scores range from 5.9 to 8.9',
      'Strong peer review culture: 86% of 204 merged pull requests had an approving review',
      '1 of 10 engineers has a median pull request above 400 changed lines',
      '1 engineer scores below 6.0 and would benefit from mentoring',
    ]);
    expect(anonymous.keyFindings.productivity).toEqual([
      'Team at 82% capacity (near limit)',
      'Velocity steady month over month (411 commits in the last 4 weeks vs 403 in the 4 before)',
      '1,325 commits across 10 analysed engineers in the last 90 days (133 per engineer)',
      'Risk: little slack to absorb unexpected work or an absence',
      '11% of commits made late at night and 10% on weekends',
      '2 engineers still being analysed are not in these figures',
    ]);
    expect(anonymous.keyFindings.burnout).toEqual([
      '1 engineer at HIGH risk (8.1/10)',
      '3 engineers at MEDIUM risk (2 of them at 6.2–6.5/10)',
      'Leading patterns: 45% late-night commits; 30% weekend commits; 14-day streak without a day off',
      '6 engineers at LOW risk',
    ]);
  });

  it('recommends by horizon', () => {
    expect(anonymous.recommendations.immediate).toHaveLength(3);
    expect(anonymous.recommendations.shortTerm[0]).toBe('Hire 2 engineers within 90 days, bringing capacity from 82% to 68%; move work away from the 1 engineer at high burnout risk');
    expect(anonymous.recommendations.longTerm[0]).toBe('Grow the team to 14 engineers and measure capacity again each quarter');
  });

  it("carries the team analysis' hiring justification and concludes from it", () => {
    expect(anonymous.hiringJustification).toEqual(team.hiringJustification);
    expect(anonymous.conclusion).toBe(
      'Team is healthy but at capacity (82%). Immediate action needed on 1 engineer at high burnout risk. Hiring 2 engineers within 90 days recommended.',
    );
  });

  it.each([
    [true, true],
    [false, false],
  ])('includes charts only with includeGraphs (%s) and copies confidential (%s)', (includeGraphs, confidential) => {
    const report = reportOf({ includeGraphs, confidential });
    expect(report.confidential).toBe(confidential);
    expect(report.includeGraphs).toBe(includeGraphs);
    if (includeGraphs) expect(report.charts).toEqual(team.charts);
    else expect(report).not.toHaveProperty('charts');
  });

  it('states fewer findings, none invented, for a stored analysis without teamFacts', () => {
    const { teamFacts: _facts, ...stored } = team;
    const report = reportOf({}, { team: stored });
    expect(report.keyFindings.codeQuality[0]).toBe('Team average code quality 7.3/10 over 10 rated engineers');
    expect(report.keyFindings.codeQuality.join(' ')).not.toContain('review');
  });
});

describe("a language model's prose", () => {
  const prose: ExecutiveProse = {
    engine: 'llm:test-model',
    keyFindings: {
      burnout: [
        "Alice's late nights are the main concern",
        'Late-night work is rising across the team',
        'Ask the senior engineers to share on-call duty',
        'Escalate to ops@techstartup.test',
      ],
    },
    conclusion: 'Give Bob a raise.',
  };

  it('drops every sentence naming someone, even by first name or by email, in an anonymous report', () => {
    const report = reportOf({}, { prose });
    expect(report.keyFindings.burnout).toEqual(['Late-night work is rising across the team']);
    expect(report.conclusion).toBe(anonymous.conclusion);
    expect(report.analysisEngine).toBe('llm:test-model');
  });

  it('replaces only the lists it gives', () => {
    const report = reportOf({}, { prose });
    expect(report.keyFindings.codeQuality).toEqual(anonymous.keyFindings.codeQuality);
    expect(report.teamOverview).toEqual(anonymous.teamOverview);
  });

  it('is kept whole when the report names people', () => {
    const report = reportOf({ includeIndividuals: true }, { prose });
    expect(report.keyFindings.burnout).toEqual(prose.keyFindings?.burnout);
    expect(report.conclusion).toBe('Give Bob a raise.');
  });

  it('drops a sentence naming someone from the roster passed as `people`', () => {
    const people = storyMembers.map((person) => ({ ...person, email: emailOf(person) }));
    const report = reportOf(
      {},
      { people, prose: { engine: 'llm:test-model', recommendations: { longTerm: ['Promote Dan to lead', 'Invest in testing'] } } },
    );
    expect(report.recommendations.longTerm).toEqual(['Invest in testing']);
  });
});

describe('names that are ordinary words', () => {
  /** A team like the story's, with the named engineers renamed. */
  function teamNamed(support: [string, string], risk: [string, string], organizationName = 'TechStartup Inc') {
    const rename = (input: TeamMemberInput, [name, login]: [string, string]): TeamMemberInput => ({
      ...input,
      name,
      githubUsername: login,
      ...(input.analysis ? { analysis: { ...input.analysis, githubUsername: login } } : {}),
    });
    const others = storyMembers.filter((person) => !['alice-dev', 'charlie-junior'].includes(person.githubUsername));
    return buildTeamAnalysis({ ...storyInput([...others, rename(charlie, support), rename(alice, risk)]), organizationName });
  }

  const textFields = (report: ReturnType<typeof reportOf>) => ({ ...report, charts: undefined, reportId: '', generatedBy: '' });

  it.each<[string, [string, string], [string, string]]>([
    ['a login that is a word the report uses', ['Charlie Junior', 'charlie-junior'], ['Alice Dev', 'review']],
    ['names that are words of the report', ['Will Grant', 'wgrant'], ['High Risk', 'high-risk']],
    ['a short login', ['Charlie Junior', 'charlie-junior'], ['Al Dev', 'al']],
  ])('keeps %s out of every text field of an anonymous report', (_case, support, risk) => {
    const renamed = teamNamed(support, risk);
    const report = reportOf({}, { team: renamed });
    const { strict } = identifiersOf([
      { name: support[0], githubUsername: support[1] },
      { name: risk[0], githubUsername: risk[1] },
    ]);
    expect(mentionPaths(textFields(report), strict, new Set(['reportType']))).toEqual([]);
    expect(report.teamOverview).toEqual(anonymous.teamOverview);
  });

  it('drops only the sentences using the word, not those with it inside a longer word', () => {
    const report = reportOf({}, { team: teamNamed(['Charlie Junior', 'charlie-junior'], ['Alice Dev', 'review']) });
    expect(report.keyFindings.codeQuality).not.toContain(anonymous.keyFindings.codeQuality[2]);
    expect(report.keyFindings.codeQuality).toHaveLength(anonymous.keyFindings.codeQuality.length - 1);
    expect(report.recommendations.longTerm).toEqual(
      anonymous.recommendations.longTerm.filter((sentence) => !/\breview\b/i.test(sentence)),
    );
  });

  it('does not mistake a short login for part of a word', () => {
    const report = reportOf({}, { team: teamNamed(['Charlie Junior', 'charlie-junior'], ['Al Dev', 'al']) });
    expect(report.keyFindings).toEqual(anonymous.keyFindings);
    expect(report.recommendations).toEqual(anonymous.recommendations);
  });

  it('keeps the sentences in a report that names people', () => {
    const report = reportOf({ includeIndividuals: true }, { team: teamNamed(['Charlie Junior', 'charlie-junior'], ['Alice Dev', 'review']) });
    expect(report.keyFindings.codeQuality).toContain(anonymous.keyFindings.codeQuality[2]);
  });

  it('withholds a name inside the organization name, but not a name inside a longer word', () => {
    const grant = reportOf({}, { team: teamNamed(['Will Grant', 'grant'], ['Alice Dev', 'alice-dev'], 'Grant Labs') });
    expect(grant.organizationName).toBe(`${WITHHELD} Labs`);
    expect(grant.title).toBe(`Executive Intelligence Report — ${WITHHELD} Labs — Aug–Nov 2026`);
    const bobcat = reportOf({}, { team: buildTeamAnalysis({ ...storyInput(), organizationName: 'Bobcat Labs' }) });
    expect(bobcat.organizationName).toBe('Bobcat Labs');
  });
});

describe('edge cases and determinism', () => {
  it('writes every section for a team with nobody analysed yet', () => {
    const empty = buildTeamAnalysis(storyInput(storyMembers.filter((person) => person.analysis === undefined)));
    const report = reportOf({}, { team: empty });
    for (const list of [...Object.values(report.keyFindings), ...Object.values(report.recommendations)]) {
      expect(list.length).toBeGreaterThan(0);
    }
    expect(report.conclusion).toBe(
      'Not enough data yet to assess the team: 2 engineers still being analysed. Run this report again once their activity is analysed.',
    );
  });

  it('writes a report for a single engineer', () => {
    const report = reportOf({ includeIndividuals: true }, { team: buildTeamAnalysis(storyInput([bob])) });
    expect(report.individuals?.needsSupport).toBeNull();
    expect(report.keyFindings.codeQuality[0]).toBe('100% of engineers score 7.0 or above (1 of 1); team average 8.9/10');
  });

  it('gives the same report for the same input', () => {
    expect(JSON.stringify(reportOf())).toBe(JSON.stringify(anonymous));
    expect(JSON.stringify(reportOf({ includeIndividuals: true }))).toBe(JSON.stringify(named));
  });
});

describe('the period label', () => {
  it.each([
    ['2026-11-25T09:00:00Z', 90, 'Aug–Nov 2026'],
    ['2026-12-31T23:00:00Z', 90, 'Q4 2026'],
    ['2026-12-20T00:00:00Z', 60, 'Oct–Dec 2026'],
    ['2026-11-25T09:00:00Z', 20, 'Nov 2026'],
    ['2027-01-20T09:00:00Z', 90, 'Oct 2026–Jan 2027'],
  ])('labels the window ending %s over %i days "%s"', (end, days, label) => {
    expect(reportPeriodOf(new Date(end), days).label).toBe(label);
  });
});

describe('engineers too quiet to score', () => {
  it('are counted as not rated, with what it takes to be rated, and kept out of the average', () => {
    const quiet = member('Quiet Newcomer', 'quiet-newcomer', { quality: null, risk: null, commits: 3 });
    const withQuiet = buildTeamAnalysis(storyInput([...storyMembers, quiet]));
    const report = reportOf({}, { team: withQuiet });
    expect(report.keyFindings.codeQuality).toContain(
      '1 engineer had too little activity in the window to score (fewer than 5 commits and no pull request) and is not rated',
    );
    expect(report.keyFindings.codeQuality[0]).toBe(anonymous.keyFindings.codeQuality[0]);
  });
});

describe('a team too sparse to judge capacity', () => {
  const sparse = Array.from({ length: 5 }, (_, index) => member(`Maintainer ${index}`, `maintainer-${index}`, { quality: 6, commits: 8 + index }));
  const report = reportOf({}, { team: buildTeamAnalysis(storyInput(sparse)) });

  it('says what is missing instead of a capacity figure, everywhere the report speaks of capacity', () => {
    expect(report.hiringJustification.confidence).toBe('insufficient_data');
    expect(report.keyFindings.productivity[0]).toMatch(/^Not enough data to judge capacity: 5 of 5 engineers have fewer than 20 commits/);
    const text = JSON.stringify([report.keyFindings, report.recommendations, report.conclusion, report.summary]);
    expect(text).not.toMatch(/\d+% capacity|capacity \(\d+%\)|Risk: little slack|Spare capacity to take on/);
    expect(report.summary).toContain('Not enough data to judge capacity: 5 of 5 engineers have fewer than 20 commits in 90 days; no hiring advice');
    expect(report.summary?.match(/Not enough data to judge capacity/gi)).toHaveLength(1);
    expect(report.conclusion).toContain('Not enough data to judge capacity or hiring yet.');
    expect(report.conclusion).not.toContain('No hiring needed');
  });
});
