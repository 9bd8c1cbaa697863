import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Drops the database; call in afterAll. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.SRDI_TEST_ADMIN_URL;
  if (!url) throw new Error('SRDI_TEST_ADMIN_URL is not set: run the tests with `npm test` (jest globalSetup)');
  return url;
}

/** A fresh, migrated database of this test file's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `srdi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.SRDI_TEST_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ entities: ENTITIES, url: url.toString(), poolSize: 5 });
  await dataSource.initialize();
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
