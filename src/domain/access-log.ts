import type { PersonFigureKind } from './privacy';
import type { Role } from './roles';

/**
 * What a person's access log says of one read by someone else: who (name
 * and role, as they were at the read) and what they were shown. Pure: the
 * callers know the reader, the view they were given and the people in it.
 */
export interface AccessViewer {
  readonly name: string;
  readonly role: Role;
}

export interface AccessRecord {
  /** Whose log it goes into: the person read about, by GitHub login. */
  readonly login: string;
  readonly viewer: AccessViewer;
  readonly what: string;
}

interface Person {
  readonly name: string;
  readonly githubUsername: string;
}

/** `GET /ai/code-quality/{login}` by someone else: the kinds of figure the privacy rules let them see. */
export function analysisReadWhat(figures: ReadonlySet<PersonFigureKind>): string {
  return figures.size ? `analysis: ${[...figures].join(', ')}` : 'analysis: no figures';
}

/** Everyone a stored report holds (any object with a name and a GitHub login), once each by login. */
export function peopleIn(value: unknown): Person[] {
  const found = new Map<string, Person>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { name, githubUsername } = node as Record<string, unknown>;
    if (typeof name === 'string' && typeof githubUsername === 'string' && githubUsername !== '') {
      found.set(githubUsername.toLowerCase(), { name, githubUsername });
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return [...found.values()];
}

/** A view's text by part (`insights`, `individuals.burnoutRisks`, …), read once for everyone it may name. */
type ViewText = readonly (readonly [part: string, text: string])[];

function textOf(node: unknown, into: string[]): void {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) node.forEach((item) => textOf(item, into));
  else if (typeof node === 'object' && node !== null) Object.values(node).forEach((value) => textOf(value, into));
}

function viewTextOf(view: unknown): ViewText {
  if (typeof view !== 'object' || view === null) return [];
  const joined = (value: unknown) => {
    const strings: string[] = [];
    textOf(value, strings);
    return strings.join('\n');
  };
  return Object.entries(view).flatMap(([field, value]): [string, string][] => {
    // The executive report keeps its named fields under `individuals`: say which of them.
    if (field === 'individuals' && typeof value === 'object' && value !== null) {
      return Object.entries(value).map(([inner, innerValue]) => [`individuals.${inner}`, joined(innerValue)]);
    }
    return [[field, joined(value)]];
  });
}

function partsNamingIn(text: ViewText, person: Person): string[] {
  // Whole words only: `dan-dev` is not named by a sentence about `dan-dev2`.
  const needles = [person.name, person.githubUsername]
    .filter((needle) => needle.length > 0)
    .map((needle) => new RegExp(`(?<![\\p{L}\\p{N}_-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_-])`, 'iu'));
  return text.filter(([, content]) => needles.some((needle) => needle.test(content))).map(([part]) => part);
}

/** The parts of a view (`insights`, `individuals.burnoutRisks`, …) whose text names this person by name or login. */
export function partsNaming(view: unknown, person: Person): string[] {
  return partsNamingIn(viewTextOf(view), person);
}

/**
 * One record per person the reader's view of a report names (never the
 * reader themself, nor anyone they saw only as "Engineer A"), saying which
 * parts named them.
 */
export function reportAccessRecords(input: {
  readonly view: unknown;
  readonly people: readonly Person[];
  readonly viewer: AccessViewer;
  readonly readerLogin?: string | undefined;
  readonly report: string;
}): AccessRecord[] {
  const reader = input.readerLogin?.toLowerCase();
  const text = viewTextOf(input.view);
  return input.people.flatMap((person) => {
    if (person.githubUsername.toLowerCase() === reader) return [];
    const parts = partsNamingIn(text, person);
    return parts.length ? [{ login: person.githubUsername, viewer: input.viewer, what: `${input.report}: ${parts.join(', ')}` }] : [];
  });
}
