import { randomBytes } from 'node:crypto';

/** Opaque, unguessable ids with a readable prefix (`org_…`, `usr_…`). */
export function newId(prefix: 'org' | 'usr' | 'inv' | 'aud' | 'rsv' | 'rpt' | 'acc' | 'stp'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
