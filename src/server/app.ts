import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { Config } from '../config/config';
import { RequestContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { buildAppSchema } from '../graphql/schema';
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
export async function createAppServer(config: Config, dataSource: DataSource, logger: Logger): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const development = config.env !== 'production';

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, development && config.env !== 'test'),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.use(healthRouter(dataSource));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const given = req.get('x-request-id');
        const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', requestId);
        return {
          requestId,
          viewer: PUBLIC_VIEWER,
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
