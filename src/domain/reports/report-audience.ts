import { personAccess, visibleFigures, type PersonFigureKind, type PrivacySettings } from '../privacy';
import type { Role } from '../roles';
import type { Identifiable } from './anonymize';

/**
 * Who reads a report, and what they may see of each person in it: the
 * decisions reader-view.ts writes a report's view with (see its comment for
 * the rules), and the labels that stand in for the people they may not see.
 */
export interface ReportReader {
  readonly role: Role;
  /** The reader's own GitHub username, when they have one: their own figures are theirs to see. */
  readonly githubUsername?: string;
}

/** Least privileged first: what each may see of others only grows along this order (privacy.ts). */
const ROLES_BY_PRIVILEGE: readonly Role[] = ['viewer', 'member', 'admin'];

/**
 * The reader a report sent to people of these roles is rendered for: the
 * least privileged of them, and the person behind no one's figures (one
 * recipient's own figures are not the others' to see).
 */
export function leastPrivilegedReader(roles: readonly Role[]): ReportReader {
  const role = ROLES_BY_PRIVILEGE.find((candidate) => roles.includes(candidate)) ?? 'viewer';
  return { role };
}

export interface Person {
  readonly name: string;
  readonly githubUsername: string;
}

/** The kinds of figure a report holds about a person (personal insights are never in a report). */
export const REPORT_FIGURES: readonly PersonFigureKind[] = ['codeQuality', 'burnoutRisk', 'commitDetails'];
/** One reader's decisions for everyone in a report, and the labels that stand in for the people they may not see. */
export class Audience {
  /** The reader may see no one else's figures at all (privacy.ts rules 2–4). */
  readonly refused: boolean;
  private readonly own: string | undefined;
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly reader: ReportReader,
    private readonly settings: PrivacySettings,
  ) {
    this.refused = personAccess({ role: reader.role, isOwner: false }, settings).refused;
    this.own = reader.githubUsername?.toLowerCase();
  }

  private isReader(person: Person): boolean {
    return this.own !== undefined && this.own === person.githubUsername.toLowerCase();
  }

  figuresOf(person: Person): ReadonlySet<PersonFigureKind> {
    return visibleFigures({ role: this.reader.role, isOwner: this.isReader(person) }, this.settings);
  }

  sees(person: Person, ...kinds: PersonFigureKind[]): boolean {
    const figures = this.figuresOf(person);
    return kinds.every((kind) => figures.has(kind));
  }

  seesAll(person: Person): boolean {
    return this.sees(person, ...REPORT_FIGURES);
  }

  /** May the reader see this person at all: a name with no figure (a pending engineer). */
  seesName(person: Person): boolean {
    return !this.refused || this.isReader(person);
  }

  /** "Engineer A", "Engineer B", … in the order first asked for; the same person keeps their label. */
  labelOf(person: Person): string {
    const key = person.githubUsername.toLowerCase();
    const known = this.labels.get(key);
    if (known !== undefined) return known;
    const index = this.labels.size;
    const label = `Engineer ${index < 26 ? String.fromCharCode(65 + index) : index + 1}`;
    this.labels.set(key, label);
    return label;
  }

  /** `person` for a sentence about their `kind` figure: by name if the reader may see it, else by label. */
  named<P extends Person>(person: P, kind: PersonFigureKind): P {
    if (this.sees(person, kind)) return person;
    const label = this.labelOf(person);
    return { ...person, name: label, githubUsername: label };
  }

  /** Everyone of `people` the reader may see nothing of: the names the safety net looks for. */
  unseen(people: readonly Person[]): Identifiable[] {
    return people
      .filter((person) => (isAnalysed(person) ? !REPORT_FIGURES.some((kind) => this.sees(person, kind)) : !this.seesName(person)))
      .map(({ name, githubUsername }) => ({ name, githubUsername }));
  }
}

/** A pending engineer has no figure; the others carry a score. */
export function isAnalysed(person: Person): boolean {
  return 'codeQualityScore' in person || 'riskScore' in person;
}
