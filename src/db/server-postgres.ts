import { existsSync } from 'node:fs';
import path from 'node:path';
import { Config } from '../config/config';
import { Logger } from '../core/logger';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/**
 * The server's embedded PostgreSQL under DATA_DIR (no DATABASE_URL). Kept
 * apart from database.ts, which loads TypeORM and every entity, so that
 * main.ts can start PostgreSQL before it loads them. `running` is called
 * at PostgreSQL's first output: initdb's or the server's process is then
 * running by itself, and this process may block on loading code.
 */
export async function startServerPostgres(
  config: Pick<Config, 'dataDir'>,
  logger: Logger,
  step: (what: string) => void = () => undefined,
  running: () => void = () => undefined,
): Promise<EmbeddedPostgres> {
  const fresh = !existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'));
  step(`starting embedded PostgreSQL in ${config.dataDir}${fresh ? ' (first start: creating the cluster)' : ''}…`);
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    log: (line) => {
      running();
      if (line) pgLog.debug(line);
    },
  });
  running();
  logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  return embedded;
}
