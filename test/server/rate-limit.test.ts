import { MemoryRateLimitStore, RateLimiter, RateLimitStore } from '../../src/server/rate-limit';
import { TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { Probe, send, startProbedServer } from './support';

describe('MemoryRateLimitStore and RateLimiter', () => {
  it('counts per key in one-minute windows aligned to the clock, then starts again', async () => {
    let now = 120_000 + 59_000; // one second before a window ends
    const limiter = new RateLimiter(2, new MemoryRateLimitStore(), () => now);
    expect(await limiter.consume('a')).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 1 });
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect(await limiter.consume('a')).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1 });
    expect((await limiter.consume('b')).allowed).toBe(true);
    now += 1_000;
    expect(await limiter.consume('a')).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 60 });
  });

  it('forgets the callers of past windows', async () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 1000; i++) await store.hit(`caller-${i}`, 60_000, 0);
    expect(store.size).toBe(1000);
    await store.hit('late', 60_000, 60_000);
    expect(store.size).toBe(1);
  });

  it('works with any store behind the interface (as a Redis one would)', async () => {
    const calls: string[] = [];
    const store: RateLimitStore = {
      async hit(key, windowMs, now) {
        calls.push(`${key}@${Math.floor(now / windowMs)}`);
        return { count: 7, resetAt: now + 30_000 };
      },
    };
    const decision = await new RateLimiter(5, store, () => 90_000).consume('sub:MIIT:x');
    expect(calls).toEqual(['sub:MIIT:x@1']);
    expect(decision).toEqual({ allowed: false, limit: 5, remaining: 0, resetSeconds: 30 });
  });
});

describe('RATE_LIMIT_PER_MINUTE at the endpoint', () => {
  let t: TestServer & { probe: Probe };
  beforeAll(async () => {
    t = await startProbedServer({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());
  const query = { query: '{ viewer { role } }' };

  it('gives each token subject its own budget, and refuses the next request with 429 RATE_LIMITED before it runs', async () => {
    const [a, b] = await Promise.all([tokenFor({ role: 'MIIT' }), tokenFor({ role: 'MOF' })]);
    for (let i = 0; i < 3; i++) {
      const res = await send(`${t.url}/graphql`, { json: query, headers: { authorization: `Bearer ${a}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    t.probe.reset();
    const limited = await send(`${t.url}/graphql`, { json: query, headers: { authorization: `Bearer ${a}` } });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      errors: [{ message: `too many requests; retry in ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryAfter } }],
    });
    expect(t.probe.executions).toBe(0);

    // Another subject is unaffected.
    expect((await send(`${t.url}/graphql`, { json: query, headers: { authorization: `Bearer ${b}` } })).status).toBe(200);
  });

  it('counts the public, and callers with bad tokens, per client address', async () => {
    for (let i = 0; i < 3; i++) expect((await send(`${t.url}/graphql`, { json: query })).status).toBe(200);
    expect((await send(`${t.url}/graphql`, { json: query })).status).toBe(429);
    const forged = await send(`${t.url}/graphql`, { json: query, headers: { authorization: 'Bearer a.b.c' } });
    expect(forged.status).toBe(429);
    expect(forged.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
