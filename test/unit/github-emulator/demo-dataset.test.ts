import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET_PATH, startGithubEmulator, type GithubEmulator } from '../../../src/local/github-emulator';
import { figuresFor, type RawCommit, type RawDataset } from '../../../scripts/check-demo-dataset';

/**
 * The TechStartup story the demo dataset must tell, checked with the small
 * reference calculation in scripts/check-demo-dataset.ts (not src/domain).
 */
const LA = 'America/Los_Angeles';
const ZONES = ['UTC', LA] as const;
const ORDINARY = ['dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface DemoDataset extends RawDataset {
  anchor: string;
  anchorShift: string;
  organizations: { login: string; name: string }[];
  repositories: { owner: string; name: string }[];
  commits: (RawCommit & { committer?: string })[];
  pullRequests: (RawDataset['pullRequests'][number] & { closedAt: string | null; number: number })[];
  issues: { repo: string; author: string; createdAt: string; closedAt: string | null }[];
}

let demo: DemoDataset;
const figures = (login: string, timeZone: string, owner = 'techstartup') => figuresFor(demo, login, { owner, timeZone });

beforeAll(async () => {
  demo = JSON.parse(await readFile(DEMO_DATASET_PATH, 'utf8')) as DemoDataset;
});

describe('the demo dataset, as written', () => {
  it('is at most 2 MB, anchored at 2026-11-20T12:00Z, shifted in whole weeks', async () => {
    expect((await stat(DEMO_DATASET_PATH)).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(demo.anchor).toBe('2026-11-20T12:00:00Z');
    expect(demo.anchorShift).toBe('whole-weeks');
  });

  it('keeps every timestamp inside (anchor − 86 days, anchor − 1 hour)', () => {
    const anchor = Date.parse(demo.anchor);
    const times = [
      ...demo.commits.map((commit) => commit.date),
      ...demo.pullRequests.flatMap((pull) => [pull.createdAt, pull.mergedAt, pull.closedAt, ...(pull.reviews ?? []).map((review) => review.submittedAt)]),
      ...demo.issues.flatMap((issue) => [issue.createdAt, issue.closedAt]),
    ].filter((time): time is string => typeof time === 'string').map((time) => Date.parse(time));

    expect(Math.min(...times)).toBeGreaterThan(anchor - 86 * DAY_MS);
    expect(Math.max(...times)).toBeLessThan(anchor - HOUR_MS);
  });

  it('is what the generator writes, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-dataset-'));
    try {
      const output = join(dir, 'demo.json');
      const script = fileURLToPath(new URL('../../../scripts/generate-demo-dataset.ts', import.meta.url));
      await promisify(execFile)(process.execPath, ['--import', 'tsx', script, output]);

      expect(await readFile(output, 'utf8')).toBe(await readFile(DEMO_DATASET_PATH, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(ZONES)('gives Alice 200 commits in %s: a late-night share of exactly 0.45, a weekend share ≥ 0.25, a streak ≥ 21 days and a rising trend', (zone) => {
    const alice = figures('alice-dev', zone);

    expect(alice.commits).toBe(200);
    expect(alice.lateNight).toBe(0.45);
    expect(alice.weekend).toBeGreaterThanOrEqual(0.25);
    expect(alice.longestStreak).toBeGreaterThanOrEqual(21);
    expect(alice.lateNightLastWeeks).toBeGreaterThan(alice.lateNightFirstWeeks);
  });

  it.each(ORDINARY.flatMap((login) => ZONES.map((zone) => [login, zone])))('keeps %s ordinary in %s: 40–120 commits, late-night and weekend shares ≤ 0.05, no streak over 10 days', (login, zone) => {
    const person = figures(login, zone);

    expect(person.commits).toBeGreaterThanOrEqual(40);
    expect(person.commits).toBeLessThanOrEqual(120);
    expect(person.lateNight).toBeLessThanOrEqual(0.05);
    expect(person.weekend).toBeLessThanOrEqual(0.05);
    expect(person.longestStreak).toBeLessThanOrEqual(10);
  });

  it('gives Bob ~180 commits, small reviewed pull requests and almost no reverts', () => {
    const bob = figures('bob-senior', 'UTC');

    expect(bob.commits).toBeGreaterThanOrEqual(170);
    expect(bob.commits).toBeLessThanOrEqual(190);
    expect(bob.reviewCoverage).toBeGreaterThanOrEqual(0.9);
    expect(bob.medianPrSize).toBeLessThan(200);
    expect(bob.revertShare).toBeLessThanOrEqual(0.01);
    expect(figures('bob-senior', LA)).toMatchObject({ lateNight: 0, weekend: 0 });
  });

  it('gives Charlie ~120 commits, huge mostly unreviewed pull requests and a revert share ≥ 0.1', () => {
    const charlie = figures('charlie-junior', 'UTC');

    expect(charlie.commits).toBeGreaterThanOrEqual(110);
    expect(charlie.commits).toBeLessThanOrEqual(130);
    expect(charlie.reviewCoverage).toBeLessThanOrEqual(0.3);
    expect(charlie.medianPrSize).toBeGreaterThan(800);
    expect(charlie.revertShare).toBeGreaterThanOrEqual(0.1);
  });

  it('has Charlie\'s pull requests approved after the merge, self-approved, only commented, and with changes requested', () => {
    const charlies = demo.pullRequests.filter((pull) => pull.author === 'charlie-junior');
    const reviews = charlies.flatMap((pull) => (pull.reviews ?? []).map((review) => ({ pull, review })));

    expect(reviews.some(({ pull, review }) => review.state === 'APPROVED' && pull.mergedAt && (review.submittedAt ?? '') > pull.mergedAt)).toBe(true);
    expect(reviews.some(({ review }) => review.state === 'APPROVED' && review.reviewer === 'charlie-junior')).toBe(true);
    expect(reviews.some(({ review }) => review.state === 'CHANGES_REQUESTED')).toBe(true);
    expect(charlies.some((pull) => pull.mergedAt && (pull.reviews ?? []).length > 0 && (pull.reviews ?? []).every((review) => review.state === 'COMMENTED'))).toBe(true);
  });

  it('has Sarah approving Bob\'s pull requests, and both reviewing a lot', () => {
    const given = (login: string) => demo.pullRequests.flatMap((pull) => (pull.reviews ?? []).filter((review) => review.reviewer === login && pull.author !== login).map((review) => ({ pull, review })));

    expect(given('sarah-em').filter(({ pull, review }) => pull.author === 'bob-senior' && review.state === 'APPROVED').length).toBeGreaterThanOrEqual(20);
    expect(given('sarah-em').length).toBeGreaterThanOrEqual(30);
    expect(given('bob-senior').length).toBeGreaterThanOrEqual(30);
    expect(figures('sarah-em', 'UTC').commits).toBeLessThanOrEqual(20);
  });

  it('has bots, merge commits and unlinked commits beside the people', () => {
    const authors = new Set(demo.commits.map((commit) => commit.author));

    expect(authors).toContain('dependabot[bot]');
    expect(authors).toContain('github-actions[bot]');
    expect(demo.pullRequests.some((pull) => pull.author === 'dependabot[bot]')).toBe(true);
    expect(demo.commits.filter((commit) => (commit.parents ?? 1) >= 2 && commit.author && !commit.author.endsWith('[bot]')).length).toBeGreaterThan(10);
    expect(demo.commits.filter((commit) => commit.author === null).length).toBeGreaterThanOrEqual(3);
  });

  it('has issues from several people, some still open, a second company and repositories users own', () => {
    expect(new Set(demo.issues.map((issue) => issue.author)).size).toBeGreaterThanOrEqual(5);
    expect(demo.issues.some((issue) => issue.closedAt === null)).toBe(true);
    expect(demo.organizations.map((org) => [org.login, org.name])).toEqual([['techstartup', 'TechStartup Inc'], ['competitorcorp', 'CompetitorCorp']]);
    expect(figures('eve-competitor', 'UTC', 'competitorcorp').commits).toBeGreaterThan(20);
    expect(figures('frank-dev', 'UTC', 'competitorcorp').commits).toBeGreaterThan(20);
    expect(demo.commits.filter((commit) => commit.repo === 'bob-senior/dotfiles').length).toBeGreaterThanOrEqual(3);
    expect(demo.repositories.filter((repo) => repo.owner === 'techstartup').length).toBeGreaterThanOrEqual(4);
  });
});

describe('the demo dataset, served by the emulator weeks later', () => {
  // After a daylight-saving change and an odd hour, to show the shift keeps the story.
  const now = Date.parse('2027-03-23T03:17:42Z');
  let emulator: GithubEmulator;
  let octokit: Octokit;

  beforeAll(async () => {
    emulator = await startGithubEmulator({ port: 0, datasetPath: DEMO_DATASET_PATH, now });
    octokit = new Octokit({ baseUrl: emulator.url, auth: 'demo', log: { debug() {}, info() {}, warn() {}, error() {} } });
  });

  afterAll(async () => {
    await emulator.close();
  });

  async function servedCommits(login: string): Promise<RawCommit[]> {
    const repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org: 'techstartup', type: 'all', per_page: 100 });
    const since = new Date(now - 90 * DAY_MS).toISOString();
    const lists = await Promise.all(
      repos.map((repo) =>
        octokit
          .paginate(octokit.rest.repos.listCommits, { owner: 'techstartup', repo: repo.name, author: login, since, per_page: 100 })
          .catch((error: { status?: number }) => (error.status === 409 ? [] : Promise.reject(error))),
      ),
    );
    return lists.flat().map((commit, index) => ({
      repo: `techstartup/${index}`,
      author: commit.author?.login ?? null,
      date: commit.commit.author?.date ?? '',
      message: commit.commit.message,
      parents: commit.parents.length,
    }));
  }

  it.each(ZONES)('still gives Alice a late-night share of 0.45 in %s, all 200 commits inside the last 90 days', async (zone) => {
    const commits = await servedCommits('alice-dev');

    const alice = figuresFor({ commits, pullRequests: [] }, 'alice-dev', { owner: 'techstartup', timeZone: zone, end: now });

    expect(alice.commits).toBe(200);
    expect(alice.lateNight).toBe(0.45);
    expect(alice.longestStreak).toBeGreaterThanOrEqual(21);
  });

  it('serves the last commit within a week and an hour of now', async () => {
    const { data } = await octokit.rest.repos.listCommits({ owner: 'techstartup', repo: 'api', per_page: 1 });

    const age = now - Date.parse(data[0]?.commit.author?.date ?? '');
    expect(age).toBeGreaterThan(HOUR_MS);
    expect(age).toBeLessThan(7 * DAY_MS + 13 * HOUR_MS);
  });
});
