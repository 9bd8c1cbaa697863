import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** The entities to map: the modules' (src/modules/entities.ts), handed down by whoever opens the database. */
  entities: Function[];
  poolSize?: number;
  applicationName?: string;
  /**
   * The role every connection of the pool takes at login (a `-c role=`
   * startup option). The application's pool uses srdi_app, which owns
   * nothing and is bound by row-level security; migrations and seeding use
   * the login user, the schema's owner.
   */
  role?: string;
  /** statement_timeout of every connection (ms; 0 or absent: none). */
  statementTimeoutMs?: number;
  /** idle_in_transaction_session_timeout of every connection (ms; 0 or absent: none). */
  idleInTransactionTimeoutMs?: number;
  /** How long a query waits for a free connection of the pool before it fails (ms; absent: for ever). */
  acquireTimeoutMs?: number;
}

/** Settings every connection of the pool starts with: PostgreSQL's `-c name=value` startup options. */
function startupOptions(settings: DataSourceSettings): string | null {
  const options = [
    settings.role ? `-c role=${settings.role}` : null,
    settings.statementTimeoutMs ? `-c statement_timeout=${settings.statementTimeoutMs}` : null,
    settings.idleInTransactionTimeoutMs ? `-c idle_in_transaction_session_timeout=${settings.idleInTransactionTimeoutMs}` : null,
  ].filter((o): o is string => o !== null);
  return options.length ? options.join(' ') : null;
}

/**
 * The single definition of how we talk to PostgreSQL, used by the server,
 * the CLI tools, the tests and the TypeORM CLI (ormconfig.ts). The schema is
 * only ever changed by migrations; synchronize stays off.
 */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'srdi-api',
      ...(startupOptions(settings) ? { options: startupOptions(settings) } : {}),
      // node-postgres applies it to waiting for a pooled connection too.
      ...(settings.acquireTimeoutMs ? { connectionTimeoutMillis: settings.acquireTimeoutMs } : {}),
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
