#!/usr/bin/env node
// The floor: a bare node:http server answering the benchmark's scenarios with hand-written SQL over a
// pg Pool of 10 (the API's default DB_POOL_SIZE), answers shaped like the API's so they can be compared.
//
//   MODE=rls   logs in as srdi_app; each request is BEGIN; set_config(role, app.*); SQL; COMMIT: the settings
//              srdi-api's request transaction sets (src/db/request-transaction.ts), so RLS applies, plus the
//              explicit scope condition srdi-api's CASL→SQL adds.
//   MODE=owner logs in as the owner (superuser, RLS bypassed), no transaction for reads, the scope condition only.
//
// Env: PORT, MODE, DATABASE_URL, JWT_SECRET (HS256, the API's). POST /s1 … /s7 (S2/S4 ?first=N, S3 ?id=UUID);
// POST /s8 with a JSON body {op: 'disburse'|'spend', awardId, amount, idempotencyKey | category, spentOn}.
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const pg = require('pg');

const MODE = process.env.MODE || 'rls';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE || 10) });
const SECRET = Buffer.from(process.env.JWT_SECRET || '', 'utf8');
const PUBLISHED = ['PUBLIC_NOTICE', 'CERTIFIED', 'UNDER_REVIEW', 'RENEWED'];
const gid = (type, key) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
const fail = (status, message) => Object.assign(new Error(message), { status });

/** HS256 verification, as the API does (signature and expiry). */
function viewerOf(req) {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return { role: 'PUBLIC', sub: 'public' };
  const [head, body, sig] = h.slice(7).split('.');
  const expect = crypto.createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
  if (!sig || sig.length !== expect.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expect))) throw fail(401, 'bad token');
  const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  if (!p.exp || p.exp * 1000 < Date.now()) throw fail(401, 'expired');
  return { role: p.role, sub: p.sub, regionCode: p.region_code, enterpriseId: p.enterprise_id, platformId: p.platform_id };
}

function range(code) {
  if (!code) return null;
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return { lo: prefix.padEnd(6, '0'), hi: prefix.padEnd(6, '9') };
}

// The scope srdi-api's CASL→SQL emits for LOCAL_GOV (public rule OR in region); $1/$2 are region_lo/hi.
const ENT_SCOPE_GOV = `(e.tier IS NOT NULL OR (e.region_code >= $1 AND e.region_code <= $2))`;
const CERT_SCOPE_GOV = `(c.status = ANY($3) OR (c.region_code >= $1 AND c.region_code <= $2))`;

const PAGE_SQL = (withCount) => `
  SELECT ${withCount ? `(SELECT count(*)::int FROM enterprise e WHERE ${ENT_SCOPE_GOV})` : 'NULL::int'} AS total,
    (SELECT coalesce(json_agg(p ORDER BY p.credit_code, p.id), '[]') FROM (
      SELECT e.id, e.name, e.credit_code, r.code AS region_code, r.name AS region_name,
        (SELECT coalesce(json_agg(json_build_object('tier', c.tier, 'status', c.status) ORDER BY c.created_at, c.id), '[]')
           FROM certification c WHERE c.enterprise_id = e.id AND ${CERT_SCOPE_GOV}) AS certs
      FROM enterprise e JOIN region r ON r.code = e.region_code
      WHERE ${ENT_SCOPE_GOV}
      ORDER BY e.credit_code, e.id LIMIT $4) p) AS page`;

// ENTERPRISE: its own awards (oldest grant first) with their tranches and spending; $1 = its id.
const AWARDS_SQL = `
  SELECT coalesce(json_agg(x ORDER BY x.granted_on, x.id), '[]') AS awards FROM (
    SELECT a.id, a.amount::text AS amount, a.status, a.granted_on::text AS granted_on,
      (SELECT coalesce(json_agg(json_build_object('tranche', d.tranche, 'amount', d.amount::text, 'paidOn', d.paid_on::text) ORDER BY d.tranche, d.id), '[]')
         FROM disbursement d WHERE d.award_id = a.id AND d.enterprise_id = $1) AS disbursements,
      (SELECT coalesce(json_agg(json_build_object('amount', x.amount::text, 'category', x.category, 'spentOn', x.spent_on::text) ORDER BY x.spent_on, x.id), '[]')
         FROM expenditure x WHERE x.award_id = a.id AND x.enterprise_id = $1) AS expenditures
    FROM award a WHERE a.enterprise_id = $1
    ORDER BY a.granted_on, a.id LIMIT 20) x`;

// MOF (reads everything): award money per province.
const FIGURES_SQL = `
  WITH g AS (SELECT left(region_code, 2) || '0000' AS key, sum(amount)::numeric(20,2)::text AS granted, count(*)::int AS awards FROM award GROUP BY 1),
       d AS (SELECT left(region_code, 2) || '0000' AS key, sum(amount)::numeric(20,2)::text AS total FROM disbursement GROUP BY 1),
       s AS (SELECT left(region_code, 2) || '0000' AS key, sum(amount)::numeric(20,2)::text AS total FROM expenditure GROUP BY 1),
       c AS (SELECT left(region_code, 2) || '0000' AS key, sum(amount)::numeric(20,2)::text AS total FROM claw_back GROUP BY 1)
  SELECT g.key, r.name, g.awards, g.granted, coalesce(d.total, '0.00') AS disbursed, coalesce(s.total, '0.00') AS spent, coalesce(c.total, '0.00') AS clawed_back
  FROM g LEFT JOIN d USING (key) LEFT JOIN s USING (key) LEFT JOIN c USING (key) LEFT JOIN region r ON r.code = g.key
  ORDER BY g.key`;

// MIIT (reads everything): the oldest 20 applications of a status with their enterprise and reviews; $1 = status.
const QUEUE_PART = (param) => `(SELECT coalesce(json_agg(q ORDER BY q.created_at, q.id), '[]') FROM (
    SELECT a.id, a.created_at, a.status, a.tier, a.score::text AS score, e.name AS enterprise_name,
      (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'decision', r.decision, 'reviewerRole', r.reviewer_role, 'score', r.score::text) ORDER BY r.created_at, r.id), '[]')
         FROM review r WHERE r.application_id = a.id) AS reviews
    FROM application a JOIN enterprise e ON e.id = a.enterprise_id
    WHERE a.status = ${param} ORDER BY a.created_at, a.id LIMIT 20) q)`;
const QUEUE_SQL = `SELECT ${QUEUE_PART('$1')} AS under_review, ${QUEUE_PART('$2')} AS recommended`;

const edges = (rows, node) => ({ edges: rows.map((r) => ({ node: node(r) })) });

const SCENARIOS = {
  async s1(q) {
    const { rows } = await q(`SELECT code, name FROM region WHERE level = 'PROVINCE' ORDER BY code`);
    return { regions: rows.map((r) => ({ code: r.code, name: r.name })) };
  },
  async s2(q, v, url, withCount = false) {
    const r = range(v.regionCode);
    if (v.role !== 'LOCAL_GOV' || !r) throw fail(400, 'S2/S4 are LOCAL_GOV scenarios');
    const first = Math.min(Number(url.searchParams.get('first') || 20), 100);
    const { rows } = await q(PAGE_SQL(withCount), [r.lo, r.hi, PUBLISHED, first]);
    const conn = edges(rows[0].page, (e) => ({
      id: gid('Enterprise', e.id), name: e.name, creditCode: e.credit_code,
      region: { code: e.region_code, name: e.region_name }, certifications: e.certs,
    }));
    return { enterprises: withCount ? { totalCount: rows[0].total, ...conn } : conn };
  },
  async s3(q, v, url) {
    if (v.role !== 'MIIT' && v.role !== 'MOF') throw fail(400, 'S3 is a ministry scenario');
    const { rows } = await q(
      `SELECT e.id, e.name, e.credit_code, r.code AS region_code, r.name AS region_name
         FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.id = $1`, [url.searchParams.get('id')]);
    const e = rows[0];
    return { enterprise: e ? { id: gid('Enterprise', e.id), name: e.name, creditCode: e.credit_code, region: { code: e.region_code, name: e.region_name } } : null };
  },
  s4(q, v, url) {
    return SCENARIOS.s2(q, v, url, true);
  },
  async s5(q, v) {
    if (v.role !== 'ENTERPRISE' || !v.enterpriseId) throw fail(400, 'S5 is an ENTERPRISE scenario');
    const { rows } = await q(AWARDS_SQL, [v.enterpriseId]);
    return { awards: edges(rows[0].awards, (a) => ({ id: gid('Award', a.id), amount: a.amount, status: a.status, grantedOn: a.granted_on, disbursements: a.disbursements, expenditures: a.expenditures })) };
  },
  async s6(q, v) {
    if (v.role !== 'MOF' && v.role !== 'MIIT') throw fail(400, 'S6 is a ministry scenario');
    const { rows } = await q(FIGURES_SQL);
    return { awardFigures: rows.map((f) => ({ province: { code: f.key, name: f.name }, awards: f.awards, granted: f.granted, disbursed: f.disbursed, spent: f.spent, clawedBack: f.clawed_back })) };
  },
  async s7(q, v) {
    if (v.role !== 'MIIT') throw fail(400, 'S7 is a MIIT scenario');
    const { rows } = await q(QUEUE_SQL, ['UNDER_REVIEW', 'RECOMMENDED']);
    const node = (a) => ({ id: gid('Application', a.id), status: a.status, tier: a.tier, score: a.score, enterprise: { name: a.enterprise_name }, reviews: a.reviews });
    return { underReview: edges(rows[0].under_review, node), recommended: edges(rows[0].recommended, node) };
  },
  // One write under the award's row lock: the same checks as the API (status, money left, idempotency),
  // then the row and its audit event in one statement.
  async s8(q, v, url, body) {
    const w = JSON.parse(body || '{}');
    if (w.op === 'disburse' ? v.role !== 'MOF' : v.role !== 'ENTERPRISE') throw fail(403, 'not allowed');
    // Lock first, then read the sums in a new statement: under READ COMMITTED only a statement started after
    // the lock was granted sees what the previous holder committed.
    const { rows: [a] } = await q(
      `SELECT status, amount FROM award WHERE id = $1 ${w.op === 'spend' ? 'AND enterprise_id = $2' : ''} FOR UPDATE`,
      w.op === 'spend' ? [w.awardId, v.enterpriseId] : [w.awardId]);
    if (!a) throw fail(404, 'award not found');
    const { rows: [m] } = await q(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM disbursement WHERE award_id = $1)::text AS disbursed,
              (SELECT coalesce(sum(amount), 0) FROM claw_back WHERE award_id = $1)::text AS clawed_back,
              (SELECT coalesce(sum(amount), 0) FROM expenditure WHERE award_id = $1)::text AS spent,
              (SELECT coalesce(max(tranche), 0) FROM disbursement WHERE award_id = $1)::int AS last_tranche,
              (SELECT id FROM disbursement WHERE idempotency_key = $2) AS replay`,
      [w.awardId, w.idempotencyKey ?? '']);
    Object.assign(a, m);
    if (a.status !== 'GRANTED') throw fail(409, `award is ${a.status}`);
    const cents = (x) => Math.round(Number(x) * 100);
    const audit = `INSERT INTO audit_event (actor_subject, actor_role, tenant, action, subject_type, subject_id, enterprise_id, platform_id, region_code, after)`;
    if (w.op === 'disburse') {
      if (a.replay) return { disburseAward: { replayed: true } };
      if (cents(a.disbursed) + cents(w.amount) > cents(a.amount) - cents(a.clawed_back)) throw fail(409, 'beyond the amount granted');
      const { rows } = await q(
        `WITH d AS (INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key)
                    VALUES ($1, $2, $3, (now() AT TIME ZONE 'Asia/Shanghai')::date, $4) RETURNING *),
              e AS (${audit} SELECT $5, 'MOF', NULL, 'disburseAward', 'Disbursement', d.id::text, d.enterprise_id, d.platform_id, d.region_code, to_jsonb(d) FROM d)
         SELECT tranche, amount::text AS amount FROM d`,
        [w.awardId, a.last_tranche + 1, w.amount, w.idempotencyKey, v.sub]);
      return { disburseAward: { replayed: false, disbursement: rows[0] } };
    }
    if (cents(w.amount) > cents(a.disbursed) - cents(a.clawed_back) - cents(a.spent)) throw fail(409, 'beyond what was disbursed');
    const { rows } = await q(
      `WITH x AS (INSERT INTO expenditure (award_id, category, amount, spent_on) VALUES ($1, $2, $3, $4) RETURNING *),
            e AS (${audit} SELECT $5, 'ENTERPRISE', $6, 'recordExpenditure', 'Expenditure', x.id::text, x.enterprise_id, x.platform_id, x.region_code, to_jsonb(x) FROM x)
       SELECT id, amount::text AS amount FROM x`,
      [w.awardId, w.category, w.amount, w.spentOn, v.sub, v.enterpriseId]);
    return { recordExpenditure: { expenditure: rows[0] } };
  },
};

async function run(viewer, write, fn) {
  if (MODE === 'owner' && !write) return fn((text, params) => pool.query(text, params));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (MODE === 'rls') {
      const r = range(viewer.regionCode);
      await client.query(
        `SELECT set_config('role', $1, true), set_config('app.role', $2, true),
                set_config('app.enterprise_id', $3, true), set_config('app.platform_id', $4, true),
                set_config('app.region_lo', $5, true), set_config('app.region_hi', $6, true)`,
        ['srdi_app', viewer.role, viewer.enterpriseId ?? '', viewer.platformId ?? '', r?.lo ?? '', r?.hi ?? ''],
      );
    }
    const out = await fn((text, params) => client.query(text, params));
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let status = 200;
    let body;
    try {
      const url = new URL(req.url, 'http://x');
      const name = url.pathname.slice(1);
      const fn = SCENARIOS[name];
      if (!fn) throw fail(404, 'no such scenario');
      const viewer = viewerOf(req);
      const text = Buffer.concat(chunks).toString('utf8');
      body = JSON.stringify({ data: await run(viewer, name === 's8', (q) => fn(q, viewer, url, text)) });
    } catch (err) {
      status = err.status || 500;
      body = JSON.stringify({ errors: [{ message: err.message }] });
    }
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor (${MODE}) on ${server.address().port}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
