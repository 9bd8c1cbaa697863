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
      env: 'production', port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u:p@db:5432/srdi',
      dataDir: '/var/lib/srdi', graphiql: true, seedDemoData: false,
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
  ])('refuses %j naming %s in one line', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
    expect((error as ConfigError).message).not.toContain('\n');
  });
});
