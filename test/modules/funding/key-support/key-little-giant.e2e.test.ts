import { DataSource } from 'typeorm';
import { abilityFor, subjectOf } from '../../../../src/authz/ability';
import { Viewer } from '../../../../src/auth/viewer';
import { createEnterprise, createPlatform, EnterpriseRow } from '../../../support/factories';
import { GraphQLResponse, startTestServer, TestServer } from '../../../support/server';
import { statementsOf } from '../../../support/statements';
import { tokenFor } from '../../../support/tokens';
import { createBatch, createLittleGiant, createProgram, createProposal, gid } from '../funding-factories';

/**
 * Enterprise.keySupport (seen as the enterprise's awards are: null to
 * everyone else, as when there is none) and the public's published list of
 * key little giants (issue 12, item 6), over HTTP.
 */

let t: TestServer;
let ds: DataSource;
let js: EnterpriseRow;
let zj: EnterpriseRow;
let rejected: EnterpriseRow;
let lapsed: EnterpriseRow;
let batch1: string;
let batch2: string;
const proposal: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  const program = await createProgram(ds);
  batch1 = await createBatch(ds, program, 1, '6000000000.00', 2024);
  batch2 = await createBatch(ds, program, 2, '4000000000.00', 2025);
  js = await createLittleGiant(ds, '320102', { name: '江苏重点精工有限公司' });
  zj = await createLittleGiant(ds, '330106', { name: '浙江候选精工有限公司' });
  rejected = await createLittleGiant(ds, '320505');
  // Approved once, since without a tier: still on the list, but the public no longer sees the enterprise itself.
  lapsed = await createEnterprise(ds, { regionCode: '320102', tier: null });
  proposal.js1 = await createProposal(ds, batch1, js.id);
  proposal.lapsed = await createProposal(ds, batch1, lapsed.id);
  proposal.zj = await createProposal(ds, batch2, zj.id, 'PROPOSED');
  proposal.rejected = await createProposal(ds, batch2, rejected.id, 'REJECTED');
  proposal.js2 = await createProposal(ds, batch2, js.id);
  // The second approval is the later one, whatever order the rows were written in.
  await ds.query(`UPDATE key_support_proposal SET decided_at = now() - interval '30 days' WHERE id = $1`, [proposal.js1]);
  await ds.query(`UPDATE key_support_proposal SET decided_at = now() - interval '20 days' WHERE id = $1`, [proposal.lapsed]);
});
afterAll(() => t.close());

const KEY_SUPPORT = `query($id: ID!) { enterprise(id: $id) { name keySupport { id status decidedBy reason batch { id number } } } }`;
const NODE_KEY_SUPPORT = `query($id: ID!) { node(id: $id) { ... on Enterprise { keySupport { id batch { number } } } } }`;
const LIST = `query($filter: KeyLittleGiantFilter, $first: Int, $after: String) {
  keyLittleGiants(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id approvedAt region { code } batch { id number year } enterprise { id name tier } } }
  }
}`;

describe('Enterprise.keySupport', () => {
  it('is the latest approved proposal with its batch, for the enterprise itself, its local governments and the ministries', async () => {
    const readers = [
      await tokenFor({ role: 'ENTERPRISE', enterpriseId: js.id }),
      await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }),
      await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' }),
      await tokenFor({ role: 'MIIT' }),
      await tokenFor({ role: 'MOF' }),
    ];
    for (const token of readers) {
      for (const query of [KEY_SUPPORT, NODE_KEY_SUPPORT]) {
        const res = await t.graphql(query, { id: gid('Enterprise', js.id) }, token);
        expect(res.errors).toBeUndefined();
        const node = res.data!.enterprise ?? res.data!.node;
        expect(node.keySupport).toMatchObject({ id: gid('KeySupportProposal', proposal.js2), batch: { number: 2 } });
      }
    }
    const full = await t.graphql(KEY_SUPPORT, { id: gid('Enterprise', js.id) }, await tokenFor({ role: 'MOF' }));
    expect(full.data!.enterprise.keySupport).toEqual({
      id: gid('KeySupportProposal', proposal.js2),
      status: 'APPROVED',
      decidedBy: 'test:MOF:ministry',
      reason: null,
      batch: { id: gid('FundingBatch', batch2), number: 2 },
    });
  });

  it('is null, without an error, for whoever may not see the enterprise’s awards: the public, other enterprises and regions, platforms', async () => {
    const others = [
      undefined,
      await tokenFor({ role: 'ENTERPRISE', enterpriseId: zj.id }),
      await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }),
      await tokenFor({ role: 'LOCAL_GOV', regionCode: '320500' }),
      await tokenFor({ role: 'PLATFORM', platformId: (await createPlatform(ds, { regionCode: '320100' })).id }),
    ];
    for (const token of others) {
      const res = await t.graphql(KEY_SUPPORT, { id: gid('Enterprise', js.id) }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.enterprise).toEqual({ name: '江苏重点精工有限公司', keySupport: null });
    }
    // Its awards are refused to the same callers: the field itself is published, its row is not.
    const awards = await t.graphql(`query($id: ID!) { enterprise(id: $id) { awards { id } } }`, { id: gid('Enterprise', js.id) });
    expect(awards.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
  });

  it('is null while a proposal is only proposed or was rejected', async () => {
    const miit = await tokenFor({ role: 'MIIT' });
    for (const e of [zj, rejected]) {
      const res = await t.graphql(KEY_SUPPORT, { id: gid('Enterprise', e.id) }, miit);
      expect(res.errors).toBeUndefined();
      expect(res.data!.enterprise.keySupport).toBeNull();
    }
  });

  it('comes with each enterprise of a list, in the list’s one statement', async () => {
    const token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    let res: GraphQLResponse<Record<string, any>> | undefined;
    const sent = await statementsOf(async () => {
      res = await t.graphql(
        `{ enterprises(first: 10, filter: { regionCode: "320000" }) { edges { node { name keySupport { batch { number } } } } } }`,
        {},
        token,
      );
    });
    expect(sent).toHaveLength(1);
    res = res!;
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(
      res.data!.enterprises.edges.map((e: { node: { name: string; keySupport: unknown } }) => [e.node.name, e.node.keySupport]),
    );
    expect(byName['江苏重点精工有限公司']).toEqual({ batch: { number: 2 } });
    expect(byName[lapsed.name]).toEqual({ batch: { number: 1 } });
    expect(byName[rejected.name]).toBeNull();
  });
});

describe('the policy behind keySupport', () => {
  it('lets each role read an enterprise’s proposals exactly where it may read that enterprise’s awards', () => {
    const viewers: Viewer[] = [
      { role: 'PUBLIC', subject: 'anonymous' },
      { role: 'ENTERPRISE', subject: 'e', enterpriseId: '11111111-1111-4111-8111-111111111111' },
      { role: 'PLATFORM', subject: 'p', platformId: '22222222-2222-4222-8222-222222222222' },
      { role: 'LOCAL_GOV', subject: 'g', regionCode: '320100' },
      { role: 'MIIT', subject: 'm' },
      { role: 'MOF', subject: 'f' },
    ];
    const owners = [
      { enterpriseId: '11111111-1111-4111-8111-111111111111', regionCode: '320102' },
      { enterpriseId: '33333333-3333-4333-8333-333333333333', regionCode: '320102' },
      { enterpriseId: '33333333-3333-4333-8333-333333333333', regionCode: '330106' },
    ];
    const verdicts: string[] = [];
    for (const v of viewers) {
      const ability = abilityFor(v);
      for (const o of owners) {
        const award = ability.can('read', subjectOf('Award', { ...o, platformId: null }));
        const proposal = ability.can('read', subjectOf('KeySupportProposal', { ...o, status: 'APPROVED' }));
        expect({ role: v.role, owner: o, proposal }).toEqual({ role: v.role, owner: o, proposal: award });
        verdicts.push(`${v.role}:${award}`);
      }
    }
    // Not vacuous: some roles read some of them and not others.
    expect(verdicts).toEqual(
      expect.arrayContaining(['ENTERPRISE:true', 'ENTERPRISE:false', 'LOCAL_GOV:true', 'LOCAL_GOV:false', 'PUBLIC:false', 'MOF:true']),
    );
  });
});

describe('keyLittleGiants: the published list', () => {
  it('lists, without a token, every approved selection with its batch and region, and nothing proposed or rejected', async () => {
    const res = await t.graphql(LIST, {});
    expect(res.errors).toBeUndefined();
    const list = res.data!.keyLittleGiants;
    expect(list.totalCount).toBe(3);
    // By time of approval.
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      [proposal.js1, proposal.lapsed, proposal.js2].map((id) => gid('KeyLittleGiant', id)),
    );
    expect(list.edges[0].node).toMatchObject({
      region: { code: '320102' },
      batch: { id: gid('FundingBatch', batch1), number: 1, year: 2024 },
      enterprise: { id: gid('Enterprise', js.id), name: '江苏重点精工有限公司', tier: 'LITTLE_GIANT' },
    });
    // An enterprise without a tier is not published, so the public sees its place on the list but not the enterprise.
    expect(list.edges[1].node).toMatchObject({ region: { code: '320102' }, enterprise: null });
    const gov = await t.graphql(LIST, {}, await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }));
    expect(gov.data!.keyLittleGiants.edges[1].node.enterprise).toMatchObject({ id: gid('Enterprise', lapsed.id), tier: null });
  });

  it('is the same list for every caller, and each entry reads the same by node(id)', async () => {
    const expected = (await t.graphql(LIST, {})).data!.keyLittleGiants.edges.map((e: { node: { id: string } }) => e.node.id);
    for (const token of [await tokenFor({ role: 'ENTERPRISE', enterpriseId: zj.id }), await tokenFor({ role: 'MOF' })]) {
      const res = await t.graphql(LIST, {}, token);
      expect(res.data!.keyLittleGiants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected);
    }
    const one = await t.graphql(`query($id: ID!) { node(id: $id) { ... on KeyLittleGiant { id batch { number } region { code } } } }`, {
      id: expected[2],
    });
    expect(one.data!.node).toEqual({ id: expected[2], batch: { number: 2 }, region: { code: '320102' } });
    // A proposal's id is not an entry of the list.
    const proposed = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('KeyLittleGiant', proposal.zj) });
    expect(proposed.data!.node).toBeNull();
  });

  it('filters by batch and by region subtree, and pages', async () => {
    const inBatch2 = await t.graphql(LIST, { filter: { batchId: gid('FundingBatch', batch2) } });
    expect(inBatch2.data!.keyLittleGiants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([gid('KeyLittleGiant', proposal.js2)]);
    const zhejiang = await t.graphql(LIST, { filter: { regionCode: '330000' } });
    expect(zhejiang.data!.keyLittleGiants.totalCount).toBe(0);
    const bad = await t.graphql(LIST, { filter: { regionCode: '32' } });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const first = await t.graphql(LIST, { first: 2 });
    expect(first.data!.keyLittleGiants.pageInfo.hasNextPage).toBe(true);
    const next = await t.graphql(LIST, { first: 2, after: first.data!.keyLittleGiants.pageInfo.endCursor });
    expect(next.data!.keyLittleGiants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([gid('KeyLittleGiant', proposal.js2)]);
  });

  it('publishes no more than the list: the proposals themselves stay closed to the public', async () => {
    const res = await t.graphql(`{ keySupportProposals { totalCount } }`);
    expect(res.data!.keySupportProposals.totalCount).toBe(0);
    const direct = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('KeySupportProposal', proposal.js2) });
    expect(direct.data!.node).toBeNull();
  });
});
