import type { DatasetDeployment } from './dataset';

/**
 * The dataset as the emulator serves it: every name resolved to its
 * account or repository, every time in epoch milliseconds (already shifted
 * by the anchor), lists sorted the way GitHub returns them by default.
 */
export type AccountType = 'User' | 'Bot' | 'Organization';

export interface Account {
  readonly login: string;
  readonly id: number;
  readonly nodeId: string;
  readonly type: AccountType;
  readonly name: string | null;
  readonly email: string | null;
  readonly company: string | null;
  readonly location: string | null;
  /** Organizations only. */
  readonly description: string | null;
  readonly createdAt: number;
}

export interface Repository {
  /** Lower-case `owner/name`, the key of every index. */
  readonly key: string;
  readonly owner: Account;
  readonly name: string;
  readonly fullName: string;
  readonly id: number;
  readonly nodeId: string;
  readonly private: boolean;
  readonly language: string | null;
  readonly description: string | null;
  readonly defaultBranch: string;
  readonly archived: boolean;
  readonly topics: readonly string[];
  readonly createdAt: number;
  readonly pushedAt: number;
  readonly updatedAt: number;
  readonly openIssues: number;
}

export interface Commit {
  readonly repo: Repository;
  readonly sha: string;
  /** Null when the commit is not linked to an account (GitHub's `author: null`). */
  readonly author: Account | null;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authoredAt: number;
  readonly committer: Account | null;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly committedAt: number;
  readonly message: string;
  readonly parents: readonly string[];
  readonly additions: number;
  readonly deletions: number;
  readonly files: readonly string[];
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  readonly id: number;
  readonly nodeId: string;
  readonly reviewer: Account;
  readonly state: ReviewState;
  readonly submittedAt: number | null;
  readonly body: string;
  readonly commitId: string;
}

export interface PullRequest {
  readonly kind: 'pull';
  readonly repo: Repository;
  readonly number: number;
  readonly id: number;
  readonly nodeId: string;
  /** The id of the issue every pull request also is. */
  readonly issueId: number;
  readonly issueNodeId: string;
  readonly author: Account;
  readonly title: string;
  readonly body: string | null;
  readonly labels: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closedAt: number | null;
  readonly mergedAt: number | null;
  readonly mergedBy: Account | null;
  readonly draft: boolean;
  readonly headRef: string;
  readonly headSha: string;
  readonly baseSha: string;
  readonly mergeCommitSha: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly commits: number;
  readonly comments: number;
  readonly reviewComments: number;
  /** Oldest first, as GitHub lists them. */
  readonly reviews: readonly Review[];
}

export interface Issue {
  readonly kind: 'issue';
  readonly repo: Repository;
  readonly number: number;
  readonly id: number;
  readonly nodeId: string;
  readonly author: Account;
  readonly title: string;
  readonly body: string | null;
  readonly labels: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closedAt: number | null;
  readonly comments: number;
}

export type DeploymentState = 'success' | 'failure' | 'error' | 'in_progress' | 'queued' | 'pending' | 'inactive';

export interface DeploymentStatus {
  readonly id: number;
  readonly nodeId: string;
  readonly state: DeploymentState;
  readonly creator: Account | null;
  readonly description: string;
  readonly createdAt: number;
}

export interface Deployment {
  /** Its entry in the dataset (the same object however the store was built), where the controls add its statuses. */
  readonly source: DatasetDeployment;
  readonly repo: Repository;
  readonly id: number;
  readonly nodeId: string;
  readonly sha: string;
  readonly ref: string;
  readonly task: string;
  readonly environment: string;
  readonly description: string | null;
  readonly creator: Account | null;
  readonly createdAt: number;
  /** The latest status's time, else `createdAt` (a new status updates the deployment on GitHub). */
  readonly updatedAt: number;
  /** Newest first, as GitHub lists them. */
  readonly statuses: readonly DeploymentStatus[];
}

/** What `GET /repos/{owner}/{repo}/issues` lists: issues, and pull requests as issues. */
export type IssueLike = Issue | PullRequest;

export interface Store {
  /** When the dataset was loaded; the anchor shift is relative to it. */
  readonly loadedAt: number;
  /** Milliseconds added to every timestamp of the file. */
  readonly shiftMs: number;
  readonly accounts: ReadonlyMap<string, Account>;
  readonly repositories: ReadonlyMap<string, Repository>;
  /** Keyed by lower-case owner login; oldest first. */
  readonly repositoriesByOwner: ReadonlyMap<string, readonly Repository[]>;
  /** Newest author date first. */
  readonly commitsByRepo: ReadonlyMap<string, readonly Commit[]>;
  /** Repository key → lower-case author login → commits, newest first. */
  readonly commitsByRepoAuthor: ReadonlyMap<string, ReadonlyMap<string, readonly Commit[]>>;
  /** Newest first. */
  readonly pullsByRepo: ReadonlyMap<string, readonly PullRequest[]>;
  readonly pullByNumber: ReadonlyMap<string, ReadonlyMap<number, PullRequest>>;
  /** Newest first. */
  readonly issuesByRepo: ReadonlyMap<string, readonly IssueLike[]>;
  readonly issuesByRepoCreator: ReadonlyMap<string, ReadonlyMap<string, readonly IssueLike[]>>;
  /** Newest first. */
  readonly deploymentsByRepo: ReadonlyMap<string, readonly Deployment[]>;
  readonly deploymentById: ReadonlyMap<string, ReadonlyMap<number, Deployment>>;
  /** Lower-case logins with a commit in the repository, for `author_association`. */
  readonly contributors: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lower-case organization login → its members' lower-case logins: the dataset's `members`, else the users active in its repositories (first activity first). */
  readonly members: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lower-case organization login → the dataset's `owners` (lower-case), when it gives them. */
  readonly owners: ReadonlyMap<string, readonly string[]>;
}
