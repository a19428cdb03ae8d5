/**
 * Formatting for the PDF, locale- and time-zone-free so that one report always
 * renders the same bytes, whatever machine or Lambda renders it.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "25 November 2026", in UTC. */
export function formatLongDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An ISO date or timestamp ("2025-01-06", "2025-01-06T09:00:00Z"); `Date` alone accepts far more. */
function parseIsoDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "31 March 2025" for an ISO date; other text unchanged. */
export function formatIsoDate(value: string): string {
  const date = parseIsoDate(value);
  return date ? formatLongDate(date) : value;
}

/** "6 Jan" for a week's start ("2025-01-06"); other text unchanged. */
export function formatWeekLabel(value: string): string {
  const date = parseIsoDate(value);
  return date ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]?.slice(0, 3)}` : value;
}

/** "8,234"; written out because `toLocaleString` depends on the runtime's ICU data. */
export function formatInteger(value: number): string {
  const rounded = Math.round(value);
  const digits = Math.abs(rounded).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** One decimal, as the analysis reports scores: "7.4". */
export function formatScore(value: number): string {
  return value.toFixed(1);
}

/**
 * Symbols the analysis text may carry that the standard PDF fonts cannot
 * show, with the closest text they can.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '≥': '>=', '≤': '<=', '≠': '!=', '≈': '~', '→': '->', '←': '<-', '↑': 'up', '↓': 'down',
  '−': '-', '‐': '-', '‑': '-', '‒': '-', '―': '—', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ',
  '′': "'", '″': '"', '✓': 'ok', '✔': 'ok', '✗': 'x', '✘': 'x',
};

/** Characters above U+00FF that WinAnsi (the standard fonts' encoding) still has. */
const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœšŠŸŽž˜');

/** Emoji (with their variation selectors and joiners) and the space after them. */
const EMOJI = /[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}]+ ?/gu;

/**
 * Makes text safe for the standard 14 fonts (Helvetica), which pdfkit encodes
 * as WinAnsi: characters outside it would come out as garbage glyphs and as
 * unextractable text. Emoji are dropped, accents kept where Latin-1 has them
 * and otherwise stripped ("ł" stays "?" rather than a wrong glyph).
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(EMOJI, '')) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a) out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRAS.has(char)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : '?';
    }
  }
  return out.trim();
}
