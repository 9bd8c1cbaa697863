import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      env: 'development',
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: path.resolve('/srv/app', '.data'),
      jwtSecret: null,
      graphiql: true,
      seedDemoData: true,
    });
  });

  it('shares rate-limit counts through PostgreSQL by default, Redis when REDIS_URL is set, and refuses what cannot work', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ rateLimitStore: 'postgres', redisUrl: null, upkeepIntervalSeconds: 3600 });
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/0' }, '/srv/app')).toMatchObject({
      rateLimitStore: 'redis',
      redisUrl: 'redis://cache:6379/0',
    });
    expect(loadConfig({ RATE_LIMIT_STORE: 'memory', UPKEEP_INTERVAL_SECONDS: '60' }, '/srv/app')).toMatchObject({
      rateLimitStore: 'memory',
      upkeepIntervalSeconds: 60,
    });
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' }, '/srv/app')).toThrow(/RATE_LIMIT_STORE: redis needs REDIS_URL/);
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'file' }, '/srv/app')).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' }, '/srv/app')).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ UPKEEP_INTERVAL_SECONDS: '0' }, '/srv/app')).toThrow(/UPKEEP_INTERVAL_SECONDS/);
  });

  it('reads from a replica only when READ_DATABASE_URL names one', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ readDatabaseUrl: null, readYourWritesMs: 5000, replicaMaxLagMs: 5000 });
    expect(
      loadConfig({ READ_DATABASE_URL: 'postgres://u:p@replica:5432/srdi', READ_YOUR_WRITES_MS: '2000', REPLICA_MAX_LAG_MS: '800' }, '/srv/app'),
    ).toMatchObject({
      readDatabaseUrl: 'postgres://u:p@replica:5432/srdi',
      readYourWritesMs: 2000,
      replicaMaxLagMs: 800,
    });
    expect(() => loadConfig({ READ_DATABASE_URL: 'mysql://replica/srdi' }, '/srv/app')).toThrow(/READ_DATABASE_URL/);
  });

  it('compiles a query from its third run by default, and at once with COMPILE_QUERIES_AFTER=0', () => {
    expect(loadConfig({}).compileQueriesAfter).toBe(2);
    expect(loadConfig({ COMPILE_QUERIES_AFTER: '0' }).compileQueriesAfter).toBe(0);
  });

  it('reads every variable of the contract', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/srdi',
      DATA_DIR: '/var/lib/srdi',
      JWT_SECRET: 'x'.repeat(32),
      GRAPHIQL: '1',
    });
    expect(c).toMatchObject({
      env: 'production',
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/srdi',
      dataDir: '/var/lib/srdi',
      graphiql: true,
      seedDemoData: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWKS_URL: 'https://idp.example/jwks' }, 'JWT_ISSUER'],
    [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DEMO_DATA: '1' }, 'DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ APP_DATABASE_URL: 'postgres://srdi_app:x@db/srdi' }, 'APP_DATABASE_URL'],
    [{ MAX_QUERY_DEPTH: 'deep' }, 'MAX_QUERY_DEPTH'],
    [{ MAX_QUERY_DEPTH: '1' }, 'MAX_QUERY_DEPTH'],
    [{ MAX_QUERY_COST: '0' }, 'MAX_QUERY_COST'],
    [{ MAX_QUERY_ALIASES: '-1' }, 'MAX_QUERY_ALIASES'],
    [{ MAX_QUERY_TOKENS: '10' }, 'MAX_QUERY_TOKENS'],
    [{ MAX_QUERY_DIRECTIVES: '1e3' }, 'MAX_QUERY_DIRECTIVES'],
    [{ MAX_BODY_BYTES: '100kb' }, 'MAX_BODY_BYTES'],
    [{ MAX_RESPONSE_ITEMS: '0' }, 'MAX_RESPONSE_ITEMS'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ PERSISTED_QUERIES: 'yes' }, 'PERSISTED_QUERIES'],
    [{ PERSISTED_QUERIES_FILE: 'ops.json' }, 'PERSISTED_QUERIES_FILE'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ COMPILE_QUERIES_AFTER: 'never' }, 'COMPILE_QUERIES_AFTER'],
    [{ COMPILE_QUERIES_AFTER: '-1' }, 'COMPILE_QUERIES_AFTER'],
  ])('refuses %j naming %s in one line', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('has generous limits by default, and reads every one of them', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({
      limits: { maxDepth: 12, maxCost: 10_000, maxAliases: 50, maxTokens: 2_000, maxDirectives: 50, maxBodyBytes: 102_400, maxResponseItems: 10_000 },
      rateLimitPerMinute: 600,
      persistedQueries: 'apq',
      trustProxy: false,
      metricsToken: null,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimitPerMinute).toBe(0);
    expect(
      loadConfig(
        {
          MAX_QUERY_DEPTH: '8',
          MAX_QUERY_COST: '500',
          MAX_QUERY_ALIASES: '5',
          MAX_QUERY_TOKENS: '800',
          MAX_QUERY_DIRECTIVES: '3',
          MAX_BODY_BYTES: '4096',
          MAX_RESPONSE_ITEMS: '2000',
          RATE_LIMIT_PER_MINUTE: '30',
          PERSISTED_QUERIES: 'allowlist',
          PERSISTED_QUERIES_FILE: 'pq/manifest.json',
          TRUST_PROXY: 'loopback, 10.0.0.0/8',
          METRICS_TOKEN: 'a-long-metrics-token',
        },
        '/srv/app',
      ),
    ).toMatchObject({
      limits: { maxDepth: 8, maxCost: 500, maxAliases: 5, maxTokens: 800, maxDirectives: 3, maxBodyBytes: 4096, maxResponseItems: 2000 },
      rateLimitPerMinute: 30,
      persistedQueries: 'allowlist',
      persistedQueriesFile: path.resolve('/srv/app', 'pq/manifest.json'),
      trustProxy: 'loopback,10.0.0.0/8',
      metricsToken: 'a-long-metrics-token',
    });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ PERSISTED_QUERIES: 'allowlist' }).persistedQueriesFile).toMatch(/docs[/\\]examples\.graphql$/);
  });
});
