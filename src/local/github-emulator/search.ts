import type { IssueLike, Store } from './model';
import { pageRequest, paginate } from './pagination';
import { issue } from './render-activity';
import { errorBody, Refusal, sorted, type Answer, type RouteContext } from './route-support';

/**
 * `GET /search/issues?q=…&sort&order&per_page&page`: issues and pull
 * requests matching GitHub's search qualifiers, as the collector uses them.
 *
 * Understood: `type:`/`is:` `pr`|`issue`, `is:open|closed|merged|unmerged`,
 * `state:`, `author:`, `reviewed-by:`, `involves:`, `org:`, `user:`,
 * `repo:`, `label:`, `review:approved|changes_requested|none`, and
 * `created:`/`updated:`/`closed:`/`merged:` with `>`, `>=`, `<`, `<=`,
 * `a..b` (`*` open) or one day; `-` before a qualifier negates it. Anything
 * else is text, matched against title and body. Like GitHub, at most the
 * first 1,000 results can be paged to. Unlike GitHub, "best match" (no
 * `sort`) orders newest first, so pages are stable.
 */
const DAY_MS = 86_400_000;
const MAX_RESULTS = 1000;

type Predicate = (item: IssueLike) => boolean;

function invalid(field: string): Refusal {
  return new Refusal({
    status: 422,
    body: { ...errorBody(422, 'Validation Failed'), errors: [{ message: `The ${field} qualifier is not valid.`, resource: 'Search', field: 'q', code: 'invalid' }] },
  });
}

/** `[from, to)` in epoch ms for a date qualifier's value. */
function range(value: string, qualifier: string): [number, number] {
  const bounds = (text: string): [number, number] => {
    const start = Date.parse(text);
    if (Number.isNaN(start)) throw invalid(qualifier);
    return [start, start + (/^\d{4}-\d{2}-\d{2}$/.test(text) ? DAY_MS : 1000)];
  };
  const operator = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (operator?.[1] && operator[2]) {
    const [start, end] = bounds(operator[2]);
    if (operator[1] === '>=') return [start, Number.POSITIVE_INFINITY];
    if (operator[1] === '>') return [end, Number.POSITIVE_INFINITY];
    if (operator[1] === '<=') return [Number.NEGATIVE_INFINITY, end];
    return [Number.NEGATIVE_INFINITY, start];
  }
  const between = /^(.+)\.\.(.+)$/.exec(value);
  if (between?.[1] && between[2]) {
    return [between[1] === '*' ? Number.NEGATIVE_INFINITY : bounds(between[1])[0], between[2] === '*' ? Number.POSITIVE_INFINITY : bounds(between[2])[1]];
  }
  return bounds(value);
}

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
const reviewers = (item: IssueLike) => (item.kind === 'pull' ? item.reviews.filter((entry) => entry.state !== 'PENDING') : []);

function qualifier(key: string, value: string): Predicate | undefined {
  const within = (time: (item: IssueLike) => number | null): Predicate => {
    const [from, to] = range(value, key);
    return (item) => {
      const at = time(item);
      return at !== null && at >= from && at < to;
    };
  };
  switch (key) {
    case 'type':
    case 'is':
      if (value === 'pr') return (item) => item.kind === 'pull';
      if (value === 'issue') return (item) => item.kind === 'issue';
      if (value === 'open' || value === 'closed') return (item) => (item.closedAt === null) === (value === 'open');
      if (value === 'merged' || value === 'unmerged') return (item) => item.kind === 'pull' && (item.mergedAt !== null) === (value === 'merged');
      return undefined;
    case 'state':
      return (item) => (item.closedAt === null) === (value === 'open');
    case 'author':
      return (item) => same(item.author.login, value);
    case 'reviewed-by':
      return (item) => reviewers(item).some((entry) => same(entry.reviewer.login, value));
    case 'involves':
      return (item) => same(item.author.login, value) || reviewers(item).some((entry) => same(entry.reviewer.login, value));
    case 'org':
    case 'user':
      return (item) => same(item.repo.owner.login, value);
    case 'repo':
      return (item) => same(item.repo.fullName, value);
    case 'label':
      return (item) => item.labels.some((name) => same(name, value));
    case 'review':
      if (value === 'none') return (item) => item.kind === 'pull' && reviewers(item).length === 0;
      return (item) => reviewers(item).some((entry) => same(entry.state, value));
    case 'created':
      return within((item) => item.createdAt);
    case 'updated':
      return within((item) => item.updatedAt);
    case 'closed':
      return within((item) => item.closedAt);
    case 'merged':
      return within((item) => (item.kind === 'pull' ? item.mergedAt : null));
    default:
      return undefined;
  }
}

/** Splits on spaces, keeping `"quoted phrases"` (and `label:"good first issue"`) whole. */
function tokens(q: string): string[] {
  return (q.match(/-?[^\s"]*"[^"]*"|\S+/g) ?? []).map((token) => token.replace(/"/g, ''));
}

export function parseSearch(q: string): Predicate[] {
  return tokens(q).map((token) => {
    const negated = token.startsWith('-') && token.includes(':');
    const body = negated ? token.slice(1) : token;
    const match = /^([a-z-]+):(.+)$/i.exec(body);
    const known = match?.[1] && match[2] ? qualifier(match[1].toLowerCase(), match[2]) : undefined;
    const predicate: Predicate = known ?? ((item) => `${item.title} ${item.body ?? ''}`.toLowerCase().includes(token.toLowerCase()));
    return negated ? (item) => !predicate(item) : predicate;
  });
}

function everything(store: Store): IssueLike[] {
  return [...store.issuesByRepo.values()].flat();
}

export function searchIssues(context: RouteContext): Answer {
  const { store, query, url, urls } = context;
  const q = query.get('q');
  if (!q?.trim()) {
    throw new Refusal({ status: 422, body: { ...errorBody(422, 'Validation Failed'), errors: [{ resource: 'Search', field: 'q', code: 'missing' }] } });
  }
  const predicates = parseSearch(q);
  const found = everything(store).filter((item) => context.viewer.canSee(item.repo) && predicates.every((predicate) => predicate(item)));
  const sort = query.get('sort');
  const keys: Record<string, (item: IssueLike) => number> = {
    created: (item) => item.createdAt,
    updated: (item) => item.updatedAt,
    comments: (item) => item.comments,
  };
  const order = sort && keys[sort] && query.get('order') === 'asc' ? 'asc' : 'desc';
  const ordered = sorted(found, keys[sort ?? ''] ?? ((item) => item.createdAt), order);
  const { perPage, page } = pageRequest(query);
  if ((page - 1) * perPage >= MAX_RESULTS) {
    throw new Refusal({ status: 422, body: errorBody(422, 'Only the first 1000 search results are available') });
  }
  const answered = paginate(ordered.slice(0, MAX_RESULTS), url);
  return {
    status: 200,
    body: { total_count: found.length, incomplete_results: false, items: answered.items.map((item) => ({ ...issue(store, item, urls), score: 1 })) },
    link: answered.link,
  };
}
