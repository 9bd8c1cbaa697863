import { createCertification, createEnterprise } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { statementsOf } from '../support/statements';
import { tokenFor } from '../support/tokens';

/**
 * A read's statements: the transaction opens with the caller's settings in
 * its first round trip, regions come from memory, a list's child lists come
 * in its page's statement, and nothing grows with the number of rows.
 */

let t: TestServer;
let gov: string;
beforeAll(async () => {
  t = await startTestServer();
  gov = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  for (let i = 0; i < 110; i++) {
    const e = await createEnterprise(t.db.dataSource, { regionCode: i % 2 ? '320102' : '320505', tier: null });
    if (i % 3 === 0) await createCertification(t.db.dataSource, e.id, { tier: 'SRDI_SME' });
  }
});
afterAll(() => t.close());

const texts = async (fn: () => Promise<unknown>) => (await statementsOf(fn)).map((x) => x.text);

const PAGE = `query($n: Int) { enterprises(first: $n, filter: { regionCode: "320000" }) { edges { node { id name region { code name parent { name } } certifications { tier status } } } } }`;

describe('the statements of a read', () => {
  it('carry the caller’s settings in the statement’s own round trip, and open no transaction', async () => {
    await t.graphql(PAGE, { n: 1 }, gov); // the token's region is looked up once, then remembered
    const sent = await texts(() => t.graphql(PAGE, { n: 10 }, gov));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^SELECT set_config\('role', 'srdi_app', true\), set_config\('app.role', 'LOCAL_GOV', true\)/);
    expect(sent[0]).toContain(`set_config('app.region_lo', '320000', true), set_config('app.region_hi', '329999', true); SELECT json_build_object(`);
    expect(sent.filter((x) => /START TRANSACTION|COMMIT/.test(x))).toEqual([]);
  });

  it('leave nothing of the caller on the connection', async () => {
    const visibleTo = async (token: string | undefined) =>
      (await t.graphql(`{ enterprises { totalCount } }`, {}, token)).data!.enterprises.totalCount;
    const publicCount = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM enterprise WHERE tier IS NOT NULL`))[0].n;
    const govCount = (
      await t.db.dataSource.query(`SELECT count(*)::int AS n FROM enterprise WHERE tier IS NOT NULL OR region_code BETWEEN '320000' AND '329999'`)
    )[0].n;
    expect(govCount).toBeGreaterThan(publicCount);
    // Alternating callers on the server's few pooled connections: each sees its own rows only.
    for (let i = 0; i < 12; i++) expect(await visibleTo(i % 2 ? undefined : gov)).toBe(i % 2 ? publicCount : govCount);
    // Each of the server's five pooled connections (held at once, so each is a different one) has no tenant setting left.
    await Promise.all(Array.from({ length: 6 }, () => t.graphql(PAGE, { n: 5 }, gov)));
    const held = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.appDataSource.query(
          `SELECT current_setting('app.role', true) AS role, current_setting('app.region_lo', true) AS lo, pg_backend_pid() AS pid, pg_sleep(0.2)`,
        ),
      ),
    );
    expect(new Set(held.map(([r]) => r.pid)).size).toBe(5);
    expect(held.map(([r]) => `${r.role ?? ''}${r.lo ?? ''}`)).toEqual(['', '', '', '', '']);
  });

  it('are as many for a nested page of 100 rows as for one of 10, with no statement for a region', async () => {
    const ten = await texts(async () => expect((await t.graphql(PAGE, { n: 10 }, gov)).data!.enterprises.edges).toHaveLength(10));
    const hundred = await texts(async () => expect((await t.graphql(PAGE, { n: 100 }, gov)).data!.enterprises.edges).toHaveLength(100));
    // The settings with the page and its rows' certifications, in one round trip.
    expect(ten).toHaveLength(1);
    expect(ten[0]).toMatch(/^SELECT set_config\(.*; SELECT json_build_object\(.*"certification"/s);
    expect(hundred).toHaveLength(ten.length);
    expect(hundred.filter((s) => /"region"/.test(s))).toEqual([]);
  });

  it('are none at all when the answer is in memory', async () => {
    const sent = await texts(async () =>
      expect((await t.graphql(`{ regions(level: PROVINCE) { code } region(code: "320102") { name } }`, {}, gov)).data!.regions).toHaveLength(31),
    );
    expect(sent).toEqual([]);
  });

  it('carry values written into the statement exactly, whatever their characters', async () => {
    // Quotes, a backslash, a placeholder-like "$1" and a semicolon: each must reach PostgreSQL as text, not as SQL.
    const names = [`O'Brien 精密 $1 \\ 有限公司`, `'; DROP TABLE enterprise; -- 公司`];
    for (const name of names) await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: null, name });
    for (const name of names) {
      const query = `query($s: String) { enterprises(filter: { search: $s }) { edges { node { name } } } }`;
      const sent = await statementsOf(async () => {
        const res = await t.graphql(query, { s: name }, gov);
        expect(res.errors).toBeUndefined();
        expect(res.data!.enterprises.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([name]);
      });
      expect(sent[0].text).toMatch(/^SELECT set_config\(/);
      expect(sent[0].values).toEqual([]);
    }
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`)).toEqual([{ n: 112 }]);
  });
});

describe('the statements of a mutation', () => {
  it('run in one transaction, opened with the caller’s settings in the round trip of its first statement', async () => {
    const [target] = await t.db.dataSource.query(`SELECT id FROM enterprise WHERE region_code = '320102' ORDER BY credit_code LIMIT 1`);
    const id = Buffer.from(`Enterprise:${target.id}`).toString('base64url');
    const sent = await texts(async () => {
      const res = await t.graphql(
        `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name } } }`,
        { input: { id, name: '事务测试有限公司' } },
        gov,
      );
      expect(res.errors).toBeUndefined();
    });
    expect(sent[0]).toMatch(/^START TRANSACTION; SELECT set_config\('role', 'srdi_app', true\).*; \S/s);
    expect(sent.filter((x) => /START TRANSACTION|set_config/.test(x))).toHaveLength(1);
    expect(sent.at(-1)).toBe('COMMIT');
  });
});
