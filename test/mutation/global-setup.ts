import pg from 'pg';
import globalSetup from '../support/global-setup';

/**
 * Stryker starts jest once per mutant, and jest runs its global setup every
 * time. test/mutation/run.js gives the whole run one PostgreSQL; the first
 * jest run migrates a template there and later runs find it and reuse it,
 * instead of migrating again for every mutant.
 */
const TEMPLATE = 'srdi_mutation_template';

export default async function mutationGlobalSetup(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('npm run test:mutation gives DATABASE_URL; run it through that script');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (!rowCount) {
      await globalSetup();
      await admin.query(`ALTER DATABASE ${process.env.SRDI_TEST_TEMPLATE} RENAME TO ${TEMPLATE}`);
    }
  } finally {
    await admin.end();
  }
  process.env.SRDI_TEST_ADMIN_URL = adminUrl;
  process.env.SRDI_TEST_TEMPLATE = TEMPLATE;
}
