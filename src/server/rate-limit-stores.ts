import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { RateLimitStore, RateLimitWindow } from './rate-limit';

/**
 * Rate-limit counts shared by every API process, kept by rate-limiter-flexible:
 * in PostgreSQL (the table of migration SharedAcrossReplicas) by default, in
 * Redis when REDIS_URL is set. The library only counts here: RateLimiter
 * decides, so its limit is set out of reach. A window starts with a key's
 * first request and lasts `windowMs`.
 */
interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  insuranceLimiter: RateLimiterMemory;
}

abstract class FlexibleStore implements RateLimitStore {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  protected abstract create(options: LimiterOptions): RateLimiterAbstract;

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitWindow> {
    let limiter = this.limiters.get(windowMs);
    if (!limiter) {
      // The library counts whole seconds; the prefix keeps the minute and the hour windows apart.
      const options = { keyPrefix: `srdi:${windowMs}`, points: 2 ** 31 - 1, duration: Math.max(1, Math.round(windowMs / 1000)) };
      // While the shared store is unreachable, this process counts on its own rather than failing requests.
      limiter = this.create({ ...options, insuranceLimiter: new RateLimiterMemory(options) });
      this.limiters.set(windowMs, limiter);
    }
    const res: RateLimiterRes = await limiter.consume(key, 1);
    return { count: res.consumedPoints, resetAt: now + res.msBeforeNext };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class PostgresRateLimitStore extends FlexibleStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected create(o: LimiterOptions): RateLimiterAbstract {
    // The table exists (a migration made it): srdi_app may not create tables. Expired rows are cleared hourly.
    return new RateLimiterPostgres({ ...o, storeClient: this.dataSource, storeType: 'typeorm', tableName: 'rate_limit', tableCreated: true });
  }
}

export class RedisRateLimitStore extends FlexibleStore {
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    // No offline queue: while Redis is unreachable a request is counted in this process instead of waiting.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.on('error', () => undefined); // it reconnects on its own; the insurance limiter counts meanwhile
  }

  protected create(o: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterRedis({ ...o, storeClient: this.redis });
  }

  /** Resolves once connected: until then (and whenever Redis is away) each process counts on its own. */
  async ready(): Promise<void> {
    if (this.redis.status !== 'ready') await new Promise<void>((resolve) => this.redis.once('ready', () => resolve()));
  }

  override async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
