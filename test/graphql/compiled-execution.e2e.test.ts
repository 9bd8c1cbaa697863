import fc from 'fast-check';
import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLOutputType, isInterfaceType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { findDemoTenants, seedDemoData } from '../../src/seed/demo';
import { parseExamples, EXAMPLES_FILE } from '../../src/graphql/example-operations';
import { readFileSync } from 'node:fs';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { toGlobalId } from '../../src/core/global-id';

/**
 * A query compiled to code (graphql-jit) answers exactly what graphql-js
 * answers for it: the same data, the same errors at the same paths, the same
 * HTTP status, for every role, every root field selected deeply (every leaf,
 * every object two levels down, Node fragments), with and without arguments,
 * and the example operations of docs/examples.graphql. The server compiles a
 * document on its second run (COMPILE_QUERIES_AFTER=1); the interpreted
 * answer comes from the same text made new by a trailing comment (Apollo
 * keeps one parsed document per text, so that is a first run).
 */

jest.setTimeout(300_000);

let t: TestServer;
const tokens: Record<string, string | undefined> = {};
const ROLES = ['PUBLIC', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF'];

beforeAll(async () => {
  t = await startTestServer({ COMPILE_QUERIES_AFTER: '1', MAX_QUERY_COST: '1000000', MAX_QUERY_DEPTH: '20', RATE_LIMIT_PER_MINUTE: '0' });
  await seedDemoData(t.db.dataSource);
  const demo = (await findDemoTenants(t.db.dataSource))!;
  tokens.ENTERPRISE = await tokenFor({ role: 'ENTERPRISE', enterpriseId: demo.enterprise.id });
  tokens.PLATFORM = await tokenFor({ role: 'PLATFORM', platformId: demo.platform.id });
  tokens.LOCAL_GOV = await tokenFor({ role: 'LOCAL_GOV', regionCode: demo.regionCode });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
}, 300_000);
afterAll(() => t.close());

/** Every leaf, and every object field (without required arguments) down to `depth`; interfaces through a fragment per type. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isInterfaceType(named)) {
    const types = t.server.schema.getPossibleTypes(named).filter(isObjectType);
    return `{ __typename ${types.map((o) => `... on ${o.name} ${selection(o, depth)}`).join(' ')} }`;
  }
  const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = fields.map((f) => {
    if (isLeafType(getNamedType(f.type))) return f.name;
    if (depth <= 0) return '';
    return `${f.name} ${selection(f.type, depth - 1)}`;
  });
  return `{ __typename ${parts.filter(Boolean).join(' ')} }`;
}

interface Answer {
  status: number;
  data: unknown;
  errors: { path?: unknown; locations?: unknown; message: string; code?: unknown; field?: unknown }[];
}

async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { path?: unknown; locations?: unknown; message: string; extensions?: Record<string, unknown> }[];
  };
  const errors = (body.errors ?? [])
    .map((e) => ({ path: e.path, locations: e.locations, message: e.message, code: e.extensions?.code, field: e.extensions?.field }))
    // The engines may meet sibling errors in another order; what each says and where must agree.
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { status: res.status, data: body.data, errors };
}

let fresh = 0;
/** The same query answered interpreted (a text never seen) and compiled (a text run before), in that order. */
async function bothWays(query: string, variables: Record<string, unknown>, token: string | undefined) {
  await send(query, variables, token); // the text's first run: the next one is compiled
  const before = { ...t.server.executionRuns };
  const interpreted = await send(`${query}\n# ${++fresh}`, variables, token);
  const compiled = await send(query, variables, token);
  const ran = { interpreted: t.server.executionRuns.interpreted - before.interpreted, compiled: t.server.executionRuns.compiled - before.compiled };
  return { interpreted, compiled, ran };
}

const rootFields = () => Object.values(t.server.schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[];

describe.each(ROLES)('as %s', (role) => {
  it('every root field, selected two levels deep, answers the same compiled as interpreted', async () => {
    let compared = 0;
    for (const f of rootFields()) {
      if (f.args.some((a) => isNonNullType(a.type))) continue;
      const query = `query Deep { ${f.name} ${selection(f.type, 2)} }`;
      const { interpreted, compiled, ran } = await bothWays(query, {}, tokens[role]);
      expect([f.name, compiled]).toEqual([f.name, interpreted]);
      // Each ran by its own engine, or neither ran (a query over the limits is refused before execution).
      expect([f.name, ran.compiled, ran.interpreted]).toEqual([f.name, ran.interpreted, ran.interpreted]);
      if (ran.compiled === 1) compared++;
      else expect([f.name, interpreted.errors.map((e) => e.code)]).toEqual([f.name, ['QUERY_TOO_COMPLEX']]);
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('generated arguments get the same answers and the same errors either way', async () => {
    const withArgs = rootFields().filter((f) => f.args.length > 0);
    const ids = ['RW50ZXJwcmlzZTox', 'not-an-id', ''];
    const value = (type: string): fc.Arbitrary<unknown> =>
      type.startsWith('Int')
        ? fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constant(2 ** 40))
        : type.startsWith('ID')
          ? fc.constantFrom(...ids)
          : fc.constant(null);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withArgs), fc.integer({ min: 0, max: 1000 }), async (f, seed) => {
        const args = f.args.filter((a) => /^(Int|ID|String)/.test(a.type.toString()) || !isNonNullType(a.type));
        const params = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const list = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `query Args${params ? `(${params})` : ''} { ${f.name}${list ? `(${list})` : ''} ${selection(f.type, 1)} }`;
        const variables = Object.fromEntries(args.map((a) => [a.name, fc.sample(value(a.type.toString()), { numRuns: 1, seed })[0]]));
        const { interpreted, compiled } = await bothWays(query, variables, tokens[role]);
        expect([f.name, variables, compiled]).toEqual([f.name, variables, interpreted]);
      }),
      { numRuns: 25 },
    );
  });
});

it('the example operations answer the same compiled as interpreted', async () => {
  const examples = parseExamples(readFileSync(EXAMPLES_FILE, 'utf8'));
  let queries = 0;
  for (const example of examples) {
    if (!/^\s*(query|\{)/.test(example.query.replace(/^\s*#.*$/gm, ''))) continue;
    const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
    const { interpreted, compiled } = await bothWays(example.query, variables, tokens.MIIT);
    expect([example.name, compiled]).toEqual([example.name, interpreted]);
    queries++;
  }
  expect(queries).toBeGreaterThan(3);
});

it('a mutation always runs interpreted, and a query only from the run after COMPILE_QUERIES_AFTER', async () => {
  const before = { ...t.server.executionRuns };
  const query = '{ regions(level: PROVINCE) { code } }\n# counted';
  await send(query, {}, undefined);
  expect(t.server.executionRuns.compiled - before.compiled).toBe(0);
  await send(query, {}, undefined);
  await send(query, {}, undefined);
  expect(t.server.executionRuns.compiled - before.compiled).toBe(2);
  // Runs (and is refused: no such application) three times, never compiled.
  const nowhere = toGlobalId('Application', '00000000-0000-4000-8000-000000000000');
  const mutation = `mutation { submitApplication(input: { applicationId: "${nowhere}" }) { application { id } } }`;
  for (let i = 0; i < 3; i++) expect((await send(mutation, {}, tokens.ENTERPRISE)).errors[0]?.code).toBe('NOT_FOUND');
  expect(t.server.executionRuns.compiled - before.compiled).toBe(2);
  expect(t.server.executionRuns.interpreted - before.interpreted).toBe(4);
});

it('bad variables get graphql-js’s errors on the compiled path too', async () => {
  const query = 'query Page($first: Int, $after: String) { enterprises(first: $first, after: $after) { edges { node { id } } } }';
  for (const variables of [{ first: 'many' }, { first: 2 ** 40 }, { after: 12 }, { first: 1.5 }]) {
    const { interpreted, compiled } = await bothWays(query, variables, tokens.MIIT);
    expect(compiled.errors.length).toBeGreaterThan(0);
    expect([variables, compiled]).toEqual([variables, interpreted]);
  }
});

it('an unexpected error (a failed statement) is reported the same way: code, path and locations', async () => {
  const query = '{ fundingPrograms(first: 1) { edges { node { id } } } regions(level: PROVINCE) { code } }';
  await send(query, {}, undefined);
  await t.db.dataSource.query('ALTER TABLE funding_program RENAME TO funding_program_moved');
  try {
    const { interpreted, compiled, ran } = await bothWays(query, {}, undefined);
    expect(ran).toEqual({ interpreted: 1, compiled: 1 });
    expect(interpreted.errors).toEqual([
      expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', path: ['fundingPrograms'], locations: [{ line: 1, column: 3 }] }),
    ]);
    expect(compiled).toEqual(interpreted);
  } finally {
    await t.db.dataSource.query('ALTER TABLE funding_program_moved RENAME TO funding_program');
  }
});
