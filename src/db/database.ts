import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { Logger } from '../core/logger';
import { createDataSource, DataSourceSettings } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';
import { startServerPostgres } from './server-postgres';
import { migrate } from './migrate';
import { ReadRouting } from './read-routing';
import { APP_DB_ROLE } from './request-transaction';

/** The application pool's size and limits, from config: the server's and the test server's pools are made alike. */
export function appPoolSettings(config: Config): Omit<DataSourceSettings, 'url' | 'entities'> {
  return {
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
  };
}

export interface Database {
  /** The application's pool: every connection is srdi_app, which owns nothing and is bound by row-level security. */
  dataSource: DataSource;
  /** The schema owner's small pool, for migrations and loading demo data. */
  owner: DataSource;
  /** Where queries read: the replica of READ_DATABASE_URL while it keeps up, else the primary. */
  reads: ReadRouting;
  /** Set when we started PostgreSQL ourselves. */
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops the embedded server if we started one. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL set: use that server and never start one. Unset: start the
 * embedded PostgreSQL under DATA_DIR. Either way, apply pending migrations.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  /** The modules' entities (src/modules/entities.ts). */
  entities: Function[],
  step: (what: string) => void = () => undefined,
  /** The embedded PostgreSQL when main.ts has already started it (startServerPostgres). */
  started: Promise<EmbeddedPostgres> | null = null,
): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (url === null) {
    embedded = await (started ?? startServerPostgres(config, logger, step));
    url = embedded.url;
  }
  const owner = createDataSource({ url, entities, poolSize: 2, applicationName: 'srdi-api-owner' });
  let dataSource = createDataSource({ url, entities, ...appPoolSettings(config), role: APP_DB_ROLE });
  // The replica's pool logs in as READ_DATABASE_URL says and works as srdi_app, like the primary's.
  const replica = config.readDatabaseUrl
    ? createDataSource({ url: config.readDatabaseUrl, entities, ...appPoolSettings(config), role: APP_DB_ROLE })
    : null;
  let stopChecks = () => undefined as void;
  const close = async () => {
    stopChecks();
    for (const ds of [dataSource, replica, owner]) if (ds?.isInitialized) await ds.destroy();
    await embedded?.stop();
  };
  try {
    await owner.initialize();
    step('applying migrations…');
    const applied = await migrate(owner);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    // Log in as the role that owns nothing, not as the owner, wherever we can.
    const appUrl = config.appDatabaseUrl ?? (embedded ? await embeddedAppLogin(owner, config.dataDir, embedded.url) : null);
    if (appUrl) dataSource = createDataSource({ url: appUrl, entities, ...appPoolSettings(config) });
    await dataSource.initialize();
    // A replica unreachable at start is left out (logged): reads go to the primary until the next start.
    await replica?.initialize().catch((err: unknown) => logger.warn({ err }, 'read replica unreachable; reading from the primary'));
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  const reads = new ReadRouting(dataSource, replica?.isInitialized ? replica : null, {
    readYourWritesMs: config.readYourWritesMs,
    maxLagMs: config.replicaMaxLagMs,
    checkEveryMs: Math.max(100, Math.min(1_000, Math.floor(config.replicaMaxLagMs / 4))),
  });
  stopChecks = reads.start();
  return { dataSource, owner, embedded, reads, close };
}

/**
 * In the embedded cluster we own, srdi_app gets a login of its own (password
 * kept in DATA_DIR), so the application's sessions are never the superuser's.
 */
async function embeddedAppLogin(owner: DataSource, dataDir: string, ownerUrl: string): Promise<string> {
  const file = path.join(dataDir, 'app-db-password');
  let password = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (!password) {
    password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, password, { mode: 0o600 });
  }
  // base64url has no quote characters, so the literal is safe to inline (ALTER ROLE takes no parameters).
  await owner.query(`ALTER ROLE ${APP_DB_ROLE} WITH LOGIN PASSWORD '${password}'`);
  const url = new URL(ownerUrl);
  url.username = APP_DB_ROLE;
  url.password = password;
  return url.toString();
}
