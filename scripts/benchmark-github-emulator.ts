/**
 * How fast the GitHub emulator loads a big dataset and answers list calls.
 *
 *   npx tsx scripts/benchmark-github-emulator.ts [commits, default 100000] [dataset path, default a synthetic one]
 *
 * Without a path it writes a synthetic dataset (one organization, 10
 * repositories, 50 authors, two years, pull requests and issues) to a temp
 * file, loads it as `npm start` would, and times page answers over HTTP.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGithubEmulator } from '../src/local/github-emulator';

export function syntheticDataset(commitCount: number) {
  const start = Date.parse('2024-11-01T00:00:00Z');
  const span = 2 * 365 * 86_400_000;
  const repos = Array.from({ length: 10 }, (_, index) => ({ owner: 'bigcorp', name: `repo-${index}`, private: true, language: 'TypeScript' }));
  const authors = Array.from({ length: 50 }, (_, index) => `dev-${index}`);
  let state = 42;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const commits = Array.from({ length: commitCount }, (_, index) => ({
    repo: `bigcorp/repo-${index % 10}`,
    sha: index.toString(16).padStart(40, '0'),
    author: authors[Math.floor(random() * authors.length)],
    date: new Date(start + Math.floor(random() * span)).toISOString(),
    message: `feat: change number ${index}\n\nWith a body line.`,
    parents: index % 50 === 0 ? 2 : 1,
    additions: Math.floor(random() * 200),
    deletions: Math.floor(random() * 50),
    files: ['src/index.ts', `src/module-${index % 97}.ts`],
  }));
  const pullRequests = Array.from({ length: Math.round(commitCount / 10) }, (_, index) => {
    const created = start + Math.floor(random() * span);
    return {
      repo: `bigcorp/repo-${index % 10}`, number: Math.floor(index / 10) + 1, author: authors[index % 50], title: `Change ${index}`,
      createdAt: new Date(created).toISOString(), mergedAt: index % 5 === 0 ? null : new Date(created + 3_600_000).toISOString(),
      additions: 100, deletions: 20, changedFiles: 3,
      reviews: [{ reviewer: authors[(index + 1) % 50], state: 'APPROVED', submittedAt: new Date(created + 1_800_000).toISOString() }],
    };
  });
  const issues = Array.from({ length: Math.round(commitCount / 50) }, (_, index) => ({
    repo: `bigcorp/repo-${index % 10}`, number: 1_000_000 + index, author: authors[index % 50], title: `Issue ${index}`,
    createdAt: new Date(start + Math.floor(random() * span)).toISOString(), closedAt: null,
  }));
  return { organizations: [{ login: 'bigcorp', name: 'Big Corp' }], repositories: repos, commits, pullRequests, issues };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timePages(url: string, paths: string[], rounds: number): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const path of paths) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers: { authorization: 'token bench' } });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const given = process.argv[3];
  const dir = await mkdtemp(join(tmpdir(), 'github-bench-'));
  try {
    const datasetPath = given ?? join(dir, 'dataset.json');
    if (!given) await writeFile(datasetPath, JSON.stringify(syntheticDataset(count)));
    const size = (await stat(datasetPath)).size;
    // Searches are limited to 30 a minute, as on GitHub; the benchmark makes more.
    const emulator = await startGithubEmulator({ port: 0, datasetPath, rateLimits: { search: { authenticated: 1_000_000 } } });
    const commits = [...emulator.store.commitsByRepo.values()].reduce((sum, list) => sum + list.length, 0);
    console.log(`Loaded ${commits} commits (${(size / 1024 / 1024).toFixed(1)} MB) in ${emulator.loadMs.toFixed(0)} ms`);
    const owner = given ? undefined : 'bigcorp';
    const repo = owner ? `${owner}/repo-3` : [...emulator.store.repositories.values()][0]?.fullName;
    const author = owner ? 'dev-7' : [...(emulator.store.commitsByRepo.get(repo?.toLowerCase() ?? '') ?? [])][0]?.author?.login ?? 'x';
    const cases: Record<string, string[]> = {
      'commits, author + since/until, per_page=100': [1, 2, 3].map((page) => `/repos/${repo}/commits?author=${author}&since=2025-06-01T00:00:00Z&until=2026-06-01T00:00:00Z&per_page=100&page=${page}`),
      'commits, no filter, deep page': [1, 50, 99].map((page) => `/repos/${repo}/commits?per_page=100&page=${page}`),
      'pulls, state=all, per_page=100': [1, 5, 10].map((page) => `/repos/${repo}/pulls?state=all&per_page=100&page=${page}`),
      'issues, creator, state=all, per_page=100': [1, 2].map((page) => `/repos/${repo}/issues?creator=${author}&state=all&per_page=100&page=${page}`),
      'search, type:pr author: org: created:>=, per_page=100': [`/search/issues?q=${encodeURIComponent(`type:pr author:${author} created:>=2025-01-01`)}&per_page=100`],
    };
    for (const [name, paths] of Object.entries(cases)) {
      await timePages(emulator.url, paths, 3);
      const { p50, p95, max } = await timePages(emulator.url, paths, 30);
      console.log(`${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
    }
    await emulator.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('benchmark-github-emulator.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
