import { AppServer } from './app';
import { Logger } from '../core/logger';

export interface ShutdownOptions {
  server: Pick<AppServer, 'apollo' | 'lifecycle'>;
  /** Closes the pool, and the embedded PostgreSQL when we started it. */
  database: { close(): Promise<void> };
  logger: Logger;
  /** process.exit in main.ts; a spy in tests. */
  exit: (code: number) => void;
  /** If draining and closing take longer than this, exit(1) anyway. */
  timeoutMs?: number;
}

/**
 * The one way the server stops (SIGTERM, SIGINT): /readyz turns 503, the
 * listener closes so new connections are refused, requests in flight finish
 * (Apollo's drain plugin waits up to its grace period, then cuts the rest),
 * then the database closes and the process exits. Calling it again while it
 * runs returns the same promise.
 */
export function createShutdown({ server, database, logger, exit, timeoutMs = 30_000 }: ShutdownOptions): (signal: string) => Promise<void> {
  let running: Promise<void> | null = null;
  return (signal) => {
    if (running) {
      logger.info({ signal }, 'already shutting down');
      return running;
    }
    running = (async () => {
      const started = Date.now();
      logger.info({ signal }, 'shutting down: draining requests');
      server.lifecycle.draining = true;
      const timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown timed out; exiting anyway');
        exit(1);
      }, timeoutMs);
      timer.unref();
      try {
        await server.apollo.stop(); // closes the listener, waits for requests in flight
        await database.close();
        logger.info({ ms: Date.now() - started }, 'stopped');
        exit(0);
      } catch (err) {
        logger.error({ err }, 'unclean shutdown');
        exit(1);
      } finally {
        clearTimeout(timer);
      }
    })();
    return running;
  };
}
