// A child process for test/server/shutdown.test.ts: runs src/main.ts, the real
// start-up and its signal handling, transpiled on the fly (like
// test/support/embedded-child.js), so the test can send it SIGTERM and watch it exit.
const fs = require('node:fs');
const ts = require('typescript');
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  resolveJsonModule: true,
};
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
require('../../src/main.ts');
