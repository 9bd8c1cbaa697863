import { Router } from 'express';
import { DataSource } from 'typeorm';
import { ReadRouting } from '../db/read-routing';

/** Set when shutdown begins, so load balancers stop sending traffic while requests drain. */
export interface Lifecycle {
  draining: boolean;
}

/**
 * /healthz: the process is alive (for restarts).
 * /readyz: the database answers and every migration is applied (for traffic);
 * 503 once the server is shutting down. With a read replica it also says how
 * the replica is (`replica`: ok, lagging or down); a lagging or lost replica
 * does not make the server unready, since reads then go to the primary.
 */
export function healthRouter(dataSource: DataSource, lifecycle: Lifecycle = { draining: false }, reads?: ReadRouting): Router {
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
      res.json({ status: 'ready', ...(reads?.replica ? { replica: reads.state, reads: reads.state === 'ok' ? 'replica' : 'primary' } : {}) });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return router;
}
