/**
 * Metrics and scores over 100,000 synthetic commits, timed in this process:
 * part of `npm run bench` (bench/run.ts), or alone with
 * `npx tsx bench/metrics.bench.ts [timezone]`.
 */
import type { Activity, CommitRecord, GivenReviewRecord, IssueRecord, PullRequestRecord } from '../src/domain/activity';
import { computeMetrics } from '../src/domain/metrics';
import { personalInsights, scoreBurnout, scoreCodeQuality } from '../src/domain/scores';
import { seeded as random } from '../test/support/seeded-random';

const COMMITS = 100_000;
const PULL_REQUESTS = 5_000;
const RUNS = 5;
const now = new Date('2026-03-20T12:00:00Z');

export function syntheticActivity(): Activity {
  const next = random(42);
  const span = 100 * 86_400_000; // a little beyond the 90-day window, as a collector may send
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const commits: CommitRecord[] = [];
  for (let i = 0; i < COMMITS; i++) {
    commits.push({
      repo: `techstartup/repo-${i % 12}`,
      sha: i.toString(16).padStart(40, '0'),
      authorLogin: i % 50 === 0 ? 'someone-else' : i % 3 === 0 ? 'Alice-Dev' : 'alice-dev',
      authoredAt: iso(now.getTime() - Math.floor(next() * span)),
      message: i % 40 === 0 ? 'Revert "feat: something"\n\nThis reverts commit abc.' : `feat: change ${i}\n\nbody`,
      parents: i % 25 === 0 ? 2 : 1,
    });
  }
  const pullRequests: PullRequestRecord[] = [];
  for (let i = 0; i < PULL_REQUESTS; i++) {
    const created = now.getTime() - Math.floor(next() * span);
    const merged = next() < 0.8 ? created + Math.floor(next() * 5 * 86_400_000) : null;
    pullRequests.push({
      repo: `techstartup/repo-${i % 12}`,
      number: i,
      authorLogin: 'alice-dev',
      createdAt: iso(created),
      mergedAt: merged === null ? null : iso(merged),
      closedAt: merged === null ? null : iso(merged),
      additions: Math.floor(next() * 800),
      deletions: Math.floor(next() * 300),
      changedFiles: 1 + Math.floor(next() * 20),
      reviews: [
        { reviewerLogin: 'bob-senior', state: next() < 0.7 ? 'APPROVED' : 'COMMENTED', submittedAt: iso(created + 3_600_000) },
      ],
    });
  }
  const reviewsGiven: GivenReviewRecord[] = Array.from({ length: 2_000 }, (_, i) => ({
    repo: 'techstartup/api',
    pullNumber: i,
    pullAuthorLogin: 'bob-senior',
    state: 'APPROVED',
    submittedAt: iso(now.getTime() - Math.floor(next() * span)),
  }));
  const issues: IssueRecord[] = Array.from({ length: 500 }, (_, i) => ({
    repo: 'techstartup/api',
    number: 10_000 + i,
    authorLogin: 'alice-dev',
    createdAt: iso(now.getTime() - Math.floor(next() * span)),
  }));
  return { login: 'alice-dev', commits, pullRequests, reviewsGiven, issues };
}

/** Median of RUNS timings of computeMetrics + both scores + insights, in ms. */
export function measureMetrics100k(timezone = 'America/Los_Angeles'): { medianMs: number; runs: number[]; summary: string } {
  const activity = syntheticActivity();
  const runs: number[] = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { metrics, facts } = computeMetrics({ activity, now, timezone });
    const burnout = scoreBurnout(facts);
    const quality = scoreCodeQuality(facts);
    personalInsights(facts);
    runs.push(performance.now() - started);
    summary = `${metrics.totalCommits} counted commits, ${metrics.totalPRs} PRs, burnout ${burnout.riskScore}, quality ${quality.overallScore}`;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(RUNS / 2)] ?? 0, runs, summary };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const timezone = process.argv[2] ?? 'America/Los_Angeles';
  const { medianMs, runs, summary } = measureMetrics100k(timezone);
  console.log(`timezone ${timezone}; ${summary}`);
  console.log(`runs (ms): ${runs.map((ms) => ms.toFixed(1)).join(', ')}`);
  console.log(`metrics100kMs (median of ${RUNS}): ${medianMs.toFixed(1)}`);
}
