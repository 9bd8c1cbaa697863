import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, createPlatform, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let eNanjing: EnterpriseRow;
let eHangzhou: EnterpriseRow;
let pNanjing: { id: string };
let pHangzhou: { id: string };
const ev: Record<string, string> = {};

let seconds = 0;
async function record(
  ds: DataSource,
  o: {
    action: string;
    subjectType: string;
    subjectId: string;
    enterpriseId?: string;
    platformId?: string;
    regionCode?: string;
    before?: object;
    after?: object;
  },
): Promise<string> {
  const [{ id }] = await ds.query(
    // A second apart, so the order by time is known and has no ties.
    `INSERT INTO audit_event (occurred_at, actor_subject, actor_role, tenant, action, subject_type, subject_id, enterprise_id, platform_id, region_code, before, after, request_id)
     VALUES (timestamptz '2025-03-01 10:00:00+08' + make_interval(secs => $9), 'test:MOF:ministry', 'MOF', NULL, $1, $2, $3, $4, $5, $6, $7, $8, 'req-1') RETURNING id`,
    [
      o.action,
      o.subjectType,
      o.subjectId,
      o.enterpriseId ?? null,
      o.platformId ?? null,
      o.regionCode ?? null,
      o.before ? JSON.stringify(o.before) : null,
      o.after ? JSON.stringify(o.after) : null,
      ++seconds,
    ],
  );
  return String(id);
}

const tokens: Record<string, string | undefined> = {};

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  eNanjing = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
  eHangzhou = await createEnterprise(ds, { regionCode: '330106', tier: 'LITTLE_GIANT' });
  pNanjing = await createPlatform(ds, { regionCode: '320100' });
  pHangzhou = await createPlatform(ds, { regionCode: '330100' });
  ev.nanjingUpdate = await record(ds, {
    action: 'updateEnterprise',
    subjectType: 'Enterprise',
    subjectId: eNanjing.id,
    enterpriseId: eNanjing.id,
    regionCode: '320102',
    before: { name: '旧名称' },
    after: { name: '新名称', hasOwnBrand: true },
  });
  ev.nanjingGrant = await record(ds, {
    action: 'grantAward',
    subjectType: 'Award',
    subjectId: 'a-1',
    enterpriseId: eNanjing.id,
    regionCode: '320102',
    after: { amount: '6000000.00' },
  });
  ev.hangzhouGrant = await record(ds, {
    action: 'grantAward',
    subjectType: 'Award',
    subjectId: 'a-2',
    enterpriseId: eHangzhou.id,
    regionCode: '330106',
  });
  ev.pNanjingGrant = await record(ds, {
    action: 'grantAward',
    subjectType: 'Award',
    subjectId: 'a-3',
    platformId: pNanjing.id,
    regionCode: '320100',
  });
  ev.pHangzhouGrant = await record(ds, {
    action: 'grantAward',
    subjectType: 'Award',
    subjectId: 'a-4',
    platformId: pHangzhou.id,
    regionCode: '330100',
  });
  ev.programme = await record(ds, { action: 'createFundingProgram', subjectType: 'FundingProgram', subjectId: 'p-1' });

  tokens.PUBLIC = undefined;
  tokens.ENT_NANJING = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eNanjing.id });
  tokens.ENT_HANGZHOU = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eHangzhou.id });
  tokens.PLAT_NANJING = await tokenFor({ role: 'PLATFORM', platformId: pNanjing.id });
  tokens.PLAT_HANGZHOU = await tokenFor({ role: 'PLATFORM', platformId: pHangzhou.id });
  tokens.GOV_JIANGSU = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.GOV_ZHEJIANG = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

const EXPECTED: Record<string, string[]> = {
  PUBLIC: [],
  ENT_NANJING: ['nanjingUpdate', 'nanjingGrant'],
  ENT_HANGZHOU: ['hangzhouGrant'],
  PLAT_NANJING: ['pNanjingGrant'],
  PLAT_HANGZHOU: ['pHangzhouGrant'],
  GOV_JIANGSU: ['nanjingUpdate', 'nanjingGrant', 'pNanjingGrant'],
  GOV_ZHEJIANG: ['hangzhouGrant', 'pHangzhouGrant'],
  MIIT: ['nanjingUpdate', 'nanjingGrant', 'hangzhouGrant', 'pNanjingGrant', 'pHangzhouGrant', 'programme'],
  MOF: ['nanjingUpdate', 'nanjingGrant', 'hangzhouGrant', 'pNanjingGrant', 'pHangzhouGrant', 'programme'],
};

const gid = (key: string) => toGlobalId('AuditEvent', ev[key]);

describe('auditEvents', () => {
  it.each(Object.keys(EXPECTED))('%s sees exactly its trail, in order of recording', async (who) => {
    const res = await t.graphql(`{ auditEvents(first: 100) { totalCount edges { node { id } } } }`, {}, tokens[who]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(EXPECTED[who].map(gid));
    expect(res.data!.auditEvents.totalCount).toBe(EXPECTED[who].length);
  });

  it('returns the event’s fields, with before/after as JSON', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { __typename ... on AuditEvent { id occurredAt actorSubject actorRole tenant action subjectType subjectId before after requestId } } }`,
      { id: gid('nanjingUpdate') },
      tokens.ENT_NANJING,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({
      __typename: 'AuditEvent',
      id: gid('nanjingUpdate'),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actorSubject: 'test:MOF:ministry',
      actorRole: 'MOF',
      tenant: null,
      action: 'updateEnterprise',
      subjectType: 'Enterprise',
      subjectId: eNanjing.id,
      before: { name: '旧名称' },
      after: { name: '新名称', hasOwnBrand: true },
      requestId: 'req-1',
    });
  });

  it('node(id) is null for another tenant’s event, and for malformed bigint keys', async () => {
    const Q = `query($id: ID!) { node(id: $id) { id } }`;
    const foreign = [
      ['ENT_HANGZHOU', 'nanjingUpdate'],
      ['ENT_NANJING', 'programme'],
      ['PLAT_NANJING', 'pHangzhouGrant'],
      ['GOV_ZHEJIANG', 'nanjingGrant'],
      ['GOV_JIANGSU', 'programme'],
      ['PUBLIC', 'programme'],
    ];
    for (const [who, key] of foreign) {
      const res = await t.graphql(Q, { id: gid(key) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect([who, key, res.data!.node]).toEqual([who, key, null]);
    }
    for (const key of ['0', '-1', 'abc', '99999999999999999999', '1.5']) {
      const res = await t.graphql(Q, { id: toGlobalId('AuditEvent', key) }, tokens.MOF);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toBeNull();
    }
  });

  it('filters by subject and action', async () => {
    const res = await t.graphql(
      `query($id: String) {
        grants: auditEvents(filter: { action: "grantAward" }) { totalCount }
        awards: auditEvents(filter: { subjectType: "Award", subjectId: "a-2" }) { edges { node { subjectId } } }
        one: auditEvents(filter: { subjectId: $id }) { totalCount }
      }`,
      { id: eNanjing.id },
      tokens.MOF,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.grants.totalCount).toBe(4);
    expect(res.data!.awards.edges).toEqual([{ node: { subjectId: 'a-2' } }]);
    expect(res.data!.one.totalCount).toBe(1);
  });

  it('pages by id and by time, over every row once', async () => {
    for (const o of [
      [{ field: 'ID', direction: 'ASC' }],
      [{ field: 'OCCURRED_AT', direction: 'DESC' }],
      [{ field: 'OCCURRED_AT', direction: 'ASC' }],
    ]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await t.graphql(
          `query($o: [AuditEventOrder!], $after: String) { auditEvents(orderBy: $o, first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { o, after },
          tokens.MOF,
        );
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.auditEvents.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!res.data.auditEvents.pageInfo.hasNextPage) break;
        after = res.data.auditEvents.pageInfo.endCursor;
      }
      const chronological = EXPECTED.MOF.map(gid);
      expect(seen).toEqual(o[0].direction === 'ASC' ? chronological : chronological.reverse());
    }
  });

  it('sorts by ID descending: newest recorded first', async () => {
    const res = await t.graphql(`{ auditEvents(first: 100, orderBy: [{ field: ID, direction: DESC }]) { edges { node { id } } } }`, {}, tokens.MOF);
    expect(res.data!.auditEvents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(EXPECTED.MOF.map(gid).reverse());
  });

  it('the public gets an empty trail, and FORBIDDEN when it filters or sorts', async () => {
    const empty = await t.graphql(`{ auditEvents { totalCount edges { node { id } } } }`);
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.auditEvents).toEqual({ totalCount: 0, edges: [] });
    for (const q of [
      `{ auditEvents(filter: { action: "grantAward" }) { totalCount } }`,
      `{ auditEvents(orderBy: [{ field: OCCURRED_AT }]) { totalCount } }`,
    ]) {
      const res = await t.graphql(q);
      expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
    }
  });
});
