import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrate } from '../../src/db/migrate';

/**
 * One PostgreSQL per test run: the embedded one in a throwaway directory, or
 * the server DATABASE_URL names. A template database is migrated once; each
 * test file clones it (test/support/database.ts), so files run in parallel
 * without seeing each other's rows.
 */
declare global {
  var __SRDI_TEST_PG__: EmbeddedPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-test-'));
    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    globalThis.__SRDI_TEST_PG__ = server;
    adminUrl = server.adminUrl;
    // The cluster's files, for the test that makes a streaming replica of it from a base backup.
    process.env.SRDI_TEST_PG_DIR = path.join(dataDir, 'pg');
  }
  const template = `srdi_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const ds = createDataSource({ entities: ENTITIES, url: url.toString(), poolSize: 2 }); // migrate() holds one connection for its lock
  await ds.initialize();
  try {
    await migrate(ds);
  } finally {
    await ds.destroy();
  }
  process.env.SRDI_TEST_ADMIN_URL = adminUrl;
  process.env.SRDI_TEST_TEMPLATE = template;
}
