#!/usr/bin/env node
// Measures what the per-request transaction (BEGIN, SET LOCAL role and tenant, COMMIT) costs:
// requests per second for the same queries with and without it, on one embedded PostgreSQL,
// in one run, alternating rounds so drift hits both sides alike.
//   npm run bench:transaction [-- --seconds 5 --concurrency 8 --rounds 3]
require('reflect-metadata');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadConfig } = require('../dist/src/config/config');
const { startEmbeddedPostgres } = require('../dist/src/db/embedded-postgres');
const { createDataSource } = require('../dist/src/db/data-source');
const { ENTITIES } = require('../dist/src/modules/entities');
const { migrate } = require('../dist/src/db/migrate');
const { seedDemoData } = require('../dist/src/seed/demo');
const { createAppServer } = require('../dist/src/server/app');
const { createLogger } = require('../dist/src/core/logger');
const { signToken } = require('../dist/src/auth/tokens');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const CONCURRENCY = arg('concurrency', 8);
const ROUNDS = arg('rounds', 3);
const SECRET = 'benchmark-secret-that-is-at-least-32-bytes';

const QUERIES = {
  'regions (public)': { query: '{ regions(level: PROVINCE) { code name } }' },
  'enterprises page (MIIT)': { query: '{ enterprises(first: 20) { totalCount edges { node { name creditCode region { name } } } } }', role: 'MIIT' },
};

async function load(url, body, token) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const payload = JSON.stringify(body);
  let done = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const res = await fetch(url, { method: 'POST', headers, body: payload });
        const json = await res.json();
        if (json.errors) throw new Error(JSON.stringify(json.errors));
        done++;
      }
    }),
  );
  return done / SECONDS;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir });
  try {
    const ds = createDataSource({ entities: ENTITIES, url: pg.url, poolSize: 12 });
    await ds.initialize();
    await migrate(ds);
    await seedDemoData(ds);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: pg.url, JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
    const logger = createLogger(config);
    const servers = {};
    for (const [name, options] of [['with', {}], ['without', { unsafeSkipRequestTransaction: true }]]) {
      const s = await createAppServer(config, ds, logger, options);
      await new Promise((r) => s.httpServer.listen(0, '127.0.0.1', r));
      servers[name] = { s, url: `http://127.0.0.1:${s.httpServer.address().port}/graphql` };
    }
    const token = await signToken(new TextEncoder().encode(SECRET), { sub: 'bench', role: 'MIIT' }, '1h');
    console.log(`${SECONDS}s x ${ROUNDS} rounds per side, ${CONCURRENCY} concurrent clients, ${os.cpus().length} cores`);
    for (const [label, q] of Object.entries(QUERIES)) {
      const results = { with: [], without: [] };
      for (let r = 0; r < ROUNDS; r++) {
        for (const side of ['without', 'with']) {
          results[side].push(await load(servers[side].url, { query: q.query }, q.role ? token : undefined));
        }
      }
      const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const w = median(results.with);
      const wo = median(results.without);
      console.log(`${label.padEnd(26)} without: ${wo.toFixed(0).padStart(6)} req/s   with: ${w.toFixed(0).padStart(6)} req/s   cost: ${((1 - w / wo) * 100).toFixed(1)}%`);
    }
    for (const { s } of Object.values(servers)) await s.apollo.stop();
    await ds.destroy();
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
