/**
 * Requests per caller per minute. The counts live behind RateLimitStore:
 * shared by every API process in PostgreSQL or Redis (rate-limit-stores.ts,
 * windows that start with a key's first request), or in this process's
 * memory (fixed one-minute windows).
 */
export interface RateLimitWindow {
  /** Requests counted in this window, this one included. */
  count: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
}

export interface RateLimitStore {
  /** Counts one request for `key` in the window of `windowMs` that contains `now`. */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitWindow>;
  /** Lets go of connections the store holds of its own. */
  close?(): Promise<void>;
}

/** One process's counts; expired windows are swept at most once a window, so memory follows the callers of the last minute. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateLimitWindow>();
  private nextSweep = 0;

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitWindow> {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.sweep(now, windowMs);
      window = { count: 0, resetAt: (Math.floor(now / windowMs) + 1) * windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { ...window };
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number, windowMs: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + windowMs;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  constructor(
    /** Requests allowed per window (a minute unless `windowMs` says otherwise). */
    readonly perMinute: number,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
    private readonly now: () => number = Date.now,
    private readonly windowMs: number = WINDOW_MS,
  ) {}

  async consume(key: string): Promise<RateLimitDecision> {
    const now = this.now();
    const { count, resetAt } = await this.store.hit(key, this.windowMs, now);
    return {
      allowed: count <= this.perMinute,
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - count),
      resetSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }
}
