import { gunzipSync } from 'node:zlib';

/**
 * Stored items as an export gives them: readable (gzipped JSON decoded),
 * without the table's own bookkeeping (keys, TTL) and without anything that
 * could open a door: a secret, a hash, a token or a sealed value is never
 * exported, whatever item it is in.
 */
const SECRET_FIELD = /token|hash|secret|password|sealed|private|signature|credential/i;
const BOOKKEEPING = new Set(['PK', 'SK', 'ttl']);

/** Sort-key prefixes of items that are counters and markers of the service itself, not the organization's data. */
export const INTERNAL_PREFIXES = ['RATE#', 'ALERT#', 'ATTEMPT#', 'GHSTATE#', 'SYNCSOON#', 'EMAILS#', 'ANALYSES_STAMP'] as const;

export function isInternalItem(sortKey: string): boolean {
  return INTERNAL_PREFIXES.some((prefix) => sortKey.startsWith(prefix));
}

function readable(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    try {
      return JSON.parse(gunzipSync(value).toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
  if (value instanceof Set) return [...(value as Set<unknown>)].map(readable);
  if (Array.isArray(value)) return value.map(readable);
  if (typeof value === 'object' && value !== null) return withoutSecrets(value as Record<string, unknown>);
  return value;
}

function withoutSecrets(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([field]) => !SECRET_FIELD.test(field))
      .map(([field, value]) => [field, readable(value)] as const)
      .filter(([, value]) => value !== undefined),
  );
}

/** One stored item, exported. */
export function exportedItem(item: Record<string, unknown>): Record<string, unknown> {
  return withoutSecrets(Object.fromEntries(Object.entries(item).filter(([field]) => !BOOKKEEPING.has(field))));
}

/** What an item is, for grouping an export: its sort key's first segment (`ACT`, `AUDIT`, `MEMBER`, …). */
export function kindOf(sortKey: string): string {
  return sortKey.split('#')[0] ?? sortKey;
}
