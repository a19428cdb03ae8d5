import * as z from 'zod';
import type { RateLimiter } from './rate-limit';

/**
 * What tests steer and read through `/_emulator/*` (servers started with
 * `controls: true` only): injected faults, and counts of the requests
 * served, so a test can hold the collector to a budget of calls.
 */
export const FaultRequest = z.object({
  mode: z.enum(['none', '502', 'rate_limited', 'slow', 'secondary_limited']),
  /** `slow`: how long each answer waits (default 1000 ms). */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** Requests answered normally before the fault starts (default 0). */
  remaining: z.number().int().min(0).optional(),
  /** Faulty answers before the emulator heals itself (default: until `none`). */
  times: z.number().int().min(1).optional(),
  /** `rate_limited`: when the limit resets, from now (default 60 s); it lifts by itself then. */
  resetAfterMs: z.number().int().min(1).max(3600_000).optional(),
  /** `secondary_limited`: the `retry-after` seconds (default 60). */
  retryAfter: z.number().int().min(0).max(3600).optional(),
  /** `secondary_limited`: 403 (default, what GitHub mostly sends) or 429. */
  status: z.union([z.literal(403), z.literal(429)]).optional(),
});
export type FaultRequest = z.infer<typeof FaultRequest>;

export type FaultAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'bad-gateway' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'secondary-limited'; readonly retryAfter: number; readonly status: 403 | 429 };

const DEFAULT_DELAY_MS = 1000;
const DEFAULT_RESET_AFTER_MS = 60_000;
const DEFAULT_RETRY_AFTER_S = 60;

export class Faults {
  private mode: Exclude<FaultRequest['mode'], 'rate_limited'> = 'none';
  private delayMs = DEFAULT_DELAY_MS;
  private passes = 0;
  private times: number | undefined;
  private retryAfter = DEFAULT_RETRY_AFTER_S;
  private status: 403 | 429 = 403;

  /** The rate-limit fault exhausts every resource (core and search) at once. */
  constructor(private readonly limiters: readonly RateLimiter[]) {}

  set(request: FaultRequest, now: number): void {
    this.mode = 'none';
    for (const limiter of this.limiters) limiter.clearExhaustion();
    if (request.mode === 'rate_limited') {
      const resetAt = now + (request.resetAfterMs ?? DEFAULT_RESET_AFTER_MS);
      for (const limiter of this.limiters) limiter.exhaust({ remaining: request.remaining ?? 0, times: request.times, resetAt });
      return;
    }
    this.mode = request.mode;
    this.delayMs = request.delayMs ?? DEFAULT_DELAY_MS;
    this.passes = request.remaining ?? 0;
    this.times = request.times;
    this.retryAfter = request.retryAfter ?? DEFAULT_RETRY_AFTER_S;
    this.status = request.status ?? 403;
  }

  /** What to do with the next API request (the rate-limit fault lives in the limiter). */
  next(): FaultAction {
    if (this.mode === 'none') return { kind: 'none' };
    if (this.passes > 0) {
      this.passes -= 1;
      return { kind: 'none' };
    }
    const action = this.faultyAnswer();
    if (this.times !== undefined) {
      this.times -= 1;
      if (this.times === 0) this.mode = 'none';
    }
    return action;
  }

  private faultyAnswer(): FaultAction {
    if (this.mode === '502') return { kind: 'bad-gateway' };
    if (this.mode === 'secondary_limited') return { kind: 'secondary-limited', retryAfter: this.retryAfter, status: this.status };
    return { kind: 'slow', delayMs: this.delayMs };
  }

  describe(now: number): { mode: string; delayMs?: number; remaining?: number; times?: number; resetAt?: string; retryAfter?: number; status?: number } {
    const exhaustion = this.limiters[0]?.exhaustionAt(now);
    if (exhaustion) {
      return {
        mode: 'rate_limited',
        remaining: exhaustion.remaining,
        ...(exhaustion.times === undefined ? {} : { times: exhaustion.times }),
        resetAt: new Date(exhaustion.resetAt).toISOString(),
      };
    }
    if (this.mode === 'none') return { mode: 'none' };
    return {
      mode: this.mode,
      ...(this.mode === 'slow' ? { delayMs: this.delayMs } : {}),
      ...(this.mode === 'secondary_limited' ? { retryAfter: this.retryAfter, status: this.status } : {}),
      remaining: this.passes,
      ...(this.times === undefined ? {} : { times: this.times }),
    };
  }
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly url: string;
  /** The route template, e.g. `GET /repos/{owner}/{repo}/commits`, or `unmatched`. */
  readonly route: string;
  readonly status: number;
  readonly authenticated: boolean;
}

export interface StatsSnapshot {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly byRoute: Record<string, number>;
  /** The latest requests, oldest first (at most 1,000). */
  readonly requests: readonly RecordedRequest[];
}

const KEPT_REQUESTS = 1000;

export class Stats {
  private total = 0;
  private byStatus: Record<string, number> = {};
  private byRoute: Record<string, number> = {};
  private requests: RecordedRequest[] = [];

  record(request: RecordedRequest): void {
    this.total += 1;
    this.byStatus[request.status] = (this.byStatus[request.status] ?? 0) + 1;
    this.byRoute[request.route] = (this.byRoute[request.route] ?? 0) + 1;
    this.requests.push(request);
    if (this.requests.length > KEPT_REQUESTS) this.requests.splice(0, this.requests.length - KEPT_REQUESTS);
  }

  snapshot(): StatsSnapshot {
    return { total: this.total, byStatus: { ...this.byStatus }, byRoute: { ...this.byRoute }, requests: [...this.requests] };
  }

  reset(): void {
    this.total = 0;
    this.byStatus = {};
    this.byRoute = {};
    this.requests = [];
  }
}
