import type { CommitRecord, ReviewRecord, ReviewState } from '../../domain/activity';

/**
 * GitHub's JSON → the compact records the metrics use. Defensive about
 * missing fields: an answer we cannot read yields fewer records, not a crash.
 */
type Json = Record<string, unknown>;
const asArray = (body: unknown): Json[] => (Array.isArray(body) ? (body as Json[]) : []);
const login = (user: unknown): string | null => {
  const value = (user as Json | null | undefined)?.['login'];
  return typeof value === 'string' ? value : null;
};
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `GET /repos/{owner}/{repo}`: when anything was last pushed to it (one value, as a list for fetchAll). */
export function repositoryPushedAt(body: unknown): (string | null)[] {
  return [text((body as Json | null | undefined)?.['pushed_at'])];
}

export interface InstalledRepository {
  readonly fullName: string;
  /** GitHub's last push to any branch; null for a repository never pushed to. */
  readonly pushedAt: string | null;
}

/** The account a repository belongs to: an installation's repositories are all its account's. */
export interface RepositoryOwner {
  readonly login: string;
  /** `Organization` or `User`. */
  readonly type: string;
}

/** `GET /installation/repositories`, with what the sync needs to skip repositories nobody pushed to in the window. */
export function installedRepositories(body: unknown): (InstalledRepository & { readonly owner: RepositoryOwner | null })[] {
  return asArray((body as Json | null | undefined)?.['repositories']).flatMap((repo) => {
    const fullName = text(repo['full_name']);
    const owner = repo['owner'] as Json | undefined;
    const ownerLogin = login(owner);
    const type = text(owner?.['type']);
    return fullName && repo['archived'] !== true
      ? [{ fullName, pushedAt: text(repo['pushed_at']), owner: ownerLogin && type ? { login: ownerLogin, type } : null }]
      : [];
  });
}

/** `GET /orgs/{org}/members`: simple users. */
export function memberLogins(body: unknown): string[] {
  return asArray(body).flatMap((user) => {
    const name = login(user);
    return name ? [name] : [];
  });
}

export function commitRecords(repo: string) {
  return (body: unknown): CommitRecord[] =>
    asArray(body).flatMap((item) => {
      const commit = item['commit'] as Json | undefined;
      const author = commit?.['author'] as Json | undefined;
      const sha = text(item['sha']);
      const authoredAt = text(author?.['date']);
      if (!sha || !authoredAt) return [];
      return [
        {
          repo,
          sha,
          authorLogin: login(item['author']),
          authoredAt,
          message: text(commit?.['message']) ?? '',
          parents: Array.isArray(item['parents']) ? item['parents'].length : 1,
        },
      ];
    });
}

const REVIEW_STATES: readonly ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];

/** A review state REST or GraphQL sent, if it is one the metrics know. */
export function reviewState(value: unknown): ReviewState | undefined {
  return typeof value === 'string' && REVIEW_STATES.includes(value as ReviewState) ? (value as ReviewState) : undefined;
}

export function reviewRecords(body: unknown): ReviewRecord[] {
  return asArray(body).flatMap((review) => {
    const state = reviewState(review['state']);
    return state ? [{ reviewerLogin: login(review['user']), state, submittedAt: text(review['submitted_at']) }] : [];
  });
}

/** One element of `GET /repos/{owner}/{repo}/issues`: an issue, or a pull request (it has a `pull_request` key). */
export interface IssueListItem {
  readonly number: number;
  readonly authorLogin: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly isPullRequest: boolean;
  readonly mergedAt: string | null;
  readonly closedAt: string | null;
}

export function issueListItems(body: unknown): IssueListItem[] {
  return asArray(body).flatMap((item) => {
    const number = item['number'];
    const createdAt = text(item['created_at']);
    const updatedAt = text(item['updated_at']);
    if (typeof number !== 'number' || !createdAt || !updatedAt) return [];
    const pull = item['pull_request'] as Json | undefined;
    return [{
      number, createdAt, updatedAt, isPullRequest: pull !== undefined,
      authorLogin: login(item['user']), mergedAt: text(pull?.['merged_at']), closedAt: text(item['closed_at']),
    }];
  });
}
