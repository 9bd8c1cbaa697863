// `npm run test:mutation`: mutation testing of the code whose verdicts matter most (the eligibility
// evaluator, the Money scalar, the credit-code check, the policy's CASL→SQL step). Not part of `npm test`:
// it runs the related tests once per mutant and takes many minutes. Thresholds per area are checked by
// test/mutation/run.js from the JSON reports, since Stryker's own threshold is one number for everything.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'test/mutation/jest.config.js', enableFindRelatedTests: false },
  // Per test by default; an area whose tests draw random data (fast-check) asks for 'all' (see test/mutation/run.js).
  coverageAnalysis: process.env.SRDI_COVERAGE_ANALYSIS ?? 'perTest',
  // What to mutate and where to report come from test/mutation/run.js, one area at a time
  // (the tests that judge the area are chosen in test/mutation/jest.config.js).
  mutate: (process.env.SRDI_MUTATE ?? '').split(',').filter(Boolean),
  jsonReporter: { fileName: `reports/mutation/${process.env.SRDI_MUTATION_AREA ?? 'mutation'}.json` },
  htmlReporter: { fileName: `reports/mutation/${process.env.SRDI_MUTATION_AREA ?? 'mutation'}.html` },
  checkers: [],
  // SRDI_MUTATION_CONCURRENCY=1 leaves a core to other work.
  concurrency: Number(process.env.SRDI_MUTATION_CONCURRENCY ?? 2),
  // A mutant's run includes starting jest (seconds on a busy machine); only a real hang should time out.
  timeoutMS: Number(process.env.SRDI_MUTATION_TIMEOUT_MS ?? 30000),
  reporters: ['progress', 'json', 'html'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Descriptions and messages are for people; mutating their text tests nothing that decides a verdict.
  // (Stryker allows it with per-test coverage only.)
  ignoreStatic: (process.env.SRDI_COVERAGE_ANALYSIS ?? 'perTest') === 'perTest',
};
