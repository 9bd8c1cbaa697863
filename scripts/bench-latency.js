#!/usr/bin/env node
// Latency of typical role-scoped queries against the data under DATA_DIR (load the benchmark
// scale first with `npm run seed -- --scale national`): median and max of 15 sequential requests.
//   DATA_DIR=… npm run bench:latency
require('reflect-metadata');
const { loadConfig } = require('../dist/src/config/config');
const { openDatabase } = require('../dist/src/db/database');
const { ENTITIES } = require('../dist/src/modules/entities');
const { createAppServer } = require('../dist/src/server/app');
const { createLogger } = require('../dist/src/core/logger');
const { resolveJwtSecret } = require('../dist/src/auth/jwt-secret');
const { signToken } = require('../dist/src/auth/tokens');

const QUERIES = [
  ['LOCAL_GOV 320000: Jiangsu enterprises page + totalCount', 'gov', '{ enterprises(first: 20, filter: { regionCode: "320000" }) { totalCount edges { node { name tier region { name } } } } }'],
  ['MIIT: Guangdong little giants page + totalCount', 'miit', '{ enterprises(first: 20, filter: { regionCode: "440000", tier: LITTLE_GIANT }) { totalCount edges { node { name creditCode } } } }'],
  ['MIIT: 50 awards with sums, recipients, batches', 'miit', '{ awards(first: 50) { totalCount edges { node { amount disbursed spent enterprise { name region { name } } batch { number } } } } }'],
  ['LOCAL_GOV 320000: award figures by batch', 'gov', '{ awardFigures(groupBy: BATCH) { awards granted disbursed spent } }'],
];

(async () => {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  const db = await openDatabase(config, createLogger(config), ENTITIES);
  const server = await createAppServer(config, db.dataSource, createLogger(config));
  await new Promise((r) => server.httpServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.httpServer.address().port}/graphql`;
  try {
    const [{ n }] = await db.owner.query('SELECT count(*)::int AS n FROM enterprise');
    console.log(`${n} enterprises under ${config.dataDir}`);
    const secret = await resolveJwtSecret(config);
    const tokens = {
      gov: await signToken(secret, { sub: 'bench', role: 'LOCAL_GOV', region_code: '320000' }, '1h'),
      miit: await signToken(secret, { sub: 'bench', role: 'MIIT' }, '1h'),
    };
    for (const [label, who, query] of QUERIES) {
      const times = [];
      for (let i = 0; i < 15; i++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify({ query }) });
        const body = await res.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      console.log(`${label.padEnd(50)} median ${times[7].toFixed(0).padStart(4)} ms   max ${times[14].toFixed(0).padStart(4)} ms`);
    }
  } finally {
    await server.apollo.stop();
    await db.close();
  }
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
