#!/usr/bin/env node
// `npm run bench:flood`: does one caller's flood of expensive operations hold up the cheap operations of
// others? On the national-scale database of `npm run bench` (seeded on first use), the API serves a cheap
// read (MIIT: one enterprise by id) at 4 connections, alone and then while a LOCAL_GOV token floods it with
// the 134,439-row page with totalCount at 32 connections. It does so with MAX_CONCURRENT_PER_CALLER at its
// default (half the pool) and with the gate opened to the whole pool, and prints the cheap reads' p50/p99
// in each case. Numbers, not a pass/fail: a flood raises the cheap p99 on 2 cores whatever we do; the
// question is by how much.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const pg = require('pg');
const { readRequest } = require('./scenarios');
const { percentile } = require('./report');

const ROOT = path.join(__dirname, '..');
const WORK = process.env.BENCH_WORK || path.join(os.tmpdir(), 'srdi-bench');
const NATL = path.join(WORK, 'national');
const DURATION = Number(process.env.DURATION || 10);
const POOL = Number(process.env.DB_POOL_SIZE || 10);
const JWT_SECRET = crypto.randomBytes(32).toString('base64url');
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function sign(claims) {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt(now).setExpirationTime(now + 3600)
    .sign(Buffer.from(JWT_SECRET, 'utf8'));
}

function load(req, connections) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const inst = autocannon({ url: req.url, connections, duration: DURATION, timeout: 60, requests: [{ method: 'POST', headers: req.headers, body: req.body }] }, (err, r) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({ rps: r.requests.total / DURATION, p50: percentile(latencies, 50), p99: percentile(latencies, 99), non2xx: r.non2xx, errors: r.errors + r.timeouts });
    });
    inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
}

async function startApi(port, gate) {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', JWT_SECRET, HOST: '127.0.0.1', PORT: String(port),
      DATA_DIR: NATL, DB_POOL_SIZE: String(POOL), ...(gate ? { MAX_CONCURRENT_PER_CALLER: String(gate) } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child; } catch {}
    if (child.exitCode !== null) throw new Error('the API exited');
    await sleep(500);
  }
  throw new Error('the API never became ready');
}

async function main() {
  if (!fs.existsSync(path.join(NATL, 'bench-seeded'))) {
    log('seeding the national-scale database (once; shared with npm run bench)');
    execFileSync(process.execPath, ['dist/src/cli/seed.js', '--scale', 'national'], { cwd: ROOT, env: { ...process.env, DATA_DIR: NATL }, stdio: 'inherit' });
    fs.writeFileSync(path.join(NATL, 'bench-seeded'), '--scale national\n');
  }
  const rows = [];
  for (const [label, gate] of [['default gate (half the pool)', null], ['gate open to the whole pool', POOL]]) {
    const port = await freePort();
    const api = await startApi(port, gate);
    try {
      const pidFile = fs.readFileSync(path.join(NATL, 'pg', 'postmaster.pid'), 'utf8').split('\n');
      const owner = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(fs.readFileSync(path.join(NATL, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pidFile[3].trim()}/srdi` });
      await owner.connect();
      const [{ id }] = (await owner.query(`SELECT id FROM enterprise WHERE tier = 'LITTLE_GIANT' ORDER BY credit_code LIMIT 1`)).rows;
      await owner.end();
      const ctx = { s3id: id, tokens: { miit: await sign({ sub: 'flood-cheap', role: 'MIIT' }), gov: await sign({ sub: 'flood-gov', role: 'LOCAL_GOV', region_code: '320000' }) } };
      const base = `http://127.0.0.1:${port}`;
      const cheap = readRequest('api', base, 'S3', ctx);
      const flood = readRequest('api', base, 'S4', ctx, 100);
      await load(cheap, 4); // warm-up
      log(`${label}: cheap reads alone`);
      const alone = await load(cheap, 4);
      log(`${label}: cheap reads during the flood`);
      const [during, flooding] = await Promise.all([load(cheap, 4), load(flood, 32)]);
      rows.push({ label, alone, during, flooding });
    } finally {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
  }
  const f = (n) => (n == null ? '-' : n.toFixed(0));
  console.log(`\nCheap reads (MIIT, one enterprise by id, 4 connections) while one LOCAL_GOV floods the 134,439-row page with totalCount (32 connections); ${DURATION} s each, pool ${POOL}, ${os.cpus().length} cores\n`);
  console.log('| MAX_CONCURRENT_PER_CALLER | cheap alone: req/s, p50, p99 (ms) | cheap during the flood: req/s, p50, p99 (ms) | flood: req/s, non-2xx |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${f(r.alone.rps)}, ${f(r.alone.p50)}, ${f(r.alone.p99)} | ${f(r.during.rps)}, ${f(r.during.p50)}, ${f(r.during.p99)} | ${f(r.flooding.rps)}, ${r.flooding.non2xx} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
