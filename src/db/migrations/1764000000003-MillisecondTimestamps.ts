import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timestamps to millisecond precision. JavaScript dates carry milliseconds;
 * a microsecond in the database that a cursor cannot hold made keyset pages
 * repeat or skip rows when sorted by time.
 */
export class MillisecondTimestamps1764000000003 implements MigrationInterface {
  name = 'MillisecondTimestamps1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await this.retype(q, 'timestamptz(3)');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.retype(q, 'timestamptz');
  }

  private async retype(q: QueryRunner, type: string): Promise<void> {
    // QueryRunner.query, unlike EntityManager's, takes no result type.
    const columns = (await q.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' AND table_name <> 'migrations'
       ORDER BY table_name, column_name`,
    )) as { table_name: string; column_name: string }[];
    for (const c of columns) {
      await q.query(`ALTER TABLE "${c.table_name}" ALTER COLUMN "${c.column_name}" TYPE ${type}`);
    }
  }
}
