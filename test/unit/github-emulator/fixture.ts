import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { startGithubEmulator, type GithubEmulator, type GithubEmulatorOptions } from '../../../src/local/github-emulator';

/**
 * A small dataset written by the tests: organization `acme` with `app`
 * (75 commits by ann, one a day from 2024-12-01 10:00Z, and a merge, 5 by ben in March 2025, a bot's, a
 * merge and an unlinked one), an empty repository, and ann's own `notes`.
 */
export const DAY_MS = 86_400_000;
export const FIRST_ANN_COMMIT = Date.parse('2024-12-01T10:00:00Z');

export function fixtureDataset() {
  const annCommits = Array.from({ length: 75 }, (_, index) => ({
    repo: 'acme/app',
    sha: (index + 1).toString(16).padStart(40, 'a'),
    author: 'ann',
    date: new Date(FIRST_ANN_COMMIT + index * DAY_MS).toISOString(),
    message: `feat: step ${index + 1}`,
    parents: 1,
    additions: index,
    deletions: 1,
    files: [index % 2 === 0 ? 'src/even.ts' : 'docs/odd.md'],
  }));
  const benCommits = Array.from({ length: 5 }, (_, index) => ({
    repo: 'acme/app',
    author: 'ben',
    date: `2025-03-0${index + 1}T15:00:00Z`,
    message: index === 0 ? 'Revert "feat: step 1"' : `fix: ben ${index}`,
  }));
  return {
    organizations: [{ login: 'acme', name: 'Acme Corp' }],
    users: [
      { login: 'ann', name: 'Ann Example', email: 'ann@acme.test' },
      { login: 'ben', name: 'Ben Example', email: 'ben@acme.test' },
    ],
    repositories: [
      { owner: 'acme', name: 'app', private: true, language: 'TypeScript', createdAt: '2024-11-01T00:00:00Z' },
      { owner: 'acme', name: 'empty' },
      { owner: 'acme', name: 'site', private: false, language: 'HTML' },
      { owner: 'ann', name: 'notes', language: 'Markdown' },
    ],
    commits: [
      ...annCommits,
      ...benCommits,
      { repo: 'acme/app', author: 'renovate[bot]', date: '2025-03-10T05:00:00Z', message: 'chore(deps): update zod' },
      { repo: 'acme/app', author: 'ann', date: '2025-03-11T09:00:00Z', message: 'Merge pull request #1 from acme/ann/step', parents: 2 },
      { repo: 'acme/app', author: null, authorEmail: 'ghost@nowhere.test', date: '2025-03-12T09:00:00Z', message: 'old import' },
      { repo: 'ann/notes', author: 'ann', date: '2025-03-01T20:00:00Z', message: 'notes' },
      { repo: 'acme/site', author: 'ben', date: '2025-03-01T20:00:00Z', message: 'site' },
    ],
    pullRequests: [
      {
        repo: 'acme/app', number: 1, author: 'ann', title: 'Step one', createdAt: '2025-03-10T10:00:00Z', mergedAt: '2025-03-11T09:00:00Z',
        additions: 120, deletions: 30, changedFiles: 4,
        reviews: [
          { reviewer: 'ben', state: 'COMMENTED', submittedAt: '2025-03-10T12:00:00Z' },
          { reviewer: 'ben', state: 'APPROVED', submittedAt: '2025-03-11T08:00:00Z' },
        ],
      },
      { repo: 'acme/app', number: 2, author: 'ben', title: 'Open work', createdAt: '2025-03-12T10:00:00Z', mergedAt: null, closedAt: null },
      { repo: 'acme/app', number: 3, author: 'renovate[bot]', title: 'Update zod', createdAt: '2025-03-10T05:00:00Z', closedAt: '2025-03-13T05:00:00Z' },
    ],
    issues: [
      { repo: 'acme/app', number: 4, author: 'ann', title: 'Crash on login', createdAt: '2025-03-14T10:00:00Z', closedAt: null },
      { repo: 'acme/app', number: 5, author: 'ben', title: 'Typo', createdAt: '2025-02-14T10:00:00Z', closedAt: '2025-03-20T10:00:00Z' },
    ],
  };
}

export interface Started {
  readonly emulator: GithubEmulator;
  /** An Octokit on the emulator; `auth` makes it an authenticated client. */
  octokit(auth?: string): Octokit;
  stop(): Promise<void>;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Writes `dataset` to a file of its own and serves it on a free port. */
export async function startFixture(dataset: unknown = fixtureDataset(), options: Partial<GithubEmulatorOptions> = {}): Promise<Started> {
  const dir = await mkdtemp(join(tmpdir(), 'github-emulator-'));
  const datasetPath = join(dir, 'dataset.json');
  await writeFile(datasetPath, JSON.stringify(dataset));
  const emulator = await startGithubEmulator({ port: 0, datasetPath, controls: true, ...options });
  return {
    emulator,
    octokit: (auth?: string) => new Octokit({ baseUrl: emulator.url, log: quiet, ...(auth ? { auth } : {}) }),
    stop: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A raw GET, for what Octokit hides (headers of a 304, a 403's body). */
export function get(emulator: GithubEmulator, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${emulator.url}${path}`, { headers });
}
