// What the smaller benchmark scripts (bench:flood, bench:soak) share: the national-scale database of
// `npm run bench` (seeded on first use), an API process on it, tokens signed with its secret, and
// autocannon runs that keep every latency.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const pg = require('pg');
const { percentile } = require('./report');

const ROOT = path.join(__dirname, '..');
const WORK = process.env.BENCH_WORK || path.join(os.tmpdir(), 'srdi-bench');
const NATL = path.join(WORK, 'national');
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
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuedAt(now).setExpirationTime(now + 3 * 3600)
    .sign(Buffer.from(JWT_SECRET, 'utf8'));
}

function ensureNational() {
  if (fs.existsSync(path.join(NATL, 'bench-seeded'))) return;
  log('seeding the national-scale database (once; shared with npm run bench)');
  execFileSync(process.execPath, ['dist/src/cli/seed.js', '--scale', 'national'], { cwd: ROOT, env: { ...process.env, DATA_DIR: NATL }, stdio: 'inherit' });
  fs.writeFileSync(path.join(NATL, 'bench-seeded'), '--scale national\n');
}

/** The node flags `npm start` runs the API with (package.json's start script), so a measurement is of what users run. */
const API_FLAGS = (/^node ((?:--\S+ )*)dist\/src\/main\.js$/.exec(require('../package.json').scripts.start)?.[1] ?? '').split(' ').filter(Boolean);

/** The API on the national data (NODE_ENV=production, no rate limit), ready; `env` adds to its environment. */
async function startApi(env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...API_FLAGS, 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', JWT_SECRET, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: NATL, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return { child, base: `http://127.0.0.1:${port}` }; } catch {}
    if (child.exitCode !== null) throw new Error('the API exited');
    await sleep(500);
  }
  throw new Error('the API never became ready');
}

async function stopApi(api) {
  if (api.child.exitCode !== null) return;
  api.child.kill('SIGTERM');
  await new Promise((r) => api.child.once('exit', r));
}

/** A client logged in as the schema's owner, for fixtures. */
async function ownerClient() {
  const pidFile = fs.readFileSync(path.join(NATL, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = encodeURIComponent(fs.readFileSync(path.join(NATL, 'pg-password'), 'utf8').trim());
  const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${pidFile[3].trim()}/srdi` });
  await client.connect();
  return client;
}

/** autocannon for `duration` seconds over `requests` (autocannon request objects); every latency kept. */
function load(url, requests, connections, duration) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const inst = autocannon({ url, connections, duration, timeout: 60, requests }, (err, r) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({ rps: r.requests.total / duration, p50: percentile(latencies, 50), p99: percentile(latencies, 99), non2xx: r.non2xx, errors: r.errors + r.timeouts });
    });
    inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
}

/** Resident set size of a process, in MiB. */
function rssMiB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch { return null; }
}

module.exports = { ROOT, NATL, API_FLAGS, log, sleep, sign, ensureNational, startApi, stopApi, ownerClient, load, rssMiB };
