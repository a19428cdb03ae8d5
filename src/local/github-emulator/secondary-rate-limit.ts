/**
 * GitHub's secondary rate limits ("Rate limits for the REST API", about
 * secondary rate limits): at most 100 concurrent requests; at most 900
 * points a minute to one endpoint (1 a GET, HEAD or OPTIONS, 5 a POST,
 * PATCH, PUT or DELETE); at most 80 content-creating requests a minute and
 * 500 an hour (here: every API request that is not a GET or HEAD). Each
 * client (token, installation, app, user or IP, as for the primary limit)
 * has its own. The CPU-time rule has no meaning here and is not modelled.
 * Past one: 403 with `retry-after` and GitHub's message, which
 * @octokit/plugin-throttling recognises (/\bsecondary rate\b/i).
 */
export interface SecondaryLimitOptions {
  readonly concurrent: number;
  readonly pointsPerMinute: number;
  readonly contentPerMinute: number;
  readonly contentPerHour: number;
  /** What `retry-after` says when the limit hit has no window to wait for (concurrency). */
  readonly retryAfterS: number;
}

export const GITHUB_SECONDARY_LIMITS: SecondaryLimitOptions = { concurrent: 100, pointsPerMinute: 900, contentPerMinute: 80, contentPerHour: 500, retryAfterS: 60 };

export const SECONDARY_LIMIT_DOCS = 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

const MINUTE_MS = 60_000;
const HOUR_MS = 3600_000;

/** GitHub's body for a request refused by a secondary limit. */
export function secondaryLimitBody(requestId: string) {
  return {
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    documentation_url: SECONDARY_LIMIT_DOCS,
  };
}

const isReading = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

export class SecondaryLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly points = new Map<string, { start: number; used: number }>();
  /** Times of each client's content-creating requests within the last hour. */
  private readonly content = new Map<string, number[]>();

  constructor(private readonly options: SecondaryLimitOptions = GITHUB_SECONDARY_LIMITS) {}

  /** Counts a request in flight until `release`; `tooMany` when it arrived past the concurrency limit. */
  enter(client: string): { tooMany: boolean; release: () => void } {
    const count = (this.inFlight.get(client) ?? 0) + 1;
    this.inFlight.set(client, count);
    let released = false;
    return {
      tooMany: count > this.options.concurrent,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.inFlight.get(client) ?? 1) - 1;
        if (left <= 0) this.inFlight.delete(client);
        else this.inFlight.set(client, left);
      },
    };
  }

  /** Counts the request against the per-endpoint and content limits; the seconds to wait when one is exceeded (nothing is counted then). */
  check(client: string, route: string, method: string, now: number): number | undefined {
    const cost = isReading(method) ? 1 : 5;
    const key = `${client} ${route}`;
    const current = this.points.get(key);
    const window = current && now < current.start + MINUTE_MS ? current : { start: now, used: 0 };
    if (window.used + cost > this.options.pointsPerMinute) return this.seconds(window.start + MINUTE_MS - now);
    if (!isReading(method)) {
      const recent = (this.content.get(client) ?? []).filter((time) => time > now - HOUR_MS);
      this.content.set(client, recent);
      const lastMinute = recent.filter((time) => time > now - MINUTE_MS);
      if (lastMinute.length >= this.options.contentPerMinute) return this.seconds((lastMinute[0] ?? now) + MINUTE_MS - now);
      if (recent.length >= this.options.contentPerHour) return this.seconds((recent[0] ?? now) + HOUR_MS - now);
      recent.push(now);
    }
    window.used += cost;
    this.points.set(key, window);
    return undefined;
  }

  get retryAfterS(): number {
    return this.options.retryAfterS;
  }

  private seconds(ms: number): number {
    return Math.max(1, Math.ceil(ms / 1000));
  }
}
