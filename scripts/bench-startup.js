#!/usr/bin/env node
// Wall time from `npm start` to the "ready" line, on a fresh DATA_DIR (first start: initdb,
// migrations, demo data) and then again with the data present (second start), as a user sees it.
//   npm run bench:startup [-- --runs 3]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function startOnce(dataDir, port) {
  return new Promise((resolve, reject) => {
    const began = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let out = '';
    let result = null;
    child.stdout.on('data', (d) => {
      out += d;
      const m = /srdi-api ready in (\d+) ms/.exec(out);
      if (m && !result) {
        result = { wall: Number(process.hrtime.bigint() - began) / 1e6, reported: Number(m[1]) };
        process.kill(-child.pid, 'SIGINT'); // as Ctrl-C would: the whole process group
      }
    });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`npm start exited ${code} before ready:\n${out}`))));
  });
}

(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-startup-'));
  try {
    const first = await startOnce(dataDir, 4790);
    console.log(`first start (fresh DATA_DIR): ${first.wall.toFixed(0)} ms wall, server reported ${first.reported} ms`);
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
