import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';
import { compareLsn, ReadRouting } from '../../src/db/read-routing';
import { APP_DB_ROLE } from '../../src/db/request-transaction';
import { toGlobalId } from '../../src/core/global-id';
import { AppServer, createAppServer } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import { createEnterprise } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/database';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens';

/**
 * READ_DATABASE_URL against a real streaming replica (issue 14, item 2): a
 * primary and a hot standby made from its base backup (pg_backup_start, a
 * copy of the cluster, pg_backup_stop, standby.signal), both from the
 * embedded binaries. Queries read from the replica while it keeps up; a
 * caller who just wrote reads its write from the primary; a lagging replica
 * (replay paused) and a stopped one leave every read on the primary, and
 * /readyz says which.
 */

jest.setTimeout(180_000);

/** The test run's embedded cluster (test/support/global-setup.ts); a server named by DATABASE_URL has no files here to copy. */
const CLUSTER = process.env.SRDI_TEST_PG_DIR;
if (!CLUSTER) console.warn('DATABASE_URL names the test server: the read-replica test needs the embedded cluster and is skipped');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-replica-'));
fs.chmodSync(root, 0o711); // postgres runs as its own user under root and must reach the standby's files
let db: TestDatabase;
let standby: ChildProcess | null = null;
let standbyUrl = '';
let owner: DataSource;
let app: DataSource;
let replica: DataSource;
let reads: ReadRouting;
let server: AppServer;
let url = '';

const SLOT = `srdi_test_standby_${process.pid}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** A hot standby of the test cluster in `dir`, from a base backup taken over SQL and a file copy. */
async function startStandby(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const admin = new pg.Client({ connectionString: process.env.SRDI_TEST_ADMIN_URL });
  await admin.connect();
  const source = CLUSTER!;
  const target = path.join(dir, 'pg');
  try {
    await admin.query(`SELECT pg_create_physical_replication_slot($1, true)`, [SLOT]);
    await admin.query(`SELECT pg_backup_start('srdi-test-standby', true)`);
    fs.mkdirSync(dir, { mode: 0o711 });
    execFileSync('cp', ['-a', source, target]); // keeps the owner: postgres runs as its own user under root
    const [{ labelfile }] = (await admin.query(`SELECT labelfile FROM pg_backup_stop(false)`)).rows;
    for (const f of ['postmaster.pid', 'postmaster.opts']) fs.rmSync(path.join(target, f), { force: true });
    const primaryUrl = new URL(process.env.SRDI_TEST_ADMIN_URL!);
    const password = decodeURIComponent(primaryUrl.password);
    fs.writeFileSync(path.join(target, 'backup_label'), labelfile);
    fs.writeFileSync(path.join(target, 'standby.signal'), '');
    fs.appendFileSync(
      path.join(target, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryUrl.port} user=${primaryUrl.username} password=${password}'\nprimary_slot_name = '${SLOT}'\n`,
    );
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '--reference', source, target]);
    const port = await freePort();
    // The very binary the primary runs.
    const bin = fs.readlinkSync(`/proc/${fs.readFileSync(path.join(source, 'postmaster.pid'), 'utf8').split('\n')[0]}/exe`);
    const ids =
      process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
    const child = spawn(
      bin,
      ['-D', target, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
      {
        ...ids,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        log += d;
        if (log.includes('ready to accept read-only connections')) resolve();
      });
      child.once('exit', () => reject(new Error(`the standby exited:\n${log}`)));
    });
    const standbyDb = new URL(db.url);
    standbyDb.port = String(port);
    return { child, url: standbyDb.toString() };
  } finally {
    await admin.end();
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const [{ lsn }] = await owner.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
  for (let i = 0; i < 200; i++) {
    const [{ replayed }] = await replica.query(`SELECT pg_last_wal_replay_lsn()::text AS replayed`);
    if (replayed && compareLsn(replayed, lsn) >= 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the standby did not catch up');
}

async function asSuperuserOnStandby(sql: string, params: unknown[] = []): Promise<unknown[]> {
  const su = new pg.Client({ connectionString: standbyUrl });
  await su.connect();
  try {
    return (await su.query(sql, params)).rows;
  } finally {
    await su.end();
  }
}

const ready = async () => (await (await fetch(`${url}/readyz`)).json()) as { status: string; replica?: string; reads?: string };
async function graphql(query: string, token: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}
const waitFor = async (what: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition never held');
};

beforeAll(async () => {
  if (!CLUSTER) return;
  // The database first, so that the base backup holds it.
  db = await createTestDatabase();
  owner = db.dataSource;
  const s = await startStandby(path.join(root, 'standby'));
  standby = s.child;
  standbyUrl = s.url;
  app = createDataSource({ entities: ENTITIES, url: db.url, poolSize: 4, role: APP_DB_ROLE });
  replica = createDataSource({ entities: ENTITIES, url: standbyUrl, poolSize: 4, role: APP_DB_ROLE });
  await app.initialize();
  await replica.initialize();
  reads = new ReadRouting(app, replica, { readYourWritesMs: 1_500, maxLagMs: 1_500, checkEveryMs: 100 });
  reads.start();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
  server = await createAppServer(config, app, createLogger(config), { readRouting: reads });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.httpServer.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  if (!CLUSTER) return;
  await server?.apollo.stop();
  for (const ds of [app, replica]) if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
  if (standby && standby.exitCode === null) {
    standby.kill('SIGINT');
    await new Promise((r) => standby!.once('exit', r));
  }
  // The slot would keep the primary's WAL for ever.
  const admin = new pg.Client({ connectionString: process.env.SRDI_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1`, [SLOT]).finally(() => admin.end());
  await db?.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

const maybe = CLUSTER ? it : it.skip;

const NAME = `query($id: ID!) { enterprise(id: $id) { name } }`;
const RENAME = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name } } }`;

maybe('reads from the replica while it keeps up, and says so on /readyz', async () => {
  await waitFor(async () => (await ready()).replica === 'ok');
  expect(await ready()).toEqual({ status: 'ready', replica: 'ok', reads: 'replica' });
  // With replay paused, a change on the primary is not on the replica yet: a query that sees the old
  // value read from the replica.
  const e = await createEnterprise(owner, { name: '复制读取旧名精密有限公司' });
  await caughtUp();
  await asSuperuserOnStandby(`SELECT pg_wal_replay_pause()`);
  try {
    await owner.query(`UPDATE enterprise SET name = '复制读取新名精密有限公司' WHERE id = $1`, [e.id]);
    const miit = await tokenFor({ role: 'MIIT' });
    expect((await graphql(NAME, miit, { id: toGlobalId('Enterprise', e.id) })).data.enterprise.name).toBe('复制读取旧名精密有限公司');
  } finally {
    await asSuperuserOnStandby(`SELECT pg_wal_replay_resume()`);
  }
  await caughtUp();
  await waitFor(async () => (await ready()).replica === 'ok');
});

maybe('lets a caller read its own write at once, from the primary, while others read the (lagging) replica', async () => {
  const e = await createEnterprise(owner, { name: '复制前名称精密有限公司' });
  await caughtUp();
  const self = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
  const miit = await tokenFor({ role: 'MIIT' });
  // Replay paused: the replica keeps the old name (it is not lagging by the 1.5 s measure yet).
  await asSuperuserOnStandby(`SELECT pg_wal_replay_pause()`);
  const renamed = await graphql(RENAME, self, { input: { id: toGlobalId('Enterprise', e.id), name: '复制后名称精密有限公司' } });
  expect(renamed.errors).toBeUndefined();
  expect((await graphql(NAME, self, { id: toGlobalId('Enterprise', e.id) })).data.enterprise.name).toBe('复制后名称精密有限公司');
  // The replica still has the old name: the new one the caller read came from the primary.
  expect(await asSuperuserOnStandby(`SELECT name FROM enterprise WHERE id = $1`, [e.id])).toEqual([{ name: '复制前名称精密有限公司' }]);
  // Once it is 1.5 s behind, the replica is lagging: every read goes to the primary.
  await waitFor(async () => (await ready()).replica === 'lagging');
  expect(await ready()).toEqual({ status: 'ready', replica: 'lagging', reads: 'primary' });
  expect((await graphql(NAME, miit, { id: toGlobalId('Enterprise', e.id) })).data.enterprise.name).toBe('复制后名称精密有限公司');
  await asSuperuserOnStandby(`SELECT pg_wal_replay_resume()`);
  await waitFor(async () => (await ready()).replica === 'ok');
});

maybe('reads from the primary when the replica is down, and is still ready', async () => {
  standby!.kill('SIGINT');
  await new Promise((r) => standby!.once('exit', r));
  await waitFor(async () => (await ready()).replica === 'down');
  expect(await ready()).toEqual({ status: 'ready', replica: 'down', reads: 'primary' });
  const miit = await tokenFor({ role: 'MIIT' });
  const res = await graphql('{ enterprises(first: 5) { totalCount } }', miit);
  expect(res.errors).toBeUndefined();
  expect(res.data.enterprises.totalCount).toBeGreaterThanOrEqual(2);
});
