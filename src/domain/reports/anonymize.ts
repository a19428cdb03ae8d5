/**
 * Keeping people's names out of an anonymous report. The report's own
 * sentences are built without names (structurally); this is the safety net
 * behind them, and the filter for a language model's sentences, which
 * nothing structural controls.
 *
 * Matching is case-insensitive and bounded by anything that is not a letter
 * or digit, so "Bob" is found in "Bob's" but not in "Bobcat", and a login
 * "al" not in "all". A name that is also an ordinary word ("Will", "Grant")
 * is still found as that word: such sentences are dropped, privacy first.
 */
import { AnonymizationError } from './errors';

export interface Identifiable {
  readonly name?: string;
  readonly githubUsername?: string;
  readonly email?: string;
}

export interface Identifiers {
  /** Full names, logins, emails and anything shaped like an email: nowhere in an anonymous report's text. */
  readonly strict: readonly RegExp[];
  /** `strict` plus each part of a name ("Alice", "Dev"): for sentences a model wrote. */
  readonly loose: readonly RegExp[];
}

/** Shorter name parts ("A.") are initials, which say too little and match too much. */
const MIN_NAME_PART_LENGTH = 2;
const EMAIL_LIKE = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/u;
/** Where the replaced name stood in a field that cannot be dropped (a title). */
export const WITHHELD = '[name withheld]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternOf(identifier: string): RegExp {
  const body = identifier.trim().split(/\s+/u).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

function distinct(values: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const trimmed = value?.trim() ?? '';
    if (trimmed !== '' && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}

export function identifiersOf(people: readonly Identifiable[]): Identifiers {
  const whole = distinct(people.flatMap((person) => [person.name, person.githubUsername, person.email]));
  const parts = distinct(
    people.flatMap((person) =>
      (person.name ?? '')
        .split(/[\s-]+/u)
        .map((part) => part.replace(/[^\p{L}\p{N}']/gu, ''))
        .filter((part) => [...part].length >= MIN_NAME_PART_LENGTH),
    ),
  ).filter((part) => !whole.some((identifier) => identifier.toLowerCase() === part.toLowerCase()));
  const strict = [...whole.map(patternOf), EMAIL_LIKE];
  return { strict, loose: [...strict, ...parts.map(patternOf)] };
}

export function mentionsAnyone(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

export function withoutMentions(sentences: readonly string[], patterns: readonly RegExp[]): string[] {
  return sentences.filter((sentence) => !mentionsAnyone(sentence, patterns));
}

/** Each mention replaced by WITHHELD: for fields that must stay, like a title. */
export function redact(text: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((result, pattern) => result.replace(new RegExp(pattern.source, `${pattern.flags}g`), WITHHELD), text);
}

/**
 * Every string in `value` (keys aside) that mentions someone, as a path
 * like `keyFindings.burnout.0`; `skip` names machine fields (ids, instants).
 */
export function mentionPaths(value: unknown, patterns: readonly RegExp[], skip: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (skip.has(path)) return;
    if (typeof node === 'string') {
      if (mentionsAnyone(node, patterns)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, path === '' ? String(index) : `${path}.${index}`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(value, '');
  return found;
}

/** Refuses a report that still mentions someone (see AnonymizationError). */
export function assertNoMentions(value: unknown, patterns: readonly RegExp[], skip?: ReadonlySet<string>): void {
  const paths = mentionPaths(value, patterns, skip);
  if (paths.length > 0) throw new AnonymizationError(paths);
}
