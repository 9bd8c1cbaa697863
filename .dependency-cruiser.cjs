/**
 * The floor plan of issue 15 as lint rules (`npm run lint:deps`): layers that
 * only point down, modules that do not import each other in circles, and a
 * module's public surface that other modules keep to.
 */

/** Lowest first: a file may import its own layer or a lower one. */
const LAYERS = [
  ['core', '^src/(core|config)/'],
  ['auth', '^src/auth/'],
  ['authz', '^src/authz/'],
  // The request's transaction takes the caller's role and tenant into PostgreSQL: db sits above the policy.
  ['db', '^src/db/'],
  ['data', '^src/data/'],
  ['graphql', '^src/graphql/'],
  ['modules', '^src/modules/'],
  ['entry points', '^src/(server|cli|seed)/|^src/main\\.ts$'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name.replace(/ /g, '-')}`,
  comment: `${name} may import only ${LAYERS.slice(0, i + 1).map(([n]) => n).join(', ')}.`,
  severity: 'error',
  from: name === 'core' ? { path, pathNot: '^src/core/context\\.ts$' } : { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p).join('|') },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-upward-from-request-context',
      comment:
        'The request context carries the Viewer, the Authorizer and the response-item count, so it names their types; a value import would make core load the layers above it.',
      severity: 'error',
      from: { path: '^src/core/context\\.ts$' },
      to: { path: LAYERS.slice(1).map(([, p]) => p).join('|'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular-between-modules',
      comment: 'Two modules that import each other (directly or through others) are one module in two folders.',
      severity: 'error',
      // Judged on the folder graph: two modules can depend on each other without any one file
      // cycle. The folder graph also finds cycles that leave modules/ and come back through a
      // lower layer (schema.ts importing every resolver); those need an upward import, so they
      // go once the layer rules pass. (to.viaOnly is not applied with the folder scope.)
      scope: 'folder',
      from: { path: '^src/modules/([^/]+)' },
      to: { path: '^src/modules/[^/]+', pathNot: '^src/modules/$1(/|$)', circular: true },
    },
    {
      name: 'no-module-internals',
      comment:
        "Another module may use a module's entities, GraphQL types, enums, services, rules and index; the rest (helpers, resolvers, inputs) is its own business.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/',
        pathNot: ['^src/modules/$1/', '[.](entity|type|enums|service|rules)[.]ts$', '/index[.]ts$'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages such as @casl/ability/extra are reachable only through their "exports" map.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
