import { getNamedType, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLSchema } from 'graphql';
import { programmeToday } from '../../src/core/calendar';
import { toGlobalId } from '../../src/core/global-id';
import { createAward, createCertification, createEnterprise, createPlatform, createProgramAndBatch } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { statementsOf } from '../support/statements';
import { insertApplication } from '../modules/application/application-factories';
import { createProposal, DISBURSE, SPEND } from '../modules/funding/funding-factories';

/** Forged cursors (issue 10, finding 8): refused as BAD_USER_INPUT on `after`, before any SQL, on every connection. */

let t: TestServer;
let schema: GraphQLSchema;
let miit: string;
beforeAll(async () => {
  t = await startTestServer();
  schema = t.server.schema; // the schema the server runs, not a second build
  miit = await tokenFor({ role: 'MIIT' });
  const ds = t.db.dataSource;
  // Two rows in every list, so each one issues a real cursor to tamper with.
  const { batchId } = await createProgramAndBatch(ds);
  await createProgramAndBatch(ds);
  for (const name of ['南京甲科技有限公司', '南京乙科技有限公司']) {
    const e = await createEnterprise(ds, { name });
    await createPlatform(ds);
    await createCertification(ds, e.id);
    const app = await insertApplication(ds, e.id);
    // On public notice with one objection from the public, for the objections list.
    await ds.query(`UPDATE application SET status = 'PUBLIC_NOTICE', public_notice_ends_on = '2099-12-31' WHERE id = $1`, [app]);
    await ds.query(
      `INSERT INTO public_objection (id, application_id, grounds, objector_role, objector_subject, objector_name, objector_contact)
       VALUES (gen_random_uuid(), $1, '数据不实', 'PUBLIC', 'anonymous', '王五', '13900000000')`,
      [app],
    );
    await createProposal(ds, batchId, e.id);
    const awardId = await createAward(ds, batchId, { enterpriseId: e.id });
    const award = toGlobalId('Award', awardId);
    const mof = await tokenFor({ role: 'MOF' });
    for (const key of ['k1', 'k2']) {
      const res = await t.graphql(DISBURSE, { input: { awardId: award, amount: '100.00', idempotencyKey: `${awardId}-${key}` } }, mof);
      expect(res.errors).toBeUndefined();
    }
    const own = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
    const spent = await t.graphql(SPEND, { input: { awardId: award, category: 'EQUIPMENT', amount: '10.00', spentOn: programmeToday() } }, own);
    expect(spent.errors).toBeUndefined();
  }
});
afterAll(() => t.close());

/** Every root field that answers a connection, with the values of its orderBy field enum. */
function connections(): { name: string; orderFields: string[] }[] {
  const fields = Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[];
  return fields
    .filter((f) => f.args.some((a) => a.name === 'after'))
    .map((f) => {
      const order = getNamedType(f.args.find((a) => a.name === 'orderBy')!.type) as GraphQLInputObjectType;
      const fieldEnum = getNamedType(order.getFields().field.type) as GraphQLEnumType;
      return { name: f.name, orderFields: fieldEnum.getValues().map((v) => v.name) };
    });
}

function query(name: string, orderTypeName: string) {
  return `query($after: String, $orderBy: [${orderTypeName}!]) { list: ${name}(first: 1, after: $after, orderBy: $orderBy) { pageInfo { endCursor } } }`;
}
const orderTypeOf = (name: string) =>
  getNamedType((schema.getQueryType()!.getFields()[name] as GraphQLField<unknown, unknown>).args.find((a) => a.name === 'orderBy')!.type).name;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: unknown[] } & Record<string, unknown>;

/** Every list of the schema (the first test below checks that none is missing). */
const LISTS = [
  'enterprises',
  'platforms',
  'certifications',
  'applications',
  'auditEvents',
  'awards',
  'disbursements',
  'expenditures',
  'fundingPrograms',
  'fundingBatches',
  'keySupportProposals',
  'keyLittleGiants',
  'publicObjections',
];

describe('a forged cursor', () => {
  it('is tried on every connection of the schema', () => {
    expect(
      connections()
        .map((c) => c.name)
        .sort(),
    ).toEqual([...LISTS].sort());
  });

  it('is refused also where the caller sees no rows and no SQL runs', async () => {
    const cursor = (await t.graphql(query('auditEvents', 'AuditEventOrder'), {}, miit)).data!.list.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    // The public reads no audit events: an empty page, but only for a cursor this list could have made.
    const forged = await t.graphql(query('auditEvents', 'AuditEventOrder'), { after: encode({ ...decode(cursor), v: ['a\u0000b'] }) }, undefined);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const genuine = await t.graphql(query('auditEvents', 'AuditEventOrder'), { after: cursor }, undefined);
    expect(genuine.errors).toBeUndefined();
    expect(genuine.data!.list.pageInfo.endCursor).toBeNull();
  });

  it.each(LISTS)('is BAD_USER_INPUT on `after` in %s, for every sort key and kind of forgery', async (name) => {
    const conn = connections().find((c) => c.name === name)!;
    const q = query(name, orderTypeOf(name));
    const refused: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    const expectRefused = async (what: string, after: string, orderBy: unknown) => {
      const res = await t.graphql(q, { after, orderBy }, miit);
      refused[what] = res.errors?.map((e) => [e.extensions?.code, e.extensions?.field]) ?? 'answered';
      expected[what] = [['BAD_USER_INPUT', 'after']];
    };
    for (const field of conn.orderFields) {
      const orderBy = [{ field }];
      const first = await t.graphql(q, { orderBy }, miit);
      expect(first.errors).toBeUndefined();
      const cursor: string = first.data!.list.pageInfo.endCursor;
      expect(cursor).toEqual(expect.any(String));
      // The genuine cursor still pages.
      expect((await t.graphql(q, { after: cursor, orderBy }, miit)).errors).toBeUndefined();
      const real = decode(cursor);
      await expectRefused(`${field}: garbage`, '!!not a cursor!!', orderBy);
      await expectRefused(`${field}: not JSON`, Buffer.from('{"v":').toString('base64url'), orderBy);
      await expectRefused(`${field}: one value too few`, encode({ ...real, v: real.v.slice(1) }), orderBy);
      await expectRefused(`${field}: one value too many`, encode({ ...real, v: [...real.v, real.v[0]] }), orderBy);
      await expectRefused(`${field}: a fractional number`, encode({ ...real, v: real.v.map(() => 1.5) }), orderBy);
      for (const [i, value] of real.v.entries()) {
        const forgeries: [string, unknown][] = [
          ['NUL', 'a\u0000b'],
          ['an object', {}],
          ['a long text', 'x'.repeat(5000)],
          ['a negative zero', -0.5],
        ];
        // A uuid, date, timestamp or number column (judged by the value's shape; a credit code of digits and
        // letters A-F is text): a text that is none of these.
        if (typeof value === 'number' || /^([0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|-?\d+(\.\d+)?$)/i.test(String(value)))
          forgeries.push(['a text of the wrong type', '2024-13-45 nonsense']);
        for (const [kind, bad] of forgeries) {
          await expectRefused(`${field}: ${kind} at ${i}`, encode({ ...real, v: real.v.map((v, j) => (j === i ? bad : v)) }), orderBy);
        }
      }
      for (const other of conn.orderFields.filter((f) => f !== field)) {
        await expectRefused(`${field} cursor reused with ${other}`, cursor, [{ field: other }]);
        await expectRefused(`${field} cursor reused with ${field} DESC`, cursor, [{ field, direction: 'DESC' }]);
      }
    }
    expect(refused).toEqual(expected);
  });
});

/** Relay, whole (issue 13): first/after and last/before on every list, pageInfo exact at both ends. */
describe('paging both ways', () => {
  /** A valid filter of each list, other than none: a cursor made without it must not serve with it. */
  const FILTERS: Record<string, Record<string, unknown>> = {
    enterprises: { search: '南京' },
    platforms: { regionCode: '320000' },
    certifications: { regionCode: '320000' },
    applications: { regionCode: '320000' },
    auditEvents: { action: 'registerEnterprise' },
    awards: { regionCode: '320000' },
    disbursements: { awardId: toGlobalId('Award', '00000000-0000-4000-8000-000000000000') },
    expenditures: { category: 'EQUIPMENT' },
    fundingPrograms: { year: 2024 },
    fundingBatches: { year: 2024 },
    keySupportProposals: { status: 'PROPOSED' },
    keyLittleGiants: { regionCode: '320000' },
    publicObjections: { status: 'OPEN' },
  };
  const filterTypeOf = (name: string) =>
    getNamedType((schema.getQueryType()!.getFields()[name] as GraphQLField<unknown, unknown>).args.find((a) => a.name === 'filter')!.type).name;

  type Page = {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
  const pageQuery = (name: string) =>
    `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [${orderTypeOf(name)}!], $filter: ${filterTypeOf(name)}) {
      list: ${name}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
  async function page(name: string, variables: Record<string, unknown>): Promise<Page> {
    const res = await t.graphql(pageQuery(name), variables, miit);
    expect([name, variables, res.errors]).toEqual([name, variables, undefined]);
    return res.data!.list as Page;
  }
  const ids = (p: Page) => p.edges.map((e) => e.node.id);
  /** What a page's pageInfo must be: its own first and last cursors, and whether rows lie beyond it. */
  const info = (p: Page, hasPreviousPage: boolean, hasNextPage: boolean) => ({
    hasPreviousPage,
    hasNextPage,
    startCursor: p.edges[0]?.cursor ?? null,
    endCursor: p.edges.at(-1)?.cursor ?? null,
  });

  /** Walks the whole list forwards with first/after and backwards with last/before; both must give `all`, with exact pageInfo. */
  async function walk(name: string, orderBy: unknown, all: string[]) {
    const size = Math.max(1, Math.ceil(all.length / 6));
    const forwards: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i++) {
      const p = await page(name, { first: size, after, orderBy });
      forwards.push(...ids(p));
      const more = forwards.length < all.length;
      expect([name, orderBy, 'forwards', i, p.pageInfo]).toEqual([name, orderBy, 'forwards', i, info(p, i > 0, more)]);
      if (!more) break;
      after = p.pageInfo.endCursor;
    }
    expect([name, orderBy, forwards]).toEqual([name, orderBy, all]);
    // Past the end: an empty page, with rows before it and none after.
    const end = await page(name, { first: size, after: (await page(name, { last: 1, orderBy })).pageInfo.endCursor, orderBy });
    expect([name, orderBy, end]).toEqual([name, orderBy, { edges: [], pageInfo: info(end, true, false) }]);

    const backwards: string[] = [];
    let before: string | null = null;
    for (let i = 0; ; i++) {
      const p = await page(name, { last: size, before, orderBy });
      backwards.unshift(...ids(p));
      const more = backwards.length < all.length;
      expect([name, orderBy, 'backwards', i, p.pageInfo]).toEqual([name, orderBy, 'backwards', i, info(p, more, i > 0)]);
      if (!more) break;
      before = p.pageInfo.startCursor;
    }
    expect([name, orderBy, backwards]).toEqual([name, orderBy, all]);
    // Before the start: an empty page, with rows after it and none before.
    const start = await page(name, { last: size, before: (await page(name, { first: 1, orderBy })).pageInfo.startCursor, orderBy });
    expect([name, orderBy, start]).toEqual([name, orderBy, { edges: [], pageInfo: info(start, false, true) }]);
  }

  it.each(LISTS)('%s: forwards and backwards give the same rows in the same order, in every order', async (name) => {
    const conn = connections().find((c) => c.name === name)!;
    const orders: unknown[] = [null, ...conn.orderFields.flatMap((field) => [[{ field }], [{ field, direction: 'DESC' }]])];
    // Mixed directions: an OR of prefixes read backwards.
    if (conn.orderFields.length > 1) orders.push([{ field: conn.orderFields[0] }, { field: conn.orderFields[1], direction: 'DESC' }]);
    if (conn.orderFields.length > 1) orders.push([{ field: conn.orderFields[1], direction: 'DESC' }, { field: conn.orderFields[0] }]);
    for (const orderBy of orders) {
      const whole = await page(name, { first: 100, orderBy });
      const all = ids(whole);
      expect([name, all.length >= 2]).toEqual([name, true]);
      expect(whole.pageInfo).toEqual(info(whole, false, false));
      // The last N are the end of the list, in its order.
      const tail = await page(name, { last: 2, orderBy });
      expect([name, orderBy, ids(tail), tail.pageInfo]).toEqual([name, orderBy, all.slice(-2), info(tail, all.length > 2, false)]);
      await walk(name, orderBy, all);
    }
  });

  it.each(LISTS)('%s: after and before together give the rows between them, both ways', async (name) => {
    const whole = await page(name, { first: 100 });
    const n = whole.edges.length;
    const after = whole.edges[0].cursor;
    const before = whole.edges[n - 1].cursor;
    const between = ids(whole).slice(1, -1);
    for (const size of ['first', 'last']) {
      const p = await page(name, { [size]: 100, after, before });
      expect([name, size, ids(p), p.pageInfo]).toEqual([name, size, between, info(p, true, true)]);
    }
    // One row short of the window: the side the read runs to knows from the row past the limit.
    if (between.length > 1) {
      const p = await page(name, { first: between.length - 1, after, before });
      expect(ids(p)).toEqual(between.slice(0, -1));
      const q = await page(name, { last: between.length - 1, after, before });
      expect(ids(q)).toEqual(between.slice(1));
    }
  });

  it.each(LISTS)('%s: a cursor from another filter, order or list is BAD_USER_INPUT on after or before', async (name) => {
    const conn = connections().find((c) => c.name === name)!;
    const q = pageQuery(name);
    const refused: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    const expectRefused = async (what: string, arg: 'after' | 'before', variables: Record<string, unknown>) => {
      const res = await t.graphql(q, { [arg === 'after' ? 'first' : 'last']: 1, ...variables }, miit);
      refused[what] = res.errors?.map((e) => [e.extensions?.code, e.extensions?.field]) ?? 'answered';
      expected[what] = [['BAD_USER_INPUT', arg]];
    };
    const whole = await page(name, { first: 2 });
    const cursor = whole.edges[1].cursor;
    const ordered = (await page(name, { first: 1, orderBy: [{ field: conn.orderFields[0] }] })).pageInfo.endCursor;
    // The same list with no filter, however spelt, takes it.
    for (const filter of [null, {}, Object.fromEntries(Object.keys(FILTERS[name]).map((k) => [k, null]))]) {
      expect(ids(await page(name, { first: 1, after: whole.edges[0].cursor, filter }))).toEqual([whole.edges[1].node.id]);
      expect(ids(await page(name, { last: 1, before: cursor, filter }))).toEqual([whole.edges[0].node.id]);
    }
    // A filtered list's cursor is bound to that filter: its member order does not matter, its values do.
    const filtered = (await t.graphql(q, { first: 1, filter: FILTERS[name] }, miit)) as { data?: { list: Page }; errors?: unknown };
    expect(filtered.errors).toBeUndefined();
    for (const arg of ['after', 'before'] as const) {
      await expectRefused(`${arg}: unfiltered cursor with a filter`, arg, { [arg]: cursor, filter: FILTERS[name] });
      await expectRefused(`${arg}: cursor of another order`, arg, { [arg]: ordered, orderBy: [{ field: conn.orderFields[0], direction: 'DESC' }] });
      await expectRefused(`${arg}: garbage`, arg, { [arg]: '!!not a cursor!!' });
      await expectRefused(`${arg}: a cursor with its signature from before filters were bound`, arg, {
        [arg]: encode({ ...decode(cursor), o: String(decode(cursor).o).slice(0, 8) }),
      });
      const own = filtered.data!.list.pageInfo.endCursor;
      if (own) await expectRefused(`${arg}: filtered cursor without the filter`, arg, { [arg]: own });
      // Every other list's cursor of its default order, many of them the same shape of values.
      for (const other of LISTS.filter((l) => l !== name)) {
        const theirs = (await page(other, { first: 1 })).pageInfo.endCursor;
        await expectRefused(`${arg}: cursor of ${other}`, arg, { [arg]: theirs });
      }
    }
    expect(refused).toEqual(expected);
  });

  it('refuses first with last, and a last out of range, naming last', async () => {
    const q = pageQuery('enterprises');
    for (const variables of [{ first: 1, last: 1 }, { last: 101 }, { last: -1 }, { first: 0, last: 0 }]) {
      const res = await t.graphql(q, variables, miit);
      expect([variables, res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])]).toEqual([variables, [['BAD_USER_INPUT', 'last']]]);
    }
  });

  it('answers first: 0 and last: 0 with an empty page that still knows what lies beyond it', async () => {
    const head = await page('enterprises', { first: 0 });
    expect(head).toEqual({ edges: [], pageInfo: { hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null } });
    const tail = await page('enterprises', { last: 0 });
    expect(tail).toEqual({ edges: [], pageInfo: { hasPreviousPage: true, hasNextPage: false, startCursor: null, endCursor: null } });
  });

  it('reads pageInfo beyond the cursor in the page’s own statement', async () => {
    // Four disbursements: the second has one before it and two after.
    const whole = await page('disbursements', { first: 3 });
    let p: Page | null = null;
    const sent = await statementsOf(async () => (p = await page('disbursements', { first: 1, after: whole.edges[0].cursor })));
    // One statement reads the disbursements: the page, and whether rows lie before and after it.
    const reads = sent.filter((s) => /\bFROM "disbursement"/.test(s.statement));
    expect(reads).toHaveLength(1);
    expect(reads[0].statement).toMatch(/EXISTS \(/);
    expect(p!.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });
});
