#!/usr/bin/env node
// `npm run bench`: srdi-api against the floor (hand-written SQL on node:http, as srdi_app under RLS and as
// the owner) on the national dataset, interleaved rounds with autocannon; then statements per request,
// the page at 10x less data, and the cost of authorization measured in SQL. Prints one table on stdout,
// progress on stderr; raw results in $BENCH_WORK/out/results.json. See docs/performance.md.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const autocannon = require('autocannon');
const pg = require('pg');
const { readRequest, writeBody, canonical, gid } = require('./scenarios');
const { percentile, median, renderReport } = require('./report');

const ROOT = path.join(__dirname, '..');
const WORK = process.env.BENCH_WORK || path.join(os.tmpdir(), 'srdi-bench');
const NATL = path.join(WORK, 'national');
const SMALL = path.join(WORK, 'national-0.1');
const OUT = path.join(WORK, 'out');
const ROUNDS = Number(process.env.ROUNDS || 3);
const DURATION = Number(process.env.DURATION || 10);
const WARMUP = Number(process.env.WARMUP ?? 3);
const AUTHZ_N = Number(process.env.AUTHZ_N || 200);
const SKIP = new Set((process.env.SKIP || '').split(',').map((s) => s.trim()).filter(Boolean)); // S1..S8, scale, count, authz
// CPU_PROFILE=1: the API process runs under `node --cpu-prof`; its profile is summarised after the run.
const PROFILE_DIR = process.env.CPU_PROFILE === '1' ? path.join(WORK, 'out', 'profile') : null;
const PORTS = {}; // filled with free ports on 127.0.0.1 at start
const JWT_SECRET = crypto.randomBytes(32).toString('base64url');
const READS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
const PLAN = [['S1', 32], ['S2', 32], ['S2', 8], ['S3', 32], ['S4', 32], ['S5', 32], ['S6', 32], ['S7', 32], ['S8', 32]]
  .filter(([s]) => !SKIP.has(s));

const started = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
fs.mkdirSync(OUT, { recursive: true });

// ------------------------------------------------------------------ processes
/** The node flags `npm start` runs the API with, so the benchmark measures what users run. */
const { API_FLAGS } = require('./harness');

function start(name, args, env, cwd = ROOT) {
  const out = fs.openSync(path.join(OUT, `${name}.log`), 'w');
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  started.push({ name, child });
  log(`started ${name} (pid ${child.pid})`);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(t);
}

async function stopAll() {
  while (started.length) {
    const { name, child } = started.pop();
    await stop(child);
    log(`stopped ${name}`);
  }
}
let stopping = null; // set once a signal asked us to stop; the main loop's errors are then expected
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    log(`${sig}: stopping what the bench started`);
    stopping = stopAll().finally(() => process.exit(130));
  });
}

async function waitHttp(url, child, tries = 360) {
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}; see ${OUT}`);
    try {
      const r = await fetch(url, { method: url.endsWith('/readyz') ? 'GET' : 'POST' });
      if (r.status < 500) return;
    } catch {}
    await sleep(500);
  }
  throw new Error(`${url} never came up`);
}

/**
 * Other engineers run test files on the same two cores: wait while jest runs (BENCH_IGNORE_JEST=1 skips),
 * at most 10 minutes at a time and BENCH_MAX_WAIT seconds (default 1800) in all, then go on (and say so in results.json).
 */
let waitedInAll = 0;
const MAX_WAIT = Number(process.env.BENCH_MAX_WAIT || 1800);
async function politeWait(what) {
  if (process.env.BENCH_IGNORE_JEST === '1' || waitedInAll >= MAX_WAIT) return;
  for (let waited = 0; waited < 600 && waitedInAll < MAX_WAIT; waited += 30, waitedInAll += 30) {
    let busy = '';
    try { busy = execFileSync('pgrep', ['-f', 'jest'], { encoding: 'utf8' }).trim(); } catch { return; }
    if (!busy) return;
    log(`jest is running (${busy.split('\n').join(',')}); waiting 30 s before ${what}`);
    await sleep(30_000);
  }
  log(`still busy after 10 min; going on with ${what}`);
}

/**
 * A scenario's connections share one token but stand for as many people (officials of one province), each
 * of whom the server would let run requests side by side: no rate limit, no per-caller gate.
 */
function apiEnv(extra) {
  return { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_PER_CALLER: '1000', LOG_LEVEL: 'warn', JWT_SECRET, HOST: '127.0.0.1', DB_POOL_SIZE: '10', ...extra };
}

/** Seeds DATA_DIR once; a directory seeded before is reused (the seed refuses a non-empty database). */
async function ensureSeeded(dir, args) {
  const marker = path.join(dir, 'bench-seeded');
  if (fs.existsSync(marker)) return;
  await politeWait(`seeding ${dir}`);
  log(`seeding ${dir} (${args.join(' ')}) — about a minute at national scale`);
  let out = '';
  try {
    out = execFileSync(process.execPath, ['dist/src/cli/seed.js', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (!/refused/.test(String(err.stderr))) throw new Error(`seed failed: ${err.stderr || err.message}`);
    out = String(err.stderr);
  }
  log(out.trim());
  fs.writeFileSync(marker, `${args.join(' ')}\n`);
}

function dbUrls(dir) {
  const pidFile = fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const port = pidFile[3].trim();
  const pw = (f) => encodeURIComponent(fs.readFileSync(path.join(dir, f), 'utf8').trim());
  return {
    owner: `postgres://postgres:${pw('pg-password')}@127.0.0.1:${port}/srdi`,
    app: `postgres://srdi_app:${pw('app-db-password')}@127.0.0.1:${port}/srdi`,
  };
}

async function sign(claims) {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt(now).setExpirationTime(now + 12 * 3600)
    .sign(Buffer.from(JWT_SECRET, 'utf8'));
}

const vmKiB = (pid, key) => {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch { return null; }
};
/** CPU time (user + system) the process has used, in ms: what a request costs it, whoever else shares the cores. */
const cpuMs = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ is 100 on Linux)
  } catch { return null; }
};
const resetHwm = (pid) => { try { fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch {} };

// ------------------------------------------------------------------ requests
async function call(req) {
  const r = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body || undefined });
  const j = await r.json().catch(() => ({}));
  if (r.status !== 200 || j.errors) throw new Error(`${req.url}: ${r.status} ${JSON.stringify(j.errors || j).slice(0, 400)}`);
  return j.data;
}

/** The autocannon request of a row; S8 makes a fresh write for every request. */
function cannonRequest(sys, s, ctx) {
  if (s !== 'S8') return readRequest(sys.kind, sys.url, s, ctx);
  let n = 0;
  const url = sys.kind === 'api' ? `${sys.url}/graphql` : `${sys.url}/s8`;
  return {
    url, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    setupRequest: (req) => {
      const w = writeBody(sys.kind, ctx, n++);
      return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` }, body: w.body };
    },
  };
}

async function oneWrite(sys, ctx, n) {
  const w = writeBody(sys.kind, ctx, n);
  const url = sys.kind === 'api' ? `${sys.url}/graphql` : `${sys.url}/s8`;
  return call({ url, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` }, body: w.body });
}

/** One autocannon run; latencies from every response, GraphQL errors from every 10th body. */
function load(req, connections, duration) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let seen = 0;
    let sampled = 0;
    let gqlErrors = 0;
    let firstError = null;
    const onResponse = (status, body) => {
      if (seen++ % 10) return;
      sampled++;
      try {
        const j = JSON.parse(body);
        if (j.errors) { gqlErrors++; firstError ??= JSON.stringify(j.errors).slice(0, 300); }
      } catch { gqlErrors++; firstError ??= `unparsable body (${status})`; }
    };
    const request = { method: req.method, headers: req.headers, body: req.body, onResponse, ...(req.setupRequest ? { setupRequest: req.setupRequest } : {}) };
    const inst = autocannon({ url: req.url, connections, duration, timeout: 30, requests: [request] }, (err, r) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({
        rps: r.requests.total / duration, n: r.requests.total,
        p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
        errors: r.errors + r.timeouts + r.non2xx, gqlErrors, sampled, firstError,
      });
    });
    inst.on('response', (client, status, bytes, ms) => latencies.push(ms));
  });
}

// ------------------------------------------------------------------ fixtures
async function fixtures(ownerUrl) {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const today = (await db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS d`)).rows[0].d;
    const s3id = (await db.query('SELECT id FROM enterprise ORDER BY credit_code OFFSET $1 LIMIT 1',
      [Math.floor((await db.query('SELECT count(*)::int AS n FROM enterprise')).rows[0].n / 2)])).rows[0].id;
    // Writes: GRANTED enterprise awards with room to pay and to spend (at least 1,000 yuan each way), already paid
    // into (so spending today is after the first tranche); one enterprise per award, so each has its own lock.
    const { rows: room } = await db.query(`
      SELECT DISTINCT ON (a.enterprise_id) a.id, a.enterprise_id FROM award a
      CROSS JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS paid, min(paid_on) AS first_paid FROM disbursement WHERE award_id = a.id) d
      CROSS JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS back FROM claw_back WHERE award_id = a.id) c
      CROSS JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS spent FROM expenditure WHERE award_id = a.id) x
      WHERE a.status = 'GRANTED' AND a.enterprise_id IS NOT NULL AND d.first_paid <= $1::date
        AND a.amount - c.back - d.paid >= 1000 AND d.paid - c.back - x.spent >= 1000
      ORDER BY a.enterprise_id, a.id LIMIT 9`, [today]);
    if (room.length < 2) throw new Error('no awards with room for the write mix (S8); is the database seeded?');
    // S5: an enterprise with the most awards and tranches, not one the write mix adds to.
    const { rows: [s5] } = await db.query(`
      SELECT a.enterprise_id, count(DISTINCT a.id) AS awards, count(d.*) AS n FROM award a JOIN disbursement d ON d.award_id = a.id
      WHERE a.enterprise_id <> ALL($1::uuid[]) GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT 1`, [room.map((r) => r.enterprise_id)]);
    const postgres = (await db.query('SHOW server_version')).rows[0].server_version;
    return { today, s3id, s5: s5.enterprise_id, s5awards: `${s5.awards} awards, ${s5.n} tranches`, writeAwards: room.slice(0, 8), postgres };
  } finally {
    await db.end();
  }
}

// ------------------------------------------------------------------ statements per request
async function countStatements(results, ctx, urls) {
  const countFile = (name) => path.join(OUT, `statements-${name}.json`);
  const preload = path.join(__dirname, 'count-statements.js');
  const procs = [
    { key: 'api', kind: 'api', port: PORTS.count, child: start('count-api', [...API_FLAGS, '-r', preload, 'dist/src/main.js'], apiEnv({ PORT: String(PORTS.count), DATA_DIR: NATL, DATABASE_URL: urls.owner, APP_DATABASE_URL: urls.app, COUNT_FILE: countFile('api') })) },
    { key: 'rls', kind: 'floor', port: PORTS.countRls, child: start('count-rls', ['-r', preload, 'bench/floor-server.js'], { MODE: 'rls', PORT: String(PORTS.countRls), DATABASE_URL: urls.app, JWT_SECRET, COUNT_FILE: countFile('rls') }) },
    { key: 'owner', kind: 'floor', port: PORTS.countOwner, child: start('count-owner', ['-r', preload, 'bench/floor-server.js'], { MODE: 'owner', PORT: String(PORTS.countOwner), DATABASE_URL: urls.owner, JWT_SECRET, COUNT_FILE: countFile('owner') }) },
  ];
  for (const p of procs) await waitHttp(`http://127.0.0.1:${p.port}${p.kind === 'api' ? '/readyz' : '/s1'}`, p.child);
  const dump = async (p) => { p.child.kill('SIGUSR2'); await sleep(300); return JSON.parse(fs.readFileSync(countFile(p.key), 'utf8')); };
  for (const p of procs) {
    const sys = { kind: p.kind, url: `http://127.0.0.1:${p.port}` };
    for (const s of [...READS, 'S8']) {
      if (SKIP.has(s)) continue;
      const N = s === 'S8' ? 4 : 3;
      const once = (i) => (s === 'S8' ? oneWrite(sys, ctx, 1_000_000 + i) : call(readRequest(p.kind, sys.url, s, ctx)));
      await once(-2); await once(-1); // warm caches (tenant directory, loaders) with one write of each kind
      const before = await dump(p);
      for (let i = 0; i < N; i++) await once(i);
      const after = await dump(p);
      results.statements[`${s}|${p.key}`] = (after.count - before.count) / N;
      (results.trips ??= {})[`${s}|${p.key}`] = (after.trips - before.trips) / N;
      if (p.key === 'api' && s === 'S2') results.s2Statements = after.statements.slice(0, after.statements.length / N);
      log(`statements ${s} ${p.key}: ${(after.count - before.count) / N} per request in ${(after.trips - before.trips) / N} round trips`);
    }
  }
  for (const p of procs) await stop(p.child);
}

// ------------------------------------------------------------------ authorization cost in SQL
/** The statement without its WHERE clause, its $n renumbered to the parameters it still uses. */
function withoutWhere(text, values) {
  // The outer statement's WHERE and ORDER BY: the child lists' sub-selects have their own, inside parentheses.
  const where = topLevel(text, ' WHERE ');
  const order = topLevel(text, ' ORDER BY ', where);
  if (where < 0 || order < 0) return null;
  const m = [null, text.slice(0, where), text.slice(where + 7, order), text.slice(order + 10)];
  const rest = `${m[1]} ORDER BY ${m[3]}`;
  const used = [...new Set([...rest.matchAll(/\$(\d+)/g)].map((x) => Number(x[1])))];
  const map = new Map(used.map((n, i) => [n, i + 1]));
  return { text: rest.replace(/\$(\d+)/g, (_, n) => `$${map.get(Number(n))}`), values: used.map((n) => values[n - 1]), where: m[2] };
}

/** Index of `word` outside parentheses and quotes, from `from` on; -1 if none. */
function topLevel(text, word, from = 0) {
  let depth = 0;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && i >= from && text.startsWith(word, i)) return i;
  }
  return -1;
}

async function authzCost(results, urls, page) {
  const bare = withoutWhere(page.text, page.values);
  if (!bare) { results.authz = { error: 'could not find the WHERE of the captured statement' }; return; }
  const owner = new pg.Client({ connectionString: urls.owner });
  const app = new pg.Client({ connectionString: urls.app });
  await owner.connect();
  await app.connect();
  try {
    const setRls = () => app.query(
      `SELECT set_config('role', 'srdi_app', true), set_config('app.role', 'LOCAL_GOV', true), set_config('app.enterprise_id', '', true),
              set_config('app.platform_id', '', true), set_config('app.region_lo', '320000', true), set_config('app.region_hi', '329999', true)`);
    const variants = {
      'owner, no WHERE scope, no RLS': { client: owner, ...bare },
      'owner, WHERE scope, no RLS': { client: owner, text: page.text, values: page.values },
      'srdi_app + settings, WHERE scope and RLS': { client: app, text: page.text, values: page.values, rls: true },
    };
    const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    const rows = {};
    for (let block = 0; block < AUTHZ_N / 20; block++) {
      for (const [k, v] of Object.entries(variants)) {
        if (v.rls) { await app.query('BEGIN'); await setRls(); }
        for (let i = 0; i < 20; i++) {
          const t0 = process.hrtime.bigint();
          const r = await v.client.query(v.text, v.values);
          times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
          rows[k] = r.rowCount;
        }
        if (v.rls) await app.query('COMMIT');
      }
    }
    results.authz = {
      n: AUTHZ_N, statement: page.text, values: page.values, where: bare.where,
      variants: Object.fromEntries(Object.entries(times).map(([k, t]) => {
        const s = [...t].sort((a, b) => a - b);
        return [k, { median: percentile(s, 50), p95: percentile(s, 95), mean: t.reduce((a, b) => a + b, 0) / t.length, rows: rows[k] }];
      })),
    };
  } finally {
    await owner.end();
    await app.end();
  }
}

// ------------------------------------------------------------------ main
/** A port nothing listens on now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = require('node:net').createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function main() {
  for (const k of ['api', 'rls', 'owner', 'small', 'count', 'countRls', 'countOwner']) PORTS[k] = await freePort();
  const results = { started: new Date().toISOString(), rounds: ROUNDS, duration: DURATION, warmup: WARMUP, cpus: os.cpus().length, node: process.version, checks: {}, runs: [], statements: {}, scale: [] };
  await ensureSeeded(NATL, ['--scale', 'national']);
  if (!SKIP.has('scale')) await ensureSeeded(SMALL, ['--scale', 'national', '--factor', '0.1']);

  if (PROFILE_DIR) fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
  const profileArgs = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const api = start('api', [...API_FLAGS, ...profileArgs, 'dist/src/main.js'], apiEnv({ PORT: String(PORTS.api), DATA_DIR: NATL }));
  await waitHttp(`http://127.0.0.1:${PORTS.api}/readyz`, api);
  const urls = dbUrls(NATL);
  const rls = start('floor-rls', ['bench/floor-server.js'], { MODE: 'rls', PORT: String(PORTS.rls), DATABASE_URL: urls.app, JWT_SECRET });
  const owner = start('floor-owner', ['bench/floor-server.js'], { MODE: 'owner', PORT: String(PORTS.owner), DATABASE_URL: urls.owner, JWT_SECRET });
  await waitHttp(`http://127.0.0.1:${PORTS.rls}/s1`, rls);
  await waitHttp(`http://127.0.0.1:${PORTS.owner}/s1`, owner);

  const fx = await fixtures(urls.owner);
  results.postgres = fx.postgres;
  results.fixtures = { s3: fx.s3id, s5: fx.s5, s5Size: fx.s5awards, writeAwards: fx.writeAwards.map((w) => w.id) };
  const ctx = {
    runId: Date.now().toString(36), today: fx.today, s3id: fx.s3id,
    tokens: {
      gov: await sign({ sub: 'bench-gov', role: 'LOCAL_GOV', region_code: '320000' }),
      miit: await sign({ sub: 'bench-miit', role: 'MIIT' }),
      mof: await sign({ sub: 'bench-mof', role: 'MOF' }),
      ent: await sign({ sub: 'bench-ent', role: 'ENTERPRISE', enterprise_id: fx.s5 }),
    },
    writes: await Promise.all(fx.writeAwards.map(async (w) => ({ awardId: w.id, token: await sign({ sub: 'bench-ent', role: 'ENTERPRISE', enterprise_id: w.enterprise_id }) }))),
  };
  const systems = [
    { name: 'srdi-api', kind: 'api', url: `http://127.0.0.1:${PORTS.api}`, pid: api.pid },
    { name: 'floor RLS', kind: 'floor', url: `http://127.0.0.1:${PORTS.rls}`, pid: rls.pid },
    { name: 'floor owner', kind: 'floor', url: `http://127.0.0.1:${PORTS.owner}`, pid: owner.pid },
  ];

  // ---- same rows before loading (and one clean write of each kind)
  for (const s of READS) {
    if (SKIP.has(s)) continue;
    const ref = canonical(s, await call(readRequest('api', systems[0].url, s, ctx)));
    const row = { rows: ref.length };
    for (const sys of systems.slice(1)) {
      const got = canonical(s, await call(readRequest(sys.kind, sys.url, s, ctx)));
      const i = got.findIndex((x, k) => x !== ref[k]);
      row[sys.name] = got.length === ref.length && i < 0 ? 'same' : `DIFFERENT (${got.length} vs ${ref.length} rows; first: ${got[i] ?? '-'} vs ${ref[i] ?? '-'})`;
    }
    results.checks[s] = row;
    log(`check ${s}: ${JSON.stringify(row)}`);
  }
  if (!SKIP.has('S8')) {
    for (const sys of systems) { await oneWrite(sys, ctx, -2); await oneWrite(sys, ctx, -1); }
    results.checks.S8 = { rows: 'one disbursement and one expenditure per system', all: 'no errors' };
  }

  // ---- interleaved rounds: system order rotated each round
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [s, conns] of PLAN) {
      await politeWait(`round ${round} ${s}@${conns}`); // between rows, so all systems of a row share the same conditions
      const k = (round - 1) % systems.length;
      for (const sys of [...systems.slice(k), ...systems.slice(0, k)]) {
        const req = cannonRequest(sys, s, ctx);
        if (WARMUP) await load(req, conns, WARMUP);
        resetHwm(sys.pid);
        const cpuBefore = cpuMs(sys.pid);
        const r = await load(req, conns, DURATION);
        r.peakRssMiB = vmKiB(sys.pid, 'VmHWM') / 1024;
        const cpuAfter = cpuMs(sys.pid);
        r.cpuMsPerReq = cpuBefore == null || cpuAfter == null || !r.n ? null : (cpuAfter - cpuBefore) / r.n;
        if (s !== 'S8') await call(req); // still a clean answer after the run
        results.runs.push({ round, system: sys.name, scenario: `${s}@${conns}`, ...r });
        log(`round ${round} ${s}@${conns} ${sys.name}: ${r.rps.toFixed(0)} req/s cpu ${r.cpuMsPerReq?.toFixed(2)} ms/req p50 ${r.p50?.toFixed(1)} p95 ${r.p95?.toFixed(1)} p99 ${r.p99?.toFixed(1)} errors ${r.errors} gql ${r.gqlErrors}/${r.sampled}${r.firstError ? ` ${r.firstError}` : ''}`);
      }
    }
  }

  // ---- the page (S2) at 10x less data vs national, srdi-api only
  if (!SKIP.has('scale')) {
    const small = start('api-small', [...API_FLAGS, 'dist/src/main.js'], apiEnv({ PORT: String(PORTS.small), DATA_DIR: SMALL }));
    await waitHttp(`http://127.0.0.1:${PORTS.small}/readyz`, small);
    const [{ n: smallN }] = (await fetchCount(dbUrls(SMALL).owner));
    const [{ n: natlN }] = (await fetchCount(urls.owner));
    results.scaleSizes = { national: natlN, small: smallN };
    const pair = [{ label: 'national', url: systems[0].url }, { label: 'small', url: `http://127.0.0.1:${PORTS.small}` }];
    await load(readRequest('api', pair[1].url, 'S2', ctx), 32, Math.max(WARMUP, 2)); // its JIT is cold
    for (let round = 1; round <= ROUNDS; round++) {
      for (const p of round % 2 ? pair : [...pair].reverse()) {
        const req = readRequest('api', p.url, 'S2', ctx);
        if (WARMUP) await load(req, 32, WARMUP);
        const r = await load(req, 32, DURATION);
        results.scale.push({ round, data: p.label, ...r });
        log(`scale round ${round} S2@32 ${p.label}: ${r.rps.toFixed(0)} req/s p99 ${r.p99?.toFixed(1)} errors ${r.errors}`);
      }
    }
    await stop(small);
  }

  // ---- statements per request, then the S2 statement's authorization cost
  if (!SKIP.has('count')) await countStatements(results, ctx, urls);
  if (!SKIP.has('authz')) {
    // The API sends a read's statement behind the caller's settings, in one message: the statement alone is what is measured.
    const page = (results.s2Statements || [])
      .map((st) => ({ ...st, text: st.text.replace(/^(START TRANSACTION; )?SELECT set_config\([^;]*; /, '') }))
      .find((st) => /FROM "enterprise"/.test(st.text) && / LIMIT /.test(st.text) && !/COUNT\(/i.test(st.text));
    // A failure here must not cost the table of the whole run.
    if (page) await authzCost(results, urls, page).catch((err) => (results.authz = { error: String(err?.message ?? err) }));
    else results.authz = { error: 'S2 statement not captured (run without SKIP=count or S2)' };
  }

  results.waitedForJestSeconds = waitedInAll;
  await stopAll();
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  console.log(renderReport(results));
  if (PROFILE_DIR) {
    // The API process wrote its profile on exit; it spans start-up and every scenario run.
    const { summarise } = require('./profile-summary');
    for (const f of fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile'))) {
      console.log(`\nCPU profile of srdi-api (${f}):\n${summarise(path.join(PROFILE_DIR, f))}`);
    }
  }
}

async function fetchCount(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query('SELECT count(*)::int AS n FROM enterprise')).rows; } finally { await c.end(); }
}

main().catch(async (err) => {
  if (stopping) return stopping;
  console.error(err);
  await stopAll();
  process.exit(1);
});
