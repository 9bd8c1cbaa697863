import { DataSource } from 'typeorm';
import { MAX_OPERATION_LABELS, Metrics } from '../../src/server/metrics';
import { startTestServer, TestServer } from '../support/server';
import { send } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MAX_QUERY_DEPTH: '3' });
});
afterAll(() => t.close());

/** The value of one sample line, e.g. `srdi_graphql_errors_total{code="X"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('has request durations by operation, errors by code, the database pool and the process', async () => {
    for (let i = 0; i < 2; i++) await t.graphql('query Provinces { regions(level: PROVINCE) { code } }');
    await t.graphql('{ region(code: "320102") { parent { parent { code } } } }'); // too deep
    await t.graphql('mutation Nope { nope }'); // invalid

    const res = await send(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(text).toContain('# TYPE srdi_graphql_request_duration_seconds histogram');
    expect(sample(text, 'srdi_graphql_request_duration_seconds_count{operation_name="Provinces",operation_type="query",status="200"}')).toBe(2);
    expect(
      sample(text, 'srdi_graphql_request_duration_seconds_bucket{le="+Inf",operation_name="Provinces",operation_type="query",status="200"}'),
    ).toBe(2);
    expect(sample(text, 'srdi_graphql_errors_total{code="QUERY_TOO_COMPLEX"}')).toBe(1);
    expect(sample(text, 'srdi_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);

    // The pool behind TypeORM's DataSource is pg's Pool at driver.master.
    const pool = (t.appDataSource.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    const total = sample(text, 'srdi_db_pool_total_connections')!;
    const idle = sample(text, 'srdi_db_pool_idle_connections')!;
    expect(total).toBeGreaterThanOrEqual(1);
    expect(idle).toBeLessThanOrEqual(total);
    expect(total).toBe(pool.totalCount);
    expect(sample(text, 'srdi_db_pool_waiting_clients')).toBe(0);
    expect(sample(text, 'srdi_db_pool_max_connections')).toBe(5);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('shows a connection held by a request as busy, and a request queued for one as waiting', async () => {
    const ds = t.appDataSource;
    const runners = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const r = ds.createQueryRunner();
        await r.connect();
        return r;
      }),
    );
    const queued = ds.query('SELECT 1');
    try {
      const text = (await send(`${t.url}/metrics`)).text;
      expect(sample(text, 'srdi_db_pool_total_connections')).toBe(5);
      expect(sample(text, 'srdi_db_pool_idle_connections')).toBe(0);
      expect(sample(text, 'srdi_db_pool_waiting_clients')).toBe(1);
    } finally {
      await Promise.all(runners.map((r) => r.release()));
      await queued;
    }
  });
});

describe('Metrics', () => {
  it(`keeps at most ${MAX_OPERATION_LABELS} operation names as labels; clients choose them`, async () => {
    const metrics = new Metrics({ driver: {} } as unknown as DataSource);
    for (let i = 0; i < MAX_OPERATION_LABELS + 50; i++) {
      metrics.observe({ operationName: `Op${i}`, operationType: 'query', status: 200, durationSeconds: 0.01, errorCodes: [] });
    }
    metrics.observe({ operationName: null, operationType: 'query', status: 200, durationSeconds: 0.01, errorCodes: [] });
    const names = new Set([...(await metrics.registry.metrics()).matchAll(/operation_name="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBe(MAX_OPERATION_LABELS + 2);
    expect(names.has('__other')).toBe(true);
    expect(names.has('__anonymous')).toBe(true);
    expect(await metrics.registry.metrics()).toContain('srdi_db_pool_total_connections 0');
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const secured = await startTestServer({ METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      expect((await send(`${secured.url}/metrics`)).status).toBe(401);
      expect((await send(`${secured.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await send(`${secured.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } })).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
