import { createTestDatabase, TestDatabase } from '../support/database';
import { bulkInsert, BulkWriter, TableSpec } from '../../src/seed/bulk-insert';

interface Row {
  id: number;
  label: string | null;
  amount: string | null;
  info: unknown;
  on: string | null;
}

const SPEC: TableSpec<Row> = {
  table: 'seed_bulk_test',
  columns: { id: 'int', label: 'text', amount: 'numeric', info: 'jsonb', on: 'date' },
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.dataSource.query(`
    CREATE TABLE seed_bulk_test (id int PRIMARY KEY, label text, amount numeric(18,2) CHECK (amount >= 0), info jsonb, "on" date)`);
  await db.dataSource.query(`CREATE TABLE seed_bulk_child (id int PRIMARY KEY REFERENCES seed_bulk_test (id))`);
});
afterAll(() => db?.drop());
beforeEach(() => db.dataSource.query(`TRUNCATE seed_bulk_child, seed_bulk_test`));

const rows = (n: number, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    id: from + i,
    label: i % 7 === 0 ? null : `名称 "${i}", {x} \\ 'y'`,
    amount: i % 5 === 0 ? null : `${i}.5${i % 10}`,
    info: i % 3 === 0 ? null : { i, tags: ['a', 'b"c'] },
    on: i % 4 === 0 ? null : '2025-06-30',
  }));

describe('bulkInsert', () => {
  it('writes every row, in chunks, with NULLs, quotes, JSON and exact decimals intact', async () => {
    const input = rows(2_345);
    expect(await bulkInsert(db.dataSource, SPEC, input, 1_000)).toBe(2_345);
    const out = await db.dataSource.query(
      `SELECT id, label, amount::text AS amount, info, to_char("on", 'YYYY-MM-DD') AS "on" FROM seed_bulk_test ORDER BY id`,
    );
    expect(out).toEqual(input);
  });
});

describe('BulkWriter', () => {
  it('runs statements in the order written, so children follow their parents', async () => {
    const writer = new BulkWriter(db.dataSource, { chunkSize: 100, maxPending: 2 });
    const child: TableSpec<{ id: number }> = { table: 'seed_bulk_child', columns: { id: 'int' } };
    for (let k = 0; k < 5; k++) {
      writer.enqueue(SPEC, rows(300, k * 300));
      writer.enqueue(
        child,
        Array.from({ length: 300 }, (_, i) => ({ id: k * 300 + i })),
      );
      await writer.ready();
    }
    await writer.flush();
    expect(Object.fromEntries(writer.counts)).toEqual({ seed_bulk_test: 1500, seed_bulk_child: 1500 });
  });

  it('reports the first failure and skips what was queued after it', async () => {
    const writer = new BulkWriter(db.dataSource, { chunkSize: 10 });
    writer.enqueue(SPEC, rows(10));
    writer.enqueue(SPEC, [{ id: 99, label: null, amount: '-1.00', info: null, on: null }]); // breaks the CHECK
    writer.enqueue(SPEC, rows(10, 100));
    await expect(writer.flush()).rejects.toThrow(/check constraint/);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM seed_bulk_test`);
    expect(n).toBe(10);
    expect(() => writer.enqueue(SPEC, rows(1, 500))).toThrow(/check constraint/);
  });
});
