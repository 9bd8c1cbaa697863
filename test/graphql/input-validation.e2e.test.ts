import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { createEnterprise } from '../support/factories';

/**
 * Input checks of issue 10: bounded lists, NUL refused in every string, and
 * refusals that happen before any SQL (so they cannot abort the request's
 * transaction for the other fields).
 */

let t: TestServer;
let schema: GraphQLSchema;
let miit: string;
beforeAll(async () => {
  t = await startTestServer();
  schema = t.server.schema; // the schema the server runs, not a second build
  miit = await tokenFor({ role: 'MIIT' });
  await createEnterprise(t.db.dataSource, { name: '南京甲科技有限公司' });
  await createEnterprise(t.db.dataSource, { name: '南京乙科技有限公司' });
});
afterAll(() => t.close());

/** A value any well-formed request could send for a type; only the type checker sees it. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  const name = (type as GraphQLNamedType).name;
  return ({ Int: 1, Float: 1, Boolean: true, Money: '1.00' } as Record<string, unknown>)[name] ?? 'x';
}

const isText = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
};

interface Probe {
  /** e.g. `input.name` (reported as `name`), `filter.search`, `assessments[0].key` */
  path: string;
  operation: string;
  variables: Record<string, unknown>;
}

/** Every string reachable from one argument: its value with NUL at that place, the others as placeholders. */
function stringsOf(type: GraphQLInputType, path: string, put: (v: unknown) => unknown, out: { path: string; value: unknown }[], depth = 0) {
  if (depth > 5) return;
  if (isNonNullType(type)) return stringsOf(type.ofType, path, put, out, depth);
  if (isListType(type)) return stringsOf(type.ofType, `${path}[0]`, (v) => put([v]), out, depth + 1);
  if (isText(type)) out.push({ path, value: put('a\u0000b') });
  if (isInputObjectType(type)) {
    for (const f of Object.values(type.getFields())) {
      const base = placeholder(type) as Record<string, unknown>;
      stringsOf(f.type, `${path}.${f.name}`, (v) => put({ ...base, [f.name]: v }), out, depth + 1);
    }
  }
}

function probes(operationType: 'query' | 'mutation'): Probe[] {
  const root = operationType === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const result: Probe[] = [];
  for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
    for (const arg of field.args) {
      const found: { path: string; value: unknown }[] = [];
      stringsOf(arg.type, arg.name, (v) => v, found);
      for (const { path, value } of found) {
        const variables: Record<string, unknown> = {};
        const declared = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
        for (const a of field.args) if (isNonNullType(a.type)) variables[a.name] = placeholder(a.type);
        variables[arg.name] = value;
        const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
        const operation = `${operationType}(${declared}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
        result.push({ path: `${field.name}(${path})`, operation, variables });
      }
    }
  }
  return result;
}

describe('a NUL in any string argument or input field (issue 10, finding 8)', () => {
  it('finds the strings to probe by walking the schema', () => {
    const paths = probes('query').map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['enterprises(filter.search)', 'enterprises(after)', 'evaluateEligibility(assessments[0].key)', 'region(code)']),
    );
    expect(probes('mutation').map((p) => p.path)).toEqual(expect.arrayContaining(['updateEnterprise(input.name)']));
  });

  for (const [who, token] of [
    ['MIIT', () => miit],
    ['the public', () => undefined],
  ] as const) {
    it(`is BAD_USER_INPUT naming the argument, for ${who}, in every query and mutation`, async () => {
      const answers: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const probe of [...probes('query'), ...probes('mutation')]) {
        const res = await t.graphql(probe.operation, probe.variables, token());
        const error = res.errors?.[0];
        answers[probe.path] = error && { code: error.extensions?.code, field: error.extensions?.field };
        // A mutation's `input` names its fields by themselves, as the services do.
        expected[probe.path] = { code: 'BAD_USER_INPUT', field: probe.path.replace(/^\w+\((.*)\)$/, '$1').replace(/^input\./, '') };
      }
      expect(answers).toEqual(expected);
    });
  }
});

describe('orderBy (issue 10, finding 2)', () => {
  const LIST = `query($orderBy: [EnterpriseOrder!], $after: String) { enterprises(first: 1, orderBy: $orderBy, after: $after) { edges { node { name } } } }`;
  let statements: number;
  const original = { query: undefined as unknown as typeof t.appDataSource.driver.createQueryRunner };
  beforeAll(() => {
    // Counts statements the server sends for list queries, so a refusal can show that none ran.
    original.query = t.appDataSource.driver.createQueryRunner.bind(t.appDataSource.driver);
    t.appDataSource.driver.createQueryRunner = (mode) => {
      const runner = original.query(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        if (/\bFROM "enterprise"/.test(sql)) statements += 1;
        return (query as (...a: unknown[]) => unknown)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
  });
  afterAll(() => {
    t.appDataSource.driver.createQueryRunner = original.query;
  });

  it('still sorts by several different keys', async () => {
    statements = 0;
    const res = await t.graphql(LIST, { orderBy: [{ field: 'NAME', direction: 'DESC' }, { field: 'CREATED_AT' }, { field: 'CREDIT_CODE' }] }, miit);
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprises.edges).toHaveLength(1);
    expect(statements).toBeGreaterThan(0);
  });

  it.each([
    ['a repeated key', [{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' }]],
    ['more keys than there are sort fields', Array.from({ length: 1200 }, () => ({ field: 'NAME' }))],
  ])('refuses %s as BAD_USER_INPUT on orderBy, before any SQL', async (_what, orderBy) => {
    statements = 0;
    // The forged cursor of the probe: one value per key (for 1,200 keys it is itself over the cursor's length).
    const forged = Buffer.from(JSON.stringify({ v: orderBy.slice(0, 4).map(() => 'x') })).toString('base64url');
    const started = Date.now();
    const res = await t.graphql(LIST, { orderBy, after: forged }, miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    expect(res.data).toBeNull();
    expect(statements).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('a refused argument in one root field (issue 10, finding 8)', () => {
  it('does not abort the request’s transaction: the other root fields still answer', async () => {
    // The connections are non-null, so one refused list nulls `data` as GraphQL says; what matters is
    // that the refusal is the client's error and no other field fails with it (a statement that
    // reached PostgreSQL aborted the transaction under them all).
    const res = await t.graphql(
      `query($bad: String) {
        good: enterprises(orderBy: [{ field: NAME }]) { totalCount edges { node { name } } }
        bad: enterprises(filter: { search: $bad }) { totalCount }
        applications { totalCount }
      }`,
      { bad: 'a\u0000b' },
      miit,
    );
    expect(res.errors!.map((e) => [e.path, e.extensions?.code, e.extensions?.field])).toEqual([[['bad'], 'BAD_USER_INPUT', 'filter.search']]);
  });

  it('answers the other fields beside a refused nullable one', async () => {
    const res = await t.graphql(
      `query($bad: String) { enterprise(creditCode: $bad) { id } enterprises { totalCount } regions(parentCode: "320000") { code } }`,
      { bad: '9132\u0000' },
      miit,
    );
    expect(res.errors!.map((e) => [e.path, e.extensions?.code, e.extensions?.field])).toEqual([[['enterprise'], 'BAD_USER_INPUT', 'creditCode']]);
    expect(res.data!.enterprises.totalCount).toBe(2);
    expect(res.data!.regions.length).toBeGreaterThan(0);
  });
});
