import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/database';
import { createAppServer } from './server/app';
import { createLogger } from './server/logger';
import { createShutdown } from './server/shutdown';
import { scheduleTierUpkeep } from './modules/certification/tier-upkeep';
import { announce, loadDemoDataIfEmpty } from './server/startup';

/** Start-up: config → database → schema → HTTP server; then wait for a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  let server: Awaited<ReturnType<typeof createAppServer>>;
  let demo: Awaited<ReturnType<typeof loadDemoDataIfEmpty>> = null;
  try {
    if (config.seedDemoData) demo = await loadDemoDataIfEmpty(db.owner, logger);
    server = await createAppServer(config, db.dataSource, logger, { demo });
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

  const stopUpkeep = scheduleTierUpkeep(db.owner, logger);
  const shutdown = createShutdown({ server, database: db, logger, exit: (code) => process.exit(code) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopUpkeep();
      void shutdown(signal);
    });
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`srdi-api: configuration error: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`srdi-api: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
