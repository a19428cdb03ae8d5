import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { parseDataset, type Dataset } from './dataset';
import type { NewDeployment, NewDeploymentStatus, NewReview } from './live-inputs';
import type { Commit, Deployment, DeploymentStatus, PullRequest, Review, Store } from './model';
import { organizationCopy, type CopyOutcome, type NewOrganization } from './organization-copies';
import { buildStore } from './store';

/**
 * The dataset as it grows at run time (the `/_emulator/commits` and
 * `/_emulator/pulls` controls): an entry is added to the dataset and the
 * store rebuilt from it at the same "now", so every index, id and count
 * stays as if the file had held it from the start. Times given are served
 * times (already shifted); default now.
 */
export const NewCommit = z.object({
  repo: z.string(),
  author: z.string().min(1).nullish(),
  message: z.string().optional(),
  date: z.string().optional(),
  sha: z.string().regex(/^[0-9a-f]{40}$/i).optional(),
  additions: z.number().int().min(0).optional(),
  deletions: z.number().int().min(0).optional(),
  files: z.array(z.string()).optional(),
});

export const NewPull = z.object({
  repo: z.string(),
  author: z.string().min(1),
  title: z.string().optional(),
  number: z.number().int().positive().optional(),
  createdAt: z.string().optional(),
  mergedAt: z.string().nullish(),
  closedAt: z.string().nullish(),
  additions: z.number().int().min(0).optional(),
  deletions: z.number().int().min(0).optional(),
  changedFiles: z.number().int().min(0).optional(),
});

export class LiveDataset {
  private current: Store;

  constructor(private readonly dataset: Dataset, store: Store) {
    this.current = store;
  }

  get store(): Store {
    return this.current;
  }

  /** A served time back to the file's time. */
  private fileTime(value: string | null | undefined, fallback: number | null): string | null {
    const served = value ? Date.parse(value) : fallback;
    return served === null || Number.isNaN(served) ? null : new Date(served - this.current.shiftMs).toISOString();
  }

  private rebuild(changed: Partial<Pick<Dataset, 'commits' | 'pullRequests'>>): void {
    Object.assign(this.dataset, changed);
    this.current = buildStore(this.dataset, { now: this.current.loadedAt });
  }

  /** Undefined when the repository is not in the dataset. */
  addCommit(input: z.infer<typeof NewCommit>, now: number): Commit | undefined {
    const key = input.repo.toLowerCase();
    const repo = this.current.repositories.get(key);
    if (!repo) return undefined;
    const sha = (input.sha ?? randomBytes(20).toString('hex')).toLowerCase();
    const [entry] = parseDataset({ commits: [{ ...input, repo: repo.fullName, sha, date: this.fileTime(input.date, now) }] }).commits;
    if (!entry) return undefined;
    this.rebuild({ commits: [...this.dataset.commits, entry] });
    return this.current.commitsByRepo.get(key)?.find((commit) => commit.sha === sha);
  }

  addPull(input: z.infer<typeof NewPull>, now: number): PullRequest | undefined {
    const key = input.repo.toLowerCase();
    const repo = this.current.repositories.get(key);
    if (!repo) return undefined;
    const taken = (this.current.issuesByRepo.get(key) ?? []).map((item) => item.number);
    const number = input.number ?? Math.max(0, ...taken) + 1;
    if (taken.includes(number)) return undefined;
    const [entry] = parseDataset({
      pullRequests: [{
        ...input, repo: repo.fullName, number, createdAt: this.fileTime(input.createdAt, now),
        mergedAt: this.fileTime(input.mergedAt, null), closedAt: this.fileTime(input.closedAt, null),
      }],
    }).pullRequests;
    if (!entry) return undefined;
    this.rebuild({ pullRequests: [...this.dataset.pullRequests, entry] });
    return this.current.pullByNumber.get(key)?.get(number);
  }

  /** `POST /_emulator/organizations` (organization-copies.ts). */
  copyOrganization(request: NewOrganization): CopyOutcome {
    const copy = organizationCopy(this.dataset, this.current, request);
    if (!('changed' in copy)) return copy;
    Object.assign(this.dataset, copy.changed);
    this.current = copy.store;
    return { kind: 'copied', login: request.login };
  }

  /** Undefined when the repository is not in the dataset. Ids follow the highest so far, as GitHub's grow. */
  addDeployment(input: NewDeployment, now: number): Deployment | undefined {
    const key = input.repo.toLowerCase();
    const repo = this.current.repositories.get(key);
    if (!repo) return undefined;
    const id = nextId(this.deployments().map((entry) => entry.id));
    const statusIds = nextId(this.deployments().flatMap((entry) => entry.statuses.map((status) => status.id)));
    const createdAt = this.fileTime(input.createdAt, now);
    const [entry] = parseDataset({
      deployments: [{
        ...input, repo: repo.fullName, id, createdAt, sha: input.sha ?? this.current.commitsByRepo.get(key)?.[0]?.sha ?? randomBytes(20).toString('hex'),
        statuses: input.statuses.map((status, index) => ({ state: status.state, createdAt: this.fileTime(status.createdAt, null) ?? createdAt, id: statusIds + index })),
      }],
    }).deployments;
    if (!entry) return undefined;
    this.dataset.deployments.push(entry);
    this.rebuild({});
    return this.current.deploymentById.get(key)?.get(id);
  }

  addDeploymentStatus(deploymentId: number, input: NewDeploymentStatus, now: number): { deployment: Deployment; status: DeploymentStatus } | undefined {
    const found = this.deployments().find((entry) => entry.id === deploymentId);
    const entry = found?.source;
    if (!found || !entry) return undefined;
    const id = nextId(this.deployments().flatMap((deployment) => deployment.statuses.map((status) => status.id)));
    entry.statuses.push({ state: input.state, createdAt: this.fileTime(input.createdAt, now) ?? undefined, description: '', id });
    this.rebuild({});
    const deployment = this.current.deploymentById.get(found.repo.key)?.get(deploymentId);
    const status = deployment?.statuses.find((candidate) => candidate.id === id);
    return deployment && status ? { deployment, status } : undefined;
  }

  /** Undefined when the repository has no such pull request. */
  addReview(input: NewReview, now: number): { pull: PullRequest; review: Review } | undefined {
    const repo = this.current.repositories.get(input.repo.toLowerCase());
    const index = this.dataset.pullRequests.findIndex((pull) => pull.repo.toLowerCase() === repo?.key && pull.number === input.number);
    const entry = this.dataset.pullRequests[index];
    if (!repo || !entry) return undefined;
    const id = nextId([...this.current.pullsByRepo.values()].flat().flatMap((pull) => pull.reviews.map((review) => review.id)));
    const submittedAt = this.fileTime(input.submittedAt, now) ?? undefined;
    this.dataset.pullRequests[index] = { ...entry, reviews: [...entry.reviews, { reviewer: input.reviewer, state: input.state, body: input.body ?? '', submittedAt, id }] };
    this.rebuild({});
    const pull = this.current.pullByNumber.get(repo.key)?.get(input.number);
    const review = pull?.reviews.find((candidate) => candidate.id === id);
    return pull && review ? { pull, review } : undefined;
  }

  private deployments(): Deployment[] {
    return [...this.current.deploymentsByRepo.values()].flat();
  }
}

/** One more than the highest id so far (a first one like GitHub's, when there is none). */
function nextId(ids: readonly number[]): number {
  return ids.reduce((highest, id) => Math.max(highest, id), 1_000_000_000) + 1;
}
