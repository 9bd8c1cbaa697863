import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, createPlatform, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { castTokens, tokenFor } from '../../support/tokens';
import { insertApplication } from './application-factories';

/**
 * Objections (异议) during public notice (issue 12, item 6), over HTTP:
 * anyone raises one (the public with a name and a contact, a signed-in
 * caller under its identity) up to the notice's last day; MIIT and the local
 * governments of the region read them whole, the enterprise concerned reads
 * the grounds and the ruling but never who objected; MIIT rules on each, and
 * an open one holds up certification.
 */

const RAISE = `mutation($input: RaisePublicObjectionInput!) { raisePublicObjection(input: $input) { objectionId raisedAt } }`;
const RESOLVE = `mutation($input: ResolvePublicObjectionInput!) {
  resolvePublicObjection(input: $input) { publicObjection { id status resolutionReason resolvedBy resolvedAt } application { id status } }
}`;
const LIST = `query($filter: PublicObjectionFilter) {
  publicObjections(first: 100, filter: $filter) { totalCount edges { node { id grounds status objectorRole objectorSubject objectorName objectorContact application { id } } } }
}`;
const CERTIFY = `mutation($input: CertifyEnterpriseInput!) { certifyEnterprise(input: $input) { application { id status } } }`;

const gid = toGlobalId;
const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions!.code);

let t: TestServer;
let ds: DataSource;
let firm: EnterpriseRow;
let rival: EnterpriseRow;
let onNotice: string;
let ended: string;
let submitted: string;
let tokens: Record<string, string>;
beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  firm = await createEnterprise(ds, { regionCode: '320102', name: '异议测试精密有限公司' });
  rival = await createEnterprise(ds, { regionCode: '330106' });
  onNotice = await insertApplication(ds, firm.id, { status: 'PUBLIC_NOTICE', score: '88.00', publicNoticeEndsOn: '2099-12-31' });
  ended = await insertApplication(ds, firm.id, {
    tier: 'SRDI_SME',
    ruleSetCode: 'SRDI-PROVINCIAL-2022',
    status: 'PUBLIC_NOTICE',
    score: '80.00',
    publicNoticeEndsOn: '2020-01-10',
  });
  const other = await createEnterprise(ds, { regionCode: '320102' });
  submitted = await insertApplication(ds, other.id, { status: 'SUBMITTED' });
  const platforms = [await createPlatform(ds, { regionCode: '320100' }), await createPlatform(ds, { regionCode: '330100' })];
  // ent1 is the enterprise objected to; Wuxi's local government is in Jiangsu but not its region.
  tokens = await castTokens({ ent1: firm.id, ent2: other.id, entZ: rival.id, platform1: platforms[0].id, platform2: platforms[1].id });
});
afterAll(() => t.close());

const objection = (applicationId: string, more: Record<string, unknown> = {}) => ({
  applicationId: gid('Application', applicationId),
  grounds: '该企业申报的细分市场占有率数据与行业协会统计不符。',
  objectorName: '张三',
  objectorContact: '13800138000',
  ...more,
});
const rows = async (applicationId: string) =>
  await ds.query<
    {
      id: string;
      objector_role: string;
      objector_subject: string;
      objector_tenant: string | null;
      objector_name: string | null;
      objector_contact: string | null;
      status: string;
    }[]
  >(
    `SELECT id, objector_role, objector_subject, objector_tenant, objector_name, objector_contact, status FROM public_objection WHERE application_id = $1 ORDER BY created_at, id`,
    [applicationId],
  );

describe('raisePublicObjection', () => {
  it('takes the public’s objection with a name and a contact, and gives back only a receipt', async () => {
    const res = await t.graphql(RAISE, { input: objection(onNotice) });
    expect(res.errors).toBeUndefined();
    const [row] = await rows(onNotice);
    expect(res.data!.raisePublicObjection).toEqual({
      objectionId: gid('PublicObjection', row.id),
      raisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(row).toMatchObject({
      objector_role: 'PUBLIC',
      objector_subject: 'anonymous',
      objector_tenant: null,
      objector_name: '张三',
      objector_contact: '13800138000',
      status: 'OPEN',
    });
    // The trail keeps the objection, not the objector; and it is not the enterprise's trail.
    const [event] = await ds.query(
      `SELECT actor_role, enterprise_id, region_code, after FROM audit_event WHERE action = 'raisePublicObjection' AND subject_id = $1`,
      [row.id],
    );
    expect(event).toMatchObject({ actor_role: 'PUBLIC', enterprise_id: null, region_code: '320102' });
    expect(event.after).toMatchObject({ id: row.id, status: 'OPEN', enterpriseId: firm.id });
    expect(JSON.stringify(event.after)).not.toMatch(/13800138000|张三/);
  });

  it('takes a signed-in caller’s objection under its identity, a name and contact optional', async () => {
    for (const who of ['entZ', 'platform1', 'wuxi', 'mof']) {
      const res = await t.graphql(
        RAISE,
        { input: objection(onNotice, { objectorName: null, objectorContact: null, grounds: `${who} 认为其研发投入数据有误` }) },
        tokens[who],
      );
      expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
    }
    const all = await rows(onNotice);
    expect(all.slice(1).map((r) => [r.objector_role, r.objector_tenant, r.objector_contact])).toEqual([
      ['ENTERPRISE', rival.id, null],
      ['PLATFORM', expect.any(String), null],
      ['LOCAL_GOV', '320200', null],
      ['MOF', null, null],
    ]);
    expect(all[1].objector_subject).toBe(`test:ENTERPRISE:${rival.id}`);
  });

  it('refuses missing or malformed fields with the field at fault, writing nothing', async () => {
    const before = (await rows(onNotice)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ objectorName: null }, 'objectorName'],
      [{ objectorName: '   ' }, 'objectorName'],
      [{ objectorContact: null }, 'objectorContact'],
      [{ objectorContact: '找我' }, 'objectorContact'],
      [{ objectorName: '名'.repeat(101) }, 'objectorName'],
      [{ objectorContact: `${'a'.repeat(95)}@x.com` }, 'objectorContact'],
      [{ grounds: '  ' }, 'grounds'],
      [{ grounds: '异'.repeat(2001) }, 'grounds'],
      [{ grounds: '含\u202e控制字符' }, 'grounds'],
    ];
    for (const [change, field] of cases) {
      const res = await t.graphql(RAISE, { input: objection(onNotice, change) });
      expect({ change, error: res.errors?.[0]?.extensions }).toEqual({ change, error: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    // A name and contact of the longest allowed length pass; e-mail addresses and landlines with extensions too.
    for (const contact of ['zhang.san@example.com.cn', '025-8888 6666转123', '+86 138 0013 8000']) {
      const res = await t.graphql(RAISE, { input: objection(onNotice, { objectorName: '名'.repeat(100), objectorContact: contact }) });
      expect({ contact, errors: res.errors }).toEqual({ contact, errors: undefined });
    }
    expect((await rows(onNotice)).length).toBe(before + 3);
  });

  it('is CONFLICT once the notice has ended, and NOT_FOUND for an application the caller cannot see', async () => {
    const late = await t.graphql(RAISE, { input: objection(ended) });
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    expect(late.errors![0].message).toMatch(/ended on 2020-01-10/);
    // Not on notice: the public cannot see it at all; its local government sees that it is not on notice.
    expect(codes(await t.graphql(RAISE, { input: objection(submitted) }))).toEqual(['NOT_FOUND']);
    const gov = await t.graphql(RAISE, { input: objection(submitted) }, tokens.jiangsu);
    expect(gov.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'SUBMITTED' });
    expect(codes(await t.graphql(RAISE, { input: objection('6f0c1a52-1111-4c3b-9a55-0a0b0c0d0e0f') }))).toEqual(['NOT_FOUND']);
    expect(await rows(ended)).toEqual([]);
    expect(await rows(submitted)).toEqual([]);
  });
});

describe('raisePublicObjection while the notice closes', () => {
  it('waits for a step holding the application, then sees the notice closed and writes nothing', async () => {
    const app = await insertApplication(ds, firm.id, {
      tier: 'INNOVATIVE_SME',
      ruleSetCode: 'SRDI-PROVINCIAL-2022',
      status: 'PUBLIC_NOTICE',
      publicNoticeEndsOn: '2099-12-31',
    });
    // A step of MIIT's (a ruling, a certification) holds the application FOR UPDATE while it changes its status.
    const step = ds.createQueryRunner();
    await step.connect();
    await step.startTransaction();
    try {
      await step.query(`SELECT id FROM application WHERE id = $1 FOR UPDATE`, [app]);
      const raised = t.graphql(RAISE, { input: objection(app) });
      // The objection's insert waits on the application's row (its foreign key's FOR KEY SHARE).
      for (let i = 0; ; i++) {
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (n > 0) break;
        if (i > 200) throw new Error('the objection never waited for the application');
        await new Promise((r) => setTimeout(r, 25));
      }
      await step.query(`UPDATE application SET status = 'REJECTED' WHERE id = $1`, [app]);
      await step.commitTransaction();
      const res = await raised;
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
      expect(await rows(app)).toEqual([]);
    } finally {
      if (step.isTransactionActive) await step.rollbackTransaction();
      await step.release();
    }
  });
});

describe('publicObjections: who reads them', () => {
  it('MIIT and the local governments of the region read them whole, contact included', async () => {
    const total = (await rows(onNotice)).length;
    for (const who of ['miit', 'jiangsu', 'nanjing']) {
      const res = await t.graphql(LIST, { filter: { applicationId: gid('Application', onNotice) } }, tokens[who]);
      expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
      expect(res.data!.publicObjections.totalCount).toBe(total);
      expect(res.data!.publicObjections.edges[0].node).toMatchObject({
        objectorRole: 'PUBLIC',
        objectorName: '张三',
        objectorContact: '13800138000',
        application: { id: gid('Application', onNotice) },
      });
    }
  });

  it('nobody else sees any: the public, other enterprises, platforms, other regions, MoF; by list or by node(id)', async () => {
    const [first] = await rows(onNotice);
    for (const who of [undefined, 'entZ', 'ent2', 'platform1', 'zhejiang', 'wuxi', 'mof']) {
      const token = who ? tokens[who] : undefined;
      const list = await t.graphql(LIST, {}, token);
      expect({ who, n: list.data!.publicObjections.totalCount }).toEqual({ who, n: 0 });
      const node = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('PublicObjection', first.id) }, token);
      expect({ who, node: node.data!.node }).toEqual({ who, node: null });
    }
  });

  it('the enterprise concerned reads the grounds and status, never who objected or how to reach them', async () => {
    const res = await t.graphql(LIST, { filter: { applicationId: gid('Application', onNotice) } }, tokens.ent1);
    const edges = res.data!.publicObjections.edges;
    expect(edges.length).toBe((await rows(onNotice)).length);
    expect(edges[0].node).toEqual({
      id: expect.any(String),
      grounds: '该企业申报的细分市场占有率数据与行业协会统计不符。',
      status: 'OPEN',
      objectorRole: null,
      objectorSubject: null,
      objectorName: null,
      objectorContact: null,
      application: { id: gid('Application', onNotice) },
    });
    const refused = new Set(res.errors!.map((e) => `${e.path!.at(-1)} ${String(e.extensions!.code)}`));
    expect(refused).toEqual(new Set(['objectorRole FORBIDDEN', 'objectorSubject FORBIDDEN', 'objectorName FORBIDDEN', 'objectorContact FORBIDDEN']));
    // Nor does its audit trail say who objected: the raising is not in it.
    const trail = await t.graphql(`{ auditEvents(first: 100) { edges { node { action after } } } }`, {}, tokens.ent1);
    expect(trail.errors).toBeUndefined();
    const text = JSON.stringify(trail.data);
    expect(text).not.toMatch(/raisePublicObjection|13800138000|张三/);
  });
});

describe('resolvePublicObjection', () => {
  it('is MIIT’s alone: FORBIDDEN for those who read it, NOT_FOUND for the rest', async () => {
    const [first] = await rows(onNotice);
    const input = { objectionId: gid('PublicObjection', first.id), ruling: 'DISMISSED', reason: '经核实数据无误' };
    for (const who of ['ent1', 'jiangsu']) expect(codes(await t.graphql(RESOLVE, { input }, tokens[who]))).toEqual(['FORBIDDEN']);
    for (const token of [undefined, tokens.mof, tokens.zhejiang]) expect(codes(await t.graphql(RESOLVE, { input }, token))).toEqual(['NOT_FOUND']);
    expect((await rows(onNotice))[0].status).toBe('OPEN');
  });

  it('records a dismissal with its reason, audited, once; the application stays on notice', async () => {
    const [first] = await rows(onNotice);
    const input = { objectionId: gid('PublicObjection', first.id), ruling: 'DISMISSED', reason: '经核实，市场占有率数据有行业协会证明。' };
    expect((await t.graphql(RESOLVE, { input: { ...input, reason: ' ' } }, tokens.miit)).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const res = await t.graphql(RESOLVE, { input }, tokens.miit);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resolvePublicObjection).toEqual({
      publicObjection: {
        id: input.objectionId,
        status: 'DISMISSED',
        resolutionReason: input.reason,
        resolvedBy: 'test:MIIT:ministry',
        resolvedAt: expect.any(String),
      },
      application: { id: gid('Application', onNotice), status: 'PUBLIC_NOTICE' },
    });
    const again = await t.graphql(RESOLVE, { input: { ...input, ruling: 'UPHELD' } }, tokens.miit);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'DISMISSED' });
    const events = await ds.query(
      `SELECT actor_role, enterprise_id, before, after FROM audit_event WHERE action = 'resolvePublicObjection' AND subject_id = $1`,
      [first.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_role: 'MIIT',
      enterprise_id: firm.id,
      before: { status: 'OPEN', applicationStatus: 'PUBLIC_NOTICE' },
      after: { status: 'DISMISSED', resolutionReason: input.reason, applicationStatus: 'PUBLIC_NOTICE' },
    });
    // The enterprise reads the ruling on the objection to it.
    const seen = await t.graphql(
      `query($id: ID!) { node(id: $id) { ... on PublicObjection { status resolutionReason } } }`,
      { id: input.objectionId },
      tokens.ent1,
    );
    expect(seen.data!.node).toEqual({ status: 'DISMISSED', resolutionReason: input.reason });
  });

  it('an open objection holds up certification; upheld, it rejects the application still on notice', async () => {
    // Raised on the last day of a notice that has ended since.
    const [{ id }] = await ds.query(
      `INSERT INTO public_objection (id, application_id, grounds, objector_role, objector_subject, objector_name, objector_contact)
       VALUES (gen_random_uuid(), $1, '存在知识产权纠纷', 'PUBLIC', 'anonymous', '李四', 'lisi@example.com') RETURNING id`,
      [ended],
    );
    const certify = await t.graphql(CERTIFY, { input: { applicationId: gid('Application', ended), batchNumber: 7 } }, tokens.miit);
    expect(certify.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    expect(certify.errors![0].message).toMatch(/1 open public objection/);
    const res = await t.graphql(
      RESOLVE,
      { input: { objectionId: gid('PublicObjection', id), ruling: 'UPHELD', reason: '知识产权纠纷属实' } },
      tokens.miit,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.resolvePublicObjection.application).toEqual({ id: gid('Application', ended), status: 'REJECTED' });
    const [app] = await ds.query(`SELECT status FROM application WHERE id = $1`, [ended]);
    expect(app.status).toBe('REJECTED');
  });
});

describe('the public’s objections are limited per address', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ PUBLIC_OBJECTIONS_PER_HOUR: '2' });
  });
  afterAll(() => limited.close());

  it('refuses the public’s third objection in the hour with 429 RATE_LIMITED, and never a signed-in caller', async () => {
    const e = await createEnterprise(limited.db.dataSource, { regionCode: '320102' });
    const app = await insertApplication(limited.db.dataSource, e.id, { status: 'PUBLIC_NOTICE', publicNoticeEndsOn: '2099-12-31' });
    expect((await limited.graphql(RAISE, { input: objection(app) })).errors).toBeUndefined();
    expect((await limited.graphql(RAISE, { input: objection(app) })).errors).toBeUndefined();
    const third = await limited.graphql(RAISE, { input: objection(app) });
    expect(third.status).toBe(429);
    expect(third.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    // Reading goes on, and signed-in callers answer for their own objections.
    expect((await limited.graphql(`{ keyLittleGiants { totalCount } }`)).errors).toBeUndefined();
    const signedIn = await limited.graphql(RAISE, { input: objection(app) }, await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id }));
    expect(signedIn.errors).toBeUndefined();
    const [{ n }] = await limited.db.dataSource.query(`SELECT count(*)::int AS n FROM public_objection WHERE application_id = $1`, [app]);
    expect(n).toBe(3);
  });
});

describe('row-level security alone keeps objections to their readers', () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startTestServer({}, { unsafeSkipPolicyInSql: true });
  });
  afterAll(() => bare.close());

  it('with the policy left out of SQL, each caller still counts only the objections it may read', async () => {
    const bds = bare.db.dataSource;
    const e = await createEnterprise(bds, { regionCode: '320102' });
    const app = await insertApplication(bds, e.id, { status: 'PUBLIC_NOTICE', publicNoticeEndsOn: '2099-12-31' });
    await bds.query(
      `INSERT INTO public_objection (id, application_id, grounds, objector_role, objector_subject, objector_name, objector_contact)
       VALUES (gen_random_uuid(), $1, '数据不实', 'PUBLIC', 'anonymous', '王五', '13900000000')`,
      [app],
    );
    const count = async (token?: string) => (await bare.graphql(`{ publicObjections { totalCount } }`, {}, token)).data!.publicObjections.totalCount;
    const rivalFirm = await createEnterprise(bds, { regionCode: '330106' });
    expect(await count()).toBe(0);
    expect(await count(await tokenFor({ role: 'ENTERPRISE', enterpriseId: rivalFirm.id }))).toBe(0);
    expect(await count(await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }))).toBe(0);
    expect(await count(await tokenFor({ role: 'MOF' }))).toBe(0);
    expect(await count(await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id }))).toBe(1);
    expect(await count(await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }))).toBe(1);
    expect(await count(await tokenFor({ role: 'MIIT' }))).toBe(1);
  });
});
