import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authenticate, databaseTenantDirectory } from '../../src/auth/authenticate';
import { resolveJwtSecret } from '../../src/auth/jwt-secret';
import { createTokenVerifier, TokenClaims } from '../../src/auth/tokens';
import { runTokenCli } from '../../src/cli/token';
import { loadConfig } from '../../src/config/config';
import { toGlobalId } from '../../src/core/global-id';
import { createTestDatabase, TestDatabase } from '../support/database';

const CREDIT_CODE = '91350200776049653A';

let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
let enterpriseId: string;
let platformId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: enterpriseId }] = await db.dataSource.query(
    `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class)
     VALUES ($1, '厦门测试精密机械有限公司', '350200', 'C34 通用设备制造业', 'CORE_BASIC_COMPONENTS', 'SMALL') RETURNING id`,
    [CREDIT_CODE],
  );
  [{ id: platformId }] = await db.dataSource.query(
    `INSERT INTO platform (name, kind, level, region_code, operator)
     VALUES ('厦门中小企业公共服务平台', 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM', 'PROVINCIAL', '350200', '厦门市中小企业服务中心') RETURNING id`,
  );
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-token-cli-'));
  env = { NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir };
  // What the server's first start does: keep a signing secret in DATA_DIR.
  await resolveJwtSecret(loadConfig(env));
});

afterAll(async () => {
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Verifies the printed token the way the server does, with the server's view of DATA_DIR. */
async function verifyPrinted(stdout: string, serverEnv: Record<string, string> = env): Promise<TokenClaims> {
  expect(stdout).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
  const config = loadConfig(serverEnv);
  const verifier = createTokenVerifier(config, await resolveJwtSecret(config));
  return verifier.verify(stdout.trim());
}

function expectUsageError(result: { stdout: string; stderr: string; code: number }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^token: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

describe('token CLI', () => {
  it('prints one token for a national role, valid for the server with the same DATA_DIR', async () => {
    const result = await runTokenCli(['--role', 'MIIT'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const claims = await verifyPrinted(result.stdout);
    expect(claims).toMatchObject({ sub: 'cli:MIIT', role: 'MIIT' });
    expect(claims.exp - claims.iat!).toBe(3600);
  });

  it('signs with the secret the server keeps in DATA_DIR, and leaves it as it was', async () => {
    const before = readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8');
    const result = await runTokenCli(['--role', 'MOF'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8')).toBe(before);
    await expect(verifyPrinted(result.stdout)).resolves.toMatchObject({ role: 'MOF' });
  });

  it('refuses, naming DATA_DIR and JWT_SECRET, when neither gives it the server’s secret, and creates none', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'srdi-token-no-secret-'));
    try {
      // e.g. run from another folder, where the default DATA_DIR (.data) is not the server's
      const result = await runTokenCli(['--role', 'MIIT'], { NODE_ENV: 'test', DATABASE_URL: db.url }, elsewhere);
      expectUsageError(result, /DATA_DIR/);
      expect(result.stderr).toMatch(/JWT_SECRET/);
      expect(result.stderr).toContain(path.join(elsewhere, '.data'));
      expect(readdirSync(elsewhere)).toEqual([]);
      // …and with DATA_DIR set to a folder without the secret.
      const named = await runTokenCli(['--role', 'MIIT'], { ...env, DATA_DIR: elsewhere });
      expectUsageError(named, /no signing secret: JWT_SECRET is not set and DATA_DIR .* has no jwt-secret file/);
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('signs with JWT_SECRET when set, whatever DATA_DIR holds, and writes nothing there', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'srdi-token-env-secret-'));
    try {
      const withSecret = { ...env, DATA_DIR: elsewhere, JWT_SECRET: 'a-configured-secret-of-at-least-32-bytes' };
      const result = await runTokenCli(['--role', 'MIIT'], withSecret);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      await expect(verifyPrinted(result.stdout, withSecret)).resolves.toMatchObject({ role: 'MIIT' });
      // Not the DATA_DIR secret: a server without JWT_SECRET refuses it.
      await expect(verifyPrinted(result.stdout)).rejects.toThrow();
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('resolves an enterprise credit code to its uuid', async () => {
    const result = await runTokenCli(['--role', 'ENTERPRISE', '--enterprise', CREDIT_CODE, '--ttl', '15m', '--sub', 'alice'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const claims = await verifyPrinted(result.stdout);
    expect(claims).toMatchObject({ sub: 'alice', role: 'ENTERPRISE', enterprise_id: enterpriseId });
    expect(claims.exp - claims.iat!).toBe(900);
    expect(claims).not.toHaveProperty('platform_id');
    // …and the server turns it into the enterprise's viewer.
    const config = loadConfig(env);
    const viewer = await authenticate(
      `Bearer ${result.stdout.trim()}`,
      createTokenVerifier(config, await resolveJwtSecret(config)),
      databaseTenantDirectory(db.dataSource),
    );
    expect(viewer).toEqual({ role: 'ENTERPRISE', subject: 'alice', enterpriseId });
  });

  it('accepts a lower-case credit code, the GraphQL id and the raw uuid', async () => {
    for (const id of [CREDIT_CODE.toLowerCase(), toGlobalId('Enterprise', enterpriseId), enterpriseId]) {
      const result = await runTokenCli(['--role', 'ENTERPRISE', '--enterprise', id], env);
      expect(result.stderr).toBe('');
      expect((await verifyPrinted(result.stdout)).enterprise_id).toBe(enterpriseId);
    }
  });

  it('prints tokens for a platform and a local government', async () => {
    const platform = await runTokenCli(['--role=PLATFORM', `--platform=${toGlobalId('Platform', platformId)}`], env);
    expect(await verifyPrinted(platform.stdout)).toMatchObject({ role: 'PLATFORM', sub: 'cli:PLATFORM', platform_id: platformId });
    const gov = await runTokenCli(['--role', 'LOCAL_GOV', '--region', '350200', '--ttl', '7d'], env);
    const claims = await verifyPrinted(gov.stdout);
    expect(claims).toMatchObject({ role: 'LOCAL_GOV', region_code: '350200' });
    expect(claims.exp - claims.iat!).toBe(7 * 86_400);
  });

  it('adds iss and aud when the server checks them', async () => {
    const strict = { ...env, JWT_SECRET: 'a-configured-secret-of-at-least-32-bytes', JWT_ISSUER: 'https://srdi.example', JWT_AUDIENCE: 'srdi-api' };
    const result = await runTokenCli(['--role', 'MOF'], strict);
    expect(await verifyPrinted(result.stdout, strict)).toMatchObject({ iss: 'https://srdi.example', aud: 'srdi-api', role: 'MOF' });
  });

  it.each([
    [[], /--role is required/],
    [['--role', 'ADMIN'], /--role must be one of/],
    [['--role', 'PUBLIC'], /--role must be one of/],
    [['--role', 'ENTERPRISE'], /needs --enterprise/],
    [['--role', 'PLATFORM'], /needs --platform/],
    [['--role', 'LOCAL_GOV'], /needs --region/],
    [['--role', 'MIIT', '--enterprise', CREDIT_CODE], /--enterprise does not apply to role MIIT/],
    [['--role', 'ENTERPRISE', '--enterprise', CREDIT_CODE, '--region', '350200'], /--region does not apply/],
    [['--role', 'MIIT', '--ttl', '1w'], /--ttl/],
    [['--role', 'MIIT', '--ttl', '0s'], /--ttl/],
    [['--role', 'MIIT', '--frobnicate'], /frobnicate/],
    [['--role', 'MIIT', 'extra'], /extra|positional/i],
    [['--role'], /--role/],
    [['--role', 'ENTERPRISE', '--enterprise', 'nonsense'], /--enterprise must be/],
    [['--role', 'ENTERPRISE', '--enterprise', toGlobalId('Platform', '00000000-0000-4000-8000-000000000000')], /--enterprise must be/],
    [['--role', 'ENTERPRISE', '--enterprise', '91110000000000000X'], /no enterprise with credit code/],
    [['--role', 'ENTERPRISE', '--enterprise', '00000000-0000-4000-8000-000000000000'], /no enterprise with id/],
    [['--role', 'PLATFORM', '--platform', '00000000-0000-4000-8000-000000000000'], /no platform with id/],
    [['--role', 'PLATFORM', '--platform', 'x'], /--platform must be/],
    [['--role', 'LOCAL_GOV', '--region', '999999'], /no region with code 999999/],
    [['--role', 'LOCAL_GOV', '--region', '35'], /six-digit/],
  ])('%j fails with exit 2 and one line', async (argv, message) => {
    expectUsageError(await runTokenCli(argv, env), message);
  });

  it('refuses when the server only accepts identity-provider tokens', async () => {
    const result = await runTokenCli(['--role', 'MIIT'], {
      ...env,
      JWKS_URL: 'https://idp.example/jwks.json',
      JWT_ISSUER: 'https://idp.example',
      JWT_AUDIENCE: 'srdi-api',
    });
    expectUsageError(result, /JWKS_URL/);
  });

  it('reports bad configuration in one line', async () => {
    expectUsageError(await runTokenCli(['--role', 'MIIT'], { ...env, JWT_SECRET: 'short' }), /JWT_SECRET/);
    expectUsageError(await runTokenCli(['--role', 'MIIT'], { ...env, NODE_ENV: 'production', DEMO_DATA: '0' }), /JWT_SECRET/);
  });

  it('--help prints the usage', async () => {
    const result = await runTokenCli(['--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: /);
  });
});
