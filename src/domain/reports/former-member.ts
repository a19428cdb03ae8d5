import { identifiersOf, mentionsAnyone, redact, type Identifiable } from './anonymize';

/**
 * A stored report once someone it names has left the organization: it keeps
 * only aggregates of them (api-contract.md, "People's own data"). Every
 * entry that is that person (an object with their GitHub login) goes: out
 * of a list, or `null` in a field; every sentence of a list that names them
 * goes; any other text that names them has the name withheld. Counts,
 * averages, distributions and charts are untouched, so the figures of the
 * team stay what they were. Pure: `value` is not changed.
 */
export function withoutFormerMember<T>(value: T, person: Identifiable): T {
  const login = person.githubUsername?.toLowerCase();
  const patterns = identifiersOf([person]).strict;
  const isPerson = (node: unknown): boolean =>
    typeof node === 'object' && node !== null && login !== undefined && String((node as Record<string, unknown>)['githubUsername'] ?? '').toLowerCase() === login;
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return mentionsAnyone(node, patterns) ? redact(node, patterns) : node;
    if (Array.isArray(node)) {
      return node.filter((item) => !isPerson(item) && !(typeof item === 'string' && mentionsAnyone(item, patterns))).map(visit);
    }
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([field, item]) => [field, isPerson(item) ? null : visit(item)]));
    }
    return node;
  };
  return visit(value) as T;
}

/** Whether a stored report names this person at all (by login or full name). */
export function namesPerson(value: unknown, person: Identifiable): boolean {
  return mentionsAnyone(JSON.stringify(value), identifiersOf([person]).strict);
}
