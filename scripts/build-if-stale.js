#!/usr/bin/env node
// `npm start` builds first. A full type-checking tsc run costs seconds even when nothing
// changed, so this runs it only when a source file is newer than the last build.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo.build');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

const inputs = ['src', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => path.join(root, p));
const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist', 'src', 'main.js')) ? fs.statSync(stamp).mtimeMs : 0;
if (inputs.some((p) => fs.existsSync(p) && newest(p) > built)) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  fs.utimesSync(stamp, new Date(), new Date()); // tsc leaves an unchanged build-info file untouched
}
