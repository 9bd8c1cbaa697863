#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof) by where the time went: self time grouped by package
// (node_modules/<name>), by our source folder (src/<area>), Node's internals, GC and idle; then the
// heaviest functions. `npm run bench` prints it for the API process when CPU_PROFILE is set.
'use strict';
const fs = require('node:fs');

function owner(url, name) {
  if (!url) return name === '(garbage collector)' ? 'GC' : name === '(idle)' ? 'idle' : name === '(program)' ? 'V8/native' : `native ${name}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const src = /\/dist\/src\/([^/]+)(?:\/([^/]+))?/.exec(url);
  if (src) return `src/${src[1]}${src[2] && !src[2].endsWith('.js') ? `/${src[2]}` : ''}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url.split('/').slice(-2).join('/');
}

function summarise(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  let total = 0;
  const groups = new Map();
  const fns = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const { url, functionName, lineNumber } = n.callFrame;
    const g = owner(url, functionName);
    if (g === 'idle') continue;
    total += us;
    groups.set(g, (groups.get(g) ?? 0) + us);
    const f = `${functionName || '(anonymous)'} ${g}:${lineNumber + 1}`;
    fns.set(f, (fns.get(f) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`busy ${(total / 1e6).toFixed(1)} s of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s (idle excluded)`, '', 'self time by owner:'];
  for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${g}`);
  lines.push('', 'heaviest functions (self):');
  for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${f}`);
  return lines.join('\n');
}

module.exports = { summarise };
if (require.main === module) {
  if (!process.argv[2]) { console.error('usage: node bench/profile-summary.js FILE.cpuprofile [TOP]'); process.exit(2); }
  console.log(summarise(process.argv[2], Number(process.argv[3] || 25)));
}
