#!/usr/bin/env node
// `npm run bench:flood`: does one caller's flood of expensive operations hold up the cheap operations of
// others? On the national-scale database of `npm run bench` (seeded on first use), the API serves a cheap
// read (MIIT: one enterprise by id) at 4 connections, alone and then while a LOCAL_GOV token floods it with
// the 134,439-row page with totalCount at 32 connections. It does so with MAX_CONCURRENT_PER_CALLER at its
// default (half the pool) and with the gate opened to the whole pool, and prints the cheap reads' p50/p99
// in each case. Numbers, not a pass/fail: a flood raises the cheap p99 on 2 cores whatever we do; the
// question is by how much.
'use strict';
const os = require('node:os');
const { log, sign, ensureNational, startApi, stopApi, ownerClient, load } = require('./harness');
const { readRequest } = require('./scenarios');

const DURATION = Number(process.env.DURATION || 10);
const POOL = Number(process.env.DB_POOL_SIZE || 10);
const run = (req, connections) => load(req.url, [{ method: 'POST', headers: req.headers, body: req.body }], connections, DURATION);

async function main() {
  ensureNational();
  const rows = [];
  for (const [label, gate] of [['default gate (half the pool)', null], ['gate open to the whole pool', POOL]]) {
    const api = await startApi({ DB_POOL_SIZE: String(POOL), ...(gate ? { MAX_CONCURRENT_PER_CALLER: String(gate) } : {}) });
    try {
      const owner = await ownerClient();
      const [{ id }] = (await owner.query(`SELECT id FROM enterprise WHERE tier = 'LITTLE_GIANT' ORDER BY credit_code LIMIT 1`)).rows;
      await owner.end();
      const ctx = { s3id: id, tokens: { miit: await sign({ sub: 'flood-cheap', role: 'MIIT' }), gov: await sign({ sub: 'flood-gov', role: 'LOCAL_GOV', region_code: '320000' }) } };
      const cheap = readRequest('api', api.base, 'S3', ctx);
      const flood = readRequest('api', api.base, 'S4', ctx, 100);
      await run(cheap, 4); // warm-up
      log(`${label}: cheap reads alone`);
      const alone = await run(cheap, 4);
      log(`${label}: cheap reads during the flood`);
      const [during, flooding] = await Promise.all([run(cheap, 4), run(flood, 32)]);
      rows.push({ label, alone, during, flooding });
    } finally {
      await stopApi(api);
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
