#!/usr/bin/env node
// `npm start` (and seed, token, schema…) build first, and only when a source file is newer
// than the last build. The build is swc's (scripts/build.js): about a second for all of src/,
// where a type-checking tsc run took half a minute on a fresh 2-core machine and said nothing
// meanwhile. Type errors are caught by `npm run typecheck` and by `npm test`.
const fs = require('node:fs');
const path = require('node:path');
const { build } = require('./build');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

const inputs = ['src', 'ormconfig.ts', 'scripts/build.js', 'package-lock.json'].map((p) => path.join(root, p));
const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist', 'src', 'main.js')) ? fs.statSync(stamp).mtimeMs : 0;
/** Settles when dist/ is up to date; a script that requires this file awaits it before it loads dist/. */
let ready = Promise.resolve();
if (inputs.some((p) => fs.existsSync(p) && newest(p) > built)) {
  // stderr, so that `npm run --silent token` still prints nothing but the token on stdout.
  process.stderr.write('srdi-api: building dist/ with swc…\n');
  const began = Date.now();
  ready = build().then(
    (n) => {
      fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
      process.stderr.write(`srdi-api: built ${n} files in ${Date.now() - began} ms\n`);
    },
    (err) => {
      process.stderr.write(`srdi-api: build failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
module.exports = { ready };
