import { GraphqlFieldError } from './errors';

/**
 * Relay connections as GitHub pages them: `first`/`after` forwards,
 * `last`/`before` backwards, opaque base64 cursors that round-trip, and
 * `pageInfo` saying whether anything lies either side of the page.
 * (`first`/`last` being given and ≤ 100 is checked before execution, in cost.ts.)
 */
export interface PageArgs {
  readonly first?: number | null;
  readonly last?: number | null;
  readonly after?: string | null;
  readonly before?: string | null;
}

/** How a connection names a position: a cursor for the item at `index`, and back to an index (undefined: not a cursor of this list). */
export interface Cursors<T> {
  encode(item: T, index: number): string;
  decode(cursor: string, items: readonly T[]): number | undefined;
}

/** MessagePack of one unsigned integer, the body of GitHub's `cursor:v2:` cursors. */
function msgpackUint(value: number): Buffer {
  if (value < 0x80) return Buffer.from([value]);
  if (value < 0x100) return Buffer.from([0xcc, value]);
  if (value < 0x10000) return Buffer.from([0xcd, value >> 8, value & 0xff]);
  const body = Buffer.alloc(value < 2 ** 32 ? 5 : 9);
  if (value < 2 ** 32) {
    body[0] = 0xce;
    body.writeUInt32BE(value, 1);
  } else {
    body[0] = 0xcf;
    body.writeBigUInt64BE(BigInt(value), 1);
  }
  return body;
}

function readMsgpackUint(bytes: Buffer): number | undefined {
  const [tag = -1] = bytes;
  if (tag < 0x80 && bytes.length === 1) return tag;
  if (tag === 0xcc && bytes.length === 2) return bytes.readUInt8(1);
  if (tag === 0xcd && bytes.length === 3) return bytes.readUInt16BE(1);
  if (tag === 0xce && bytes.length === 5) return bytes.readUInt32BE(1);
  if (tag === 0xcf && bytes.length === 9) return Number(bytes.readBigUInt64BE(1));
  return undefined;
}

const V2 = 'cursor:v2:';

/** GitHub's `cursor:v2:` + a MessagePack array of one number (`Y3Vyc29yOnYyOpHO…`). */
export function encodeKey(key: number): string {
  return Buffer.concat([Buffer.from(V2), Buffer.from([0x91]), msgpackUint(key)]).toString('base64');
}

export function decodeKey(cursor: string): number | undefined {
  const bytes = Buffer.from(cursor, 'base64');
  if (bytes.subarray(0, V2.length).toString('latin1') !== V2 || bytes[V2.length] !== 0x91) return undefined;
  return readMsgpackUint(bytes.subarray(V2.length + 1));
}

/** Cursors naming an item by a stable key (its database id), so an item added meanwhile does not shift the next page. */
export function keyCursors<T>(keyOf: (item: T) => number): Cursors<T> {
  return {
    encode: (item) => encodeKey(keyOf(item)),
    decode: (cursor, items) => {
      const key = decodeKey(cursor);
      const index = key === undefined ? -1 : items.findIndex((item) => keyOf(item) === key);
      return index < 0 ? undefined : index;
    },
  };
}

/** Cursors naming an item by its place in the list (labels; a page of a fixed list). */
export const indexCursors: Cursors<unknown> = {
  encode: (_item, index) => encodeKey(index),
  decode: (cursor, items) => {
    const index = decodeKey(cursor);
    return index !== undefined && index < items.length ? index : undefined;
  },
};

export interface Connection<T> {
  readonly totalCount: number;
  readonly nodes: readonly T[];
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
}

function position<T>(cursor: string | null | undefined, items: readonly T[], cursors: Cursors<T>): number | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const index = cursors.decode(cursor, items);
  if (index === undefined) throw new GraphqlFieldError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
  return index;
}

export function connection<T>(items: readonly T[], args: PageArgs, cursors: Cursors<T>): Connection<T> {
  const after = position(args.after, items, cursors);
  const before = position(args.before, items, cursors);
  let start = after === undefined ? 0 : after + 1;
  let end = before === undefined ? items.length : Math.max(start, before);
  if (typeof args.first === 'number') end = Math.min(end, start + args.first);
  if (typeof args.last === 'number') start = Math.max(start, end - args.last);
  const edges = items.slice(start, end).map((node, offset) => ({ cursor: cursors.encode(node, start + offset), node }));
  return {
    totalCount: items.length,
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
