import { EntityManager } from 'typeorm';

/**
 * Multi-row inserts: one `INSERT … SELECT * FROM unnest($1::uuid[], …)` per
 * chunk, one array parameter per column. That is one round trip and one plan
 * for thousands of rows, with every constraint, foreign key and trigger still
 * checked row by row by PostgreSQL, which a seed must not switch off.
 */

/** The PostgreSQL array element type each column is sent as. */
export type PgType = 'uuid' | 'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'jsonb';

/** A table and, for each column the loader writes, the type it is sent as. Omitted columns take their defaults. */
export interface TableSpec<R> {
  readonly table: string;
  readonly columns: { readonly [K in keyof R]: PgType };
}

/** Anything with TypeORM's `query(sql, params)`: an EntityManager, a QueryRunner or a DataSource. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export const DEFAULT_CHUNK_SIZE = 5_000;

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The INSERT statement for a spec; exported for tests. */
export function insertSql<R>(spec: TableSpec<R>): string {
  const names = Object.keys(spec.columns) as (keyof R & string)[];
  const casts = names.map((n, i) => `$${i + 1}::${spec.columns[n]}[]`);
  return `INSERT INTO ${quoteIdent(spec.table)} (${names.map(quoteIdent).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
}

/** Column-major parameters for one chunk. jsonb values are sent as JSON text. */
function parameters<R>(spec: TableSpec<R>, rows: readonly R[]): unknown[][] {
  const names = Object.keys(spec.columns) as (keyof R & string)[];
  return names.map((n) => {
    const json = spec.columns[n] === 'jsonb';
    const column = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][n] as unknown;
      column[i] = v === undefined || v === null ? null : json ? JSON.stringify(v) : v;
    }
    return column;
  });
}

/** Inserts `rows` in chunks and resolves once all are in. Returns the number of rows written. */
export async function bulkInsert<R>(
  db: Queryable | EntityManager,
  spec: TableSpec<R>,
  rows: readonly R[],
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<number> {
  if (!(chunkSize > 0)) throw new RangeError('chunkSize must be positive');
  const sql = insertSql(spec);
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db.query(sql, parameters(spec, rows.slice(start, start + chunkSize)));
  }
  return rows.length;
}

/**
 * Queues inserts on one connection and lets the caller go on generating the
 * next rows while PostgreSQL works through the queue. Statements run strictly
 * in the order they were written (parents before children), one at a time.
 * The first failure is kept and rethrown by `flush()`; everything queued after
 * it is skipped (inside a transaction it would fail anyway).
 */
export class BulkWriter {
  private tail: Promise<void> = Promise.resolve();
  /** Completion of each queued chunk, oldest first; these never reject. */
  private readonly queued: Promise<void>[] = [];
  /** The first error, boxed so that it is rethrown exactly as the driver threw it. */
  private failure: { error: unknown } | null = null;
  private readonly written = new Map<string, number>();

  constructor(
    private readonly db: Queryable | EntityManager,
    private readonly options: { chunkSize?: number; maxPending?: number } = {},
  ) {}

  /** Rows written so far per table. */
  get counts(): ReadonlyMap<string, number> {
    return this.written;
  }

  /** Queues `rows` without waiting. */
  enqueue<R>(spec: TableSpec<R>, rows: readonly R[]): void {
    if (this.failure) throw this.failure.error;
    const chunkSize = this.options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const sql = insertSql(spec);
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      this.tail = this.tail.then(async () => {
        if (this.failure) return;
        try {
          await this.db.query(sql, parameters(spec, chunk));
          this.written.set(spec.table, (this.written.get(spec.table) ?? 0) + chunk.length);
        } catch (err) {
          this.failure ??= { error: err };
        }
      });
      this.queued.push(this.tail);
    }
  }

  /** Resolves once the queue is short enough to take more (back-pressure); throws the first failure. */
  async ready(): Promise<void> {
    const maxPending = this.options.maxPending ?? 8;
    while (this.queued.length > maxPending) await this.queued.shift();
    if (this.failure) throw this.failure.error;
  }

  /** Queues `rows`, then waits for room (back-pressure). */
  async write<R>(spec: TableSpec<R>, rows: readonly R[]): Promise<void> {
    this.enqueue(spec, rows);
    await this.ready();
  }

  /** Waits for everything queued; throws the first failure. */
  async flush(): Promise<void> {
    await this.tail;
    this.queued.length = 0;
    if (this.failure) throw this.failure.error;
  }
}
