import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.SRDI_TEST_ADMIN_URL;
  const template = process.env.SRDI_TEST_TEMPLATE;
  if (globalThis.__SRDI_TEST_PG__) {
    // The whole cluster is thrown away with its temporary directory.
    await globalThis.__SRDI_TEST_PG__.stop();
    const dir = globalThis.__SRDI_TEST_PG__;
    globalThis.__SRDI_TEST_PG__ = undefined;
    void dir;
    return;
  }
  if (adminUrl && template) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
