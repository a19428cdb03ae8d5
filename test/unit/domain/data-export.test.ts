import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportedItem, isInternalItem, kindOf } from '../../../src/domain/data-export';

describe('exported items', () => {
  it('It should decode gzipped JSON and drop the keys and TTL', () => {
    const item = { PK: 'ORG#o', SK: 'GITHUB_DATA#bob', ttl: 1, analysis: gzipSync(JSON.stringify({ score: 9 })), login: 'bob' };
    expect(exportedItem(item)).toEqual({ analysis: { score: 9 }, login: 'bob' });
  });

  it.each(['tokenHash', 'codeHash', 'refreshToken', 'sealedSession', 'secret', 'passwordHash', 'privateKey', 'signature'])(
    'It should never export a field named %s, however deep',
    (field) => {
      expect(exportedItem({ [field]: 'x', nested: { [field]: 'y', kept: 1 } })).toEqual({ nested: { kept: 1 } });
    },
  );

  it.each([
    ['RATE#123', true],
    ['ALERT#usr', true],
    ['GHSTATE#abc', true],
    ['ACT#bob#2026-11#o/r', false],
    ['AUDIT#2026', false],
  ])('It should tell the service\'s own markers (%s: %s) from the organization\'s data', (sortKey, internal) => {
    expect(isInternalItem(sortKey)).toBe(internal);
  });

  it('It should group by the first segment of the sort key', () => {
    expect(kindOf('ACT#bob#2026-11#o/r')).toBe('ACT');
    expect(kindOf('GHCONNECTION')).toBe('GHCONNECTION');
  });
});
