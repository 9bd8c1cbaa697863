import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { insertApplication } from './application-factories';

/** The 公示 list is published: anyone sees who is on public notice, and no more than that. */
describe.each([
  ['with the application policy', false],
  ['with row-level security alone', true],
])('applications on public notice, %s', (_label, rlsOnly) => {
  let t: TestServer;
  let onNotice: string;
  let submitted: string;
  beforeAll(async () => {
    t = await startTestServer({}, { unsafeSkipPolicyInSql: rlsOnly });
    const e = await createEnterprise(t.db.dataSource, { regionCode: '320102', name: '公示测试精密有限公司' });
    onNotice = await insertApplication(t.db.dataSource, e.id, { status: 'PUBLIC_NOTICE', score: '88.00', publicNoticeEndsOn: '2026-12-01' });
    submitted = await insertApplication(t.db.dataSource, e.id, { tier: 'SRDI_SME', status: 'SUBMITTED', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
  });
  afterAll(() => t.close());

  it('lists only the application on notice to the public', async () => {
    const res = await t.graphql(`{ applications(first: 100) { totalCount edges { node { id status publicNoticeEndsOn enterprise { name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.applications).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            id: toGlobalId('Application', onNotice),
            status: 'PUBLIC_NOTICE',
            publicNoticeEndsOn: '2026-12-01',
            enterprise: { name: '公示测试精密有限公司' },
          },
        },
      ],
    });
    const hidden = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Application', submitted) });
    expect(hidden.data!.node).toBeNull();
  });

  it('masks what is not published, such as the expert score', async () => {
    const res = await t.graphql(`query($id: ID!) { node(id: $id) { ... on Application { status score } } }`, {
      id: toGlobalId('Application', onNotice),
    });
    expect(res.data!.node).toEqual({ status: 'PUBLIC_NOTICE', score: null });
    expect(res.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['node.score', 'FORBIDDEN']]);
  });
});
