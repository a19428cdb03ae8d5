/**
 * `GET /search/issues` hits: issues and pull requests, with the repository
 * taken from `repository_url` (`…/repos/<owner>/<name>`).
 */
export interface SearchHit {
  readonly repo: string;
  readonly number: number;
  readonly authorLogin: string | null;
  readonly createdAt: string;
  readonly mergedAt: string | null;
  readonly closedAt: string | null;
  readonly isPullRequest: boolean;
}

type Json = Record<string, unknown>;

export function searchHits(body: unknown): SearchHit[] {
  const items = (body as Json | null)?.['items'];
  if (!Array.isArray(items)) return [];
  return (items as Json[]).flatMap((item) => {
    const repo = /\/repos\/([^/]+\/[^/]+)$/.exec(String(item['repository_url'] ?? ''))?.[1];
    const number = item['number'];
    const createdAt = item['created_at'];
    if (!repo || typeof number !== 'number' || typeof createdAt !== 'string') return [];
    const pull = item['pull_request'] as Json | undefined;
    const user = item['user'] as Json | null | undefined;
    return [
      {
        repo,
        number,
        authorLogin: typeof user?.['login'] === 'string' ? user['login'] : null,
        createdAt,
        mergedAt: typeof pull?.['merged_at'] === 'string' ? pull['merged_at'] : null,
        closedAt: typeof item['closed_at'] === 'string' ? item['closed_at'] : null,
        isPullRequest: pull !== undefined,
      },
    ];
  });
}
