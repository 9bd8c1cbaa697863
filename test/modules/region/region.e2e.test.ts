import { GraphQLResponse, startTestServer, TestServer } from '../../support/server';
import { statementsOf } from '../../support/statements';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('regions', () => {
  it('lists the 31 provinces', async () => {
    const res = await t.graphql(`{ regions(level: PROVINCE) { code name nameEn level } }`);
    expect(res.errors).toBeUndefined();
    const provinces = res.data!.regions;
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: '110000', name: '北京市', nameEn: 'Beijing', level: 'PROVINCE' });
    expect(provinces.map((p: { code: string }) => p.code)).toContain('320000');
  });

  it('walks up and down the hierarchy', async () => {
    const res = await t.graphql(`{
      region(code: "320102") { name level parent { code name parent { code nameEn parent { code } } } }
      nanjing: region(code: "320100") { children { code } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.region).toEqual({
      name: '玄武区',
      level: 'COUNTY',
      parent: { code: '320100', name: '南京市', parent: { code: '320000', nameEn: 'Jiangsu', parent: null } },
    });
    const children = res.data!.nanjing.children.map((c: { code: string }) => c.code);
    expect(children).toContain('320102');
    expect(children.every((c: string) => c.startsWith('3201'))).toBe(true);
  });

  it('filters by parent code', async () => {
    const res = await t.graphql(`query($p: String) { regions(parentCode: $p) { code level } }`, { p: '320000' });
    expect(res.data!.regions).toHaveLength(13); // Jiangsu's 13 prefecture-level cities
    expect(res.data!.regions.every((r: { level: string }) => r.level === 'PREFECTURE')).toBe(true);
  });

  it('refuses a malformed parent code with BAD_USER_INPUT naming the argument', async () => {
    const res = await t.graphql(`{ regions(parentCode: "32") { code } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentCode' });
  });

  it('returns null for an unknown code', async () => {
    const res = await t.graphql(`{ a: region(code: "999999") { code } b: region(code: "abc") { code } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });
});

describe('node(id)', () => {
  it('fetches a region again by its global id', async () => {
    const first = await t.graphql(`{ region(code: "440300") { id name } }`);
    const id = first.data!.region.id;
    expect(id).not.toContain('440300'); // opaque, not the raw key
    const again = await t.graphql(`query($id: ID!) { node(id: $id) { id __typename ... on Region { code name } } }`, { id });
    expect(again.data!.node).toEqual({ id, __typename: 'Region', code: '440300', name: '深圳市' });
  });

  it('returns null for unknown, malformed and foreign ids', async () => {
    const ids = ['nonsense', Buffer.from('Nope:1').toString('base64url'), Buffer.from('Region:000000').toString('base64url'), ''];
    for (const id of ids) {
      const res = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toBeNull();
    }
  });
});

describe('regions held in memory', () => {
  it('answers every region query without reading the region table, and agrees with it', async () => {
    const query = `{ all: regions { code name } region(code: "320102") { children { code } parent { name } } }`;
    let res: GraphQLResponse<any> | undefined;
    const sent = (await statementsOf(async () => (res = await t.graphql(query)))).map((x) => x.text);
    if (!res?.data) throw new Error(JSON.stringify(res?.errors));
    expect(res.errors).toBeUndefined();
    expect(sent.filter((s) => /\bregion\b/i.test(s))).toEqual([]);
    expect(res.data!.all).toEqual(await t.db.dataSource.query(`SELECT code, name FROM region ORDER BY code`));
    expect(res.data!.region.parent).toEqual({ name: '南京市' });
  });
});
