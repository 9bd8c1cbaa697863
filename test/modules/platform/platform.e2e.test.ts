import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../src/core/global-id';
import { createPlatform } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let nanjing: { id: string };
let zone: string;

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  nanjing = await createPlatform(ds, { regionCode: '320100', name: '南京中小企业公共服务平台' });
  await createPlatform(ds, { regionCode: '320500', name: '苏州工业设计服务平台' });
  await createPlatform(ds, { regionCode: '330100', name: '杭州数字化转型服务平台' });
  zone = randomUUID();
  await ds.query(
    `INSERT INTO platform (id, name, kind, level, region_code, operator, operator_credit_code)
     VALUES ($1, '苏州工业园区', 'DEVELOPMENT_ZONE', 'NATIONAL', '320505', '苏州工业园区管理委员会', NULL)`,
    [zone],
  );
});
afterAll(() => t.close());

const LIST = `query($f: PlatformFilter, $o: [PlatformOrder!], $first: Int, $after: String) {
  platforms(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

async function names(f?: object, token?: string): Promise<string[]> {
  const res = await t.graphql(LIST, { f, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data!.platforms.totalCount).toBe(res.data!.platforms.edges.length);
  return res.data!.platforms.edges.map((e: { node: { name: string } }) => e.node.name);
}

describe('platforms', () => {
  it('are published: the public and every role see all of them', async () => {
    const all = (await names()).sort();
    expect(all).toHaveLength(4);
    for (const token of [
      await tokenFor({ role: 'PLATFORM', platformId: nanjing.id }),
      await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' }),
      await tokenFor({ role: 'MIIT' }),
    ]) {
      expect((await names(undefined, token)).sort()).toEqual(all);
    }
  });

  it('show their fields, region and enums', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { __typename ... on Platform { name kind level operator operatorCreditCode region { code name } createdAt } } }`,
      {
        id: toGlobalId('Platform', zone),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({
      __typename: 'Platform',
      name: '苏州工业园区',
      kind: 'DEVELOPMENT_ZONE',
      level: 'NATIONAL',
      operator: '苏州工业园区管理委员会',
      operatorCreditCode: null,
      region: { code: '320505' },
    });
  });

  it('filter by region subtree, kind, level and search text', async () => {
    expect((await names({ regionCode: '320000' })).sort()).toEqual(['南京中小企业公共服务平台', '苏州工业园区', '苏州工业设计服务平台'].sort());
    expect(await names({ regionCode: '320500' })).toEqual(['苏州工业园区', '苏州工业设计服务平台'].sort());
    expect(await names({ regionCode: '330106' })).toEqual([]);
    expect(await names({ kind: 'DEVELOPMENT_ZONE' })).toEqual(['苏州工业园区']);
    expect((await names({ level: 'PROVINCIAL' })).length).toBe(3);
    expect(await names({ search: '数字化' })).toEqual(['杭州数字化转型服务平台']);
    expect(await names({ search: '管理委员会' })).toEqual(['苏州工业园区']); // the operator
    expect(await names({ search: '%' })).toEqual([]); // a wildcard typed by a user is text
  });

  it('refuses a malformed region code with BAD_USER_INPUT', async () => {
    const res = await t.graphql(LIST, { f: { regionCode: '3200' } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('page through every row once, by name in both directions', async () => {
    const walk = async (direction: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await t.graphql(LIST, { o: [{ field: 'NAME', direction }], first: 1, after });
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.platforms.edges.map((e: { node: { name: string } }) => e.node.name));
        if (!res.data.platforms.pageInfo.hasNextPage) break;
        after = res.data.platforms.pageInfo.endCursor;
      }
      return seen;
    };
    const asc = await walk('ASC');
    expect(new Set(asc).size).toBe(4);
    expect(await walk('DESC')).toEqual([...asc].reverse());
  });

  it('a node id for a missing platform is null', async () => {
    const res = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Platform', randomUUID()) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
  });
});
