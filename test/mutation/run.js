#!/usr/bin/env node
// `npm run test:mutation`: one PostgreSQL for the whole run (the tests of the CASL→SQL step need one), then
// StrykerJS over the files in stryker.config.mjs, then the score of each area against its threshold, and
// every surviving mutant listed so it can be killed by a test or shown to be equivalent.
// Arguments: area keys to run only those (e.g. `money`); `--report` re-reads the last reports without running.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
/**
 * Areas, each mutated on its own and judged by its own tests, with the thresholds of issue 12, item 7.
 * `npm run test:mutation -- money` runs one area (by key).
 */
const AREAS = [
  {
    // The evaluator and the data it judges with; the service around it is plumbing its end-to-end tests cover.
    key: 'eligibility', name: 'eligibility evaluator', threshold: 85,
    // Each indicator kind's evaluation (and, beside it, its check of rule-set entries) lives in eligibility/indicators/.
    mutate: ['src/modules/eligibility/evaluate.ts', 'src/modules/eligibility/indicators/*.ts', 'src/modules/eligibility/sme-size-lines.ts', 'src/modules/assessment/assessment.rules.ts'],
    tests: ['test/modules/eligibility/evaluate.test.ts', 'test/modules/eligibility/sme-size-lines.test.ts', 'test/modules/assessment/assessment-rules.test.ts'],
  },
  { key: 'money', name: 'Money scalar', threshold: 90, mutate: ['src/core/money.ts', 'src/graphql/scalars/money.ts'], tests: ['test/graphql/scalars/money.test.ts'] },
  { key: 'credit-code', name: 'credit code', threshold: 90, mutate: ['src/modules/enterprise/credit-code.rules.ts'], tests: ['test/modules/enterprise/credit-code.test.ts'] },
  {
    key: 'casl-to-sql', name: 'CASL→SQL', threshold: 90, mutate: ['src/authz/casl-to-sql.ts'], tests: ['test/authz/casl-to-sql.test.ts'],
    // Its property tests draw new rules on every run, so the lines one run covers are not the next run's: judged
    // per test, Stryker left mutants of code these tests do run "NoCoverage" (17 of 86). Every test runs for every mutant.
    coverageAnalysis: 'all',
    // Its tests take 2-3 s; a mutant that makes them loop (a comparison flipped in a loop's bound) need not hold a worker for 30 s.
    timeoutMS: 10000,
  },
];
const reportOf = (area) => path.join(ROOT, 'reports', 'mutation', `${area.key}.json`);
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

function score(area, report) {
  const mutants = Object.entries(report.files).flatMap(([file, f]) => f.mutants.map((m) => ({ ...m, file: path.relative(ROOT, path.resolve(ROOT, file)), source: f.source })));
  const counted = mutants.filter((m) => COUNTED.has(m.status));
  const detected = counted.filter((m) => DETECTED.has(m.status)).length;
  const value = counted.length ? (100 * detected) / counted.length : 100;
  const pass = value >= area.threshold;
  const lines = [`${pass ? 'ok  ' : 'LOW '} ${area.name}: ${value.toFixed(1)} % (${detected}/${counted.length} detected; at least ${area.threshold} %)`];
  for (const m of counted.filter((m) => !DETECTED.has(m.status))) {
    const original = m.source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
    lines.push(`       ${m.status} ${m.file}:${m.location.start.line} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''}  | ${original.slice(0, 100)}`);
  }
  return { pass, text: lines.join('\n') };
}

async function main() {
  const reportOnly = process.argv.includes('--report');
  const keys = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const unknown = keys.filter((k) => !AREAS.some((a) => a.key === k));
  if (unknown.length) throw new Error(`unknown area ${unknown.join(', ')}; areas: ${AREAS.map((a) => a.key).join(', ')}`);
  const areas = AREAS.filter((a) => !keys.length || keys.includes(a.key));
  let server = null;
  let dataDir = null;
  const env = { ...process.env };
  // The run's PostgreSQL and its directory go with the run, also when it is interrupted.
  const cleanUp = async () => {
    if (server) await server.stop().catch(() => {});
    server = null;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanUp().finally(() => process.exit(130)));
  if (!reportOnly && !env.DATABASE_URL) {
    await require('../../scripts/build-if-stale.js').ready; // the build is asynchronous (swc)
    const { startEmbeddedPostgres } = require(path.join(ROOT, 'dist', 'src', 'db', 'embedded-postgres.js'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-mutation-'));
    server = await startEmbeddedPostgres({ dataDir, durable: false });
    env.DATABASE_URL = server.adminUrl;
  }
  const results = [];
  try {
    for (const area of areas) {
      if (!reportOnly) {
        fs.rmSync(reportOf(area), { force: true });
        const stryker = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run'], {
          cwd: ROOT,
          env: { ...env, SRDI_MUTATION_AREA: area.key, SRDI_MUTATE: area.mutate.join(','), SRDI_MUTATION_TESTS: area.tests.join(','), ...(area.coverageAnalysis ? { SRDI_COVERAGE_ANALYSIS: area.coverageAnalysis } : {}), ...(area.timeoutMS ? { SRDI_MUTATION_TIMEOUT_MS: String(area.timeoutMS) } : {}) },
          stdio: 'inherit',
        });
        if (stryker.status !== 0) results.push({ pass: false, text: `FAIL ${area.name}: stryker exited with ${stryker.status}` });
      }
      if (fs.existsSync(reportOf(area))) results.push(score(area, JSON.parse(fs.readFileSync(reportOf(area), 'utf8'))));
      else if (reportOnly) results.push({ pass: false, text: `---- ${area.name}: no report yet` });
    }
  } finally {
    await cleanUp();
  }
  console.log(`\nmutation scores by area (HTML and JSON reports under reports/mutation/)\n${results.map((r) => r.text).join('\n')}`);
  process.exit(results.every((r) => r.pass) ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
