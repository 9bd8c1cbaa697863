import { DataSource } from 'typeorm';

/**
 * Applies pending migrations. A session-level advisory lock makes two
 * processes starting at once (replicas, a test run) take turns instead of
 * racing on the same DDL.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const lockKey = 7_240_531; // any constant shared by all srdi-api processes
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [lockKey]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}
