import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const CHILD = path.join(__dirname, '..', 'support', 'embedded-child.js');

function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number.parseInt(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT 41 + 1 AS n');
    return rows[0].n;
  } finally {
    await c.end();
  }
}

const waitUntil = async (cond: () => boolean, ms = 15000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts again after kill -9 of its owner, then stops cleanly on SIGTERM', async () => {
    const first = await start(dataDir);
    expect(await answers(first.url)).toBe(42);
    const orphan = postmasterPid(dataDir)!;
    expect(alive(orphan)).toBe(true);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(orphan)).toBe(true); // postgres outlives its owner: an orphan holding the lock

    const second = await start(dataDir);
    expect(await answers(second.url)).toBe(42);
    expect(alive(orphan)).toBe(false);
    const current = postmasterPid(dataDir)!;
    expect(current).not.toBe(orphan);

    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    await waitUntil(() => !alive(current));
    expect(postmasterPid(dataDir)).toBeNull();
  }, 60_000);

  it('refuses a DATA_DIR that a live server holds', async () => {
    const holder = await start(dataDir);
    try {
      await expect(start(dataDir)).rejects.toThrow(/in use by another srdi-api process/);
    } finally {
      holder.child.kill('SIGTERM');
      await new Promise((r) => holder.child.once('exit', r));
    }
  }, 60_000);
});
