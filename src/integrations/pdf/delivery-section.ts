/**
 * The report's summary paragraph (its first block) and its delivery section:
 * each flow figure beside the window before's and the move between them,
 * coloured by whether the move is good news, then the busiest repositories.
 * Reports made before these existed have neither, and get neither.
 */
import type { DeliveryFigure, DeliverySection, ExecutiveReport } from '../../domain/reports/types';
import { formatInteger, formatIsoDate } from './format';
import { COLOR, FONT, bullets, callout, calloutHeight, contentLeft, contentWidth, ensureSpace, measure, paragraph, sectionHeading, subheading, write, type Doc } from './layout';

export function summary(doc: Doc, report: ExecutiveReport): void {
  if (report.summary === undefined) return;
  sectionHeading(doc, 'Summary', calloutHeight(doc, report.summary));
  callout(doc, report.summary);
}

/** Column starts as shares of the content width: figure, this window, the window before, change. */
const COLUMNS = [0, 0.36, 0.56, 0.76] as const;
const ROW_SIZE = 9.5;
const ROW_PAD = 5;

const changeColor = (figure: DeliveryFigure) =>
  figure.assessment === 'better' ? COLOR.low : figure.assessment === 'worse' ? COLOR.high : COLOR.muted;

function tableRow(doc: Doc, cells: readonly string[], style: { font: string; colors: readonly string[] }): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const widths = COLUMNS.map((start, index) => ((COLUMNS[index + 1] ?? 1) - start) * width - 6);
  const height = Math.max(...cells.map((cell, index) => measure(doc, cell, style.font, ROW_SIZE, widths[index] ?? width))) + ROW_PAD * 2;
  ensureSpace(doc, height);
  const top = doc.y;
  cells.forEach((cell, index) => {
    const at = { x: x + (COLUMNS[index] ?? 0) * width, y: top + ROW_PAD, width: widths[index] ?? width };
    write(doc, cell, at, { font: style.font, size: ROW_SIZE, color: style.colors[index] ?? COLOR.ink });
  });
  doc.y = top + height;
  doc.rect(x, doc.y, width, 0.5).fill(COLOR.rule);
}

function figuresTable(doc: Doc, section: DeliverySection): void {
  const window = section.window;
  const headers = ['Figure', 'This window', window ? `The ${formatInteger(window.days)} days before` : 'Before', 'Change'];
  tableRow(doc, headers, { font: FONT.bold, colors: [COLOR.muted, COLOR.muted, COLOR.muted, COLOR.muted] });
  for (const figure of section.figures) {
    tableRow(doc, [figure.label, figure.shown, figure.shownBefore, figure.shownChange], {
      font: FONT.regular,
      colors: [COLOR.ink, COLOR.ink, COLOR.body, changeColor(figure)],
    });
  }
  doc.y += 6;
}

export function delivery(doc: Doc, report: ExecutiveReport): void {
  const section = report.delivery;
  if (section === undefined) return;
  sectionHeading(doc, 'Delivery');
  if (section.state !== 'current' || section.window === undefined) {
    paragraph(doc, section.note, { color: COLOR.body });
    return;
  }
  const { window } = section;
  write(
    doc,
    `${formatIsoDate(window.from)} to ${formatIsoDate(window.to)}, against ${formatIsoDate(window.previousFrom)} to ${formatIsoDate(window.previousTo)}. ` +
      `Production deployments are those to "${window.productionEnvironment}". Green is a move for the better, red for the worse.`,
    { x: contentLeft(doc), y: doc.y, width: contentWidth(doc) },
    { size: 8, color: COLOR.muted },
  );
  doc.y += 4;
  figuresTable(doc, section);
  if (section.repositories.length === 0) return;
  subheading(doc, 'Busiest repositories');
  const more = section.otherRepositories > 0 ? [`${formatInteger(section.otherRepositories)} more with activity in the window.`] : [];
  bullets(doc, [...section.repositories.map((repo) => repo.text), ...more]);
}
