/**
 * A stored report as one reader may see it. Reports are stored in full (the
 * team analysis as `team-<day>`, the executive report with the team analysis
 * it was built from); every read filters them here, for the reader's role
 * and the organization's privacy settings as they are at that moment, with
 * the one decision of domain/privacy.ts. So a report made under
 * `team_transparent` shows no burnout figure once the organization is
 * `fully_private`, and `includeIndividuals: true` never overrides the rules.
 *
 * What a report says of a person, and the figure kind that governs it:
 *   topPerformer, needsSupport (named, with codeQualityScore) ← codeQuality;
 *     their `commits` and the support `recommendation` (written from the
 *     person's pull-request and commit figures) ← commitDetails as well;
 *   burnoutRisks entries, and sentences about someone's burnout ← burnoutRisk;
 *   pending (names, no figure) ← the reader may see someone at all.
 *   The mentor a report pairs someone with is named only to a reader who
 *   may see the mentor's code quality *and* burnout: the choice itself says
 *   the mentor is not at high risk.
 *
 * Decided here, strictly:
 *   - A viewer sees no one's name in any report: aggregates and anonymous
 *     figures only, as in a report made with `includeIndividuals: false`
 *     (so an executive report with individuals reads, for a viewer, as the
 *     same report without them). The same holds for any reader the rules
 *     refuse (a member under `fully_private` who is emailed a report).
 *   - A figure the reader may not see beside a name is absent from the named
 *     fields (never null; aggregate counts, charts and the hiring figures
 *     stay), and a sentence that needs the person says "Engineer A" instead:
 *     labels are given in the order people are first needed, so a label says
 *     nothing about who it is.
 *   - A person is the reader themself when their GitHub username is the
 *     reader's: they see all of their own figures, by name (except in an
 *     executive report read by someone the rules refuse, which is the
 *     anonymous report for them too: it has no place for one name alone).
 *   - A reader who may see every figure of everyone in the report gets it as
 *     stored. Otherwise the sentences are written again from the filtered
 *     figures (the team analysis' mentor is not stored, so a rewritten
 *     recommendation asks for "a senior mentor"); a report that cannot be
 *     rewritten (stored before its team analysis was kept with it) loses
 *     every sentence and field that mentions a hidden person instead.
 *   - Behind all of this, as for an anonymous report, the view is searched
 *     for the name and login of everyone the reader may see nothing of, and
 *     refused (AnonymizationError) if one is still there.
 */
import type { PrivacySettings } from '../privacy';
import { assertNoMentions, identifiersOf, withoutMentions } from './anonymize';
import { deliveryWithout } from './executive-delivery';
import { namesOf, type Names, type ReportTeam } from './executive-figures';
import { buildExecutiveReport, withoutPeople } from './executive-report';
import { GENERAL_SUPPORT, teamInsightsOf, teamRecommendationsOf } from './team-notes';
import type {
  BurnoutRisk,
  ExecutiveReport,
  PersonFigure,
  PersonFigureView,
  SupportFigureView,
  TeamAnalysis,
  TeamAnalysisView,
} from './types';
import { Audience, isAnalysed, type Person, type ReportReader } from './report-audience';


/** Fields that hold no sentence about anyone: ids, instants, chart data, the organization's own name. */
// The flow names repositories, never people: a repository named after its owner's account (`bob-senior/tools`) is not a mention of Bob.
const TEAM_MACHINE_FIELDS = new Set(['organizationId', 'organizationName', 'generatedAt', 'analysisEngine', 'charts', 'teamFacts', 'flow', 'flowStatus']);
const EXECUTIVE_MACHINE_FIELDS = new Set([
  'reportId',
  'reportType',
  'title',
  'organizationName',
  'generatedAt',
  'generatedBy',
  'period.from',
  'period.to',
  'analysisEngine',
  'charts',
]);


function personView(person: PersonFigure, audience: Audience): PersonFigureView | undefined {
  if (!audience.sees(person, 'codeQuality')) return undefined;
  const { name, githubUsername, codeQualityScore } = person;
  return { name, githubUsername, codeQualityScore, ...(audience.sees(person, 'commitDetails') ? { commits: person.commits } : {}) };
}

function supportView(person: NonNullable<TeamAnalysis['needsSupport']>, audience: Audience): SupportFigureView | undefined {
  const view = personView(person, audience);
  if (view === undefined) return undefined;
  return audience.sees(person, 'commitDetails') ? { ...view, recommendation: person.recommendation } : view;
}

type NamedFields = Pick<TeamAnalysisView, 'topPerformer' | 'needsSupport' | 'burnoutRisks'>;

/** The named fields as the reader may see them: a hidden person is absent (not null); null stays "no one". */
function namedFieldsFor(team: Pick<TeamAnalysis, 'topPerformer' | 'needsSupport' | 'burnoutRisks'>, audience: Audience): NamedFields {
  const top = team.topPerformer === null ? null : personView(team.topPerformer, audience);
  const support = team.needsSupport === null ? null : supportView(team.needsSupport, audience);
  return {
    ...(top === undefined ? {} : { topPerformer: top }),
    ...(support === undefined ? {} : { needsSupport: support }),
    burnoutRisks: team.burnoutRisks.filter((risk) => audience.sees(risk, 'burnoutRisk')),
  };
}

function peopleOf(team: { readonly topPerformer?: Person | null; readonly needsSupport?: Person | null; readonly burnoutRisks: readonly Person[] }): Person[] {
  return [
    ...(team.topPerformer ? [team.topPerformer] : []),
    ...(team.needsSupport ? [team.needsSupport] : []),
    ...team.burnoutRisks,
  ];
}

/** The team analysis (`GET /ai/team-performance/…`, `GET /reports/team-<day>`) as `reader` may see it. */
export function teamAnalysisFor(team: TeamAnalysis, reader: ReportReader, settings: PrivacySettings): TeamAnalysisView {
  const audience = new Audience(reader, settings);
  const analysed = peopleOf(team);
  if (analysed.every((person) => audience.seesAll(person)) && team.pending.every((person) => audience.seesName(person))) return team;

  const { topPerformer: _top, needsSupport: _support, pending, insights: _insights, recommendations: _recommendations, ...aggregates } = team;
  const view: TeamAnalysisView = {
    ...aggregates,
    ...namedFieldsFor(team, audience),
    ...(pending.every((person) => audience.seesName(person)) ? { pending } : {}),
    ...teamSentencesFor(team, audience),
  };
  assertNoMentions(view, identifiersOf(audience.unseen([...analysed, ...pending])).strict, TEAM_MACHINE_FIELDS);
  return view;
}

/** The insights and recommendations written again from what the reader may see, people they may not by label. */
function teamSentencesFor(team: TeamAnalysis, audience: Audience): Pick<TeamAnalysis, 'insights' | 'recommendations'> {
  const facts = team.teamFacts;
  if (facts === undefined) {
    const hidden = identifiersOf(
      [...peopleOf(team), ...team.pending].filter((person) => !(isAnalysed(person) ? audience.seesAll(person) : audience.seesName(person))),
    ).strict;
    return { insights: withoutMentions(team.insights, hidden), recommendations: withoutMentions(team.recommendations, hidden) };
  }
  // Burnout first: the highest risk gets the first label, whatever their name.
  const burnoutRisks = team.burnoutRisks.map((risk) => audience.named(risk, 'burnoutRisk'));
  const notes = {
    windowDays: team.windowDays,
    totalMembers: team.totalMembers,
    analysedMembers: team.analysedMembers,
    averageCodeQuality: team.averageCodeQuality,
    totalCommits: team.totalCommits,
    burnoutRisks,
    needsSupport: team.needsSupport === null ? null : audience.named(team.needsSupport, 'codeQuality'),
    mentor: null,
    pending: team.pending.map((person) => (audience.seesName(person) ? person : { ...person, name: audience.labelOf(person) })),
    hiring: team.hiringJustification,
    facts,
  };
  // No sentence names the top performer; labelled last, so a label they hold leaves no gap in the letters.
  const topPerformer = team.topPerformer === null ? null : audience.named(team.topPerformer, 'codeQuality');
  const input = { ...notes, topPerformer };
  return { insights: teamInsightsOf(input), recommendations: teamRecommendationsOf(input) };
}

/** Who an executive report's sentences may name for this reader; the others by label. */
function namesFor(team: TeamAnalysis, audience: Audience): Names {
  const names = namesOf(team);
  const risk = (entry: BurnoutRisk) => audience.named(entry, 'burnoutRisk');
  const highRisks = names.highRisks.map(risk);
  const elevatedRisks = names.elevatedRisks.map(risk);
  const support = names.needsSupport;
  const mentor = names.mentor;
  return {
    highRisks,
    elevatedRisks,
    needsSupport:
      support === null
        ? null
        : {
            ...audience.named(support, 'codeQuality'),
            recommendation: audience.sees(support, 'commitDetails') ? support.recommendation : GENERAL_SUPPORT,
          },
    mentor: mentor !== null && audience.sees(mentor, 'codeQuality', 'burnoutRisk') ? mentor : null,
  };
}

/**
 * The executive report as `reader` may see it. `team` is the team analysis
 * it was built from (stored with it); without it the report is cut down
 * instead of rewritten.
 */
export function executiveReportFor(
  report: ExecutiveReport,
  team: ReportTeam | undefined,
  reader: ReportReader,
  settings: PrivacySettings,
): ExecutiveReport {
  const individuals = report.individuals;
  if (!report.includeIndividuals || individuals === undefined) return report;
  const audience = new Audience(reader, settings);
  const named = peopleOf(individuals);
  if (named.every((person) => audience.seesAll(person))) return report;
  if (team === undefined) return withoutPeople(report, named.filter((person) => !audience.seesAll(person)));

  const rebuilt = buildExecutiveReport({
    team,
    options: {
      reportType: 'executive',
      includeGraphs: report.includeGraphs,
      // A reader the rules refuse gets the anonymous report, checked by its own anonymiser;
      // it still says it was asked for with individuals.
      includeIndividuals: !audience.refused,
      confidential: report.confidential,
    },
    reportId: report.reportId,
    generatedBy: report.generatedBy,
    now: new Date(report.generatedAt),
    ...(audience.refused ? {} : { names: namesFor(team, audience) }),
  });
  if (audience.refused) return { ...rebuilt, includeIndividuals: report.includeIndividuals };
  const unseen = identifiersOf(audience.unseen(peopleOf(team))).strict;
  // A repository named after someone this reader may see nothing of is shown without their name, as in an anonymous report.
  const delivery = rebuilt.delivery === undefined ? {} : { delivery: deliveryWithout(rebuilt.delivery, unseen) };
  const view: ExecutiveReport = { ...rebuilt, ...delivery, individuals: namedFieldsFor(team, audience) };
  assertNoMentions(view, unseen, EXECUTIVE_MACHINE_FIELDS);
  return view;
}
