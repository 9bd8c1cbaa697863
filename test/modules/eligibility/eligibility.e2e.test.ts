import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/graphql/global-id';
import { createCertification, createEnterprise, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let applicant: EnterpriseRow; // Jiangsu, Nanjing: meets the 2022 little-giant criteria
let other: EnterpriseRow; // Zhejiang: another enterprise, certified (so publicly listed)
const tokens: Record<string, string> = {};

/** Facts on the enterprise record, written as the owner (the factory leaves them empty). */
async function setFacts(ds: DataSource, id: string): Promise<void> {
  await ds.query(
    `UPDATE enterprise SET niche_since_year = 2018, product_field = 'CORE_BASIC_COMPONENTS', has_quality_certification = true,
            has_rd_institution = true, has_own_brand = true, at_key_chain_link = true WHERE id = $1`,
    [id],
  );
}

async function report(ds: DataSource, enterpriseId: string, year: number, r: Record<string, string | number | null>): Promise<void> {
  const cols = Object.keys(r);
  await ds.query(
    `INSERT INTO financial_report (id, enterprise_id, year, ${cols.join(', ')})
     VALUES (gen_random_uuid(), $1, $2, ${cols.map((_, n) => `$${n + 3}`).join(', ')})`,
    [enterpriseId, year, ...Object.values(r)],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  applicant = await createEnterprise(ds, { regionCode: '320102', name: '南京精工部件有限公司', tier: 'SRDI_SME' });
  other = await createEnterprise(ds, { regionCode: '330106', name: '杭州同业科技有限公司', tier: 'LITTLE_GIANT' });
  await setFacts(ds, applicant.id);
  await setFacts(ds, other.id);
  // Worked out in evaluate.test.ts: main business 91.67%, growth 7.63%, debt 50%, R&D 3.6% and 4% on ¥110m and ¥120m.
  await report(ds, applicant.id, 2022, { revenue: '100000000.00', main_business_revenue: '95000000.00', rd_expense: '3000000.00' });
  await report(ds, applicant.id, 2023, { revenue: '110000000.00', main_business_revenue: '100000000.00', rd_expense: '3960000.00' });
  await report(ds, applicant.id, 2024, {
    revenue: '120000000.00', main_business_revenue: '110000000.00', rd_expense: '4800000.00', rd_staff: 40, employees: 200,
    total_assets: '200000000.00', total_liabilities: '100000000.00', new_equity_financing: '0.00', class1_ip_count: 3,
    niche_market_share: '15.00',
  });
  const cert = await createCertification(ds, applicant.id, { tier: 'SRDI_SME', status: 'CERTIFIED' });
  await ds.query(`UPDATE certification SET valid_until = '2099-12-31' WHERE id = $1`, [cert]);

  tokens.miit = await tokenFor({ role: 'MIIT' });
  tokens.own = await tokenFor({ role: 'ENTERPRISE', enterpriseId: applicant.id });
  tokens.other = await tokenFor({ role: 'ENTERPRISE', enterpriseId: other.id });
  tokens.jiangsu = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.zhejiang = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
});
afterAll(() => t.close());

const EVALUATE = `query($id: ID!, $ruleSet: String!, $year: Int, $assessments: [IndicatorAssessmentInput!]) {
  evaluateEligibility(enterpriseId: $id, ruleSet: $ruleSet, year: $year, assessments: $assessments) {
    ruleSet { code documentNumber effectiveFrom tier }
    asOfYear lastFinancialYear evaluatedOn verdict
    indicators { key dimension kind unit value threshold result note details { key value result details { key value result } } }
  }
}`;

const INFO_SYSTEM = [{ key: 'coreBusinessOnInformationSystem', value: 'true' }];

function evaluateAs(token: string | undefined, vars: Record<string, unknown>) {
  return t.graphql(EVALUATE, { id: toGlobalId('Enterprise', applicant.id), ruleSet: 'MIIT-2022-63', ...vars }, token);
}

describe('evaluateEligibility', () => {
  it('MIIT evaluates an applicant against MIIT-2022-63 from its stored facts', async () => {
    const res = await evaluateAs(tokens.miit, { assessments: INFO_SYSTEM });
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    expect(e).toMatchObject({
      ruleSet: { code: 'MIIT-2022-63', documentNumber: '工信部企业〔2022〕63号', effectiveFrom: '2022-08-01', tier: 'LITTLE_GIANT' },
      asOfYear: 2025,
      lastFinancialYear: 2024,
      verdict: 'ELIGIBLE',
    });
    expect(e.evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byKey = Object.fromEntries(e.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.mainBusinessShare).toMatchObject({ dimension: 'SPECIALIZED', unit: 'PERCENT', value: '91.67', threshold: '≥ 70% in 2024', result: 'PASS' });
    expect(byKey.mainBusinessGrowth).toMatchObject({ value: '7.63', result: 'PASS' });
    expect(byKey.debtRatio).toMatchObject({ value: '50.00', result: 'PASS' });
    expect(byKey.rdByRevenueBand).toMatchObject({ value: '120000000.00', result: 'PASS', note: 'band "large" by 2024 revenue' });
    expect(byKey.rdByRevenueBand.details[0]).toMatchObject({
      key: 'rdIntensityLarge',
      value: '3.60',
      details: [{ key: 'rdIntensityLarge.2023', value: '3.60', result: 'PASS' }, { key: 'rdIntensityLarge.2024', value: '4.00', result: 'PASS' }],
    });
  });

  it('without the assessment of the indicator that has no data field, the verdict is UNDETERMINED', async () => {
    const res = await evaluateAs(tokens.miit, {});
    expect(res.errors).toBeUndefined();
    expect(res.data!.evaluateEligibility.verdict).toBe('UNDETERMINED');
  });

  it('an earlier as-of year reads earlier reports: for 2024 the 2021 report is missing, so growth is UNKNOWN', async () => {
    const res = await evaluateAs(tokens.miit, { year: 2024, assessments: INFO_SYSTEM });
    const e = res.data!.evaluateEligibility;
    expect(e.lastFinancialYear).toBe(2023);
    const growth = e.indicators.find((i: { key: string }) => i.key === 'mainBusinessGrowth');
    expect(growth).toMatchObject({ result: 'UNKNOWN', value: null, note: 'no financial report for 2021' });
    // Debt and niche share were not reported for 2023 either.
    expect(e.verdict).toBe('UNDETERMINED');
  });

  it('the enterprise evaluates itself', async () => {
    const res = await evaluateAs(tokens.own, { assessments: INFO_SYSTEM });
    expect(res.errors).toBeUndefined();
    expect(res.data!.evaluateEligibility.verdict).toBe('ELIGIBLE');
  });

  it('MIIT-2026-2 checks the provincial title through the certifications and waits for the development score', async () => {
    const res = await evaluateAs(tokens.own, { ruleSet: 'MIIT-2026-2' });
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    const byKey = Object.fromEntries(e.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.provincialTitleAndNiche.details[0]).toMatchObject({ key: 'provincialTitle', value: 'SRDI_SME', result: 'PASS' });
    expect(byKey.developmentScore).toMatchObject({ result: 'UNKNOWN', value: null });
    // ¥120m of revenue is 91.67% main business: under the 2026 90% line it passes; the ¥8.76m of R&D over 2 years fails ¥12m.
    expect(byKey.mainBusinessShare.result).toBe('PASS');
    expect(byKey.rdInvestment.result).toBe('FAIL');
    expect(e.verdict).toBe('NOT_ELIGIBLE');
  });

  it('another enterprise gets null, although the applicant is on the public list', async () => {
    const res = await evaluateAs(tokens.other, { assessments: INFO_SYSTEM });
    expect(res.errors).toBeUndefined();
    expect(res.data!.evaluateEligibility).toBeNull();
    // It can see the applicant's public fields, just not the facts an evaluation would disclose.
    const visible = await t.graphql(`query($id: ID!) { enterprise(id: $id) { name } }`, { id: toGlobalId('Enterprise', applicant.id) }, tokens.other);
    expect(visible.data!.enterprise).toEqual({ name: applicant.name });
  });

  it('the public and a local government of another province get null; the applicant’s province gets the evaluation', async () => {
    expect((await evaluateAs(undefined, {})).data!.evaluateEligibility).toBeNull();
    expect((await evaluateAs(tokens.zhejiang, {})).data!.evaluateEligibility).toBeNull();
    expect((await evaluateAs(tokens.jiangsu, {})).data!.evaluateEligibility.verdict).toBe('UNDETERMINED');
  });

  it('an unknown rule set is BAD_USER_INPUT naming ruleSet, whoever asks', async () => {
    for (const token of [tokens.miit, tokens.other]) {
      const res = await evaluateAs(token, { ruleSet: 'MIIT-2099-1' });
      expect(res.data!.evaluateEligibility).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
      expect(res.errors![0].message).toMatch(/MIIT-2022-63/);
    }
  });

  it('bad assessments, a bad year and a malformed id are BAD_USER_INPUT naming the argument', async () => {
    const assess = await evaluateAs(tokens.miit, { assessments: [{ key: 'revenue', value: '1' }] });
    expect(assess.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessments' });
    const year = await evaluateAs(tokens.miit, { year: 1900 });
    expect(year.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const id = await t.graphql(EVALUATE, { id: 'nonsense', ruleSet: 'MIIT-2022-63' }, tokens.miit);
    expect(id.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enterpriseId' });
  });
});

describe('ruleSets', () => {
  it('lists the rule sets with their indicators as data, nested ones included', async () => {
    const res = await t.graphql(`{
      ruleSets {
        code tier indicators {
          key kind metric window threshold flag productFields tier
          conditions { key kind }
          bands { key revenueMin revenueBelow conditions { key kind metric window threshold } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const sets = res.data!.ruleSets;
    expect(sets.map((s: { code: string }) => s.code)).toEqual(['SRDI-PROVINCIAL-2022', 'MIIT-2022-63', 'MIIT-2026-2']);
    const lg2022 = sets.find((s: { code: string }) => s.code === 'MIIT-2022-63');
    expect(lg2022.indicators.find((i: { key: string }) => i.key === 'mainBusinessShare')).toMatchObject({
      kind: 'RATIO_MIN', metric: 'MAIN_BUSINESS_SHARE', window: 'LAST_YEAR', threshold: '0.7',
    });
    const banded = lg2022.indicators.find((i: { key: string }) => i.key === 'rdByRevenueBand');
    expect(banded.bands.map((b: { key: string; revenueMin: string | null; revenueBelow: string | null }) => [b.key, b.revenueMin, b.revenueBelow])).toEqual([
      ['large', '100000000.00', null],
      ['medium', '50000000.00', '100000000.00'],
      ['small', null, '50000000.00'],
    ]);
    expect(banded.bands[2].conditions.map((c: { key: string }) => c.key)).toEqual(['newEquitySmall', 'rdExpenseSmall', 'rdStaffShareSmall']);
  });
});
