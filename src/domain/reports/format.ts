/** Number and list formatting shared by the team analysis and the executive report's sentences. */

/** A 0..10 score as shown in sentences: always one decimal ("8.0/10", not "8/10"). */
export function score(value: number): string {
  return value.toFixed(1);
}

export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A 0..1 share as a whole percent. */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/** "1 engineer", "2 engineers". */
export function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${integer(value)} ${value === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "8.1" for one value or equal ones, "7.2–8.1" for a range. */
export function scoreRange(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? score(low) : `${score(low)}–${score(high)}`;
}

/** Ordering of GitHub logins that does not depend on the runtime's locale. */
export function compareLogins(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
