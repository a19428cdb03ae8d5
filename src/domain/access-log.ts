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

/** The parts of a view (`insights`, `individuals.burnoutRisks`, …) whose text names this person by name or login. */
export function partsNaming(view: unknown, person: Person): string[] {
  // Whole words only: `dan-dev` is not named by a sentence about `dan-dev2`.
  const needles = [person.name, person.githubUsername]
    .filter((needle) => needle.length > 0)
    .map((needle) => new RegExp(`(?<![\\p{L}\\p{N}_-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_-])`, 'iu'));
  const mentions = (node: unknown): boolean => {
    if (typeof node === 'string') return needles.some((needle) => needle.test(node));
    if (Array.isArray(node)) return node.some(mentions);
    if (typeof node === 'object' && node !== null) return Object.values(node).some(mentions);
    return false;
  };
  if (typeof view !== 'object' || view === null) return [];
  return Object.entries(view).flatMap(([field, value]) => {
    // The executive report keeps its named fields under `individuals`: say which of them.
    if (field === 'individuals' && typeof value === 'object' && value !== null) {
      return Object.entries(value).flatMap(([inner, innerValue]) => (mentions(innerValue) ? [`individuals.${inner}`] : []));
    }
    return mentions(value) ? [field] : [];
  });
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
  return input.people.flatMap((person) => {
    if (person.githubUsername.toLowerCase() === reader) return [];
    const parts = partsNaming(input.view, person);
    return parts.length ? [{ login: person.githubUsername, viewer: input.viewer, what: `${input.report}: ${parts.join(', ')}` }] : [];
  });
}
