/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100),
 * `page` (1-based), and a `link` header with absolute URLs to the `prev`,
 * `next`, `last` and `first` pages, each present only when it applies; no
 * header at all when everything fits on page 1.
 */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const number = Number.parseInt(value, 10);
  return number >= 1 ? number : undefined;
}

export interface PageRequest {
  readonly perPage: number;
  readonly page: number;
}

export function pageRequest(query: URLSearchParams): PageRequest {
  return {
    perPage: Math.min(positiveInteger(query.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE),
    page: positiveInteger(query.get('page')) ?? 1,
  };
}

export interface Page<T> {
  readonly items: readonly T[];
  /** The `link` header, or undefined when there is none to send. */
  readonly link: string | undefined;
}

/** `requestUrl` is the absolute URL the client asked for; links keep its other query parameters. */
export function paginate<T>(all: readonly T[], requestUrl: URL): Page<T> {
  const { perPage, page } = pageRequest(requestUrl.searchParams);
  const start = (page - 1) * perPage;
  const items = all.slice(start, start + perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const to = (target: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  const relations: string[] = [];
  if (page > 1) relations.push(`<${to(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) relations.push(`<${to(page + 1)}>; rel="next"`, `<${to(last)}>; rel="last"`);
  if (page > 1) relations.push(`<${to(1)}>; rel="first"`);
  return { items, link: relations.length > 0 ? relations.join(', ') : undefined };
}
