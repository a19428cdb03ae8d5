/** Words for the demo dataset's commits, pull requests and issues. */
type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const AREAS = ['orders', 'billing', 'auth', 'search', 'dashboard', 'settings', 'push', 'payments', 'email', 'reports', 'deploy', 'cache'];
const TIDY = [
  'handle empty %s payload', 'add retries to %s client', 'cover %s edge cases with tests', 'extract %s validation', 'log %s failures with context',
  'paginate %s results', 'remove dead %s code', 'speed up %s query', 'document %s endpoints', 'guard %s against nulls', 'rename %s helpers',
];
const BIG = [
  'rewrite %s', 'new %s module', 'big refactor of %s', 'move %s to the new framework', 'add everything for %s', 'redo %s screens',
];
const SLOPPY = ['wip', 'fix stuff', 'more fixes', 'oops', 'try again', 'fix build', 'fix %s', 'update %s'];
const KINDS = ['feat', 'fix', 'refactor', 'test', 'chore', 'perf'] as const;

export function commitMessage(login: string, random: Random): string {
  const area = pick(random, AREAS);
  if (login === 'charlie-junior') {
    const text = random() < 0.35 ? pick(random, SLOPPY) : `${pick(random, ['feat', 'fix'])}: ${pick(random, BIG)}`;
    return text.replace('%s', area);
  }
  const kind = pick(random, KINDS);
  const subject = `${kind}(${area}): ${pick(random, TIDY).replace('%s', area)}`;
  return random() < 0.3 ? `${subject}\n\n${pick(random, ['Found in production logs.', 'Follow-up to the review.', 'Keeps the handler small.', 'Needed for the next release.'])}` : subject;
}

export function prTitle(login: string, random: Random): string {
  const area = pick(random, AREAS);
  const words = login === 'charlie-junior' ? pick(random, BIG) : pick(random, TIDY);
  const text = words.replace('%s', area);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ISSUES: readonly (readonly [string, readonly string[]])[] = [
  ['Crash on login with an expired session', ['bug']], ['Orders page slow with 10k rows', ['performance']], ['Add CSV export for reports', ['enhancement']],
  ['Flaky test in billing suite', ['bug', 'tests']], ['Push notifications arrive twice', ['bug']], ['Document the webhook retries', ['documentation']],
  ['Upgrade Node to 22', ['chore']], ['Dark mode for the dashboard', ['enhancement']], ['Search ignores accents', ['bug']],
  ['Alarm on high p99 latency', ['ops']], ['Rate limit the public API', ['enhancement', 'security']], ['Rotate database credentials', ['security', 'ops']],
];

export function issueTitle(random: Random): [string, string[]] {
  const [title, labels] = pick(random, ISSUES);
  return [title, [...labels]];
}

export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}
