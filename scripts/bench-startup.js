#!/usr/bin/env node
// Wall time from `npm start` to the "ready" line, as a user sees it: in a fresh clone of this
// checkout (its committed HEAD, nothing built: the swc build, initdb, migrations, demo data), then
// on a fresh DATA_DIR here (first start without the build), then again with the data present.
//   npm run bench:startup [-- --runs 3]
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

const root = path.join(__dirname, '..');

function startOnce(dataDir, port, cwd = root) {
  return new Promise((resolve, reject) => {
    const began = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent'], {
      cwd,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let result = null;
    let firstLine = null; // when `npm start` first says something (the build, or the first start-up step)
    const ms = () => Number(process.hrtime.bigint() - began) / 1e6;
    child.stderr.on('data', (d) => {
      firstLine ??= ms();
      out += d;
    });
    child.stdout.on('data', (d) => {
      firstLine ??= ms();
      out += d;
      const m = /srdi-api ready in (\d+) ms/.exec(out);
      if (m && !result) {
        result = { wall: ms(), reported: Number(m[1]), firstLine };
        process.kill(-child.pid, 'SIGINT'); // as Ctrl-C would: the whole process group
      }
    });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`npm start exited ${code} before ready:\n${out}`))));
  });
}

/** A clone of HEAD with this checkout's node_modules, as after `git clone && npm ci`. */
function freshClone() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-clone-'));
  fs.chmodSync(dir, 0o755); // as a clone's folder is; run as root, postgres (another user) must reach DATA_DIR inside
  execFileSync('git', ['clone', '--quiet', root, dir], { stdio: 'inherit' });
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

(async () => {
  const clone = freshClone();
  try {
    const cloned = await startOnce(path.join(clone, '.data'), 4790, clone);
    console.log(`first start in a fresh clone (build, initdb, migrations, demo data): ${cloned.wall.toFixed(0)} ms wall, server reported ${cloned.reported} ms; first line after ${cloned.firstLine.toFixed(0)} ms`);
  } finally {
    fs.rmSync(clone, { recursive: true, force: true });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-startup-'));
  try {
    const first = await startOnce(dataDir, 4790);
    console.log(`first start (fresh DATA_DIR, already built): ${first.wall.toFixed(0)} ms wall, server reported ${first.reported} ms`);
    const again = [];
    for (let i = 0; i < RUNS; i++) again.push(await startOnce(dataDir, 4790));
    const walls = again.map((r) => r.wall).sort((a, b) => a - b);
    const reported = again.map((r) => r.reported).sort((a, b) => a - b);
    console.log(`second start, data present (median of ${RUNS}): ${walls[Math.floor(RUNS / 2)].toFixed(0)} ms wall from \`npm start\`` +
      ` (npm, the stale-build check, node), server reported ${reported[Math.floor(RUNS / 2)]} ms from its process start`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
