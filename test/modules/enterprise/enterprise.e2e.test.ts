import { createEnterprise, createFinancialReport, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let own: EnterpriseRow; // Jiangsu, Nanjing
let sameCity: EnterpriseRow; // Jiangsu, Nanjing
let suzhou: EnterpriseRow; // Jiangsu, Suzhou
let zhejiang: EnterpriseRow; // Zhejiang, Ningbo
let uncertified: EnterpriseRow; // Zhejiang, no tier: not published

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  own = await createEnterprise(ds, { regionCode: '320102', name: '南京自有精密有限公司', tier: 'LITTLE_GIANT' });
  sameCity = await createEnterprise(ds, { regionCode: '320104', name: '南京同城材料有限公司' });
  suzhou = await createEnterprise(ds, { regionCode: '320505', name: '苏州高新装备有限公司' });
  zhejiang = await createEnterprise(ds, { regionCode: '330203', name: '宁波海曙电子有限公司' });
  uncertified = await createEnterprise(ds, { regionCode: '330106', name: '杭州未认定科技有限公司', tier: null });
  await createFinancialReport(ds, own.id, 2024);
  await createFinancialReport(ds, zhejiang.id, 2024);
});
afterAll(() => t.close());

const LIST = `query($filter: EnterpriseFilter, $first: Int, $after: String) {
  enterprises(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id name creditCode } } pageInfo { hasNextPage endCursor }
  }
}`;

async function names(token?: string, filter?: object): Promise<{ names: string[]; total: number }> {
  const res = await t.graphql(LIST, { filter, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  return {
    names: res.data!.enterprises.edges.map((e: { node: { name: string } }) => e.node.name).sort(),
    total: res.data!.enterprises.totalCount,
  };
}

describe('enterprises: each role sees exactly its slice', () => {
  it('the public sees only certified enterprises', async () => {
    const r = await names();
    expect(r.names).toEqual([own, sameCity, suzhou, zhejiang].map((e) => e.name).sort());
    expect(r.total).toBe(4);
  });

  it('an enterprise sees the published list plus its own full record, and not another’s private fields', async () => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const mine = await t.graphql(
      `query($c: String) { enterprise(creditCode: $c) { name sizeClass financials { year revenue } } }`,
      { c: own.creditCode },
      token,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.enterprise).toEqual({ name: own.name, sizeClass: 'SMALL', financials: [{ year: 2024, revenue: '120000000.00' }] });

    const theirs = await t.graphql(
      `query($c: String) { enterprise(creditCode: $c) { name sizeClass financials { year } } }`,
      { c: zhejiang.creditCode },
      token,
    );
    expect(theirs.data!.enterprise).toEqual({ name: zhejiang.name, sizeClass: null, financials: null });
    const forbidden = theirs.errors!.map((e) => [e.path!.join('.'), e.extensions!.code]).sort();
    expect(forbidden).toEqual([
      ['enterprise.financials', 'FORBIDDEN'],
      ['enterprise.sizeClass', 'FORBIDDEN'],
    ]);

    const hidden = await t.graphql(`query($c: String) { enterprise(creditCode: $c) { name } }`, { c: uncertified.creditCode }, token);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.enterprise).toBeNull();
  });

  it('a LOCAL_GOV for 320000 sees exactly the Jiangsu rows, and totalCount equals the SQL count', async () => {
    const token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const r = await names(token, {});
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprise e JOIN region r ON r.code = e.region_code WHERE r.path <@ '320000' OR e.tier IS NOT NULL`,
    );
    // The published list is public; Jiangsu's own rows are all there, uncertified ones included.
    expect(r.total).toBe(n);
    const privateView = await t.graphql(`{ enterprises(first: 100) { edges { node { name sizeClass } } } }`, {}, token);
    const withPrivate = privateView.data!.enterprises.edges.filter((e: { node: { sizeClass: string | null } }) => e.node.sizeClass !== null);
    expect(withPrivate.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual([own.name, sameCity.name, suzhou.name].sort());
  });

  it('a prefecture LOCAL_GOV (Nanjing 320100) sees only its city below the published list', async () => {
    const token = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' });
    const res = await t.graphql(
      `query($f: EnterpriseFilter) { enterprises(filter: $f, first: 100) { totalCount edges { node { name sizeClass } } } }`,
      { f: { sizeClass: 'SMALL' } },
      token,
    );
    // sizeClass is not public, so filtering by it is refused: the published rows would leak it.
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('the ministries see everything', async () => {
    for (const role of ['MIIT', 'MOF'] as const) {
      const r = await names(await tokenFor({ role }));
      expect(r.total).toBe(5);
    }
  });

  it('filters by region subtree and search', async () => {
    const r = await names(undefined, { regionCode: '320500' });
    expect(r.names).toEqual([suzhou.name]);
    const s = await names(undefined, { search: '宁波' });
    expect(s.names).toEqual([zhejiang.name]);
    const c = await names(undefined, { search: zhejiang.creditCode.slice(0, 12) });
    expect(c.names).toContain(zhejiang.name);
  });

  it('pages with cursors without duplicates or gaps', async () => {
    const token = await tokenFor({ role: 'MIIT' });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: { data?: any } = await t.graphql(LIST, { first: 2, after }, token);
      const page = res.data!.enterprises;
      seen.push(...page.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a forged cursor with BAD_USER_INPUT', async () => {
    const res = await t.graphql(LIST, { first: 2, after: 'not-a-cursor' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('node(id) of another tenant’s financial report is null, as if it did not exist', async () => {
    const miit = await tokenFor({ role: 'MIIT' });
    const all = await t.graphql(`query($c: String) { enterprise(creditCode: $c) { financials { id } } }`, { c: zhejiang.creditCode }, miit);
    const reportId = all.data!.enterprise.financials[0].id;
    const ownToken = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const res = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: reportId }, ownToken);
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
    const seen = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: reportId }, miit);
    expect(seen.data!.node).toEqual({ id: reportId });
  });

  it('a bad token is UNAUTHENTICATED with HTTP 401, never the public', async () => {
    const res = await t.graphql(`{ enterprises { totalCount } }`, {}, 'not.a.token');
    expect(res.status).toBe(401);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });
});

describe('row-level security without the application policy', () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startTestServer({}, { unsafeSkipPolicyInSql: true });
    const ds = bare.db.dataSource;
    own = await createEnterprise(ds, { regionCode: '320102', tier: null });
    zhejiang = await createEnterprise(ds, { regionCode: '330203', tier: null });
    await createFinancialReport(ds, own.id, 2024);
    await createFinancialReport(ds, zhejiang.id, 2024);
  });
  afterAll(() => bare.close());

  it('still keeps other tenants’ rows out', async () => {
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const res = await bare.graphql(`{ enterprises(first: 100) { totalCount edges { node { id name } } } }`, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprises.totalCount).toBe(1);
    expect(res.data!.enterprises.edges[0].node.name).toBe(own.name);
    const gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
    const res2 = await bare.graphql(`{ enterprises(first: 100) { totalCount edges { node { name } } } }`, {}, gov);
    expect(res2.data!.enterprises.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([zhejiang.name]);
  });
});
