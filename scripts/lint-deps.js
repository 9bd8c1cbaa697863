#!/usr/bin/env node
// `npm run lint:deps`: the dependency rule (.dependency-cruiser.cjs), with the
// module cycles that were there when the rule came in listed in
// .dependency-cruiser-known-cycles.json. dependency-cruiser's own --ignore-known
// does not match cycles judged on the folder graph, hence this wrapper. Any
// other violation fails; so does a new cycle, and so does a listed cycle that
// is gone (take it off the list: the list only ever shrinks).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const knownFile = path.join(root, '.dependency-cruiser-known-cycles.json');
const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
let out;
try {
  out = execFileSync(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
} catch (err) {
  // depcruise exits non-zero when it finds errors; its JSON is still on stdout.
  if (!err.stdout?.length) throw err;
  out = err.stdout;
}
const { summary } = JSON.parse(out.toString());
/** A cycle by the modules it runs through, starting from the first in sort order, so the same loop always reads the same. */
const signature = (v) => {
  const names = [v.from, ...v.cycle.map((c) => c.name)].filter((n, i, all) => all.indexOf(n) === i);
  const start = names.indexOf([...names].sort()[0]);
  return [...names.slice(start), ...names.slice(0, start)].join(' → ');
};
const known = new Set(fs.existsSync(knownFile) ? JSON.parse(fs.readFileSync(knownFile, 'utf8')) : []);
if (process.argv.includes('--record')) {
  const cycles = [...new Set(summary.violations.filter((v) => v.type === 'cycle').map(signature))].sort();
  fs.writeFileSync(knownFile, `${JSON.stringify(cycles, null, 2)}\n`);
  console.log(`recorded ${cycles.length} known module cycles in ${path.basename(knownFile)}`);
  process.exit(0);
}
const problems = [];
const seen = new Set();
for (const v of summary.violations) {
  if (v.type === 'cycle' && v.rule.name === 'no-circular-between-modules') {
    const s = signature(v);
    seen.add(s);
    if (!known.has(s)) problems.push(`new module cycle: ${s}`);
  } else {
    problems.push(`${v.rule.name}: ${v.from} → ${v.to}`);
  }
}
for (const s of known) if (!seen.has(s)) problems.push(`cycle gone, take it off ${path.basename(knownFile)}: ${s}`);
console.log(`dependency rule: ${summary.totalCruised} modules, ${summary.totalDependenciesCruised} imports; ${seen.size} known module cycles left (${path.basename(knownFile)})`);
for (const p of [...new Set(problems)]) console.error(`  ${p}`);
process.exit(problems.length ? 1 : 0);
