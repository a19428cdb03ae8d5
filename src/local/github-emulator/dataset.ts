import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { GithubDatasetError } from './errors';

/**
 * The dataset file of /work/shared/github-dataset.md, validated with zod.
 * Unknown fields are dropped (zod's default for objects), so a dataset
 * written for a later version, or by another tool, still loads. Every field
 * not in the documented example is optional; missing optional fields take
 * the defaults below, which are what GitHub itself reports for an ordinary
 * account or repository:
 *
 * - user: `name` null, `email` null (commits then carry
 *   `<id>+<login>@users.noreply.github.com`, GitHub's no-reply address),
 *   `type` `Bot` for a login ending in `[bot]`, else `User`; `id` derived
 *   from the login; `createdAt` a year before the dataset's first timestamp.
 * - organization: `name` its login, `description` null.
 * - repository: `private` false, `language` null, `description` null,
 *   `defaultBranch` `main`, `archived` false, `topics` []; `createdAt` a day
 *   before its first activity; `pushed_at` its last commit.
 * - commit: `author` null (not linked to an account; `authorName` /
 *   `authorEmail` then say who wrote it, default `Unknown`), `sha` derived
 *   from the commit's content, `message` `Update`, `parents` 1,
 *   `additions`/`deletions` 0, `files` [], committer = author, `committedAt`
 *   = `date`.
 * - pull request: `title` `Update`, `mergedAt` null, `closedAt` = `mergedAt`
 *   (a merged pull request is closed), `mergedBy` the author, `body` null,
 *   `draft` false, `additions`/`deletions`/`changedFiles` 0, `commits` 1,
 *   `comments` 0, `reviews` []; `updatedAt` its latest event.
 * - review: `body` '', `submittedAt` the pull request's creation (none for a
 *   `PENDING` review); `state` in any case (`approved` works).
 * - issue: `title` `Issue`, `closedAt` null, `body` null, `labels` [],
 *   `comments` 0; `updatedAt` its latest event.
 * - deployment (v1.1): `ref` the repository's default branch, `task`
 *   `deploy`, `environment` `production`, `description` null, `creator`
 *   null, `id` derived, `statuses` []; a status's `createdAt` the
 *   deployment's, `creator` the deployment's, `description` ''.
 * - times: any ISO-8601 form `Date.parse` reads (`Z` or an offset); served
 *   in UTC with whole seconds, as GitHub does.
 *
 * Logins, repositories and times referred to but never declared are made up
 * on the fly (see store.ts), so a dataset that lists only commits works too.
 */

const Login = z.string().trim().min(1);
const RepoName = z.string().trim().regex(/^[^/\s]+\/[^/\s]+$/, 'must be "owner/name"');
const Time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 time');
const Count = z.number().int().min(0);

const Organization = z.object({
  login: Login,
  name: z.string().nullish(),
  description: z.string().nullish(),
  email: z.string().nullish(),
  id: z.number().int().positive().optional(),
  createdAt: Time.optional(),
  /** Logins; default every user active in its repositories (github-dataset.md). */
  members: z.array(Login).optional(),
  /** Logins; default its first member. The install page installs as the first owner. */
  owners: z.array(Login).optional(),
});

const User = z.object({
  login: Login,
  name: z.string().nullish(),
  email: z.string().nullish(),
  id: z.number().int().positive().optional(),
  type: z.enum(['User', 'Bot']).optional(),
  company: z.string().nullish(),
  location: z.string().nullish(),
  createdAt: Time.optional(),
});

const Repository = z.object({
  owner: Login,
  name: z.string().trim().min(1),
  id: z.number().int().positive().optional(),
  private: z.boolean().default(false),
  language: z.string().nullish(),
  description: z.string().nullish(),
  defaultBranch: z.string().min(1).default('main'),
  archived: z.boolean().default(false),
  topics: z.array(z.string()).default([]),
  createdAt: Time.optional(),
});

const Commit = z.object({
  repo: RepoName,
  sha: z.string().trim().min(1).optional(),
  author: Login.nullish(),
  /** Name and email written in the commit; default: the author's. */
  authorName: z.string().nullish(),
  authorEmail: z.string().nullish(),
  date: Time,
  committer: Login.nullish(),
  committedAt: Time.optional(),
  message: z.string().default('Update'),
  parents: Count.default(1),
  additions: Count.default(0),
  deletions: Count.default(0),
  files: z.array(z.string()).default([]),
});

const ReviewState = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']));

const Review = z.object({
  reviewer: Login,
  state: ReviewState,
  submittedAt: Time.nullish(),
  body: z.string().default(''),
  id: z.number().int().positive().optional(),
});

const PullRequest = z.object({
  repo: RepoName,
  number: z.number().int().positive(),
  author: Login,
  title: z.string().default('Update'),
  body: z.string().nullish(),
  createdAt: Time,
  updatedAt: Time.optional(),
  mergedAt: Time.nullish(),
  closedAt: Time.nullish(),
  mergedBy: Login.nullish(),
  draft: z.boolean().default(false),
  headRef: z.string().min(1).optional(),
  additions: Count.default(0),
  deletions: Count.default(0),
  changedFiles: Count.default(0),
  commits: Count.default(1),
  comments: Count.default(0),
  reviewComments: Count.default(0),
  labels: z.array(z.string()).default([]),
  reviews: z.array(Review).default([]),
  id: z.number().int().positive().optional(),
});

const Issue = z.object({
  repo: RepoName,
  number: z.number().int().positive(),
  author: Login,
  title: z.string().default('Issue'),
  body: z.string().nullish(),
  createdAt: Time,
  updatedAt: Time.optional(),
  closedAt: Time.nullish(),
  labels: z.array(z.string()).default([]),
  comments: Count.default(0),
  id: z.number().int().positive().optional(),
});

const DeploymentState = z.enum(['success', 'failure', 'error', 'in_progress', 'queued', 'pending', 'inactive']);

const DeploymentStatus = z.object({
  state: DeploymentState,
  createdAt: Time.optional(),
  creator: Login.nullish(),
  description: z.string().default(''),
  id: z.number().int().positive().optional(),
});

const Deployment = z.object({
  repo: RepoName,
  id: z.number().int().positive().optional(),
  sha: z.string().trim().regex(/^[0-9a-f]{40}$/i, 'must be 40 hex digits'),
  ref: z.string().min(1).optional(),
  task: z.string().min(1).default('deploy'),
  environment: z.string().min(1).default('production'),
  description: z.string().nullish(),
  createdAt: Time,
  creator: Login.nullish(),
  statuses: z.array(DeploymentStatus).default([]),
});

export const Dataset = z.object({
  anchor: Time.optional(),
  /**
   * An extension of this emulator: `whole-weeks` shifts by (now − anchor)
   * rounded down to whole weeks, which keeps every commit's weekday and hour
   * (UTC) and so the late-night and weekend figures a story is built on.
   * The default, `exact`, is the documented behaviour.
   */
  anchorShift: z.enum(['exact', 'whole-weeks']).default('exact'),
  organizations: z.array(Organization).default([]),
  users: z.array(User).default([]),
  repositories: z.array(Repository).default([]),
  commits: z.array(Commit).default([]),
  pullRequests: z.array(PullRequest).default([]),
  issues: z.array(Issue).default([]),
  /** Optional since v1.1. */
  deployments: z.array(Deployment).default([]),
});

export type Dataset = z.infer<typeof Dataset>;
export type DatasetOrganization = z.infer<typeof Organization>;
export type DatasetUser = z.infer<typeof User>;
export type DatasetRepository = z.infer<typeof Repository>;
export type DatasetCommit = z.infer<typeof Commit>;
export type DatasetPullRequest = z.infer<typeof PullRequest>;
export type DatasetReview = z.infer<typeof Review>;
export type DatasetIssue = z.infer<typeof Issue>;
export type DatasetDeployment = z.infer<typeof Deployment>;
export type DatasetDeploymentStatus = z.infer<typeof DeploymentStatus>;

/** Validates already-parsed JSON. */
export function parseDataset(json: unknown, source = 'the dataset'): Dataset {
  const parsed = Dataset.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  if (parsed.error.issues.length > problems.length) problems.push(`… and ${parsed.error.issues.length - problems.length} more`);
  throw new GithubDatasetError(`${source} is not a GitHub dataset (see github-dataset.md):`, problems);
}

export async function readDataset(path: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GithubDatasetError(`Cannot read the GitHub dataset ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, [], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GithubDatasetError(`The GitHub dataset ${path} is not JSON: ${(error as Error).message}`, [], { cause: error });
  }
  return parseDataset(json, `The GitHub dataset ${path}`);
}
