// Turns results.json into the one table `npm run bench` prints.
'use strict';

/** The p-th percentile of an ascending array (nearest rank). */
function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
function median(xs) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const FLOOR = 'floor RLS';
const KEY = { 'srdi-api': 'api', 'floor RLS': 'rls', 'floor owner': 'owner' };
const fmt = (x, d = 0) => (x == null ? '-' : Number(x).toFixed(d));

function renderReport(res) {
  const L = [];
  L.push(`srdi-api vs the floor, national dataset; PostgreSQL ${res.postgres}, Node ${res.node}, ${res.cpus} CPUs (load generator on the same machine)`);
  L.push(`${res.rounds} interleaved round(s) x ${res.duration} s measured after ${res.warmup} s warm-up; medians over rounds; waited ${res.waitedForJestSeconds ?? 0} s for other jobs (jest)`);
  L.push('');
  const head = ['scenario', 'system', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'SQL/req', 'CPU ms/req', 'peak RSS MiB', 'vs RLS floor'];
  const rows = [head];
  const scen = [...new Set(res.runs.map((r) => r.scenario))];
  for (const s of scen) {
    const floorRps = median(res.runs.filter((r) => r.scenario === s && r.system === FLOOR).map((r) => r.rps));
    for (const sys of [...new Set(res.runs.map((r) => r.system))]) {
      const rs = res.runs.filter((r) => r.system === sys && r.scenario === s);
      if (!rs.length) continue;
      const m = (k) => median(rs.map((r) => r[k]));
      const errors = rs.reduce((a, r) => a + r.errors, 0);
      const gql = rs.reduce((a, r) => a + r.gqlErrors, 0);
      const sampled = rs.reduce((a, r) => a + r.sampled, 0);
      const stmts = res.statements[`${s.split('@')[0]}|${KEY[sys]}`];
      const trips = res.trips?.[`${s.split('@')[0]}|${KEY[sys]}`];
      const per = (x) => fmt(x, x % 1 ? 1 : 0);
      rows.push([s, sys, fmt(m('rps')), fmt(m('p50'), 1), fmt(m('p95'), 1), fmt(m('p99'), 1),
        `${errors}+${gql}/${sampled}`, stmts == null ? '-' : trips == null ? per(stmts) : `${per(stmts)}/${per(trips)}`,
        fmt(m('cpuMsPerReq'), 2), fmt(Math.max(...rs.map((r) => r.peakRssMiB || 0))), floorRps ? fmt(m('rps') / floorRps, 2) : '-']);
    }
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) L.push(r.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
  L.push('');
  L.push('errors: transport errors, timeouts and non-2xx + GraphQL errors in every 10th body / bodies sampled.');
  L.push('SQL/req: statements / round trips the pg driver made per request (a counting preload, separate instances, same database); a message');
  L.push('  may carry several statements (the API sends the caller\'s settings with a read\'s statement; the floor sends BEGIN, settings, SQL, COMMIT).');
  L.push('CPU ms/req: user + system CPU time of the serving process (not PostgreSQL\'s) over the requests it answered; unlike req/s it');
  L.push('  hardly moves when other work shares the cores, so it is the figure to compare between runs on a busy machine.');
  L.push('vs RLS floor: req/s over the RLS floor\'s req/s for that scenario.');
  L.push('S8 writes: alternately disburseAward (MOF, fresh idempotency key) and recordExpenditure (ENTERPRISE), 0.01 yuan each, spread over');
  L.push(`  ${res.fixtures?.writeAwards?.length ?? '?'} awards; the floor does the same checks and INSERTs (row + audit event) under the award's row lock in one transaction.`);
  if (res.fixtures) L.push(`S5: the enterprise with the most awards and tranches outside the write mix (${res.fixtures.s5Size}). S3: the enterprise halfway through the credit codes.`);
  L.push('');
  L.push('same rows before loading: ' + Object.entries(res.checks).map(([s, c]) => `${s} ${Object.entries(c).filter(([k]) => k !== 'rows').map(([, v]) => v).join('/')} (${c.rows})`).join('; '));
  if (res.scale.length) {
    const m = (d, k) => median(res.scale.filter((r) => r.data === d).map((r) => r[k]));
    L.push('');
    L.push(`(a) the page (S2@32), srdi-api: ${res.scaleSizes.small} enterprises: ${fmt(m('small', 'rps'))} req/s p99 ${fmt(m('small', 'p99'), 1)} ms | `
      + `${res.scaleSizes.national}: ${fmt(m('national', 'rps'))} req/s p99 ${fmt(m('national', 'p99'), 1)} ms | p99 national/small ${fmt(m('national', 'p99') / m('small', 'p99'), 2)}`);
  }
  if (res.authz) {
    L.push('');
    if (res.authz.error) L.push(`(b) authorization cost in SQL: ${res.authz.error}`);
    else {
      const v = res.authz.variants;
      const base = v['owner, no WHERE scope, no RLS'].median;
      L.push(`(b) the S2 page statement as srdi-api issues it, ${res.authz.n} sequential runs per variant (interleaved blocks of 20), median ms:`);
      for (const [k, x] of Object.entries(v)) L.push(`    ${k.padEnd(42)} ${fmt(x.median, 3).padStart(7)} ms (mean ${fmt(x.mean, 3)}, p95 ${fmt(x.p95, 3)}, ${x.rows} rows)  x${fmt(x.median / base, 2)}`);
      L.push(`    policy condition removed: ${res.authz.where.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
  }
  return L.join('\n');
}

module.exports = { percentile, median, renderReport };
