import { Router } from 'express';
import { DataSource } from 'typeorm';

/** Set when shutdown begins, so load balancers stop sending traffic while requests drain. */
export interface Lifecycle {
  draining: boolean;
}

/**
 * /healthz: the process is alive (for restarts).
 * /readyz: the database answers and every migration is applied (for traffic);
 * 503 once the server is shutting down.
 */
export function healthRouter(dataSource: DataSource, lifecycle: Lifecycle = { draining: false }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (lifecycle.draining) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
      return;
    }
    try {
      if (!dataSource.isInitialized) throw new Error('database not connected');
      await dataSource.query('SELECT 1');
      const pending = await dataSource.showMigrations();
      if (pending) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return router;
}
