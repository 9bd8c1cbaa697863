import { createAward, createEnterprise } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/database';
import { tokenFor } from '../support/tokens';
import { createBatch, createLittleGiant, createProgram, createProposal, DISBURSE, gid, GRANT, outcome } from '../modules/funding/funding-factories';
import { MainProcess, send, spawnMain } from './support';

/**
 * Two real API processes (src/main.ts, as `npm start` runs it) on one
 * database, the way a load balancer spreads a national service over
 * replicas: they share nothing but PostgreSQL, and still give the same
 * answers, keep the budget and idempotency rules, count one rate limit, and
 * run the background upkeep once per interval between them.
 */

jest.setTimeout(120_000);

const RATE_LIMIT = 8;
const UPKEEP_SECONDS = 1;

let db: TestDatabase;
const replicas: MainProcess[] = [];
/** MoF officials, one per request: the rate limit (RATE_LIMIT a minute per subject) is tested on its own below. */
let mof: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  // One after the other: both would wait on the same migration lock anyway.
  for (let i = 0; i < 2; i++) {
    replicas.push(await spawnMain(db.url, { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), UPKEEP_INTERVAL_SECONDS: String(UPKEEP_SECONDS) }));
  }
  mof = await Promise.all(Array.from({ length: 16 }, (_, i) => tokenFor({ role: 'MOF', subject: `mof-user:replicas-${i}` })));
});

afterAll(async () => {
  await Promise.all(
    replicas.map(
      (r) =>
        new Promise<void>((resolve) => {
          if (r.child.exitCode !== null) return resolve();
          r.child.once('exit', () => resolve());
          r.child.kill('SIGTERM');
        }),
    ),
  );
  await db.drop();
});

/** POSTs an operation to replica `i % 2`: request i goes to a, i+1 to b, as a round-robin balancer sends them. */
async function graphql(i: number, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await send(`${replicas[i % 2].url}/graphql`, {
    json: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, ...(res.body as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

it('gives the same answers from either replica', async () => {
  const e = await createEnterprise(db.dataSource, { regionCode: '320102', tier: 'LITTLE_GIANT' });
  const query = `query($id: ID!) { node(id: $id) { ... on Enterprise { name creditCode region { code name } } }
    regions(level: PROVINCE) { code name } }`;
  const token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  const [a, b] = await Promise.all([
    graphql(0, query, { id: gid('Enterprise', e.id) }, token),
    graphql(1, query, { id: gid('Enterprise', e.id) }, token),
  ]);
  expect(a.errors).toBeUndefined();
  expect(a.data.node.creditCode).toBe(e.creditCode);
  expect(a.data.regions).toHaveLength(31);
  expect(b).toEqual(a);
});

it('keeps a batch within its budget when concurrent grants are spread over both replicas', async () => {
  const ds = db.dataSource;
  const programId = await createProgram(ds, '100000000000.00');
  const batchId = await createBatch(ds, programId, 1, '7000000.00');
  const firms = [];
  for (let i = 0; i < 16; i++) {
    const f = await createLittleGiant(ds, i % 2 ? '320102' : '440305');
    await createProposal(ds, batchId, f.id);
    firms.push(f);
  }
  const results = await Promise.all(
    firms.map((f, i) =>
      graphql(i, GRANT, { input: { batchId: gid('FundingBatch', batchId), enterpriseId: gid('Enterprise', f.id), amount: '1000000.00' } }, mof[i]),
    ),
  );
  const tally = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [outcome(r)]: (acc[outcome(r)] ?? 0) + 1 }), {});
  // 7,000,000 / 1,000,000: exactly seven fit, wherever they were sent.
  expect(tally).toEqual({ OK: 7, CONFLICT: 9 });
  const [{ total, n }] = await ds.query(`SELECT sum(amount)::text AS total, count(*)::int AS n FROM award WHERE batch_id = $1`, [batchId]);
  expect({ total, n }).toEqual({ total: '7000000.00', n: 7 });
});

it('pays a retried disbursement once, whichever replica each retry reaches', async () => {
  const ds = db.dataSource;
  const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
  const programId = await createProgram(ds, '100000000000.00');
  const batchId = await createBatch(ds, programId, 2, '100000000.00');
  const awardId = await createAward(ds, batchId, { enterpriseId: e.id }, '3000000.00');
  const input = { awardId: gid('Award', awardId), amount: '1000000.00', idempotencyKey: 'replica-retry-1' };
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => graphql(i, DISBURSE, { input }, mof[i])));
  expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
  expect(new Set(results.map((r) => r.data.disburseAward.disbursement.id)).size).toBe(1);
  expect(results.filter((r) => !r.data.disburseAward.replayed)).toHaveLength(1);
  const [{ n, total }] = await ds.query(`SELECT count(*)::int AS n, coalesce(sum(amount), 0)::text AS total FROM disbursement WHERE award_id = $1`, [
    awardId,
  ]);
  expect({ n, total }).toEqual({ n: 1, total: '1000000.00' });
});

it('counts one rate limit across both replicas', async () => {
  const token = await tokenFor({ role: 'MIIT', subject: 'miit-user:replica-limit' });
  const statuses: number[] = [];
  const remaining: string[] = [];
  for (let i = 0; i < RATE_LIMIT + 2; i++) {
    const res = await send(`${replicas[i % 2].url}/graphql`, {
      json: { query: '{ viewer { role } }' },
      headers: { authorization: `Bearer ${token}` },
    });
    statuses.push(res.status);
    remaining.push(res.headers.get('ratelimit-remaining') ?? '');
  }
  // Per replica it would be 8 each, 10 requests all passing; shared, the 9th and 10th are refused on whichever replica they reach.
  expect(statuses).toEqual([...Array(RATE_LIMIT).fill(200), 429, 429]);
  expect(remaining.slice(0, RATE_LIMIT)).toEqual(Array.from({ length: RATE_LIMIT }, (_, i) => String(RATE_LIMIT - 1 - i)));
});

it('runs the tier upkeep once per interval between the two, not once per replica', async () => {
  const ds = db.dataSource;
  const [before] = await ds.query<{ runs: number }[]>(`SELECT runs FROM upkeep_run WHERE name = 'tier-upkeep'`);
  const waitMs = 5_000;
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  const [after] = await ds.query<{ runs: number; started_by: string }[]>(`SELECT runs, started_by FROM upkeep_run WHERE name = 'tier-upkeep'`);
  const runs = after.runs - (before?.runs ?? 0);
  // Two replicas each ticking every second would run about ten times in five seconds; between them, a run is due
  // 0.9 s after the last one started, so at most 5 / 0.9 + 1 ≈ 6.
  expect(runs).toBeGreaterThanOrEqual(2);
  expect(runs).toBeLessThanOrEqual(Math.floor(waitMs / (UPKEEP_SECONDS * 900)) + 1);
  expect(after.started_by).toMatch(/^pid:\d+$/);
  expect(replicas.map((r) => r.child.pid).map((pid) => `pid:${pid}`)).toContain(after.started_by);
});
