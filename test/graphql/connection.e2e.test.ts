import { getNamedType, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLSchema } from 'graphql';
import { programmeToday } from '../../src/modules/certification/certification-status';
import { toGlobalId } from '../../src/graphql/global-id';
import { createAward, createCertification, createEnterprise, createPlatform, createProgramAndBatch } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
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

describe('a forged cursor', () => {
  const LISTS = ['enterprises', 'platforms', 'certifications', 'applications', 'auditEvents', 'awards', 'disbursements', 'expenditures', 'fundingPrograms', 'fundingBatches', 'keySupportProposals', 'keyLittleGiants', 'publicObjections'];

  it('is tried on every connection of the schema', () => {
    expect(connections().map((c) => c.name).sort()).toEqual([...LISTS].sort());
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

  it.each(LISTS)(
    'is BAD_USER_INPUT on `after` in %s, for every sort key and kind of forgery',
    async (name) => {
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
          const forgeries: [string, unknown][] = [['NUL', 'a\u0000b'], ['an object', {}], ['a long text', 'x'.repeat(5000)], ['a negative zero', -0.5]];
          // A uuid, date, timestamp or number column: a text that is none of these.
          if (typeof value === 'number' || /^[0-9][0-9a-f.:TZ-]*$/i.test(String(value))) forgeries.push(['a text of the wrong type', '2024-13-45 nonsense']);
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
    },
  );
});
