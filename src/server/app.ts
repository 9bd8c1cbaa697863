import { ApolloServer, ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { Express, Request, RequestHandler } from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { authenticate, databaseTenantDirectory } from '../auth/authenticate';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { createTokenVerifier } from '../auth/tokens';
import { Viewer } from '../auth/viewer';
import { Authorizer } from '../authz/authorizer';
import { ReadRouting } from '../db/read-routing';
import { requestTransactionPlugin } from '../db/request-transaction';
import { Config, ConfigError } from '../config/config';
import { RequestContext, ThrottledAction } from '../core/context';
import { DomainError, formatError, RateLimitedError } from '../core/errors';
import { ResponseItems } from '../graphql/list-bound';
import { compiledExecutionGateway, ExecutionRuns, newExecutionRuns } from '../graphql/compiled-execution';
import { buildAppSchema } from './schema';
import { graphiqlRouter } from './graphiql/graphiql.router';
import { introspectionForSignedInOnlyPlugin } from '../graphql/plugins/introspection.plugin';
import { loadPersistedQueryList, persistedQueryListCache, persistedQueryListPlugin } from '../graphql/plugins/persisted-queries';
import { queryLimitsPlugin } from '../graphql/plugins/query-limits.plugin';
import { regionService } from '../modules/region/region.service';
import { DemoTenants } from '../seed/demo';
import { demoTokens } from './demo-tokens';
import { healthRouter, Lifecycle } from './health';
import { httpErrorHandler } from './http-errors';
import { Logger } from '../core/logger';
import { Metrics, metricsRouter } from './metrics';
import { queryShapeGuard } from './query-guard';
import { CallerGate } from './caller-gate';
import { MemoryRateLimitStore, RateLimiter, RateLimitStore } from './rate-limit';
import { PostgresRateLimitStore, RedisRateLimitStore } from './rate-limit-stores';
import { apolloMiddleware } from './apollo-middleware';
import { directRoute, jsonBody } from './graphql-route';
import { attachReport, reportError, reportOf, requestReporter, requestReportPlugin } from './request-report';

/** Headers whose presence shows a request was preflighted (or did not come from a browser); see csrfPrevention below. */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'];

export interface AppServer {
  app: Express;
  /** The executable schema the server runs. */
  schema: GraphQLSchema;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  metrics: Metrics;
  /** Shutdown sets `draining`, and /readyz answers 503 from then on. */
  lifecycle: Lifecycle;
  /** Operations run so far interpreted (graphql-js) and compiled (graphql-jit). */
  executionRuns: ExecutionRuns;
}

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
  /** Where queries read: a read replica beside `dataSource` (READ_DATABASE_URL); the primary alone when absent. */
  readRouting?: ReadRouting;
  /** Where rate-limit counts live; the store config names (RATE_LIMIT_STORE) when absent. */
  rateLimitStore?: RateLimitStore;
  /**
   * The demo tenants, when the demo data is loaded. In development (and only
   * there) GraphiQL then offers one click per role, with tokens for them.
   */
  demo?: DemoTenants | null;
  /** Test-only: more Apollo plugins, run after ours (e.g. to hold a request in flight). */
  extraPlugins?: ApolloServerPlugin<RequestContext>[];
}

/** Shared by every replica unless config says memory (see Config.rateLimitStore). */
function rateLimitStoreFor(config: Config, dataSource: DataSource): RateLimitStore {
  if (config.rateLimitStore === 'redis') return new RedisRateLimitStore(config.redisUrl!);
  if (config.rateLimitStore === 'postgres') return new PostgresRateLimitStore(dataSource);
  return new MemoryRateLimitStore();
}

export async function createAppServer(config: Config, dataSource: DataSource, logger: Logger, options: AppServerOptions = {}): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every GraphQL response for an ETag; POST answers are never revalidated, so that was pure cost.
  app.set('etag', false);
  try {
    app.set('trust proxy', config.trustProxy);
  } catch (err) {
    throw new ConfigError('TRUST_PROXY', (err as Error).message);
  }
  // POST /graphql goes straight to its handlers (graphql-route.ts); everything else through Express.
  let postGraphQL: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | null = null;
  const httpServer = http.createServer((req, res) => {
    if (!postGraphQL?.(req, res)) void app(req, res);
  });
  const reads = options.readRouting ?? new ReadRouting(dataSource);
  const production = config.env === 'production';
  const development = config.env === 'development';
  const schema = await buildAppSchema();
  const metrics = new Metrics(dataSource);
  const lifecycle: Lifecycle = { draining: false };
  const executionRuns = newExecutionRuns();

  let persistedQueries: ApolloServerOptions<RequestContext>['persistedQueries'];
  const guards: ApolloServerPlugin<RequestContext>[] = [];
  if (config.persistedQueries === 'allowlist') {
    const list = loadPersistedQueryList(config.persistedQueriesFile, schema);
    logger.info({ file: config.persistedQueriesFile, operations: list.operations.length }, 'persisted query allow-list loaded');
    persistedQueries = { cache: persistedQueryListCache(list) };
    guards.push(persistedQueryListPlugin(list));
  } else if (config.persistedQueries === 'off') {
    persistedQueries = false;
  } // 'apq': Apollo's automatic persisted queries, in its bounded in-memory cache.
  if (production) guards.push(introspectionForSignedInOnlyPlugin());
  guards.push(queryLimitsPlugin(config.limits, !production));

  const apollo = new ApolloServer<RequestContext>({
    // The local schema, run by graphql-js or, once a query recurs, by code compiled for it (compiled-execution.ts).
    gateway: compiledExecutionGateway(schema, config.compileQueriesAfter, executionRuns),
    nodeEnv: config.env,
    logger: logger.child({ component: 'apollo' }),
    // Anonymous introspection is refused in production by a plugin, which (unlike this switch) can see the caller.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    // A GET, or a POST a form could send, must carry a header a cross-site page cannot add without a
    // preflight (which fails: the API grants no CORS). Apollo's two, plus Authorization: it is never
    // CORS-safelisted (and no-cors requests drop it), so a browser only sends it cross-origin after a
    // preflight; the only Authorization a browser adds by itself is ambient HTTP credentials (Basic,
    // Negotiate), never a Bearer token, and authenticate() refuses anything but Bearer. So a client that
    // signs its requests (urql's default GET queries, a CDN-cached APQ GET) needs no extra header.
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    // main.ts owns the signals (see shutdown.ts); Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Apollo's guard against fragment bombs in validation (10 million selections).
    maxRecursiveSelections: true,
    persistedQueries,
    formatError: (formatted, error) => formatError(formatted, error, development, production),
    // Apollo's default indents the JSON (two spaces a level): a third more bytes to build and send, for a reader that is a program.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin hooks every field of every response (it
      // makes Apollo wrap each resolver) for HTTP cache hints we never give.
      ApolloServerPluginCacheControlDisabled(),
      requestReportPlugin(),
      ...guards,
      ...(options.unsafeSkipRequestTransaction ? [] : [requestTransactionPlugin(reads)]),
      ...(options.extraPlugins ?? []),
    ],
  });
  await apollo.start();
  await regionService.preload(dataSource);
  const verifier = createTokenVerifier(config, config.jwksUrl ? undefined : await resolveJwtSecret(config));
  const tenants = databaseTenantDirectory(dataSource);
  const rateLimitStore = options.rateLimitStore ?? rateLimitStoreFor(config, dataSource);
  httpServer.once('close', () => void rateLimitStore.close?.());
  const limiter = config.rateLimitPerMinute > 0 ? new RateLimiter(config.rateLimitPerMinute, rateLimitStore) : null;
  const objectionLimiter =
    config.publicObjectionsPerHour > 0 ? new RateLimiter(config.publicObjectionsPerHour, rateLimitStore, Date.now, 3_600_000) : null;
  const gate = new CallerGate(config.maxConcurrentPerCaller, config.dbAcquireTimeoutMs);
  /** Actions limited on their own, for the public only (signed-in callers answer for what they raise). */
  const throttleFor = (req: Request, viewer: Viewer) => async (action: ThrottledAction) => {
    if (!objectionLimiter || viewer.role !== 'PUBLIC') return;
    const decision = await objectionLimiter.consume(`${action}:ip:${req.ip ?? 'unknown'}`);
    if (!decision.allowed) throw new RateLimitedError(decision.resetSeconds);
  };

  /** Per token subject; the public (and bad tokens) per client address. */
  const rateLimitKey = (req: Request, viewer: Viewer | null) =>
    viewer && viewer.role !== 'PUBLIC' ? `sub:${viewer.role}:${viewer.subject}` : `ip:${req.ip ?? 'unknown'}`;

  app.use(healthRouter(dataSource, lifecycle, reads));
  app.use(metricsRouter(metrics, config.metricsToken));
  if (config.graphiql) {
    // Demo tokens are signed by this server's own secret: never in production, and not when an identity provider signs tokens.
    const demo = development && !config.jwksUrl ? options.demo : null;
    app.use('/graphiql', graphiqlRouter({ endpoint: '/graphql', demoTokens: demo ? () => demoTokens(config, demo) : undefined }));
  }
  const graphqlHandlers: RequestHandler[] = [
    requestReporter(logger, metrics),
    jsonBody(config.limits.maxBodyBytes),
    queryShapeGuard(config.limits, !production),
    apolloMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const report = reportOf(res)!;
        let viewer: Viewer | null = null;
        let authError: unknown = null;
        try {
          viewer = await authenticate(req.get('authorization'), verifier, tenants);
        } catch (err) {
          // RFC 6750: a bad token is a 401, and says so in the GraphQL error's code.
          if (err instanceof DomainError) err.extensions.http = { status: 401 };
          authError = err;
        }
        try {
          if (limiter) {
            const decision = await limiter.consume(rateLimitKey(req, viewer));
            res.setHeader('ratelimit-limit', String(decision.limit));
            res.setHeader('ratelimit-remaining', String(decision.remaining));
            res.setHeader('ratelimit-reset', String(decision.resetSeconds));
            if (!decision.allowed) throw new RateLimitedError(decision.resetSeconds);
          }
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the error authenticate() threw, rethrown as it was caught (now with its 401)
          if (authError) throw authError;
          // Its turn among the caller's own requests; the slot goes back when the response is done.
          res.once('close', await gate.enter(rateLimitKey(req, viewer)));
        } catch (err) {
          // Apollo answers a failed context without its request hooks; the report records it here.
          reportError(
            report,
            err instanceof GraphQLError ? err : new GraphQLError(String((err as Error)?.message ?? err), { originalError: err as Error }),
          );
          throw err;
        }
        report.viewer = viewer!;
        const ctx: RequestContext = {
          requestId: report.requestId,
          viewer: viewer!,
          authz: new Authorizer(viewer!, !options.unsafeSkipPolicyInSql),
          db: dataSource.manager,
          dataSource,
          loaders: new Map(),
          responseItems: new ResponseItems(config.limits.maxResponseItems, !production),
          throttle: throttleFor(req, viewer!),
        };
        attachReport(ctx, report);
        return ctx;
      },
    }),
  ];
  app.use('/graphql', ...graphqlHandlers);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  const errorHandler = httpErrorHandler(logger);
  app.use(errorHandler);
  postGraphQL = directRoute(app, '/graphql', graphqlHandlers, errorHandler);
  return { app, schema, httpServer, apollo, metrics, lifecycle, executionRuns };
}
