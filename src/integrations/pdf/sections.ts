/**
 * The executive report's sections, in the order a reader takes them: who and
 * when, the team in four figures (and charts), findings, recommendations, the
 * case for hiring, the conclusion and, only when the report names people,
 * the people behind the figures.
 */
import { capacityJudged, NEAR_LIMIT } from '../../domain/reports/hiring';
import type { ExecutiveReport, PersonFigureView } from '../../domain/reports/types';
import { drawCharts } from './charts';
import { formatInteger, formatIsoDate, formatLongDate, formatScore } from './format';
import {
  COLOR,
  FONT,
  SUBHEADING_HEIGHT,
  bullets,
  bulletsHeight,
  callout,
  calloutHeight,
  contentLeft,
  contentWidth,
  ensureSpace,
  keyFigureRow,
  keyFigureRowHeight,
  labelValueRows,
  labelValueRowsHeight,
  paragraph,
  sectionHeading,
  subheading,
  write,
  type KeyFigure,
  type Doc,
} from './layout';

/** A short list stays with its subheading; a longer one keeps at least this much. */
const KEEP_LIST = 150;

/** The height a titled list keeps with what precedes it. */
const listKeep = (doc: Doc, items: readonly string[]) => SUBHEADING_HEIGHT + Math.min(bulletsHeight(doc, items), KEEP_LIST);

/** Titled bullet lists under one section heading, each list kept with its title. */
function listSection(doc: Doc, title: string, lists: readonly (readonly [string, readonly string[], string?])[]): void {
  const first = lists[0];
  sectionHeading(doc, title, first ? listKeep(doc, first[1]) : undefined);
  for (const [subtitle, items, empty] of lists) {
    subheading(doc, subtitle, Math.min(bulletsHeight(doc, items, { empty }), KEEP_LIST));
    bullets(doc, items, { empty });
  }
}

export function titleBlock(doc: Doc, report: ExecutiveReport, generatedAt: Date): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  write(doc, report.title.toUpperCase(), { x, y: doc.y, width }, { font: FONT.bold, size: 9, color: COLOR.accent });
  doc.y += 4;
  write(doc, report.organizationName, { x, y: doc.y, width }, { font: FONT.bold, size: 26, color: COLOR.ink });
  doc.y += 2;
  write(doc, report.period.label, { x, y: doc.y, width }, { size: 14, color: COLOR.body });
  doc.y += 8;
  const meta = [
    `Generated ${formatLongDate(generatedAt)}`,
    `Covers ${formatIsoDate(report.period.from)} to ${formatIsoDate(report.period.to)}`,
    `Analysis engine: ${report.analysisEngine}`,
  ].join('   ·   ');
  write(doc, meta, { x, y: doc.y, width }, { size: 7.5, color: COLOR.muted });
  doc.y += 10;
  doc.rect(x, doc.y, width, 1.5).fill(COLOR.accent);
  doc.y += 14;
}

export function teamOverview(doc: Doc, report: ExecutiveReport): void {
  const overview = report.teamOverview;
  sectionHeading(doc, 'Team overview');
  keyFigureRow(doc, [
    {
      label: 'Team size',
      value: formatInteger(overview.teamSize),
      note: overview.pendingEngineers > 0
        ? `engineers, incl. ${formatInteger(overview.pendingEngineers)} still being analysed`
        : 'engineers, all analysed',
    },
    { label: 'Avg code quality', value: `${formatScore(overview.averageCodeQuality)} / 10`, note: 'team average score' },
    { label: 'Total commits', value: formatInteger(overview.totalCommits), note: `in ${report.period.label}` },
    { label: 'Team health', value: overview.teamHealth, note: 'overall assessment' },
  ]);
  if (report.includeGraphs && report.charts) {
    doc.y += 4;
    drawCharts(doc, report.charts);
  }
}

export function keyFindings(doc: Doc, report: ExecutiveReport): void {
  listSection(doc, 'Key findings', [
    ['Code quality', report.keyFindings.codeQuality],
    ['Productivity', report.keyFindings.productivity],
    ['Burnout risk', report.keyFindings.burnout],
  ]);
}

export function recommendations(doc: Doc, report: ExecutiveReport): void {
  listSection(doc, 'Recommendations', [
    ['Immediate', report.recommendations.immediate],
    ['Short-term', report.recommendations.shortTerm],
    ['Long-term', report.recommendations.longTerm],
  ]);
}

export function hiringJustification(doc: Doc, report: ExecutiveReport): void {
  const hiring = report.hiringJustification;
  const figures = hiring.figures;
  const tiles: KeyFigure[] = [
    capacityJudged(hiring)
      ? { label: 'Capacity in use', value: `${formatInteger(figures.capacityPercent)}%`, color: figures.capacityPercent >= NEAR_LIMIT ? COLOR.medium : COLOR.low }
      : { label: 'Capacity in use', value: 'not judged' },
    { label: 'High burnout risk', value: formatInteger(figures.engineersAtHighRisk), color: figures.engineersAtHighRisk > 0 ? COLOR.high : COLOR.low },
    { label: 'Medium burnout risk', value: formatInteger(figures.engineersAtMediumRisk), color: figures.engineersAtMediumRisk > 0 ? COLOR.medium : COLOR.low },
    { label: 'Suggested hires', value: formatInteger(figures.suggestedHires) },
  ];
  const rows = [
    { label: 'Current capacity', value: hiring.currentCapacity },
    { label: 'Burnout risk', value: hiring.burnoutRisk },
    { label: 'Growth potential', value: hiring.growthPotential },
    { label: 'Recommendation', value: hiring.recommendation },
  ];
  // The figures and the four statements are one argument: kept on one page.
  sectionHeading(doc, 'Hiring justification', keyFigureRowHeight(doc, tiles, 16) + labelValueRowsHeight(doc, rows));
  keyFigureRow(doc, tiles, 16);
  labelValueRows(doc, rows);
  if (hiring.assumptions.length > 0) {
    doc.y += 2;
    const style = { size: 8, color: COLOR.muted };
    const firstAssumption = hiring.assumptions.slice(0, 1);
    ensureSpace(doc, 14 + bulletsHeight(doc, firstAssumption, style));
    paragraph(doc, 'Assumptions', { font: FONT.bold, size: 8, color: COLOR.muted });
    doc.y += 2;
    bullets(doc, hiring.assumptions, style);
  }
}

export function conclusion(doc: Doc, report: ExecutiveReport): void {
  sectionHeading(doc, 'Conclusion', calloutHeight(doc, report.conclusion));
  callout(doc, report.conclusion);
}

const describePerson = (person: PersonFigureView) =>
  `${person.name} (@${person.githubUsername}): code quality ${formatScore(person.codeQualityScore)}/10` +
  (person.commits === undefined ? '' : `, ${formatInteger(person.commits)} commits`);

/** Said where the privacy rules keep the person from this reader (the field is absent), not "none". */
const NOT_SHOWN = "Not shown under the organization's privacy settings.";

/** Named people, as far as the reader may see them; the caller draws it only for reports that include individuals. */
export function people(doc: Doc, individuals: NonNullable<ExecutiveReport['individuals']>): void {
  const { topPerformer: top, needsSupport: support } = individuals;
  listSection(doc, 'People', [
    ['Top performer', top ? [describePerson(top)] : [], top === undefined ? NOT_SHOWN : 'None identified.'],
    [
      'Needs support',
      support ? [`${describePerson(support)}.${support.recommendation === undefined ? '' : ` ${support.recommendation}`}`] : [],
      support === undefined ? NOT_SHOWN : 'None identified.',
    ],
    [
      'Burnout risks',
      individuals.burnoutRisks.map((risk) => `${risk.name} (@${risk.githubUsername}): risk ${formatScore(risk.riskScore)}/10, ${risk.pattern}`),
      'No engineer shown at or above the risk threshold.',
    ],
  ]);
}
