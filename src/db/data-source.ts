import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * The role every connection of the pool takes at login (a `-c role=`
   * startup option). The application's pool uses srdi_app, which owns
   * nothing and is bound by row-level security; migrations and seeding use
   * the login user, the schema's owner.
   */
  role?: string;
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
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'srdi-api',
      ...(settings.role ? { options: `-c role=${settings.role}` } : {}),
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
