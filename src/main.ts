import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import type { EmbeddedPostgres } from './db/embedded-postgres';
import { startServerPostgres } from './db/server-postgres';
import { createLogger } from './core/logger';
import { startupProgress } from './server/progress';

/** Start-up: config → database → schema → HTTP server; then wait for a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const step = startupProgress(config);
  const postgres = config.databaseUrl === null ? (await startPostgresFirst(config, logger, step)).started : null;
  let code: ReturnType<typeof loadServerCode>;
  try {
    code = loadServerCode();
  } catch (err) {
    await postgres?.then((pg) => pg.stop()).catch(() => undefined);
    throw err;
  }
  const { openDatabase, createAppServer, createShutdown, scheduleTierUpkeep, announce, loadDemoDataIfEmpty } = code;

  const db = await openDatabase(config, logger, code.ENTITIES, step, postgres);
  let server: Awaited<ReturnType<typeof createAppServer>>;
  let demo: Awaited<ReturnType<typeof loadDemoDataIfEmpty>> = null;
  try {
    if (config.seedDemoData) demo = await loadDemoDataIfEmpty(db.owner, logger, step);
    step('building the GraphQL schema and starting the HTTP server…');
    server = await createAppServer(config, db.dataSource, logger, { demo, readRouting: db.reads });
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.httpServer.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    // Leave no orphaned postgres behind when start-up fails half-way.
    await db.close().catch(() => undefined);
    throw err;
  }
  // From process start, so loading the code counts too.
  const readyMs = process.uptime() * 1000;
  await announce({ config, logger, server, dataSource: db.dataSource, demo, readyMs });

  const stopUpkeep = scheduleTierUpkeep(db.owner, logger, config.upkeepIntervalSeconds * 1000);
  const shutdown = createShutdown({ server, database: db, logger, exit: (code) => process.exit(code) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopUpkeep();
      void shutdown(signal);
    });
  }
}

/**
 * The embedded PostgreSQL takes seconds to start (initdb on the first start),
 * and so does loading the rest of the code (TypeORM's entities, the schema,
 * Apollo), which blocks this process. So PostgreSQL is started first, and the
 * code is loaded once its processes run by themselves (their first output);
 * the promise of its start is handed on (in an object: an async function's
 * returned promise would be awaited), for openDatabase to await.
 */
async function startPostgresFirst(
  config: ReturnType<typeof loadConfig>,
  logger: ReturnType<typeof createLogger>,
  step: (what: string) => void,
): Promise<{ started: Promise<EmbeddedPostgres> }> {
  let running!: () => void;
  const spawned = new Promise<void>((resolve) => (running = resolve));
  const postgres = startServerPostgres(config, logger, step, running);
  // A failure is reported where openDatabase awaits it, not as an unhandled rejection meanwhile.
  postgres.catch(() => undefined);
  await Promise.race([
    spawned,
    postgres.then(
      () => undefined,
      () => undefined,
    ),
  ]);
  return { started: postgres };
}

/** Everything after the start of PostgreSQL (see startPostgresFirst), loaded only now. */
function loadServerCode() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./db/database') as typeof import('./db/database')),
    ...(require('./modules/entities') as typeof import('./modules/entities')),
    ...(require('./server/app') as typeof import('./server/app')),
    ...(require('./server/shutdown') as typeof import('./server/shutdown')),
    ...(require('./modules/certification/tier-upkeep') as typeof import('./modules/certification/tier-upkeep')),
    ...(require('./server/startup') as typeof import('./server/startup')),
  };
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`srdi-api: configuration error: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`srdi-api: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
