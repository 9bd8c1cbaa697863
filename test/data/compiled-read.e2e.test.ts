import { createCertification, createEnterprise, createFinancialReport } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * A compiled read is kept per request document and caller scope and reused
 * for the next request of the same shape. What it may never do is carry one
 * caller's conditions or values to another caller asking the same query.
 */

let t: TestServer;
const tokens: Record<string, string | undefined> = { PUBLIC: undefined };
const names: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  for (const [key, regionCode, tier] of [
    ['jiangsuCertified', '320102', 'SRDI_SME'],
    ['jiangsuUncertified', '320505', null],
    ['zhejiangUncertified', '330106', null],
  ] as const) {
    const e = await createEnterprise(ds, { regionCode, tier, name: `缓存测试${key}有限公司` });
    names[key] = e.name;
    if (tier) await createCertification(ds, e.id, { tier });
    await createFinancialReport(ds, e.id, 2024, regionCode === '330106' ? '330000000.00' : '320000000.00');
    if (key === 'jiangsuUncertified') tokens.OWN = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
  }
  tokens.JIANGSU = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.ZHEJIANG = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
  // Another official of the same province: the same rules, so the same compiled read.
  tokens.JIANGSU_COLLEAGUE = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000', subject: 'gov:320000:colleague' });
});
afterAll(() => t.close());

// The same text every time, so Apollo hands the same parsed document to every request.
const PAGE = `{ enterprises(first: 20, filter: { search: "缓存测试" }) { totalCount edges { node { name financials { year revenue } } } } }`;

/** Each enterprise of the page with its revenues, or the error code in their place when they are masked. */
async function page(who: string): Promise<{ name: string; revenues: string[] | string }[]> {
  const res = await t.graphql(PAGE, {}, tokens[who]);
  const edges = res.data!.enterprises.edges as { node: { name: string; financials: { revenue: string }[] | null } }[];
  expect(res.data!.enterprises.totalCount).toBe(edges.length);
  const masked = new Map((res.errors ?? []).map((e) => [JSON.stringify(e.path), String(e.extensions!.code)]));
  return edges
    .map((e, i) => ({
      name: e.node.name,
      revenues: e.node.financials?.map((f) => f.revenue) ?? masked.get(JSON.stringify(['enterprises', 'edges', i, 'node', 'financials']))!,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('a compiled read reused for the same query', () => {
  it('answers every caller with its own rows and values, however the callers interleave', async () => {
    const order = ['JIANGSU', 'ZHEJIANG', 'PUBLIC', 'OWN', 'JIANGSU_COLLEAGUE'];
    const first: Record<string, Awaited<ReturnType<typeof page>>> = {};
    for (const who of order) first[who] = await page(who);

    // Each province sees its own uncertified enterprise with its figures, never the other's.
    expect(first.JIANGSU.map((e) => e.name)).toEqual([names.jiangsuCertified, names.jiangsuUncertified].sort((a, b) => a.localeCompare(b)));
    expect(first.JIANGSU.map((e) => e.revenues)).toEqual([['320000000.00'], ['320000000.00']]);
    expect(first.ZHEJIANG.map((e) => e.name)).toEqual([names.jiangsuCertified, names.zhejiangUncertified].sort((a, b) => a.localeCompare(b)));
    // Zhejiang may see the published Jiangsu enterprise, not its figures.
    expect(first.ZHEJIANG.find((e) => e.name === names.jiangsuCertified)!.revenues).toBe('FORBIDDEN');
    expect(first.ZHEJIANG.find((e) => e.name === names.zhejiangUncertified)!.revenues).toEqual(['330000000.00']);
    expect(first.PUBLIC).toEqual([{ name: names.jiangsuCertified, revenues: 'FORBIDDEN' }]);
    expect(first.OWN.map((e) => e.name)).toContain(names.jiangsuUncertified);
    expect(first.OWN.find((e) => e.name === names.jiangsuUncertified)!.revenues).toEqual(['320000000.00']);
    expect(first.JIANGSU_COLLEAGUE).toEqual(first.JIANGSU);

    // Again in reverse order, then in the first order: every answer is what that caller got the first time.
    for (const who of [...order].reverse().concat(order)) expect(await page(who)).toEqual(first[who]);
  });
});
