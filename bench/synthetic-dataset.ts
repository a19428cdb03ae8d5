/**
 * A GitHub dataset (github-dataset.md format) for the benchmark: one
 * organization, `people` engineers with `commitsEach` commits over the last
 * 85 days, a few pull requests, reviews and issues each. Deterministic.
 */
import { seeded as random } from '../test/support/seeded-random';

const DAY = 86_400_000;

export const BENCH_ORGANIZATION = 'benchcorp';
export const benchLogin = (index: number) => `bench-dev-${String(index).padStart(3, '0')}`;

export function syntheticDataset(people: number, commitsEach: number, now: Date) {
  const next = random(7);
  const repos = ['api', 'web', 'worker', 'infra'].map((name) => ({ owner: BENCH_ORGANIZATION, name, private: true, language: 'TypeScript', createdAt: '2024-01-01T00:00:00Z' }));
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const at = () => now.getTime() - DAY - Math.floor(next() * 84 * DAY);
  const users = Array.from({ length: people }, (_, index) => ({ login: benchLogin(index), name: `Bench Dev ${index}`, email: `${benchLogin(index)}@bench.test` }));
  const commits = [];
  const pullRequests = [];
  const issues = [];
  let sha = 0;
  for (const [index, user] of users.entries()) {
    for (let c = 0; c < commitsEach; c += 1) {
      sha += 1;
      commits.push({
        repo: `${BENCH_ORGANIZATION}/${repos[c % repos.length]?.name}`,
        sha: sha.toString(16).padStart(40, '0'),
        author: user.login,
        date: iso(at()),
        message: c % 50 === 0 ? `Revert "change ${c}"` : `feat: change ${c}`,
        parents: 1,
        additions: 10,
        deletions: 2,
        files: ['src/a.ts'],
      });
    }
    for (let p = 0; p < 10; p += 1) {
      const created = at();
      const repo = `${BENCH_ORGANIZATION}/${repos[p % repos.length]?.name}`;
      pullRequests.push({
        repo,
        number: index * 10 + p + 1,
        author: user.login,
        title: `Change ${p}`,
        createdAt: iso(created),
        mergedAt: iso(created + 6 * 3_600_000),
        closedAt: iso(created + 6 * 3_600_000),
        additions: 40 + Math.floor(next() * 200),
        deletions: 10,
        changedFiles: 3,
        reviews: [{ reviewer: benchLogin((index + 1) % people), state: 'APPROVED', submittedAt: iso(created + 3_600_000) }],
      });
    }
    issues.push({ repo: `${BENCH_ORGANIZATION}/api`, number: 100_000 + index, author: user.login, title: 'Bug', createdAt: iso(at()), closedAt: null });
  }
  return { organizations: [{ login: BENCH_ORGANIZATION, name: 'BenchCorp' }], users, repositories: repos, commits, pullRequests, issues };
}
