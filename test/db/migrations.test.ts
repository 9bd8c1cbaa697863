import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PublicNoticeStart1764000000014 } from '../../src/db/migrations/1764000000014-PublicNoticeStart';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createEnterprise } from '../support/factories';

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = db.dataSource;
});
afterAll(() => db.drop());

describe('migrations', () => {
  it('leave nothing pending', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('create every column each entity maps, with the entity nullability', async () => {
    const rows: { table_name: string; column_name: string; is_nullable: string }[] = await ds.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
    // PostgreSQL declares every column of a view nullable, whatever the rows hold: only that they exist is checked there.
    const views = new Set(
      (await ds.query<{ table_name: string }[]>(`SELECT table_name FROM information_schema.views WHERE table_schema = 'public'`)).map(
        (v) => v.table_name,
      ),
    );
    const problems: string[] = [];
    for (const entity of ds.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        if (!columns.has(key)) problems.push(`${key} missing`);
        else if (!views.has(entity.tableName) && columns.get(key) !== column.isNullable) problems.push(`${key} nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('load all 3,348 GB/T 2260 regions with their ltree paths', async () => {
    const [counts] = await ds.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE level = 'PROVINCE')::int AS provinces,
              count(*) FILTER (WHERE level = 'PREFECTURE')::int AS prefectures,
              count(*) FILTER (WHERE level = 'COUNTY')::int AS counties
       FROM region`,
    );
    expect(counts).toEqual({ total: 3348, provinces: 31, prefectures: 342, counties: 2975 });
    const [xuanwu] = await ds.query(`SELECT path::text FROM region WHERE code = '320102'`);
    expect(xuanwu.path).toBe('320000.320100.320102');
    const [jiangsu] = await ds.query(`SELECT count(*)::int AS n FROM region WHERE path <@ '320000'`);
    const [byPrefix] = await ds.query(`SELECT count(*)::int AS n FROM region WHERE code LIKE '32%'`);
    expect(jiangsu.n).toBe(byPrefix.n);
  });

  it('refuse rows the domain forbids', async () => {
    const bad: [string, string][] = [
      [
        'bad credit code',
        `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class)
        VALUES ('91350200776049653I', 'x', '350200', 'C', 'OTHER', 'SMALL')`,
      ],
      [
        'unknown region',
        `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class)
        VALUES ('91350200776049653A', 'x', '999999', 'C', 'OTHER', 'SMALL')`,
      ],
      [
        'programme ending before it starts',
        `INSERT INTO funding_program (document_number, name, start_year, end_year, total_budget)
        VALUES ('X', 'x', 2021, 2020, '1.00')`,
      ],
      [
        'negative budget',
        `INSERT INTO funding_program (document_number, name, start_year, end_year, total_budget)
        VALUES ('Y', 'x', 2021, 2025, '-1.00')`,
      ],
    ];
    for (const [, sql] of bad) {
      await expect(ds.query(sql)).rejects.toThrow(/violates/);
    }
  });

  it('keep the audit trail append-only, even for the table owner', async () => {
    await ds.query(`INSERT INTO audit_event (actor_subject, actor_role, action, subject_type, subject_id) VALUES ('t', 'MIIT', 'test', 'X', '1')`);
    await expect(ds.query(`UPDATE audit_event SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_event`);
    expect(n).toBe(1);
  });

  it('back-fill the day a public notice opened from its latest openPublicNotice event, as the programme counts days', async () => {
    const { id: enterpriseId } = await createEnterprise(ds, { tier: null });
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      const migration = new PublicNoticeStart1764000000014();
      await migration.down(runner);
      const [reopened, rejected, unopened] = [randomUUID(), randomUUID(), randomUUID()];
      for (const [id, tier, status] of [
        [reopened, 'LITTLE_GIANT', 'PUBLIC_NOTICE'],
        [rejected, 'SRDI_SME', 'REJECTED'],
        [unopened, 'INNOVATIVE_SME', 'APPROVED'],
      ]) {
        await runner.query(
          `INSERT INTO application (id, enterprise_id, tier, rule_set_code, status, submitted_at, public_notice_ends_on)
           VALUES ($1, $2, $3, 'MIIT-2022-63', $4, now(), '2026-07-20')`,
          [id, enterpriseId, tier, status],
        );
      }
      const opened = (subjectId: string, at: string, action = 'openPublicNotice') =>
        runner.query(
          `INSERT INTO audit_event (occurred_at, actor_subject, actor_role, action, subject_type, subject_id) VALUES ($1, 'miit', 'MIIT', $2, 'Application', $3)`,
          [at, action, subjectId],
        );
      // 16:30 UTC is already the next day in Beijing; of a notice opened twice, the later opening counts. A rejection on an upheld objection keeps its day.
      await opened(reopened, '2026-07-01T02:00:00Z');
      await opened(reopened, '2026-07-05T16:30:00Z');
      await opened(rejected, '2026-07-03T09:00:00Z');
      await opened(unopened, '2026-07-04T09:00:00Z', 'reviewApplication');
      await migration.up(runner);
      const rows: { id: string; starts: string | null }[] = await runner.query(
        `SELECT id, to_char(public_notice_starts_on, 'YYYY-MM-DD') AS starts FROM application WHERE enterprise_id = $1`,
        [enterpriseId],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.starts]))).toEqual({ [reopened]: '2026-07-06', [rejected]: '2026-07-03', [unopened]: null });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
