import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { Logger } from '../server/logger';
import { createDataSource } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { migrate } from './migrate';

export interface Database {
  dataSource: DataSource;
  /** Set when we started PostgreSQL ourselves. */
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops the embedded server if we started one. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL set: use that server and never start one. Unset: start the
 * embedded PostgreSQL under DATA_DIR. Either way, apply pending migrations.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (url === null) {
    const pgLog = logger.child({ component: 'embedded-postgres' });
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (line) => line && pgLog.debug(line) });
    url = embedded.url;
    logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  const dataSource = createDataSource({ url, poolSize: config.dbPoolSize });
  try {
    await dataSource.initialize();
    const applied = await migrate(dataSource);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
