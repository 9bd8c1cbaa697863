import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { ENTITIES } from '../../src/modules/entities';
import { createLogger } from '../../src/core/logger';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('openDatabase with DATABASE_URL', () => {
  it('migrates as the owner and gives the application a pool that logs in as srdi_app, bound by row-level security', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(32) });
    const opened = await openDatabase(config, createLogger(config), ENTITIES);
    try {
      expect(opened.embedded).toBeNull();
      const [app] = await opened.dataSource.query(
        `SELECT current_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
      );
      expect(app).toEqual({ who: 'srdi_app', superuser: false });
      const [owned] = await opened.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = 'srdi_app')`,
      );
      expect(owned.n).toBe(0);
      await db.dataSource.query(
        `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class) VALUES ('91350200776049653A', '未认定企业', '350200', 'C', 'OTHER', 'SMALL')`,
      );
      // Outside a request no tenant is set: the unpublished enterprise is invisible (fail closed).
      const [{ n }] = await opened.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
      expect(n).toBe(0);
      await expect(opened.dataSource.query(`DELETE FROM enterprise`)).rejects.toThrow(/permission denied/);
      // …yet authentication can still learn that the tenant exists.
      const [{ id }] = await db.dataSource.query(`SELECT id FROM enterprise`);
      const [{ exists }] = await opened.dataSource.query(`SELECT tenant_enterprise_exists($1) AS exists`, [id]);
      expect(exists).toBe(true);
      const [owner] = await opened.owner.query(`SELECT count(*)::int AS n FROM enterprise`);
      expect(owner.n).toBe(1);
    } finally {
      await opened.close();
    }
  });

  it('logs the application in as srdi_app itself when APP_DATABASE_URL is given', async () => {
    await db.dataSource.query(`ALTER ROLE srdi_app WITH LOGIN PASSWORD 'app-login-test-password'`);
    const appUrl = new URL(db.url);
    appUrl.username = 'srdi_app';
    appUrl.password = 'app-login-test-password';
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, APP_DATABASE_URL: appUrl.toString(), JWT_SECRET: 'x'.repeat(32) });
    const opened = await openDatabase(config, createLogger(config), ENTITIES);
    try {
      const [row] = await opened.dataSource.query(`SELECT session_user AS session, current_user AS who`);
      expect(row).toEqual({ session: 'srdi_app', who: 'srdi_app' });
      await expect(opened.dataSource.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
    } finally {
      await opened.close();
    }
  });
});
