import { getNamedType, GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { createCertification, createEnterprise, createPlatform, createProgramAndBatch } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { SentStatement, statementsOf } from '../support/statements';
import { tokenFor } from '../support/tokens';

/**
 * Every order a list offers, the default included, is served by an index:
 * with sorting switched off in the planner (enable_sort = off makes any plan
 * with a Sort prohibitively expensive), the statement the API sends for a
 * page must still find a plan without one, so it reads rows in order from an
 * index and stops after the page, at any size of the table.
 */

let t: TestServer;
let miit: string;
beforeAll(async () => {
  t = await startTestServer();
  miit = await tokenFor({ role: 'MIIT' });
  // A few rows, so that some lists issue cursors to read on from, both ways.
  const ds = t.db.dataSource;
  for (let i = 0; i < 3; i++) {
    const e = await createEnterprise(ds);
    await createCertification(ds, e.id);
    await createPlatform(ds);
    await createProgramAndBatch(ds);
  }
});
afterAll(() => t.close());

/** Node types of a plan, all the way down. */
function nodeTypes(plan: { 'Node Type': string; Plans?: unknown[] }): string[] {
  return [plan['Node Type'], ...((plan.Plans ?? []) as (typeof plan)[]).flatMap(nodeTypes)];
}

async function planOf(statement: SentStatement): Promise<string[]> {
  const runner = t.db.dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_sort = off');
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = await runner.query(`EXPLAIN (FORMAT JSON) ${statement.statement}`, statement.values);
    await runner.rollbackTransaction();
    return nodeTypes(plan.Plan);
  } finally {
    await runner.release();
  }
}

/** Each connection of the schema with the values of its order field. */
function connections(): { list: string; fields: string[] }[] {
  const query = t.server.schema.getQueryType()!;
  return Object.values(query.getFields())
    .filter((f) => f.args.some((a) => a.name === 'orderBy') && (getNamedType(f.type) as GraphQLObjectType).name.endsWith('Connection'))
    .map((f) => {
      const order = getNamedType(f.args.find((a) => a.name === 'orderBy')!.type) as GraphQLInputObjectType;
      const fieldEnum = getNamedType(order.getFields().field.type) as GraphQLEnumType;
      return { list: f.name, fields: fieldEnum.getValues().map((v) => v.name) };
    });
}

/** The default order (null) and each sort key in both directions. */
const ordersOf = (fields: string[]): (string | null)[] => [
  null,
  ...fields.flatMap((f) => [`{ field: ${f}, direction: ASC }`, `{ field: ${f}, direction: DESC }`]),
];

/** The plan of the page statement the API sends for `query`, which must answer without errors. */
async function pagePlan(list: string, query: string): Promise<string[]> {
  let res: { errors?: unknown } = {};
  const sent = await statementsOf(async () => (res = await t.graphql(query, {}, miit)));
  expect(res.errors).toBeUndefined();
  const page = sent.find((x) => /\bORDER BY\b/.test(x.statement) && /\bLIMIT\b/.test(x.statement));
  expect([list, query, page !== undefined]).toEqual([list, query, true]);
  return planOf(page!);
}

describe('the order of every list', () => {
  it('finds the lists by walking the schema', () => {
    expect(connections().map((c) => c.list)).toEqual(expect.arrayContaining(['enterprises', 'platforms', 'applications', 'auditEvents', 'awards']));
  });

  it('reads the default order and each sort key in both directions from an index, with no Sort, in every list', async () => {
    const sorted: Record<string, string[]> = {};
    let pages = 0;
    for (const { list, fields } of connections()) {
      for (const order of ordersOf(fields)) {
        const args = order ? `first: 5, orderBy: [${order}]` : 'first: 5';
        const plan = await pagePlan(list, `{ ${list}(${args}) { edges { cursor } } }`);
        pages += 1;
        if (plan.some((n) => /Sort/.test(n))) sorted[`${list} ${order ?? 'default'}`] = plan;
      }
    }
    expect(pages).toBeGreaterThan(30);
    expect(sorted).toEqual({});
  });

  it('reads every order backwards (last, before) from the same index, with no Sort, flags beyond the cursors included', async () => {
    const sorted: Record<string, string[]> = {};
    let pages = 0;
    const withCursor = new Set<string>();
    for (const { list, fields } of connections()) {
      for (const order of ordersOf(fields)) {
        const orderBy = order ? `, orderBy: [${order}]` : '';
        const head = await t.graphql(`{ ${list}(first: 1${orderBy}) { pageInfo { endCursor } } }`, {}, miit);
        const cursor = head.data?.[list].pageInfo.endCursor as string | null;
        if (cursor) withCursor.add(list);
        for (const args of [
          `last: 5${orderBy}`,
          ...(cursor ? [`last: 5, before: "${cursor}"${orderBy}`, `first: 5, after: "${cursor}"${orderBy}`] : []),
        ]) {
          const plan = await pagePlan(list, `{ ${list}(${args}) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } } }`);
          pages += 1;
          if (plan.some((n) => /Sort/.test(n))) sorted[`${list} ${args}`] = plan;
        }
      }
    }
    expect([...withCursor]).toEqual(expect.arrayContaining(['enterprises', 'platforms', 'certifications', 'fundingPrograms', 'fundingBatches']));
    expect(pages).toBeGreaterThan(30);
    expect(sorted).toEqual({});
  });
});
