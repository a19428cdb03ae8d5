/**
 * The executive report (`POST /ai/generate-report/{organizationId}`): the
 * story's Day 3 sections, every figure taken from the team analysis. This
 * module assembles the sections (executive-summary, executive-findings,
 * executive-recommendations) and anonymises the result.
 *
 * Without `includeIndividuals` no person's name, email or GitHub username
 * may appear anywhere in it. That holds by construction (the sentences are
 * written from `Figures`, which has no names; `Names` is passed only when
 * people may be named: see executive-figures) and is then checked: every name
 * and login the team analysis holds, plus `people`, is searched for in the
 * report's text; a sentence that mentions one is dropped, a single field
 * redacted, and a report that still mentions one is refused (AnonymizationError).
 */
import {
  assertNoMentions,
  identifiersOf,
  mentionsAnyone,
  redact,
  withoutMentions,
  type Identifiable,
  type Identifiers,
} from './anonymize';
import { deliverySectionOf, deliveryWithout } from './executive-delivery';
import { figuresOf, namesOf, type Names, type ReportTeam } from './executive-figures';
import { burnoutFindings, codeQualityFindings, productivityFindings } from './executive-findings';
import { immediateActions, longTermActions, shortTermActions } from './executive-recommendations';
import { conclusionOf, reportHeadingOf, summaryOf, teamOverviewOf } from './executive-summary';
import type { ExecutiveReport, ExecutiveReportOptions, TeamAnalysis } from './types';

export { REPORT_TITLE } from './executive-summary';

/** A language model's sentences for the report: each given list replaces the heuristic one, never a figure. */
export interface ExecutiveProse {
  readonly engine: string;
  readonly keyFindings?: Partial<ExecutiveReport['keyFindings']>;
  readonly recommendations?: Partial<ExecutiveReport['recommendations']>;
  readonly conclusion?: string;
}

export interface ExecutiveReportInput {
  /** `teamFacts` (from buildTeamAnalysis) adds aggregate findings; without it they are left out. */
  readonly team: ReportTeam;
  readonly options: ExecutiveReportOptions;
  readonly reportId: string;
  /** The user id of whoever asked for it. */
  readonly generatedBy: string;
  readonly now: Date;
  readonly prose?: ExecutiveProse;
  /**
   * Further people who must not be named in an anonymous report, beyond
   * those the team analysis names: the whole roster, with emails, when at hand.
   */
  readonly people?: readonly Identifiable[];
  /**
   * Who the sentences name when the report includes individuals: everyone
   * the team analysis names unless given (a reader's view passes the names
   * they may see, the others as anonymous labels: reader-view.ts).
   */
  readonly names?: Names;
}

/** Fields of machine values (ids, instants, chart data), not text a name could be written into. */
const MACHINE_FIELDS = new Set(['reportId', 'reportType', 'generatedAt', 'generatedBy', 'period.from', 'period.to', 'analysisEngine', 'charts']);

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/u).filter((sentence) => sentence !== '');
}

/** Drops every sentence, and redacts every single field, that mentions someone. */
function scrub(report: ExecutiveReport, { strict }: Identifiers): ExecutiveReport {
  const drop = (sentences: readonly string[]) => withoutMentions(sentences, strict);
  const hiring = report.hiringJustification;
  const conclusion = drop(sentencesOf(report.conclusion)).join(' ');
  return {
    ...report,
    title: redact(report.title, strict),
    organizationName: redact(report.organizationName, strict),
    period: { ...report.period, label: redact(report.period.label, strict) },
    teamOverview: { ...report.teamOverview, teamHealth: redact(report.teamOverview.teamHealth, strict) },
    keyFindings: {
      codeQuality: drop(report.keyFindings.codeQuality),
      productivity: drop(report.keyFindings.productivity),
      burnout: drop(report.keyFindings.burnout),
    },
    recommendations: {
      immediate: drop(report.recommendations.immediate),
      shortTerm: drop(report.recommendations.shortTerm),
      longTerm: drop(report.recommendations.longTerm),
    },
    hiringJustification: {
      ...hiring,
      currentCapacity: redact(hiring.currentCapacity, strict),
      burnoutRisk: redact(hiring.burnoutRisk, strict),
      growthPotential: redact(hiring.growthPotential, strict),
      recommendation: redact(hiring.recommendation, strict),
      assumptions: drop(hiring.assumptions),
    },
    conclusion: conclusion === '' ? 'See the findings and recommendations above.' : conclusion,
    ...(report.summary === undefined ? {} : { summary: drop(sentencesOf(report.summary)).join(' ') }),
    ...(report.delivery === undefined ? {} : { delivery: deliveryWithout(report.delivery, strict) }),
  };
}

/** Everyone the team analysis names, plus `people`. */
function peopleOf(team: TeamAnalysis, people: readonly Identifiable[]): Identifiable[] {
  return [
    ...(team.topPerformer === null ? [] : [team.topPerformer]),
    ...(team.needsSupport === null ? [] : [team.needsSupport]),
    ...team.burnoutRisks,
    ...team.pending,
    ...people,
  ];
}

export function buildExecutiveReport(input: ExecutiveReportInput): ExecutiveReport {
  const { team, options, prose } = input;
  const named = options.includeIndividuals;
  const figures = figuresOf(team);
  const names = named ? (input.names ?? namesOf(team)) : undefined;
  const identifiers = named ? undefined : identifiersOf(peopleOf(team, input.people ?? []));
  // A model's sentences are held to the loose test (first names too): nothing structural keeps names out of them.
  const fromModel = (sentences: readonly string[] | undefined, fallback: string[]): readonly string[] => {
    if (sentences === undefined) return fallback;
    return identifiers === undefined ? sentences : withoutMentions(sentences, identifiers.loose);
  };
  const heuristicConclusion = conclusionOf(figures);
  const conclusion =
    prose?.conclusion === undefined || (identifiers !== undefined && mentionsAnyone(prose.conclusion, identifiers.loose))
      ? heuristicConclusion
      : prose.conclusion;

  const delivery = deliverySectionOf(team);
  const report: ExecutiveReport = {
    reportId: input.reportId,
    reportType: 'executive',
    ...reportHeadingOf(team),
    generatedAt: input.now.toISOString(),
    generatedBy: input.generatedBy,
    confidential: options.confidential,
    includeGraphs: options.includeGraphs,
    includeIndividuals: named,
    // The report's sentences are its own: the team analysis' engine wrote none of them.
    analysisEngine: prose?.engine ?? 'heuristic',
    teamOverview: teamOverviewOf(figures),
    keyFindings: {
      codeQuality: fromModel(prose?.keyFindings?.codeQuality, codeQualityFindings(figures, names)),
      productivity: fromModel(prose?.keyFindings?.productivity, productivityFindings(figures)),
      burnout: fromModel(prose?.keyFindings?.burnout, burnoutFindings(figures, names)),
    },
    recommendations: {
      immediate: fromModel(prose?.recommendations?.immediate, immediateActions(figures, names)),
      shortTerm: fromModel(prose?.recommendations?.shortTerm, shortTermActions(figures, names)),
      longTerm: fromModel(prose?.recommendations?.longTerm, longTermActions(figures)),
    },
    hiringJustification: team.hiringJustification,
    conclusion,
    summary: summaryOf(figures, delivery),
    delivery,
    ...(options.includeGraphs ? { charts: team.charts } : {}),
    ...(named
      ? { individuals: { topPerformer: team.topPerformer, needsSupport: team.needsSupport, burnoutRisks: team.burnoutRisks } }
      : {}),
  };
  if (identifiers === undefined) return report;
  return checkedScrub(report, identifiers);
}

function checkedScrub(report: ExecutiveReport, identifiers: Identifiers): ExecutiveReport {
  const scrubbed = scrub(report, identifiers);
  assertNoMentions(scrubbed, identifiers.strict, MACHINE_FIELDS);
  return scrubbed;
}

/**
 * `report` without `people`: every sentence that mentions one dropped, every
 * single field redacted, `individuals` left out; for a stored report that
 * cannot be rebuilt from its team analysis (reader-view.ts).
 */
export function withoutPeople(report: ExecutiveReport, people: readonly Identifiable[]): ExecutiveReport {
  const { individuals: _named, ...rest } = report;
  return checkedScrub(rest, identifiersOf(people));
}
