/**
 * The demo's deployments (github-dataset.md's optional list): a weekly
 * release train, Tuesdays, for each repository that ships (api, web,
 * mobile, infra): staging at 15:00 UTC, production at 17:00, each with an
 * `in_progress` status and its outcome minutes later, made by CI. One
 * production deploy fails (api, 13 October) and a hotfix train at 19:30
 * restores it. No randomness: the story's seeded sequence stays as it is.
 */
import { DAY0, DAY_MS, DAYS, iso, MINUTE_MS } from './calendar';
import { ORG } from './cast';

interface Commit { readonly repo: string; readonly sha: string; readonly date: string }

export interface DeploymentRecord {
  repo: string; id: number; sha: string; environment: string; createdAt: string; creator: string;
  statuses: { state: 'in_progress' | 'success' | 'failure'; createdAt: string }[];
}

const SHIPPING = ['api', 'web', 'mobile', 'infra'].map((name) => `${ORG}/${name}`);
const TRAIN_MINUTES = { staging: 15 * 60, production: 17 * 60 } as const;
/** Day 42 is Tuesday 13 October; the hotfix goes out two and a half hours after the failure. */
const FAILED = { repo: `${ORG}/api`, day: 42 } as const;
const HOTFIX_MINUTES = 19 * 60 + 30;
const DEPLOY_MINUTES = 6;

export function releaseTrain(commits: readonly Commit[]): DeploymentRecord[] {
  const deployments: DeploymentRecord[] = [];
  const latestBefore = (repo: string, time: number) =>
    commits.filter((commit) => commit.repo === repo && Date.parse(commit.date) <= time).at(-1)?.sha;
  const ship = (repo: string, environment: string, time: number, outcome: 'success' | 'failure') => {
    const sha = latestBefore(repo, time);
    if (!sha) return;
    deployments.push({
      repo, id: 9001 + deployments.length, sha, environment, createdAt: iso(time), creator: 'github-actions[bot]',
      statuses: [{ state: 'in_progress', createdAt: iso(time + MINUTE_MS) }, { state: outcome, createdAt: iso(time + DEPLOY_MINUTES * MINUTE_MS) }],
    });
  };
  // DAY0 (1 September 2026) is a Tuesday.
  for (let day = 0; day < DAYS; day += 7) {
    for (const repo of SHIPPING) {
      const failed = repo === FAILED.repo && day === FAILED.day;
      ship(repo, 'staging', DAY0 + day * DAY_MS + TRAIN_MINUTES.staging * MINUTE_MS, 'success');
      ship(repo, 'production', DAY0 + day * DAY_MS + TRAIN_MINUTES.production * MINUTE_MS, failed ? 'failure' : 'success');
      if (failed) ship(repo, 'production', DAY0 + day * DAY_MS + HOTFIX_MINUTES * MINUTE_MS, 'success');
    }
  }
  return deployments;
}
