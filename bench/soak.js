#!/usr/bin/env node
// `npm run bench:soak`: ten minutes (SOAK_MINUTES) of mixed reads and writes on the national-scale data,
// one line a minute with the API's RSS and the minute's p50/p99, then whether RSS stayed flat and p99
// steady. Reads: the LOCAL_GOV page, the public provinces, MIIT's lookup by id and review queue, an
// enterprise's own awards. Writes: 0.01 disbursements (MOF, a fresh idempotency key each) and 0.01
// expenditures (the award's enterprise), one request in ten. A benchmark that prints, never a pass/fail.
'use strict';
const os = require('node:os');
const { log, sign, ensureNational, startApi, stopApi, ownerClient, load, rssMiB } = require('./harness');
const { readRequest, writeBody } = require('./scenarios');

const MINUTES = Number(process.env.SOAK_MINUTES || 10);
const CONNECTIONS = Number(process.env.CONNECTIONS || 16);

async function fixtures() {
  const owner = await ownerClient();
  try {
    const [{ id: s3id }] = (await owner.query(`SELECT id FROM enterprise WHERE tier = 'LITTLE_GIANT' ORDER BY credit_code LIMIT 1`)).rows;
    // Awards with room for ten minutes of 0.01 payments and spending.
    const awards = (await owner.query(
      `SELECT a.id, a.enterprise_id FROM award a WHERE a.enterprise_id IS NOT NULL AND a.status = 'GRANTED'
         AND a.amount - coalesce((SELECT sum(amount) FROM disbursement d WHERE d.award_id = a.id), 0) > 1000
       ORDER BY a.id LIMIT 8`,
    )).rows;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    // The enterprise whose own awards are read: one with few expenditures (earlier runs' writes pile up on the
    // written awards), and none of the written ones, so its page stays the same size all along.
    const [{ enterprise_id: s5 }] = (await owner.query(
      `SELECT a.enterprise_id FROM award a WHERE a.enterprise_id IS NOT NULL AND NOT a.enterprise_id = ANY($1)
         AND (SELECT count(*) FROM expenditure x JOIN award b ON b.id = x.award_id WHERE b.enterprise_id = a.enterprise_id) < 30
       ORDER BY a.id LIMIT 1`,
      [awards.map((a) => a.enterprise_id)],
    )).rows;
    return { s3id, awards, today, s5 };
  } finally {
    await owner.end();
  }
}

async function main() {
  ensureNational();
  const api = await startApi({ MAX_CONCURRENT_PER_CALLER: '1000' });
  try {
    const fx = await fixtures();
    const ctx = {
      runId: Date.now().toString(36), today: fx.today, s3id: fx.s3id,
      tokens: {
        gov: await sign({ sub: 'soak-gov', role: 'LOCAL_GOV', region_code: '320000' }),
        miit: await sign({ sub: 'soak-miit', role: 'MIIT' }),
        mof: await sign({ sub: 'soak-mof', role: 'MOF' }),
        ent: await sign({ sub: 'soak-ent', role: 'ENTERPRISE', enterprise_id: fx.s5 }),
      },
      writes: await Promise.all(fx.awards.map(async (a) => ({ awardId: a.id, token: await sign({ sub: `soak-ent-${a.enterprise_id}`, role: 'ENTERPRISE', enterprise_id: a.enterprise_id }) }))),
    };
    const reads = ['S1', 'S2', 'S3', 'S5', 'S7'].map((s) => readRequest('api', api.base, s, ctx));
    let n = 0;
    const requests = [
      {
        method: 'POST',
        setupRequest: (req) => {
          n += 1;
          if (n % 10 === 0) {
            const w = writeBody('api', ctx, n / 10);
            return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` }, body: w.body };
          }
          const r = reads[n % reads.length];
          return { ...req, headers: r.headers, body: r.body };
        },
      },
    ];
    const rows = [];
    log(`soaking for ${MINUTES} min at ${CONNECTIONS} connections`);
    for (let minute = 1; minute <= MINUTES; minute++) {
      const r = await load(`${api.base}/graphql`, requests, CONNECTIONS, 60);
      rows.push({ minute, rss: rssMiB(api.child.pid), ...r });
      log(`minute ${minute}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, RSS ${rows.at(-1).rss?.toFixed(0)} MiB, non-2xx ${r.non2xx}, errors ${r.errors}`);
    }
    console.log(`\nSoak: ${MINUTES} min of mixed reads and writes (1 write in 10), ${CONNECTIONS} connections, ${os.cpus().length} cores, national-scale data\n`);
    console.log('| minute | req/s | p50 ms | p99 ms | RSS MiB | non-2xx | errors |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.minute} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rss?.toFixed(0)} | ${r.non2xx} | ${r.errors} |`);
    // Flat and steady: the second half against the first, after a minute of warming up.
    const half = (xs) => xs.slice(1, Math.ceil(xs.length / 2)).concat().sort((a, b) => a - b);
    const later = (xs) => xs.slice(Math.ceil(xs.length / 2)).sort((a, b) => a - b);
    const mid = (xs) => xs[Math.floor(xs.length / 2)] ?? NaN;
    const rss = rows.map((r) => r.rss);
    const p99 = rows.map((r) => r.p99);
    console.log(`\nRSS: median ${mid(half(rss)).toFixed(0)} MiB in the first half, ${mid(later(rss)).toFixed(0)} MiB in the second (max ${Math.max(...rss).toFixed(0)})`);
    console.log(`p99: median ${mid(half(p99)).toFixed(1)} ms in the first half, ${mid(later(p99)).toFixed(1)} ms in the second`);
  } finally {
    await stopApi(api);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

