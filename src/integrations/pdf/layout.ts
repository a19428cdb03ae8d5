/**
 * The report's page geometry, type scale and colours, and the flowing-text
 * primitives the sections are built from. Every primitive measures before it
 * draws, so a block that does not fit starts a new page instead of running
 * into the footer, and a heading always keeps its first line of content.
 */
import { toWinAnsi } from './format';

export type Doc = PDFKit.PDFDocument;

export const PAGE = {
  size: 'A4',
  margins: { top: 68, bottom: 66, left: 56, right: 56 },
} as const;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export const COLOR = {
  ink: '#1f2937',
  body: '#374151',
  muted: '#6b7280',
  faint: '#9ca3af',
  rule: '#e5e7eb',
  panel: '#f3f4f6',
  accent: '#1e40af',
  accentSoft: '#dbeafe',
  confidential: '#b91c1c',
  low: '#16a34a',
  medium: '#d97706',
  high: '#dc2626',
} as const;

const BODY_SIZE = 10;
const LINE_GAP = 2.5;

export const contentLeft = (doc: Doc): number => doc.page.margins.left;
export const contentWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const contentBottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;
const usableHeight = (doc: Doc): number => contentBottom(doc) - doc.page.margins.top;

/** Starts a new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}

export function setFont(doc: Doc, font: string, size: number, color: string = COLOR.body): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

/** Height of wrapped text in the given font, without drawing it. */
export function measure(doc: Doc, text: string, font: string, size: number, width: number): number {
  return setFont(doc, font, size).heightOfString(toWinAnsi(text), { width, lineGap: LINE_GAP });
}

/** Draws wrapped text at (x, y) and leaves doc.y below it. */
export function write(
  doc: Doc,
  text: string,
  at: { x: number; y: number; width: number },
  style: { font?: string; size?: number; color?: string; align?: 'left' | 'right' | 'center' } = {},
): void {
  setFont(doc, style.font ?? FONT.regular, style.size ?? BODY_SIZE, style.color ?? COLOR.body);
  doc.text(toWinAnsi(text), at.x, at.y, { width: at.width, lineGap: LINE_GAP, align: style.align ?? 'left' });
}

/** The text, cut with an ellipsis to fit `width` in the current font. */
function truncate(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** One line that never wraps or flows (headers, footers, chart labels). */
export function label(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  style: { font?: string; size?: number; color?: string; width?: number; align?: 'left' | 'right' | 'center' } = {},
): void {
  setFont(doc, style.font ?? FONT.regular, style.size ?? 8, style.color ?? COLOR.muted);
  const safe = style.width === undefined ? toWinAnsi(text) : truncate(doc, toWinAnsi(text), style.width);
  // pdfkit aligns only wrapped text, so unwrapped lines are placed here.
  const slack = style.width === undefined ? 0 : style.width - doc.widthOfString(safe);
  const dx = style.align === 'right' ? slack : style.align === 'center' ? slack / 2 : 0;
  doc.text(safe, x + dx, y, { lineBreak: false });
}

/** What a heading keeps with it when the caller does not say: about two lines of content. */
const HEADING_KEEP = 40;

/**
 * A section title with its rule. `keepWith` is the height of what must follow
 * it on the same page (capped at a page), so a heading never ends a page.
 */
export function sectionHeading(doc: Doc, title: string, keepWith = HEADING_KEEP): void {
  const atTop = doc.y <= doc.page.margins.top + 1;
  if (!atTop) doc.y += 16;
  const height = measure(doc, title, FONT.bold, 15, contentWidth(doc)) + 13;
  ensureSpace(doc, Math.min(height + keepWith, usableHeight(doc)));
  const x = contentLeft(doc);
  write(doc, title, { x, y: doc.y, width: contentWidth(doc) }, { font: FONT.bold, size: 15, color: COLOR.ink });
  const ruleY = doc.y + 3;
  doc.rect(x, ruleY, contentWidth(doc), 0.75).fill(COLOR.rule);
  doc.rect(x, ruleY - 0.75, 36, 2.25).fill(COLOR.accent);
  doc.y = ruleY + 10;
}

/** Height a subheading takes, so a section heading can keep its first one. */
export const SUBHEADING_HEIGHT = 24;

export function subheading(doc: Doc, title: string, keepWith = HEADING_KEEP): void {
  doc.y += 6;
  ensureSpace(doc, Math.min(SUBHEADING_HEIGHT - 6 + keepWith, usableHeight(doc)));
  write(doc, title, { x: contentLeft(doc), y: doc.y, width: contentWidth(doc) }, { font: FONT.bold, size: 11, color: COLOR.accent });
  doc.y += 3;
}

export function paragraph(doc: Doc, text: string, style: { size?: number; color?: string; font?: string } = {}): void {
  const width = contentWidth(doc);
  const font = style.font ?? FONT.regular;
  const size = style.size ?? BODY_SIZE;
  ensureSpace(doc, Math.min(measure(doc, text, font, size, width), usableHeight(doc)));
  write(doc, text, { x: contentLeft(doc), y: doc.y, width }, { font, size, color: style.color ?? COLOR.body });
}

type BulletStyle = { size?: number; color?: string; empty?: string };

const BULLET_INDENT = 14;
const shownItems = (items: readonly string[], style: BulletStyle) => (items.length > 0 ? items : [style.empty ?? 'None.']);

/** The height `bullets` will take (when nothing moves to a new page). */
export function bulletsHeight(doc: Doc, items: readonly string[], style: BulletStyle = {}): number {
  const size = style.size ?? BODY_SIZE;
  const width = contentWidth(doc) - BULLET_INDENT;
  return shownItems(items, style).reduce((sum, item) => sum + measure(doc, item, FONT.regular, size, width) + size * 0.35, 0);
}

/** Bulleted items; each item moves whole to the next page when it does not fit. */
export function bullets(doc: Doc, items: readonly string[], style: BulletStyle = {}): void {
  const size = style.size ?? BODY_SIZE;
  const color = style.color ?? COLOR.body;
  const indent = BULLET_INDENT;
  const x = contentLeft(doc);
  const width = contentWidth(doc) - indent;
  for (const item of shownItems(items, style)) {
    const height = measure(doc, item, FONT.regular, size, width);
    ensureSpace(doc, Math.min(height, usableHeight(doc)));
    const top = doc.y;
    doc.circle(x + 4, top + size * 0.42, size > 9 ? 1.9 : 1.5).fill(items.length > 0 ? COLOR.accent : COLOR.faint);
    write(doc, item, { x: x + indent, y: top, width }, { size, color: items.length > 0 ? color : COLOR.muted });
    doc.y += size * 0.35;
  }
}

export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  readonly color?: string;
}

const TILE_GAP = 10;
const TILE_PAD = 10;

/**
 * The largest size (down to 14) at which a tile's value fits on one line, else
 * the largest (down to 11) at which it fits on two without breaking a word.
 */
function valueFontSize(doc: Doc, value: string, max: number, width: number): number {
  const lines = (size: number) => {
    const oneLine = measure(doc, 'X', FONT.bold, size, width);
    const widestWord = Math.max(...toWinAnsi(value).split(/\s+/).map((word) => doc.widthOfString(word)));
    return widestWord > width ? Infinity : Math.round(measure(doc, value, FONT.bold, size, width) / oneLine);
  };
  for (let size = max; size >= 14; size--) if (lines(size) === 1) return size;
  for (let size = max; size > 11; size--) if (lines(size) <= 2) return size;
  return 11;
}

function layoutKeyFigures(doc: Doc, figures: readonly KeyFigure[], valueSize: number) {
  const tileWidth = (contentWidth(doc) - TILE_GAP * (figures.length - 1)) / figures.length;
  const inner = tileWidth - TILE_PAD * 2;
  const tiles = figures.map((figure) => {
    const size = valueFontSize(doc, figure.value, valueSize, inner);
    const valueHeight = measure(doc, figure.value, FONT.bold, size, inner);
    const noteHeight = figure.note ? measure(doc, figure.note, FONT.regular, 7.5, inner) + 2 : 0;
    return { figure, size, valueHeight, noteHeight };
  });
  const labelHeight = Math.max(...figures.map((f) => measure(doc, f.label.toUpperCase(), FONT.bold, 7, inner)));
  const height = TILE_PAD * 2 + labelHeight + 5 + Math.max(...tiles.map((t) => t.valueHeight + t.noteHeight));
  return { tileWidth, inner, tiles, labelHeight, height };
}

/** The height `keyFigureRow` takes, spacing after included. */
export const keyFigureRowHeight = (doc: Doc, figures: readonly KeyFigure[], valueSize = 20): number =>
  layoutKeyFigures(doc, figures, valueSize).height + 8;

/** A row of tiles: small caps label, large value, optional note; values shrink to fit their tile. */
export function keyFigureRow(doc: Doc, figures: readonly KeyFigure[], valueSize = 20): void {
  const { tileWidth, inner, tiles, labelHeight, height } = layoutKeyFigures(doc, figures, valueSize);
  ensureSpace(doc, height);
  const top = doc.y;
  tiles.forEach(({ figure, size, noteHeight, valueHeight }, index) => {
    const x = contentLeft(doc) + index * (tileWidth + TILE_GAP);
    doc.roundedRect(x, top, tileWidth, height, 4).fill(COLOR.panel);
    doc.rect(x, top + 8, 2.5, height - 16).fill(figure.color ?? COLOR.accent);
    write(doc, figure.label.toUpperCase(), { x: x + TILE_PAD, y: top + TILE_PAD, width: inner }, { font: FONT.bold, size: 7, color: COLOR.muted });
    const valueTop = top + TILE_PAD + labelHeight + 5;
    write(doc, figure.value, { x: x + TILE_PAD, y: valueTop, width: inner }, { font: FONT.bold, size, color: COLOR.ink });
    if (figure.note && noteHeight > 0) {
      write(doc, figure.note, { x: x + TILE_PAD, y: valueTop + valueHeight + 2, width: inner }, { size: 7.5, color: COLOR.muted });
    }
  });
  doc.y = top + height + 8;
}

type Row = { label: string; value: string };
const LABEL_WIDTH = 128;

const rowHeight = (doc: Doc, row: Row): number =>
  Math.max(
    measure(doc, row.label, FONT.bold, 9.5, LABEL_WIDTH - 10),
    measure(doc, row.value, FONT.regular, BODY_SIZE, contentWidth(doc) - LABEL_WIDTH),
  );

/** The height `labelValueRows` takes. */
export const labelValueRowsHeight = (doc: Doc, rows: readonly Row[]): number =>
  rows.reduce((sum, row) => sum + rowHeight(doc, row) + 11, 6);

/** Label / value rows separated by hairlines, the label in a fixed left column. */
export function labelValueRows(doc: Doc, rows: readonly Row[]): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const labelWidth = LABEL_WIDTH;
  const valueWidth = width - labelWidth;
  for (const row of rows) {
    const height = rowHeight(doc, row);
    ensureSpace(doc, height + 12);
    const top = doc.y + 6;
    write(doc, row.label, { x, y: top + 0.5, width: labelWidth - 10 }, { font: FONT.bold, size: 9.5, color: COLOR.muted });
    write(doc, row.value, { x: x + labelWidth, y: top, width: valueWidth }, { color: COLOR.ink });
    doc.y = top + height + 5;
    doc.rect(x, doc.y, width, 0.5).fill(COLOR.rule);
  }
  doc.y += 6;
}

/** Text in a tinted panel with an accent bar; a panel taller than a page falls back to plain text. */
const CALLOUT_PAD = 12;

export const calloutHeight = (doc: Doc, text: string): number =>
  measure(doc, text, FONT.regular, 11, contentWidth(doc) - CALLOUT_PAD * 2 - 4) + CALLOUT_PAD * 2 + 8;

export function callout(doc: Doc, text: string): void {
  const pad = CALLOUT_PAD;
  const width = contentWidth(doc);
  const height = calloutHeight(doc, text) - 8;
  if (height > usableHeight(doc)) {
    paragraph(doc, text, { size: 11, color: COLOR.ink });
    return;
  }
  ensureSpace(doc, height);
  const x = contentLeft(doc);
  const top = doc.y;
  doc.rect(x, top, width, height).fill(COLOR.accentSoft);
  doc.rect(x, top, 3.5, height).fill(COLOR.accent);
  write(doc, text, { x: x + pad + 4, y: top + pad, width: width - pad * 2 - 4 }, { size: 11, color: COLOR.ink });
  doc.y = top + height + 8;
}
