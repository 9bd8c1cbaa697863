import { createDataSource } from './src/db/data-source';
import { ENTITIES } from './src/modules/entities';

/**
 * The DataSource for the TypeORM CLI (`npm run typeorm -- migration:run`), the
 * same definition the server uses. The CLI needs an explicit DATABASE_URL; the
 * server itself starts an embedded PostgreSQL when it has none.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL: required for the TypeORM CLI (the server starts an embedded PostgreSQL by itself)');
}

export default createDataSource({ url, entities: ENTITIES, applicationName: 'srdi-api-cli' });
