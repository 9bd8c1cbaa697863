import { Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Distinct operation names kept as label values; later ones are counted as "__other". */
export const MAX_OPERATION_LABELS = 200;

export interface ObservedRequest {
  /** The operation's name once it was resolved and validated; null for anonymous, undefined when none was. */
  operationName: string | null | undefined;
  operationType: string | undefined;
  status: number;
  durationSeconds: number;
  errorCodes: string[];
}

/** The pg Pool under TypeORM's postgres driver (`driver.master`), or null when there is none (yet). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

function poolOf(dataSource: DataSource): PoolCounts | null {
  const pool = (dataSource.driver as unknown as { master?: PoolCounts }).master;
  return pool && typeof pool.totalCount === 'number' ? pool : null;
}

/**
 * Prometheus metrics of one server, in a registry of its own (tests run
 * several servers in one process): request durations by operation, errors
 * by code, the database pool, and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'operation_name' | 'operation_type' | 'status'>;
  private readonly errors: Counter<'code'>;
  private readonly names = new Set<string>();

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'srdi_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to the end of its response, by operation.',
      labelNames: ['operation_name', 'operation_type', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'srdi_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code.',
      labelNames: ['code'],
      registers: [this.registry],
    });
    const gauge = (name: string, help: string, read: (pool: PoolCounts) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const pool = poolOf(dataSource);
          this.set((pool && read(pool)) ?? 0);
        },
      });
    gauge('srdi_db_pool_total_connections', 'Connections the database pool holds, busy or idle.', (p) => p.totalCount);
    gauge('srdi_db_pool_idle_connections', 'Connections in the database pool waiting for work.', (p) => p.idleCount);
    gauge('srdi_db_pool_waiting_clients', 'Requests queued for a connection because the pool is exhausted.', (p) => p.waitingCount);
    gauge('srdi_db_pool_max_connections', 'The size limit of the database pool.', (p) => p.options?.max);
  }

  observe(request: ObservedRequest): void {
    this.duration.observe(
      {
        operation_name: this.operationLabel(request.operationName),
        operation_type: request.operationType ?? 'none',
        status: String(request.status),
      },
      request.durationSeconds,
    );
    for (const code of request.errorCodes) this.errors.inc({ code });
  }

  /** Client-chosen names are unbounded; the label set is not. */
  private operationLabel(name: string | null | undefined): string {
    if (name === undefined) return '__none';
    if (name === null) return '__anonymous';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_LABELS) return '__other';
    this.names.add(name);
    return name;
  }
}

/** GET /metrics in Prometheus's text format; behind a bearer token when METRICS_TOKEN is set. */
export function metricsRouter(metrics: Metrics, token: string | null): Router {
  const router = Router();
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  router.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('www-authenticate', 'Bearer').json({ error: 'unauthorized' });
        return;
      }
    }
    res.set('content-type', metrics.registry.contentType);
    res.set('cache-control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
