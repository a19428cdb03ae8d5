import { describe, expect, it } from 'vitest';
import type { ActivityFacts } from '../../../../src/domain/metrics';
import { personalInsights, scoreCodeQuality } from '../../../../src/domain/scores';
import { facts, weeks } from './facts';

/**
 * Every sentence is earned by the person's own figures: for each one, who
 * gets it and who must not. The people are the demo story's shapes.
 */
const PEOPLE = {
  /** Small, reviewed pull requests, an active reviewer, ordinary hours. */
  bob: facts({
    commits: 180, revertCommits: 2, pullRequests: 45, mergedPullRequests: 41, approvedMergedPullRequests: 40,
    medianPrSize: 88, medianPrCycleTimeHours: 20, reviewsGiven: 53, streakDays: 4, repos: 4,
  }),
  /** Huge, mostly unreviewed pull requests and 13% reverts, every week. */
  charlie: facts({
    commits: 120, revertCommits: 16, pullRequests: 22, mergedPullRequests: 19, approvedMergedPullRequests: 4,
    largePullRequests: 19, medianPrSize: 1730, medianPrCycleTimeHours: 30, reviewsGiven: 0, streakDays: 3, repos: 2,
  }),
  /** Good pull requests, but 45% late nights, 32% weekends and a 30-day streak without a day off. */
  alice: facts({
    commits: 200, lateNightCommits: 90, weekendCommits: 64, pullRequests: 25, mergedPullRequests: 24,
    approvedMergedPullRequests: 24, medianPrSize: 327, reviewsGiven: 31, streakDays: 30, repos: 3,
  }),
  /** Reviewed, small pull requests; reviews no one else's. */
  felix: facts({
    commits: 58, pullRequests: 7, mergedPullRequests: 6, approvedMergedPullRequests: 6, medianPrSize: 274,
    reviewsGiven: 0, streakDays: 3,
  }),
  /** Reviewed pull requests a little above the reviewable size. */
  erin: facts({
    commits: 72, pullRequests: 9, mergedPullRequests: 8, approvedMergedPullRequests: 8, medianPrSize: 434,
    reviewsGiven: 10, streakDays: 3,
  }),
  /** Reviewed pull requests that take four days to merge. */
  slow: facts({
    commits: 30, pullRequests: 5, mergedPullRequests: 5, approvedMergedPullRequests: 5, medianPrSize: 100,
    medianPrCycleTimeHours: 96, reviewsGiven: 5,
  }),
  /** A maintainer whose data holds commits and no pull request (they may be on GitHub all the same). */
  maintainer: facts({ commits: 40, streakDays: 2 }),
  /** Three commits: too little for a code-quality score. */
  quiet: facts({ commits: 3, repos: 2 }),
  /** Nothing in the window. */
  idle: facts(),
} satisfies Record<string, ActivityFacts>;

type Person = keyof typeof PEOPLE;
type Where = 'publicInsights' | 'issues' | 'recommendations' | 'personalInsights';

function sentencesOf(person: Person, where: Where): readonly string[] {
  const input = PEOPLE[person];
  return where === 'personalInsights' ? personalInsights(input) : scoreCodeQuality(input)[where];
}

const has = (person: Person, where: Where, sentence: RegExp) => sentencesOf(person, where).some((line) => sentence.test(line));

describe.each<[Where, string, RegExp, Person[], Person[]]>([
  ['publicInsights', 'High code quality', /^High code quality: \d/, ['bob', 'alice', 'felix'], ['charlie', 'maintainer', 'quiet', 'idle']],
  ['publicInsights', 'High review coverage', /^High review coverage: \d+ of \d+ merges approved$/, ['bob', 'felix', 'erin'], ['charlie', 'maintainer', 'quiet', 'idle']],
  ['publicInsights', 'Small, focused pull requests', /^Small, focused pull requests: a median of/, ['bob', 'alice', 'felix'], ['charlie', 'erin', 'maintainer', 'idle']],
  ['publicInsights', 'Changes rarely need reverting', /^Changes rarely need reverting: /, ['bob', 'alice', 'maintainer'], ['charlie', 'quiet', 'idle']],
  ['publicInsights', 'Active reviewer', /^Active reviewer: \d+ reviews given$/, ['bob', 'alice', 'erin'], ['charlie', 'felix', 'maintainer']],
  ['publicInsights', 'Consistent contributor', /^Consistent contributor: commits in \d+ of 13 weeks$/, ['bob', 'felix', 'maintainer'], ['charlie', 'alice', 'quiet', 'idle']],
  ['publicInsights', 'the neutral fallback', /^Contributed \d+ commits? to/, ['charlie', 'quiet'], ['bob', 'alice', 'idle']],
  ['issues', 'no data at all', /^Not enough activity to assess code quality: no commits or pull requests/, ['idle'], ['quiet', 'maintainer', 'bob']],
  ['issues', 'too little for a score', /^Not enough activity to assess code quality: 3 commits and no pull request/, ['quiet'], ['idle', 'maintainer']],
  ['issues', 'scored without pull requests', /^No pull requests in the last 90 days, so review coverage and change size are not part of the score$/, ['maintainer'], ['quiet', 'idle', 'bob']],
  ['issues', 'unreviewed merges', /^15 of 19 merged pull requests had no approving review/, ['charlie'], ['bob', 'alice', 'maintainer']],
  ['issues', 'a large median', /^Median pull request size is [\d,]+ changed lines, above the 400/, ['charlie', 'erin'], ['bob', 'felix', 'maintainer']],
  ['issues', 'many huge pull requests', /^86% of pull requests change more than 1,000 lines$/, ['charlie'], ['bob', 'erin']],
  ['issues', 'frequent reverts', /^13% of commits are reverts$/, ['charlie'], ['bob', 'maintainer']],
  ['recommendations', 'checking the linked account', /^Check that your commits are authored with the GitHub account linked here/, ['idle'], ['quiet', 'maintainer', 'bob']],
  ['recommendations', 'approving reviews', /^Get an approving review from a teammate/, ['charlie'], ['bob', 'felix', 'maintainer']],
  ['recommendations', 'smaller pull requests', /^Keep pull requests under 400 changed lines/, ['charlie', 'erin'], ['bob', 'felix']],
  ['recommendations', 'splitting huge changes', /^Break very large changes/, ['charlie'], ['bob', 'erin']],
  ['recommendations', 'tests before merging', /^Catch problems before merging/, ['charlie'], ['bob', 'alice']],
  ['recommendations', 'faster merges', /^Pull requests take a median of 4\.0 days to merge/, ['slow'], ['bob', 'charlie']],
  ['recommendations', "reviewing teammates' work", /^Review teammates' pull requests too/, ['charlie', 'felix'], ['bob', 'erin', 'maintainer']],
  ['recommendations', 'keeping the habits', /^Keep the current habits: small, reviewed pull requests and few reverts$/, ['bob', 'alice'], ['charlie', 'maintainer', 'erin', 'quiet']],
  ['personalInsights', 'no commits to learn from', /^No commits in the last 90 days/, ['idle'], ['quiet', 'bob']],
  ['personalInsights', 'a day off after a long run', /^Plan a day off: your longest run was 30 days/, ['alice'], ['bob', 'charlie']],
  ['personalInsights', 'an ordinary longest streak', /^Your longest streak was 4 days in a row/, ['bob'], ['alice', 'maintainer']],
  ['personalInsights', 'moving late-night work earlier', /^45% of your commits were made between 22:00 and 06:00/, ['alice'], ['bob', 'felix']],
  ['personalInsights', 'taking weekends off', /^32% of your commits were on weekends/, ['alice'], ['bob', 'charlie']],
  ['personalInsights', 'smaller pull requests get reviewed faster', /^Smaller pull requests get reviewed faster: yours have a median of 1,730/, ['charlie'], ['bob', 'felix']],
  ['personalInsights', 'sustainable hours', /^Your working hours look sustainable/, ['bob', 'charlie', 'felix'], ['alice', 'quiet', 'idle']],
])('%s: %s', (where, _insight, sentence, getters, others) => {
  it.each(getters)('It should go to %s', (person) => {
    expect(has(person, where, sentence)).toBe(true);
  });
  it.each(others)('It should never go to %s', (person) => {
    expect(has(person, where, sentence)).toBe(false);
  });
});

describe('opening pull requests', () => {
  // No pull request in the data is no sign changes bypass review: GitHub may hold them where the sync cannot see.
  it.each<Person>(['maintainer', 'quiet', 'idle', 'bob', 'charlie'])('It should never be advised to %s', (person) => {
    expect(has(person, 'recommendations', /pull requests for your changes|^Open pull requests/i)).toBe(false);
  });
});

describe('a rising late-night share', () => {
  const rising = weeks([
    ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 1 })),
    ...Array.from({ length: 5 }, () => ({ commits: 10, lateNightCommits: 3 })),
    ...Array.from({ length: 4 }, () => ({ commits: 10, lateNightCommits: 5 })),
  ]);
  const note = /^Your late-night share went from 10% to 50%/;

  it('It should be pointed out to someone whose late nights grew', () => {
    expect(personalInsights(facts({ commits: 130, lateNightCommits: 39, weekly: rising })).some((line) => note.test(line))).toBe(true);
  });

  it('It should never be pointed out to someone whose late nights fell', () => {
    const falling = [...rising].reverse();
    expect(personalInsights(facts({ commits: 130, lateNightCommits: 39, weekly: falling })).some((line) => note.test(line))).toBe(false);
  });
});
