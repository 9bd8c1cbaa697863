/**
 * The tests `npm run test:mutation` runs against each mutant: the ones that
 * judge what the mutated code decides. Same transform as jest.config.js;
 * Stryker points DATABASE_URL at one PostgreSQL for the whole run, so the
 * global setup only clones a template per run instead of starting a server.
 */
const base = require('../../jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test'],
  globalSetup: '<rootDir>/test/mutation/global-setup.ts',
  // The run's PostgreSQL is thrown away whole by run.js.
  globalTeardown: undefined,
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/test/mutation/fast-fail.ts'],
  // run.js names the tests of the area it is mutating (one area at a time, so a mutant of the Money
  // scalar is judged by the Money tests, not by every end-to-end test that happens to parse money).
  testMatch: (process.env.SRDI_MUTATION_TESTS ?? '').split(',').filter(Boolean).map((t) => `<rootDir>/${t}`),
};
