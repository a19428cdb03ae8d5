import type { Activity } from '../../src/domain/activity';
import { readDataset, type Dataset } from '../../src/local/github-emulator/dataset';
import { anchorShiftMs } from '../../src/local/github-emulator/store';

/**
 * One person's activity read straight from a dataset file, as its text says
 * (times moved by the same anchor shift the emulator applies), with no
 * GitHub API, no emulator and no sync in between: the reference the synced
 * figures are held to.
 */
export async function datasetActivity(path: string, owner: string, login: string, now: number): Promise<Activity> {
  const dataset = await readDataset(path);
  const shift = anchorShiftMs(dataset, now);
  const at = (time: string) => new Date(Date.parse(time) + shift).toISOString().replace('.000Z', 'Z');
  const inScope = scopeOf(dataset, owner);
  const same = (other: string | null | undefined) => !!other && other.toLowerCase() === login.toLowerCase();
  const pulls = dataset.pullRequests.filter((pull) => inScope(pull.repo));
  return {
    login,
    commits: dataset.commits
      .filter((commit) => inScope(commit.repo) && same(commit.author))
      .map((commit, index) => ({ repo: commit.repo, sha: commit.sha ?? `${commit.repo}#${index}`, authorLogin: commit.author ?? null, authoredAt: at(commit.date), message: commit.message, parents: commit.parents })),
    pullRequests: pulls
      .filter((pull) => same(pull.author))
      .map((pull) => ({
        repo: pull.repo,
        number: pull.number,
        authorLogin: pull.author,
        createdAt: at(pull.createdAt),
        mergedAt: pull.mergedAt ? at(pull.mergedAt) : null,
        closedAt: pull.closedAt ? at(pull.closedAt) : null,
        additions: pull.additions,
        deletions: pull.deletions,
        changedFiles: pull.changedFiles,
        reviews: pull.reviews.map((review) => ({ reviewerLogin: review.reviewer, state: review.state, submittedAt: review.submittedAt ? at(review.submittedAt) : null })),
      })),
    reviewsGiven: pulls.flatMap((pull) =>
      pull.reviews
        .filter((review) => same(review.reviewer))
        .map((review) => ({ repo: pull.repo, pullNumber: pull.number, pullAuthorLogin: pull.author, state: review.state, submittedAt: review.submittedAt ? at(review.submittedAt) : null })),
    ),
    issues: dataset.issues
      .filter((issue) => inScope(issue.repo) && same(issue.author))
      .map((issue) => ({ repo: issue.repo, number: issue.number, authorLogin: issue.author, createdAt: at(issue.createdAt) })),
  };
}

/** The owner's repositories that are not archived (GitHub's installation lists them; the sync skips archived ones). */
function scopeOf(dataset: Dataset, owner: string): (repo: string) => boolean {
  const archived = new Set(dataset.repositories.filter((repo) => repo.archived).map((repo) => `${repo.owner}/${repo.name}`.toLowerCase()));
  return (repo) => repo.toLowerCase().startsWith(`${owner.toLowerCase()}/`) && !archived.has(repo.toLowerCase());
}
