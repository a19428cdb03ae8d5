import { createHash } from 'node:crypto';

/**
 * Ids the dataset does not give: derived from names, so the same dataset
 * always gets the same ids, and adding a user does not renumber the others.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Ranges like GitHub's (user ids in the millions, repositories and pull requests far above). */
const RANGES = {
  account: [1_000_000, 99_000_000],
  repository: [100_000_000, 900_000_000],
  pull: [1_000_000_000, 1_000_000_000],
  issue: [2_000_000_000, 1_000_000_000],
  review: [3_000_000_000, 1_000_000_000],
  deployment: [4_000_000_000, 1_000_000_000],
  deploymentStatus: [5_000_000_000, 1_000_000_000],
} as const;

export type IdKind = keyof typeof RANGES;

export class IdAllocator {
  private readonly taken = new Map<IdKind, Set<number>>();

  /** `given` wins when the dataset has one; a collision moves to the next free id. */
  allocate(kind: IdKind, key: string, given?: number): number {
    const taken = this.taken.get(kind) ?? new Set<number>();
    this.taken.set(kind, taken);
    const [base, span] = RANGES[kind];
    let id = given ?? base + (fnv1a(`${kind}:${key.toLowerCase()}`) % span);
    while (taken.has(id)) id += 1;
    taken.add(id);
    return id;
  }
}

/**
 * GitHub's legacy global node id: base64 of `0<length of type>:<Type><id>`, e.g. `MDQ6VXNlcjE=`
 * (`04:User1`) for user 1 and `MDEwOkRlcGxveW1lbnQx` (`010:Deployment1`) for deployment 1.
 */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** GitHub writes times in UTC with seconds and no fraction: `2025-01-20T07:15:00Z`. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isBotLogin(login: string): boolean {
  return login.toLowerCase().endsWith('[bot]');
}
