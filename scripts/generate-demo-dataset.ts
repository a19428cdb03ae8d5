/**
 * Writes data/github/demo-dataset.json, the TechStartup story for the GitHub
 * emulator (format: /work/shared/github-dataset.md). Deterministic: the same
 * seed writes the same bytes, so the output is committed and only changes
 * when this script does.
 *
 *   npx tsx scripts/generate-demo-dataset.ts [output path, default data/github/demo-dataset.json]
 *
 * Then check the story still holds: npx vitest run test/unit/github-emulator/demo-dataset.test.ts
 * (or npx tsx scripts/check-demo-dataset.ts for the figures as a table).
 *
 * Everything happens between 2026-09-01 and 2026-11-19 (UTC), before the
 * anchor 2026-11-20T12:00Z, and the dataset asks for `anchorShift:
 * "whole-weeks"`: moved by whole weeks, every commit keeps its weekday and
 * UTC hour, so late-night and weekend shares survive the shift, and 80 days
 * plus at most a week of shift stay inside a 90-day window.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ORG, PEOPLE, REPOSITORIES, type Person, type Plan } from './demo-dataset/cast';
import { ALL_DAYS, at, chance, DAY0, DAY_MS, DAYS, END, int, isWeekend, iso, MINUTE_MS, officeAfter, officeMinute, pick, random, WEEKDAYS, WEEKEND_DAYS } from './demo-dataset/calendar';
import { releaseTrain } from './demo-dataset/deployments';
import { commitMessage, issueTitle, prTitle, slug } from './demo-dataset/texts';

const OUTPUT = process.argv[2] ?? fileURLToPath(new URL('../data/github/demo-dataset.json', import.meta.url));
const ANCHOR = '2026-11-20T12:00:00Z';
interface CommitRecord { repo: string; sha: string; author: string | null; authorName?: string; authorEmail?: string; committer?: string;
  date: string; message: string; parents: number; additions: number; deletions: number; files: string[] }
interface ReviewRecord { reviewer: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; submittedAt: string; body?: string }
interface PullRecord { repo: string; number: number; author: string; title: string; createdAt: string; mergedAt: string | null;
  closedAt: string | null; mergedBy?: string; headRef: string; additions: number; deletions: number; changedFiles: number;
  commits: number; comments: number; reviews: ReviewRecord[] }
interface IssueRecord { repo: string; number: number; author: string; title: string; createdAt: string; closedAt: string | null; labels: string[] }

const commits: CommitRecord[] = [];
const pulls: PullRecord[] = [];
const issues: IssueRecord[] = [];
let shaCounter = 0;
const newSha = (repo: string) => createHash('sha1').update(`${repo}:${(shaCounter += 1)}`).digest('hex');

function addCommit(repo: string, author: string | null, time: number, message: string, size: readonly [number, number], extra: Partial<CommitRecord> = {}): CommitRecord {
  const total = int(size[0], size[1]);
  const additions = Math.round(total * (0.55 + random() * 0.35));
  const repoInfo = REPOSITORIES.find((entry) => entry.fullName === repo);
  const files = Array.from({ length: int(1, 4) }, () => pick(repoInfo?.files ?? ['README.md']));
  const record: CommitRecord = { repo, sha: newSha(repo), author, date: iso(time), message, parents: 1, additions, deletions: total - additions,
    files: [...new Set(files)], ...extra };
  commits.push(record);
  return record;
}

/** Commit times of an ordinary week: weekdays, office hours, plus a stray weekend or evening commit if asked. */
function ordinaryTimes(count: number, options: { weekend?: number; lateUtc?: number; activeShare?: number } = {}): number[] {
  const active = WEEKDAYS.filter(() => chance(options.activeShare ?? 0.6));
  const times = Array.from({ length: count - (options.weekend ?? 0) - (options.lateUtc ?? 0) }, () => at(pick(active), officeMinute()));
  // Saturday or Sunday 17:00–20:00 UTC: the weekend in both zones.
  for (let index = 0; index < (options.weekend ?? 0); index += 1) times.push(at(pick(WEEKEND_DAYS), int(17 * 60, 20 * 60)));
  // 22:10–23:40 UTC: night in UTC, mid-afternoon in Los Angeles.
  for (let index = 0; index < (options.lateUtc ?? 0); index += 1) times.push(at(pick(active), int(22 * 60 + 10, 23 * 60 + 40)));
  return times.sort((a, b) => a - b);
}

/**
 * Alice: 200 commits, exactly 90 at UTC 23:00–04:00 (late in UTC, afternoon
 * in Los Angeles), 90 at UTC 08:00–12:30 (night in Los Angeles, morning in
 * UTC) and 20 at UTC 16:00–20:00 (daytime in both): 45% late-night in
 * either zone. The daytime ones come first, so late nights rise; the last
 * 30 days are all active (each with a commit at an hour that is the same
 * date in both zones), and weekends get as much work as weekdays.
 */
function aliceTimes(): number[] {
  const streakStart = DAYS - 30;
  const early = ALL_DAYS.filter((day) => day < streakStart && chance(isWeekend(day) ? 0.7 : 0.45));
  const streak = ALL_DAYS.filter((day) => day >= streakStart);
  const perDay = new Map<number, number>();
  for (const day of early) perDay.set(day, int(1, 2));
  for (const day of streak) perDay.set(day, 2 + Math.round(((day - streakStart) / 30) * 3) + (isWeekend(day) ? 1 : 0));
  const days = [...perDay.keys()].sort((a, b) => a - b);
  let total = [...perDay.values()].reduce((sum, count) => sum + count, 0);
  // Bring the total to exactly 200, adding to or trimming from the busiest streak days.
  for (let index = 0; total !== 200; index += 1) {
    const day = streak[streak.length - 1 - (index % streak.length)] as number;
    const count = perDay.get(day) as number;
    if (total < 200) perDay.set(day, count + 1), (total += 1);
    else if (count > 2) perDay.set(day, count - 1), (total -= 1);
  }
  const slots = days.flatMap((day) => Array.from({ length: perDay.get(day) as number }, () => day));
  // The first 40: every other one daytime, the rest alternating; after that, alternating late nights in UTC and in Los Angeles.
  const categories = slots.map((_, index) => {
    if (index < 40) return index % 2 === 0 ? 'day' : ((index - 1) / 2) % 2 === 0 ? 'utc-night' : 'la-night';
    return index % 2 === 0 ? 'utc-night' : 'la-night';
  });
  const counts = { 'utc-night': 0, 'la-night': 0, day: 0 };
  for (const category of categories) counts[category as keyof typeof counts] += 1;
  if (counts['utc-night'] !== 90 || counts['la-night'] !== 90 || counts.day !== 20) throw new Error(`Alice's mix is off: ${JSON.stringify(counts)}`);
  return slots.map((day, index) => {
    const category = categories[index];
    const alone = categories.filter((_, other) => slots[other] === day).every((other) => other === 'utc-night');
    if (category === 'day') return at(day, int(16 * 60, 19 * 60 + 59));
    if (category === 'la-night') return at(day, int(8 * 60, 12 * 60 + 29));
    // 00:00–03:59 is the evening before in Los Angeles; a day with nothing else keeps to 23:xx so it stays that date there too.
    return alone || chance(0.5) ? at(day, int(23 * 60, 23 * 60 + 59)) : at(day, int(0, 3 * 60 + 59));
  });
}

function spread(person: Person): string {
  const roll = random();
  let sum = 0;
  for (const [repo, share] of person.repos) if (roll < (sum += share)) return repo;
  return person.repos[0]?.[0] ?? `${ORG}/api`;
}

// ---- commits of the people --------------------------------------------------
const commitsBy = new Map<string, CommitRecord[]>();
for (const person of PEOPLE) {
  const times = person.login === 'alice-dev' ? aliceTimes() : ordinaryTimes(person.commits, person.habits);
  const own = times.map((time) => addCommit(spread(person), person.login, time, commitMessage(person.login, random), person.commitSize));
  commitsBy.set(person.login, own);
  if (person.side) {
    const [repo, count] = person.side;
    for (const time of ordinaryTimes(count, { activeShare: 0.3 })) addCommit(repo, person.login, time, commitMessage(person.login, random), [2, 40]);
  }
}

// Reverts: Charlie ~12% of his commits, Bob exactly one. Each names an earlier commit of theirs in the same repository.
for (const [login, count] of [['charlie-junior', 15], ['bob-senior', 1]] as const) {
  const own = commitsBy.get(login) ?? [];
  const step = Math.floor(own.length / (count + 1));
  for (let index = 1; index <= count; index += 1) {
    const revert = own[index * step] as CommitRecord;
    const original = own.slice(0, index * step).reverse().find((entry) => entry.repo === revert.repo && !entry.message.startsWith('Revert'));
    if (!original) continue;
    revert.message = `Revert "${original.message.split('\n')[0]}"\n\nThis reverts commit ${original.sha}.`;
    revert.additions = original.deletions;
    revert.deletions = original.additions;
  }
}

// ---- pull requests --------------------------------------------------------
function addPull(author: Person, opened: number, repo: string, plan: Plan, size: number, reviewers: readonly string[]): void {
  const title = prTitle(author.login, random);
  const createdAt = opened + int(5, 40) * MINUTE_MS;
  const reviews: ReviewRecord[] = [];
  const review = (reviewer: string, state: ReviewRecord['state'], time: number) => {
    if (time < END) reviews.push({ reviewer, state, submittedAt: iso(time), ...(state === 'APPROVED' ? {} : { body: state === 'CHANGES_REQUESTED' ? 'Please split this up and add tests.' : 'A few questions inline.' }) });
  };
  const reviewer = pick(reviewers);
  const firstLook = officeAfter(createdAt, int(30, 240));
  let mergedAt: number | null = officeAfter(firstLook, int(20, 300));
  if (plan === 'approved') {
    if (chance(0.25)) review(pick(reviewers.filter((name) => name !== reviewer).concat(reviewer)), 'COMMENTED', firstLook - 10 * MINUTE_MS);
    review(reviewer, 'APPROVED', firstLook);
  } else if (plan === 'approved-after-merge') {
    mergedAt = createdAt + int(40, 300) * MINUTE_MS;
    review(reviewer, 'APPROVED', officeAfter(mergedAt, int(60, 1800)));
  } else if (plan === 'commented-only') {
    review(reviewer, 'COMMENTED', firstLook);
  } else if (plan === 'self-approved') {
    review(author.login, 'APPROVED', createdAt + int(5, 30) * MINUTE_MS);
  } else if (plan === 'changes-requested') {
    review(reviewer, 'CHANGES_REQUESTED', firstLook);
  } else if (plan === 'unreviewed') {
    mergedAt = createdAt + int(20, 200) * MINUTE_MS;
  }
  if (plan === 'open' || plan === 'closed') {
    review(reviewer, chance(0.5) ? 'COMMENTED' : 'CHANGES_REQUESTED', firstLook);
    mergedAt = null;
  }
  if (mergedAt !== null && mergedAt >= END) mergedAt = null;
  const closedAt = plan === 'closed' ? officeAfter(firstLook, int(60, 600)) : mergedAt;
  const additions = Math.round(size * (0.6 + random() * 0.3));
  pulls.push({
    repo, number: 0, author: author.login, title, createdAt: iso(createdAt), mergedAt: mergedAt === null ? null : iso(mergedAt),
    closedAt: closedAt === null || closedAt >= END ? null : iso(closedAt), headRef: `${author.login.split('-')[0]}/${slug(title)}`,
    additions, deletions: size - additions, changedFiles: Math.max(1, Math.round(size / int(25, 60))), commits: int(1, Math.max(1, Math.round(size / 120))),
    comments: reviews.length + int(0, 3), reviews,
  });
}

for (const person of PEOPLE) {
  const own = commitsBy.get(person.login) ?? [];
  const plans = person.pullPlans;
  const step = own.length / plans.length;
  plans.forEach((plan, index) => {
    const source = own[Math.floor(index * step)] as CommitRecord;
    addPull(person, Date.parse(source.date), source.repo, plan, int(person.pullSize[0], person.pullSize[1]), person.reviewers);
  });
}

// ---- bots, merges, strays ---------------------------------------------------
const BUMPS = [['axios', '1.7.2', '1.7.4'], ['zod', '3.23.8', '4.0.5'], ['eslint', '9.8.0', '9.9.1'], ['typescript', '5.5.4', '5.6.2'],
  ['react', '18.3.1', '19.0.0'], ['vite', '5.4.1', '5.4.8'], ['aws-sdk', '3.637.0', '3.654.0'], ['jest', '29.7.0', '30.0.0']] as const;
for (let index = 0; index < 16; index += 1) {
  const repo = pick([`${ORG}/api`, `${ORG}/web`, `${ORG}/mobile`]);
  const [name, from, to] = pick(BUMPS);
  const created = at(pick(WEEKDAYS.filter((day) => new Date(DAY0 + day * DAY_MS).getUTCDay() === 1)), int(4 * 60, 6 * 60));
  const title = `Bump ${name} from ${from} to ${to}`;
  addCommit(repo, 'dependabot[bot]', created - MINUTE_MS, `${title}\n\nBumps [${name}](https://github.com/${name}/${name}) from ${from} to ${to}.\n\nSigned-off-by: dependabot[bot] <support@github.com>`, [2, 30]);
  const reviewer = pick(['dan-dev', 'ivan-dev', 'bob-senior']);
  const approved = officeAfter(created, int(60, 600));
  const merged = index % 7 === 6 ? null : officeAfter(approved, int(2, 30));
  pulls.push({
    repo, number: 0, author: 'dependabot[bot]', title, createdAt: iso(created), mergedAt: merged && merged < END ? iso(merged) : null,
    closedAt: merged === null ? (index % 2 === 0 ? iso(officeAfter(approved, 300)) : null) : merged < END ? iso(merged) : null,
    ...(merged !== null && merged < END ? { mergedBy: reviewer } : {}), headRef: `dependabot/npm_and_yarn/${name}-${to}`,
    additions: int(2, 20), deletions: int(2, 20), changedFiles: 2, commits: 1, comments: 0,
    reviews: approved < END ? [{ reviewer, state: 'APPROVED', submittedAt: iso(approved) }] : [],
  });
}
for (let index = 0; index < 12; index += 1) {
  const day = WEEKDAYS[Math.floor((index * WEEKDAYS.length) / 12)] as number;
  addCommit(pick([`${ORG}/api`, `${ORG}/web`]), 'github-actions[bot]', at(day, int(18 * 60, 21 * 60)), `chore(release): 1.${index + 3}.0 [skip ci]`, [4, 40]);
}
// The docs site is only ever rebuilt by CI (a repository with no commits answers 409 on GitHub; the unit tests cover that).
for (const day of [WEEKDAYS.length - 10, WEEKDAYS.length - 3]) {
  addCommit(`${ORG}/docs`, 'github-actions[bot]', at(WEEKDAYS[day] as number, int(18 * 60, 21 * 60)), 'docs: publish site [skip ci]', [10, 80]);
}
for (let index = 0; index < 5; index += 1) {
  addCommit(`${ORG}/infra`, null, at(pick(WEEKDAYS), officeMinute()), pick(['hotfix on build box', 'bump runner image', 'rotate certs', 'tweak alarms']), [1, 12],
    { authorName: 'root', authorEmail: 'root@build-01.techstartup.internal' });
}

// One numbering per repository for pull requests and issues, in order of creation.
for (const person of PEOPLE.filter((entry) => entry.issues > 0)) {
  for (let index = 0; index < person.issues; index += 1) {
    const created = person.login === 'alice-dev' ? Date.parse(pick(commitsBy.get('alice-dev') ?? []).date) + 7 * MINUTE_MS : at(pick(WEEKDAYS), officeMinute());
    const closed = chance(0.65) ? officeAfter(created, int(120, 14 * 24 * 60)) : null;
    const [title, labels] = issueTitle(random);
    issues.push({ repo: spread(person), number: 0, author: person.login, title, createdAt: iso(created), closedAt: closed && closed < END ? iso(closed) : null, labels });
  }
}
for (const repo of REPOSITORIES) {
  const items = [...pulls.filter((pull) => pull.repo === repo.fullName), ...issues.filter((issue) => issue.repo === repo.fullName)];
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  items.forEach((item, index) => (item.number = index + 1));
}

// GitHub's "Merge pull request" commits for the web repository (author: the merger, committer: web-flow); never counted.
for (const pull of pulls.filter((entry) => entry.repo === `${ORG}/web` && entry.mergedAt && !entry.author.endsWith('[bot]'))) {
  addCommit(pull.repo, pull.mergedBy ?? pull.author, Date.parse(pull.mergedAt as string), `Merge pull request #${pull.number} from ${ORG}/${pull.headRef}\n\n${pull.title}`,
    [pull.additions + pull.deletions, pull.additions + pull.deletions], { parents: 2, committer: 'web-flow' });
}

commits.sort((a, b) => a.date.localeCompare(b.date) || a.sha.localeCompare(b.sha));
pulls.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
issues.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
const late = [...commits.map((entry) => entry.date), ...pulls.flatMap((pull) => [pull.createdAt, pull.mergedAt, pull.closedAt, ...pull.reviews.map((entry) => entry.submittedAt)]),
  ...issues.flatMap((issue) => [issue.createdAt, issue.closedAt])].filter((time): time is string => time !== null && Date.parse(time) >= END);
if (late.length > 0) throw new Error(`Timestamps after ${iso(END)}: ${late.slice(0, 3).join(', ')}`);

const dataset = {
  anchor: ANCHOR,
  anchorShift: 'whole-weeks',
  organizations: [
    { login: ORG, name: 'TechStartup Inc', description: 'We build the TechStartup platform.', email: 'engineering@techstartup.com' },
    { login: 'competitorcorp', name: 'CompetitorCorp', description: 'CompetitorCorp engineering.', email: 'dev@competitorcorp.com' },
  ],
  users: [
    ...PEOPLE.map((person) => ({ login: person.login, name: person.name, email: person.email })),
    { login: 'dependabot[bot]', id: 49699333, name: null, email: null },
    { login: 'github-actions[bot]', id: 41898282, name: null, email: null },
    { login: 'web-flow', id: 19864447, name: 'GitHub', email: 'noreply@github.com' },
  ],
  repositories: REPOSITORIES.map(({ fullName, files: _files, ...rest }) => ({ owner: fullName.split('/')[0], name: fullName.split('/')[1], ...rest })),
  commits,
  pullRequests: pulls,
  issues,
  deployments: releaseTrain(commits),
};

/** One record a line: readable diffs, and a file well under 2 MB. */
function write(value: typeof dataset): string {
  const lines = ['{'];
  const entries = Object.entries(value);
  entries.forEach(([key, field], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    if (!Array.isArray(field)) return void lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(field)}${comma}`);
    lines.push(`  ${JSON.stringify(key)}: [`, ...field.map((item, row) => `    ${JSON.stringify(item)}${row < field.length - 1 ? ',' : ''}`), `  ]${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const text = write(dataset);
writeFileSync(OUTPUT, text);
console.log(`Wrote ${OUTPUT}: ${commits.length} commits, ${pulls.length} pull requests, ${issues.length} issues, ${dataset.deployments.length} deployments, ${(text.length / 1024).toFixed(0)} KB`);
