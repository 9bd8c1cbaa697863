import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../../src/config/config';
import { AppServer, AppServerOptions, createAppServer } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { appPoolSettings } from '../../src/db/database';
import { APP_DB_ROLE } from '../../src/db/request-transaction';
import { createTestDatabase, TestDatabase } from './database';
import { TEST_JWT_SECRET } from './tokens';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  /** The server's own pool (logged in as srdi_app). */
  appDataSource: DataSource;
  server: AppServer;
  config: Config;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real server (Express + Apollo + the real schema) on a random port,
 * backed by a fresh database of this test file's own.
 */
export async function startTestServer(env: Record<string, string> = {}, options: AppServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // The race tests send dozens of one caller's requests at once, and mean them to run at once.
    MAX_CONCURRENT_PER_CALLER: '100',
    // Every query through code compiled for it (graphql-jit), the path a recurring query takes in production;
    // test/graphql/compiled-execution.e2e.test.ts holds it to graphql-js's answers.
    COMPILE_QUERIES_AFTER: process.env.COMPILE_QUERIES_AFTER ?? '0',
    ...env,
  });
  // As in production: the server's pool logs in as srdi_app (owns nothing, bound by row-level
  // security); the test's own db.dataSource is the owner, for factories and assertions.
  const appDataSource = createDataSource({
    entities: ENTITIES,
    url: db.url,
    ...appPoolSettings(config),
    poolSize: Number(env.DB_POOL_SIZE ?? 5),
    role: APP_DB_ROLE,
  });
  await appDataSource.initialize();
  const server = await createAppServer(config, appDataSource, createLogger(config), options);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    appDataSource,
    server,
    config,
    async graphql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body } as GraphQLResponse<any>;
    },
    async close() {
      await server.apollo.stop();
      if (appDataSource.isInitialized) await appDataSource.destroy();
      await db.drop();
    },
  };
}
