// A child process for test/db/embedded-postgres.test.ts: runs src/db/embedded-postgres.ts
// (transpiled on the fly; it has no decorators) the way the server does, so the test can
// kill -9 it and start again. Prints "ready <url>", stops postgres on SIGTERM.
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
const { startEmbeddedPostgres } = require('../../src/db/embedded-postgres.ts');

startEmbeddedPostgres({ dataDir: process.argv[2], durable: false }).then(
  (pg) => {
    process.stdout.write(`ready ${pg.url}\n`);
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
    setInterval(() => undefined, 1000);
  },
  (err) => {
    process.stderr.write(`failed ${err.message}\n`);
    process.exit(1);
  },
);
