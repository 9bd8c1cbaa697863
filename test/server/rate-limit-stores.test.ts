import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { APP_DB_ROLE } from '../../src/db/request-transaction';
import { RateLimiter } from '../../src/server/rate-limit';
import { PostgresRateLimitStore, RedisRateLimitStore } from '../../src/server/rate-limit-stores';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The shared rate-limit stores, each used by two limiters standing for two
 * API processes: one count for both. (test/server/replicas.e2e.test.ts
 * checks the same with two real server processes on PostgreSQL.)
 */

describe('PostgresRateLimitStore', () => {
  let db: TestDatabase;
  const pools: DataSource[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      // As the server connects: srdi_app, which may use the table the migration made but create none.
      const ds = createDataSource({ entities: ENTITIES, url: db.url, poolSize: 2, role: APP_DB_ROLE });
      await ds.initialize();
      pools.push(ds);
    }
  });
  afterAll(async () => {
    for (const ds of pools) await ds.destroy();
    await db.drop();
  });

  it('counts one window for a key across two processes, keeps keys and window lengths apart, and says when it resets', async () => {
    const [a, b] = pools.map((ds) => new RateLimiter(3, new PostgresRateLimitStore(ds)));
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await (i % 2 ? b : a).consume('sub:MIIT:shared'));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(decisions.every((d) => d.resetSeconds >= 1 && d.resetSeconds <= 60)).toBe(true);
    expect((await a.consume('sub:MIIT:other')).remaining).toBe(2);
    // The hourly objection limit is another window of the same key.
    const hourly = new RateLimiter(3, new PostgresRateLimitStore(pools[1]), Date.now, 3_600_000);
    expect((await hourly.consume('sub:MIIT:shared')).remaining).toBe(2);
    const rows = await db.dataSource.query(`SELECT key, points FROM rate_limit ORDER BY key`);
    expect(rows).toEqual([
      { key: 'srdi:3600000:sub:MIIT:shared', points: 1 },
      { key: 'srdi:60000:sub:MIIT:other', points: 1 },
      { key: 'srdi:60000:sub:MIIT:shared', points: 5 },
    ]);
  });

  it('starts a new window when the old one has expired', async () => {
    const limiter = new RateLimiter(2, new PostgresRateLimitStore(pools[0]));
    await limiter.consume('ip:10.0.0.9');
    await limiter.consume('ip:10.0.0.9');
    expect((await limiter.consume('ip:10.0.0.9')).allowed).toBe(false);
    await db.dataSource.query(`UPDATE rate_limit SET expire = $1 WHERE key = 'srdi:60000:ip:10.0.0.9'`, [Date.now() - 1]);
    expect(await limiter.consume('ip:10.0.0.9')).toMatchObject({ allowed: true, remaining: 1 });
  });
});

const REDIS = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
if (!REDIS) console.warn('redis-server not found: the Redis store test is skipped (.ci/run installs it with apt-get)');

(REDIS ? describe : describe.skip)('RedisRateLimitStore (REDIS_URL)', () => {
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    redis = spawn(REDIS!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const c = net.connect(port, '127.0.0.1', () => (c.end(), resolve(true))).on('error', () => resolve(false));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis-server did not start');
  });
  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('counts one window for a key across two processes', async () => {
    const stores = [new RedisRateLimitStore(`redis://127.0.0.1:${port}`), new RedisRateLimitStore(`redis://127.0.0.1:${port}`)];
    try {
      await Promise.all(stores.map((s) => s.ready()));
      const [a, b] = stores.map((s) => new RateLimiter(2, s));
      const seen = [];
      for (let i = 0; i < 4; i++) seen.push((await (i % 2 ? b : a).consume('sub:MOF:redis')).allowed);
      expect(seen).toEqual([true, true, false, false]);
      expect((await a.consume('sub:MOF:someone-else')).allowed).toBe(true);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('keeps counting in the process while Redis is unreachable, instead of failing requests', async () => {
    const store = new RedisRateLimitStore('redis://127.0.0.1:1');
    try {
      const limiter = new RateLimiter(1, store);
      expect((await limiter.consume('ip:10.1.1.1')).allowed).toBe(true);
      expect((await limiter.consume('ip:10.1.1.1')).allowed).toBe(false);
    } finally {
      await store.close();
    }
  });
});
