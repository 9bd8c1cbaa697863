import path from 'node:path';
import { PROJECT_ROOT } from './paths';

/**
 * The one typed configuration object. Everything the process reads from the
 * environment is read here, once, so a bad value stops start-up with a single
 * line that names the variable instead of failing later somewhere deep.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded one is started under dataDir. */
  databaseUrl: string | null;
  /**
   * Optional login for the application's pool (a role that owns nothing, e.g.
   * srdi_app with LOGIN). Without it the pool uses DATABASE_URL's login and
   * switches to srdi_app at connection start; the embedded server always gets
   * its own srdi_app login.
   */
  appDatabaseUrl: string | null;
  dataDir: string;
  /** HS256 secret; null means "generate one and keep it under dataDir" (development only). */
  jwtSecret: string | null;
  jwksUrl: string | null;
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** GraphiQL is on in development, and in production only when GRAPHIQL=1. */
  graphiql: boolean;
  /** Load the demo data into an empty database on start (never in production). */
  seedDemoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Size of the application's connection pool. */
  dbPoolSize: number;
  /** Limits on one request, all enforced before any resolver runs. */
  limits: QueryLimits;
  /** Requests per minute per token subject (per client IP for the public); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Objections the public (no token) may raise per client address and hour; 0 turns the limit off. */
  publicObjectionsPerHour: number;
  /**
   * `apq`: automatic persisted queries (any operation; a hash stands in for a
   * text sent before). `allowlist`: only the operations in persistedQueriesFile.
   * `off`: no persisted queries at all.
   */
  persistedQueries: 'apq' | 'allowlist' | 'off';
  /** The allow-list: a .graphql file (one entry per operation) or a JSON manifest. */
  persistedQueriesFile: string;
  /** Express's `trust proxy`: false, a number of hops, or addresses/subnets of trusted proxies. */
  trustProxy: false | number | string;
  /** When set, GET /metrics wants `Authorization: Bearer <this>`. */
  metricsToken: string | null;
  /**
   * Where rate-limit counts live. `postgres` (the default) and `redis` (the
   * default when REDIS_URL is set) are shared by every API process on the
   * database or Redis; `memory` counts per process.
   */
  rateLimitStore: 'postgres' | 'redis' | 'memory';
  redisUrl: string | null;
  /** The application pool's connections: statement_timeout and idle_in_transaction_session_timeout (ms, 0: none). */
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** How long a request waits for a pooled connection before it fails with UNAVAILABLE (ms). */
  dbAcquireTimeoutMs: number;
  /**
   * Requests of one caller (token subject, or client address for the public)
   * running at once; more wait their turn, so one caller's flood cannot take
   * every pooled connection from the others.
   */
  maxConcurrentPerCaller: number;
  /**
   * How many times a query document runs interpreted (graphql-js) before it is
   * compiled to code (graphql-jit) for its later runs; 0 compiles at once.
   * See src/graphql/compiled-execution.ts.
   */
  compileQueriesAfter: number;
  /** A streaming replica that queries read from while it keeps up (READ_DATABASE_URL); null: the primary only. */
  readDatabaseUrl: string | null;
  /** After a caller's write, its reads go to the primary for this long (ms). */
  readYourWritesMs: number;
  /** The replica counts as lagging (reads go to the primary) when it is this far behind the primary (ms). */
  replicaMaxLagMs: number;
  /** How often background upkeep (the tiers of lapsed titles) runs, once across all replicas. */
  upkeepIntervalSeconds: number;
}

export interface QueryLimits {
  /** Nesting of fields (introspection's own nesting is left to graphql-js's rule). */
  maxDepth: number;
  /** Estimated cost: a list field costs the items it can return (a connection `first`, default 20, at most 100) times its selection. */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens in the document; the parser stops counting there. */
  maxTokens: number;
  maxDirectives: number;
  /** JSON request bodies larger than this are refused with 413. */
  maxBodyBytes: number;
  /**
   * List items one response may hold; past it the request stops with
   * QUERY_TOO_COMPLEX (RESPONSE_SIZE). A query within maxCost stays within
   * maxCost items while every list keeps to its declared bound; this holds
   * where a bound is an estimate the data outgrew.
   */
  maxResponseItems: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const v = env[name];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected 1/0, true/false, yes/no or on/off, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

const PERSISTED_QUERY_MODES = ['apq', 'allowlist', 'off'] as const;
const RATE_LIMIT_STORES = ['postgres', 'redis', 'memory'] as const;
const TRUSTED_PROXY = /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/[0-9]{1,3})?)$/;

/** Express's `trust proxy`, limited to forms that cannot trust everyone by accident. */
function trustProxy(env: Env): false | number | string {
  const raw = text(env, 'TRUST_PROXY');
  if (raw === null || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 10);
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.some((p) => !TRUSTED_PROXY.test(p))) {
    throw new ConfigError(
      'TRUST_PROXY',
      `expected a number of proxy hops or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal, got "${raw}"`,
    );
  }
  return parts.join(',');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = text(env, 'NODE_ENV') ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';

  const host = text(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const appDatabaseUrl = url(env, 'APP_DATABASE_URL', ['postgres:', 'postgresql:']);
  if (appDatabaseUrl !== null && databaseUrl === null) {
    throw new ConfigError('APP_DATABASE_URL', 'needs DATABASE_URL too (the owner runs the migrations)');
  }
  const jwtSecret = text(env, 'JWT_SECRET');
  if (jwtSecret !== null && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes long (HS256 needs a 256-bit key)');
  }
  const jwksUrl = url(env, 'JWKS_URL', ['https:', 'http:']);
  const jwtIssuer = text(env, 'JWT_ISSUER');
  const jwtAudience = text(env, 'JWT_AUDIENCE');
  if (jwksUrl !== null && (jwtIssuer === null || jwtAudience === null)) {
    throw new ConfigError(jwtIssuer === null ? 'JWT_ISSUER' : 'JWT_AUDIENCE', 'is required when JWKS_URL is set');
  }
  if (production && jwtSecret === null && jwksUrl === null) {
    throw new ConfigError('JWT_SECRET', 'is required in production (or set JWKS_URL); secrets are never generated there');
  }

  const logLevel = (text(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const seedDemoData = flag(env, 'DEMO_DATA', !production);
  if (production && seedDemoData) {
    throw new ConfigError('DEMO_DATA', 'demo data is never loaded in production');
  }

  const persistedQueries = (text(env, 'PERSISTED_QUERIES') ?? 'apq').toLowerCase() as Config['persistedQueries'];
  if (!PERSISTED_QUERY_MODES.includes(persistedQueries)) {
    throw new ConfigError('PERSISTED_QUERIES', `must be one of ${PERSISTED_QUERY_MODES.join(', ')}, got "${text(env, 'PERSISTED_QUERIES')}"`);
  }
  const persistedQueriesFile = text(env, 'PERSISTED_QUERIES_FILE');
  if (persistedQueriesFile !== null && persistedQueries !== 'allowlist') {
    throw new ConfigError('PERSISTED_QUERIES_FILE', 'is only read with PERSISTED_QUERIES=allowlist');
  }
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const rateLimitStore = (text(env, 'RATE_LIMIT_STORE') ?? (redisUrl ? 'redis' : 'postgres')).toLowerCase() as Config['rateLimitStore'];
  if (!RATE_LIMIT_STORES.includes(rateLimitStore)) {
    throw new ConfigError('RATE_LIMIT_STORE', `must be one of ${RATE_LIMIT_STORES.join(', ')}, got "${text(env, 'RATE_LIMIT_STORE')}"`);
  }
  if (rateLimitStore === 'redis' && !redisUrl) throw new ConfigError('RATE_LIMIT_STORE', 'redis needs REDIS_URL');
  const metricsToken = text(env, 'METRICS_TOKEN');
  const dbPoolSize = integer(env, 'DB_POOL_SIZE', 10, 2, 200);
  if (metricsToken !== null && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 printable characters without spaces');
  }

  return {
    env: nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host,
    databaseUrl,
    appDatabaseUrl,
    dataDir: path.resolve(cwd, text(env, 'DATA_DIR') ?? '.data'),
    jwtSecret,
    jwksUrl,
    jwtIssuer,
    jwtAudience,
    graphiql: flag(env, 'GRAPHIQL', !production),
    seedDemoData,
    logLevel,
    dbPoolSize,
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
      maxCost: integer(env, 'MAX_QUERY_COST', 10_000, 1, 10_000_000),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', 50, 0, 10_000),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 2_000, 100, 1_000_000),
      maxDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 50, 0, 10_000),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 100 * 1024, 1024, 100 * 1024 * 1024),
      maxResponseItems: integer(env, 'MAX_RESPONSE_ITEMS', 10_000, 1, 10_000_000),
    },
    // Off under test, where one token sends hundreds of requests a minute; tests that are about it set it.
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', nodeEnv === 'test' ? 0 : 600, 0, 1_000_000),
    // On under test too: a handful an hour is what a person objecting needs, and what tests send.
    publicObjectionsPerHour: integer(env, 'PUBLIC_OBJECTIONS_PER_HOUR', 10, 0, 1_000_000),
    persistedQueries,
    persistedQueriesFile:
      persistedQueriesFile === null ? path.join(PROJECT_ROOT, 'docs', 'examples.graphql') : path.resolve(cwd, persistedQueriesFile),
    trustProxy: trustProxy(env),
    metricsToken,
    rateLimitStore,
    redisUrl,
    upkeepIntervalSeconds: integer(env, 'UPKEEP_INTERVAL_SECONDS', 3_600, 1, 7 * 86_400),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 10_000, 0, 3_600_000),
    readDatabaseUrl: url(env, 'READ_DATABASE_URL', ['postgres:', 'postgresql:']),
    readYourWritesMs: integer(env, 'READ_YOUR_WRITES_MS', 5_000, 0, 600_000),
    replicaMaxLagMs: integer(env, 'REPLICA_MAX_LAG_MS', 5_000, 10, 600_000),
    idleInTransactionTimeoutMs: integer(env, 'IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000, 0, 3_600_000),
    dbAcquireTimeoutMs: integer(env, 'DB_ACQUIRE_TIMEOUT_MS', 5_000, 10, 600_000),
    maxConcurrentPerCaller: integer(env, 'MAX_CONCURRENT_PER_CALLER', Math.max(1, Math.floor(dbPoolSize / 2)), 1, 10_000),
    compileQueriesAfter: integer(env, 'COMPILE_QUERIES_AFTER', 2, 0, 1_000_000),
  };
}
