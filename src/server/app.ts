import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { authenticate, databaseTenantDirectory } from '../auth/authenticate';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { createTokenVerifier } from '../auth/tokens';
import { Authorizer } from '../authz/authorizer';
import { requestTransactionPlugin } from '../db/request-transaction';
import { Config } from '../config/config';
import { RequestContext } from '../graphql/context';
import { DomainError, formatError } from '../graphql/errors';
import { buildAppSchema } from '../graphql/schema';
import { graphiqlRouter } from '../graphql/graphiql/graphiql.router';
import { healthRouter } from './health';
import { Logger } from './logger';

export interface AppServer {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The HTTP surface: /graphql (POST, and GET for queries), health probes.
 * Built without listening, so tests can mount the real thing on a random port.
 */
export interface AppServerOptions {
  /**
   * Test-only: leave the policy out of SQL so a test can show that row-level
   * security alone keeps other tenants' rows out. Not reachable from config.
   */
  unsafeSkipPolicyInSql?: boolean;
  /**
   * Benchmark-only: run requests on the pool without the per-request
   * transaction (and so without row-level security settings), to measure
   * what that transaction costs. Not reachable from config.
   */
  unsafeSkipRequestTransaction?: boolean;
}

export async function createAppServer(
  config: Config,
  dataSource: DataSource,
  logger: Logger,
  options: AppServerOptions = {},
): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const development = config.env !== 'production';

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it drains, then closes the pool and the embedded PostgreSQL.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' || !formatted.extensions?.code) logger.error({ err: error }, 'unexpected error');
      return formatError(formatted, error, development && config.env !== 'test');
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.unsafeSkipRequestTransaction ? [] : [requestTransactionPlugin(dataSource)]),
    ],
  });
  await apollo.start();
  const verifier = createTokenVerifier(config, config.jwksUrl ? undefined : await resolveJwtSecret(config));
  const tenants = databaseTenantDirectory(dataSource);

  app.use(healthRouter(dataSource));
  if (config.graphiql) app.use('/graphiql', graphiqlRouter({ endpoint: '/graphql' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const given = req.get('x-request-id');
        const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', requestId);
        let viewer;
        try {
          viewer = await authenticate(req.get('authorization'), verifier, tenants);
        } catch (err) {
          // RFC 6750: a bad token is a 401, and says so in the GraphQL error's code.
          if (err instanceof DomainError) err.extensions.http = { status: 401 };
          throw err;
        }
        return {
          requestId,
          viewer,
          authz: new Authorizer(viewer, !options.unsafeSkipPolicyInSql),
          db: dataSource.manager,
          dataSource,
          loaders: new Map(),
        };
      },
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  void logger;
  return { app, httpServer, apollo };
}
