/**
 * The demo dataset's key figures, computed straight from the file by a small
 * reference calculation of /work/shared/metrics.md written here on purpose
 * (not src/domain), so the data and the product's metrics are checked
 * against each other rather than against themselves.
 *
 *   npx tsx scripts/check-demo-dataset.ts [path]     prints one row per person
 *
 * test/unit/github-emulator/demo-dataset.test.ts asserts the story with it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RawCommit { repo: string; author: string | null; date: string; message: string; parents?: number }
export interface RawReview { reviewer: string; state: string; submittedAt?: string | null }
export interface RawPull { repo: string; author: string; createdAt: string; mergedAt?: string | null; additions?: number; deletions?: number; reviews?: RawReview[] }
export interface RawDataset { anchor?: string; commits: RawCommit[]; pullRequests: RawPull[] }

const DAY_MS = 86_400_000;

export interface Figures {
  readonly commits: number;
  readonly lateNight: number;
  readonly weekend: number;
  readonly longestStreak: number;
  /** Late-night share of the commits in the first and the last four weeks of this person's activity. */
  readonly lateNightFirstWeeks: number;
  readonly lateNightLastWeeks: number;
  readonly pullRequests: number;
  readonly mergedPullRequests: number;
  readonly medianPrSize: number | null;
  readonly reviewCoverage: number | null;
  readonly revertShare: number;
  /** Reviews submitted in the window on others' pull requests in scope. */
  readonly reviewsGiven: number;
}

function localParts(time: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', weekday: 'short',
  }).formatToParts(new Date(time));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return {
    hour: Number(part('hour')),
    weekend: ['Sat', 'Sun'].includes(part('weekday')),
    day: Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day'))) / DAY_MS,
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * metrics.md for one login: repositories in scope are `owner`'s, the window
 * is the `windowDays` days ending at `end` (default: the dataset's anchor).
 */
export function figuresFor(dataset: RawDataset, login: string, options: { owner: string; timeZone: string; end?: number; windowDays?: number }): Figures {
  const end = options.end ?? Date.parse(dataset.anchor ?? new Date().toISOString());
  const start = end - (options.windowDays ?? 90) * DAY_MS;
  const inWindow = (time: string) => Date.parse(time) >= start && Date.parse(time) <= end;
  const inScope = (repo: string) => repo.split('/')[0]?.toLowerCase() === options.owner.toLowerCase();

  const counted = dataset.commits.filter(
    (commit) => commit.author === login && inScope(commit.repo) && (commit.parents ?? 1) < 2 && inWindow(commit.date),
  );
  const local = counted.map((commit) => ({ ...localParts(commit.date, options.timeZone), time: Date.parse(commit.date) }));
  const late = (hour: number) => hour >= 22 || hour < 6;
  const days = [...new Set(local.map((entry) => entry.day))].sort((a, b) => a - b);
  let longestStreak = 0;
  let run = 0;
  days.forEach((day, index) => {
    run = index > 0 && day === (days[index - 1] as number) + 1 ? run + 1 : 1;
    longestStreak = Math.max(longestStreak, run);
  });
  const first = Math.min(...local.map((entry) => entry.time));
  const last = Math.max(...local.map((entry) => entry.time));
  const firstWeeks = local.filter((entry) => entry.time < first + 28 * DAY_MS);
  const lastWeeks = local.filter((entry) => entry.time > last - 28 * DAY_MS);

  const pulls = dataset.pullRequests.filter((pull) => pull.author === login && inScope(pull.repo) && inWindow(pull.createdAt));
  const merged = pulls.filter((pull) => pull.mergedAt);
  const covered = merged.filter((pull) =>
    (pull.reviews ?? []).some(
      (review) => review.state === 'APPROVED' && review.reviewer !== login && review.submittedAt && Date.parse(review.submittedAt) < Date.parse(pull.mergedAt as string),
    ),
  );

  return {
    commits: counted.length,
    lateNight: share(local.filter((entry) => late(entry.hour)).length, local.length),
    weekend: share(local.filter((entry) => entry.weekend).length, local.length),
    longestStreak,
    lateNightFirstWeeks: share(firstWeeks.filter((entry) => late(entry.hour)).length, firstWeeks.length),
    lateNightLastWeeks: share(lastWeeks.filter((entry) => late(entry.hour)).length, lastWeeks.length),
    pullRequests: pulls.length,
    mergedPullRequests: merged.length,
    medianPrSize: median(pulls.map((pull) => (pull.additions ?? 0) + (pull.deletions ?? 0))),
    reviewCoverage: merged.length === 0 ? null : covered.length / merged.length,
    revertShare: share(counted.filter((commit) => /^revert/i.test(commit.message.split('\n')[0] ?? '')).length, counted.length),
    reviewsGiven: dataset.pullRequests
      .filter((pull) => pull.author !== login && inScope(pull.repo))
      .flatMap((pull) => pull.reviews ?? [])
      .filter((review) => review.reviewer === login && review.submittedAt && inWindow(review.submittedAt)).length,
  };
}

export const DEMO_PEOPLE = [
  ...['sarah-em', 'bob-senior', 'charlie-junior', 'alice-dev', 'dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev']
    .map((login) => ({ login, owner: 'techstartup' })),
  { login: 'eve-competitor', owner: 'competitorcorp' },
  { login: 'frank-dev', owner: 'competitorcorp' },
];

function main(): void {
  const path = process.argv[2] ?? fileURLToPath(new URL('../data/github/demo-dataset.json', import.meta.url));
  const dataset = JSON.parse(readFileSync(path, 'utf8')) as RawDataset;
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
  const rows = DEMO_PEOPLE.map(({ login, owner }) => {
    const utc = figuresFor(dataset, login, { owner, timeZone: 'UTC' });
    const la = figuresFor(dataset, login, { owner, timeZone: 'America/Los_Angeles' });
    return {
      login, commits: utc.commits, 'late UTC': percent(utc.lateNight), 'late LA': percent(la.lateNight), 'weekend UTC': percent(utc.weekend),
      'weekend LA': percent(la.weekend), 'streak UTC/LA': `${utc.longestStreak}/${la.longestStreak}`,
      'late trend UTC': `${percent(utc.lateNightFirstWeeks)}→${percent(utc.lateNightLastWeeks)}`,
      'late trend LA': `${percent(la.lateNightFirstWeeks)}→${percent(la.lateNightLastWeeks)}`, PRs: utc.pullRequests, merged: utc.mergedPullRequests,
      'median size': utc.medianPrSize ?? '—', coverage: percent(utc.reviewCoverage), reverts: percent(utc.revertShare), 'reviews given': utc.reviewsGiven,
    };
  });
  console.table(rows);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
