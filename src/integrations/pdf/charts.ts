/**
 * The report's three charts, drawn as vector graphics from the analysis'
 * figures: code quality per score band, burnout risk levels and team commits
 * per week. Every label is real text, so the charts' figures are searchable
 * and extractable like the rest of the report.
 */
import type { ExecutiveReport } from '../../domain/reports/types';
import { formatInteger, formatWeekLabel, toWinAnsi } from './format';
import { COLOR, FONT, contentLeft, contentWidth, ensureSpace, label, setFont, type Doc } from './layout';

export type ReportCharts = NonNullable<ExecutiveReport['charts']>;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Column {
  readonly label: string;
  readonly value: number;
  /** Drawn hatched: the bar counts fewer days than the others. */
  readonly partial?: boolean;
}

/** A bar of light fill crossed by diagonal lines, so a partial week reads as different even in greyscale. */
function hatchedBar(doc: Doc, x: number, y: number, width: number, height: number, color: string): void {
  doc.rect(x, y, width, height).fill(COLOR.accentSoft);
  doc.save();
  doc.rect(x, y, width, height).clip();
  doc.lineWidth(1).strokeColor(color);
  for (let offset = -height; offset < width; offset += 4) doc.moveTo(x + offset, y + height).lineTo(x + offset + height, y).stroke();
  doc.restore();
  doc.rect(x, y, width, height).lineWidth(0.75).strokeColor(color).stroke();
}

/** A zero-based axis in round steps (1, 2, 2.5, 5 × 10^n) with about four intervals, for counts. */
export function niceAxis(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 && magnitude >= 10 ? 2.5 : residual <= 5 ? 5 : 10;
  const step = Math.max(1, nice * magnitude);
  return { max: Math.ceil(max / step) * step, step };
}

function chartTitle(doc: Doc, box: Box, title: string, subtitle: string): number {
  label(doc, title, box.x, box.y, { font: FONT.bold, size: 9.5, color: COLOR.ink, width: box.width });
  label(doc, subtitle, box.x, box.y + 13, { size: 7.5, color: COLOR.muted, width: box.width });
  return box.y + 30;
}

function noData(doc: Doc, box: Box, top: number): void {
  const middle = top + (box.y + box.height - top) / 2 - 4;
  label(doc, 'No data for this period.', box.x, middle, { size: 8, color: COLOR.faint, width: box.width, align: 'center' });
}

/** Vertical bars over a labelled y axis with gridlines, a value above each bar and thinned x labels. */
function drawColumns(doc: Doc, box: Box, spec: { title: string; subtitle: string; columns: readonly Column[]; color: string }): void {
  const top = chartTitle(doc, box, spec.title, spec.subtitle);
  if (spec.columns.length === 0) {
    noData(doc, box, top);
    return;
  }
  const axis = niceAxis(Math.max(...spec.columns.map((c) => c.value)));
  setFont(doc, FONT.regular, 7);
  const ticks = Array.from({ length: axis.max / axis.step + 1 }, (_, i) => i * axis.step);
  const gutter = Math.max(...ticks.map((t) => doc.widthOfString(formatInteger(t)))) + 6;
  const plot = { left: box.x + gutter, right: box.x + box.width, top: top + 10, bottom: box.y + box.height - 13 };
  const yOf = (value: number) => plot.bottom - (value / axis.max) * (plot.bottom - plot.top);

  for (const tick of ticks) {
    const y = yOf(tick);
    doc.rect(plot.left, y, plot.right - plot.left, tick === 0 ? 0.9 : 0.4).fill(tick === 0 ? COLOR.faint : COLOR.rule);
    label(doc, formatInteger(tick), box.x, y - 3, { size: 7, width: gutter - 5, align: 'right' });
  }

  const slot = (plot.right - plot.left) / spec.columns.length;
  const barWidth = Math.min(slot * 0.62, 44);
  setFont(doc, FONT.regular, 7);
  const widestLabel = Math.max(...spec.columns.map((c) => doc.widthOfString(toWinAnsi(c.label))));
  const labelEvery = Math.max(1, Math.ceil((widestLabel + 6) / slot));
  setFont(doc, FONT.bold, 7);
  const widestValue = Math.max(...spec.columns.map((c) => doc.widthOfString(formatInteger(c.value))));
  const showValues = widestValue + 2 <= slot;

  spec.columns.forEach((column, index) => {
    const center = plot.left + slot * (index + 0.5);
    const y = yOf(column.value);
    if (column.value > 0 && column.partial === true) hatchedBar(doc, center - barWidth / 2, y, barWidth, plot.bottom - y, spec.color);
    else if (column.value > 0) doc.rect(center - barWidth / 2, y, barWidth, plot.bottom - y).fill(spec.color);
    if (showValues) {
      label(doc, formatInteger(column.value), center - slot / 2, y - 9, { font: FONT.bold, size: 7, color: COLOR.ink, width: slot, align: 'center' });
    }
    if (index % labelEvery === 0) {
      label(doc, column.label, center - (slot * labelEvery) / 2, plot.bottom + 4, { size: 7, width: slot * labelEvery, align: 'center' });
    }
  });
}

const LEVELS = [
  { key: 'low', name: 'Low', color: COLOR.low },
  { key: 'medium', name: 'Medium', color: COLOR.medium },
  { key: 'high', name: 'High', color: COLOR.high },
] as const;

/** One horizontal bar per risk level on a track of the whole team, with count and share. */
function drawBurnoutLevels(doc: Doc, box: Box, levels: ReportCharts['burnoutLevels']): void {
  const total = levels.low + levels.medium + levels.high;
  const top = chartTitle(doc, box, 'Burnout risk levels', `Engineers per risk level (${formatInteger(total)} analysed)`);
  const labelWidth = 46;
  const valueWidth = 52;
  const trackLeft = box.x + labelWidth;
  const trackWidth = box.width - labelWidth - valueWidth;
  const rowHeight = (box.y + box.height - top) / LEVELS.length;
  const barHeight = Math.min(rowHeight * 0.5, 16);
  LEVELS.forEach((level, index) => {
    const count = levels[level.key];
    const middle = top + rowHeight * (index + 0.5);
    label(doc, level.name, box.x, middle - 4, { size: 8.5, color: COLOR.body, width: labelWidth - 6 });
    doc.rect(trackLeft, middle - barHeight / 2, trackWidth, barHeight).fill(COLOR.panel);
    const length = total > 0 ? (count / total) * trackWidth : 0;
    if (length > 0) doc.rect(trackLeft, middle - barHeight / 2, length, barHeight).fill(level.color);
    const share = total > 0 ? ` (${Math.round((count / total) * 100)}%)` : '';
    label(doc, `${formatInteger(count)}${share}`, trackLeft + trackWidth + 6, middle - 4, {
      font: FONT.bold,
      size: 8,
      color: COLOR.ink,
      width: valueWidth - 6,
    });
  });
}

function panel(doc: Doc, x: number, y: number, width: number, height: number): Box {
  doc.roundedRect(x, y, width, height, 4).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
  const pad = 12;
  return { x: x + pad, y: y + pad, width: width - pad * 2, height: height - pad * 2 };
}

const ROW_HEIGHT = 168;

/** The charts block: quality and burnout side by side, commits per week across the page. */
export function drawCharts(doc: Doc, charts: ReportCharts): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const gap = 14;
  const half = (width - gap) / 2;

  ensureSpace(doc, ROW_HEIGHT);
  let y = doc.y;
  drawColumns(doc, panel(doc, x, y, half, ROW_HEIGHT), {
    title: 'Code quality distribution',
    subtitle: 'Engineers per code-quality score band (0-10)',
    columns: charts.codeQualityDistribution.map((b) => ({ label: b.band, value: b.engineers })),
    color: COLOR.accent,
  });
  drawBurnoutLevels(doc, panel(doc, x + half + gap, y, half, ROW_HEIGHT), charts.burnoutLevels);
  doc.y = y + ROW_HEIGHT + gap;

  ensureSpace(doc, ROW_HEIGHT);
  y = doc.y;
  const weeks = charts.commitsPerWeek;
  const total = weeks.reduce((sum, w) => sum + w.commits, 0);
  const partial = weeks.filter((w) => w.partial === true);
  const partialNote = partial
    .map((w) => `hatched: partial week of ${formatInteger(w.days ?? 0)} ${w.days === 1 ? 'day' : 'days'} from ${formatWeekLabel(w.weekStart)}`)
    .join('; ');
  drawColumns(doc, panel(doc, x, y, width, ROW_HEIGHT), {
    title: 'Commits per week',
    subtitle: weeks.length > 0
      ? `Team commits per week, by week start (${formatInteger(total)} over ${weeks.length} weeks)${partialNote === '' ? '' : `; ${partialNote}`}`
      : 'Team commits per week',
    columns: weeks.map((w) => ({ label: formatWeekLabel(w.weekStart), value: w.commits, partial: w.partial === true })),
    color: COLOR.accent,
  });
  doc.y = y + ROW_HEIGHT + 6;
  doc.x = x;
}
