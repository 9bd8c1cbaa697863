import { createPlatform, createProgramAndBatch, EnterpriseRow } from '../../../support/factories';
import { startTestServer, TestServer } from '../../../support/server';
import { tokenFor } from '../../../support/tokens';
import { createLittleGiant, createProposal, gid } from '../funding-factories';

/** Who sees key little giant proposals: in the list, by node(id), and through row-level security alone. */

let t: TestServer;
let js: EnterpriseRow; // 320102 Jiangsu
let zj: EnterpriseRow; // 330106 Zhejiang
const proposal: Record<string, string> = {};
let batchId: string;

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  ({ batchId } = await createProgramAndBatch(ds));
  js = await createLittleGiant(ds, '320102');
  zj = await createLittleGiant(ds, '330106');
  proposal.js = await createProposal(ds, batchId, js.id, 'APPROVED');
  proposal.zj = await createProposal(ds, batchId, zj.id, 'PROPOSED');
});
afterAll(() => t.close());

const LIST = `query($filter: KeySupportProposalFilter) { keySupportProposals(filter: $filter) { totalCount edges { node { id status enterprise { id } batch { id } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on KeySupportProposal { id status } } }`;

async function seen(token?: string): Promise<string[]> {
  const res = await t.graphql(LIST, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data!.keySupportProposals.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

describe('keySupportProposals', () => {
  it('shows an enterprise its own, a local government its region’s, the ministries all, the public and platforms none', async () => {
    const ids = { js: gid('KeySupportProposal', proposal.js), zj: gid('KeySupportProposal', proposal.zj) };
    const platform = await createPlatform(t.db.dataSource, { regionCode: '320100' });
    expect(await seen()).toEqual([]);
    expect(await seen(await tokenFor({ role: 'PLATFORM', platformId: platform.id }))).toEqual([]);
    expect(await seen(await tokenFor({ role: 'ENTERPRISE', enterpriseId: js.id }))).toEqual([ids.js]);
    expect(await seen(await tokenFor({ role: 'ENTERPRISE', enterpriseId: zj.id }))).toEqual([ids.zj]);
    expect(await seen(await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' }))).toEqual([ids.js]);
    expect(await seen(await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }))).toEqual([ids.zj]);
    expect(await seen(await tokenFor({ role: 'LOCAL_GOV', regionCode: '440000' }))).toEqual([]);
    for (const role of ['MIIT', 'MOF'] as const) expect(await seen(await tokenFor({ role }))).toEqual([ids.js, ids.zj].sort());

    const other = await t.graphql(NODE, { id: ids.zj }, await tokenFor({ role: 'ENTERPRISE', enterpriseId: js.id }));
    expect(other.data!.node).toBeNull();
    const own = await t.graphql(NODE, { id: ids.js }, await tokenFor({ role: 'ENTERPRISE', enterpriseId: js.id }));
    expect(own.data!.node).toEqual({ id: ids.js, status: 'APPROVED' });
  });

  it('filters by batch, enterprise and status', async () => {
    const miit = await tokenFor({ role: 'MIIT' });
    const res = await t.graphql(LIST, { filter: { batchId: gid('FundingBatch', batchId), status: 'PROPOSED' } }, miit);
    expect(res.data!.keySupportProposals.totalCount).toBe(1);
    expect(res.data!.keySupportProposals.edges[0].node.enterprise.id).toBe(gid('Enterprise', zj.id));
    const byEnterprise = await t.graphql(LIST, { filter: { enterpriseId: gid('Enterprise', js.id) } }, miit);
    expect(byEnterprise.data!.keySupportProposals.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['APPROVED']);
  });

  it('keeps other tenants’ proposals out with row-level security alone', async () => {
    const unsafe = await startTestServer({}, { unsafeSkipPolicyInSql: true });
    try {
      const ds = unsafe.db.dataSource;
      const { batchId: b } = await createProgramAndBatch(ds);
      const a = await createLittleGiant(ds, '320102');
      const z = await createLittleGiant(ds, '330106');
      await createProposal(ds, b, a.id);
      await createProposal(ds, b, z.id);
      const count = async (token: string) =>
        (await unsafe.graphql(`{ keySupportProposals { totalCount } }`, {}, token)).data!.keySupportProposals.totalCount;
      expect(await count(await tokenFor({ role: 'ENTERPRISE', enterpriseId: a.id }))).toBe(1);
      expect(await count(await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }))).toBe(1);
      expect(await count(await tokenFor({ role: 'MOF' }))).toBe(2);
    } finally {
      await unsafe.close();
    }
  });

  it('moves a proposal’s scope with its enterprise', async () => {
    const ds = t.db.dataSource;
    const e = await createLittleGiant(ds, '320102');
    const id = await createProposal(ds, batchId, e.id, 'PROPOSED');
    await ds.query(`UPDATE enterprise SET region_code = '320505' WHERE id = $1`, [e.id]);
    const [row] = await ds.query(`SELECT region_code FROM key_support_proposal WHERE id = $1`, [id]);
    expect(row.region_code).toBe('320505');
  });
});
