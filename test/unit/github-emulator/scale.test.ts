import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithubEmulator, type GithubEmulator } from '../../../src/local/github-emulator';
import { syntheticDataset } from '../../../scripts/benchmark-github-emulator';

/**
 * The emulator at the bench's scale answers filtered pages correctly. How
 * fast is measured, not asserted: scripts/benchmark-github-emulator.ts gives
 * the figures (about 1 s to load 100,000 commits, a few ms a page), since a
 * timed test fails on a busy machine and proves nothing on an idle one.
 */
let dir: string;
let emulator: GithubEmulator;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'github-scale-'));
  const datasetPath = join(dir, 'big.json');
  await writeFile(datasetPath, JSON.stringify(syntheticDataset(100_000)));
  emulator = await startGithubEmulator({ port: 0, datasetPath });
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the GitHub emulator with 100,000 commits', () => {
  it('loads every one of them', () => {
    expect([...emulator.store.commitsByRepo.values()].reduce((sum, list) => sum + list.length, 0)).toBe(100_000);
  });

  it('answers filtered pages of 100 commits, page after page', async () => {
    const paths = [
      '/repos/bigcorp/repo-3/commits?since=2025-06-01T00:00:00Z&until=2026-06-01T00:00:00Z&per_page=100&page=7',
      '/repos/bigcorp/repo-3/commits?author=dev-7&per_page=100',
    ];
    await fetch(`${emulator.url}${paths[0]}`).then((response) => response.arrayBuffer());
    for (let round = 0; round < 20; round += 1) {
      const response = await fetch(`${emulator.url}${paths[round % 2]}`, { headers: { authorization: 'token scale' } });
      const page = (await response.json()) as unknown[];
      expect(page).toHaveLength(100);
    }
  });
});
