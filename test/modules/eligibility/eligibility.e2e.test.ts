import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/core/global-id';
import { createCertification, createEnterprise, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

let t: TestServer;
let applicant: EnterpriseRow; // Jiangsu, Nanjing: meets the 2022 little-giant criteria
let other: EnterpriseRow; // Zhejiang: another enterprise, certified (so publicly listed)
let large: EnterpriseRow; // Jiangsu: meets every figure of the 2022 rules but is LARGE by its staff and revenue
let weak: EnterpriseRow; // Jiangsu: the applicant's figures with one Class-I IP right, short of the 2022 line of 2
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
  // Over the industry SME lines on every measure: 1,000 staff and ¥400m.
  large = await createEnterprise(ds, { regionCode: '320102', name: '南京重型装备集团有限公司', tier: null, sizeClass: 'MEDIUM' });
  await setFacts(ds, large.id);
  weak = await createEnterprise(ds, { regionCode: '320102', name: '南京微创部件有限公司', tier: 'SRDI_SME' });
  await setFacts(ds, weak.id);
  // A network-power product field, which the column's CHECK takes since migration 12.
  await ds.query(`UPDATE enterprise SET product_field = 'CYBER_SECURITY' WHERE id = $1`, [weak.id]);
  // Worked out in evaluate.test.ts: main business 91.67%, growth 7.63%, debt 50%, R&D 3.6% and 4% on ¥110m and ¥120m, 200 staff (small).
  for (const [firm, ip] of [
    [applicant, 3],
    [weak, 1],
  ] as const) {
    await report(ds, firm.id, 2022, { revenue: '100000000.00', main_business_revenue: '95000000.00', rd_expense: '3000000.00' });
    await report(ds, firm.id, 2023, { revenue: '110000000.00', main_business_revenue: '100000000.00', rd_expense: '3960000.00' });
    await report(ds, firm.id, 2024, {
      revenue: '120000000.00',
      main_business_revenue: '110000000.00',
      rd_expense: '4800000.00',
      rd_staff: 40,
      employees: 200,
      total_assets: '200000000.00',
      total_liabilities: '100000000.00',
      new_equity_financing: '0.00',
      class1_ip_count: ip,
      niche_market_share: '15.00',
    });
  }
  // The large firm: the applicant's figures, but 1,000 staff and ¥400m in 2024.
  await report(ds, large.id, 2022, { revenue: '300000000.00', main_business_revenue: '280000000.00', rd_expense: '9000000.00' });
  await report(ds, large.id, 2023, { revenue: '350000000.00', main_business_revenue: '320000000.00', rd_expense: '12000000.00' });
  await report(ds, large.id, 2024, {
    revenue: '400000000.00',
    main_business_revenue: '380000000.00',
    rd_expense: '16000000.00',
    rd_staff: 200,
    employees: 1000,
    total_assets: '500000000.00',
    total_liabilities: '200000000.00',
    new_equity_financing: '0.00',
    class1_ip_count: 8,
    niche_market_share: '20.00',
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

const EVALUATE = `query($id: ID!, $ruleSet: String!, $year: Int, $assessments: [IndicatorAssessmentInput!], $purpose: EvaluationPurpose) {
  evaluateEligibility(enterpriseId: $id, ruleSet: $ruleSet, year: $year, assessments: $assessments, purpose: $purpose) {
    ruleSet { code documentNumber effectiveFrom effectiveUntil tier appliesTo { purpose effectiveFrom effectiveUntil } }
    purpose asOfYear lastFinancialYear evaluatedOn verdict
    indicators { key dimension kind unit value threshold result note details { key value result } }
    breakdown { key parentKey depth value result note }
  }
}`;

/** The general conditions met, one core business on an information system, no innovation direct track. */
const INFO_SYSTEM = [
  { key: 'notOnAbnormalOrDishonestLists', value: 'true' },
  { key: 'noMajorAccidentOrTaxEvasion', value: 'true' },
  { key: 'coreBusinessOnInformationSystem', value: 'true' },
  { key: 'nationalScienceAwardTop3', value: 'false' },
  { key: 'makerInChinaTop50', value: 'false' },
];

type Row = { key: string; parentKey: string | null; depth: number; value: string | null; result: string; note: string | null };

/** An indicator by key at any depth, from the flat breakdown. */
function find(e: { breakdown: Row[] }, key: string): Row | undefined {
  return e.breakdown.find((r) => r.key === key);
}

function evaluateAs(token: string | undefined, vars: Record<string, unknown>) {
  return t.graphql(EVALUATE, { id: toGlobalId('Enterprise', applicant.id), ruleSet: 'MIIT-2022-63', ...vars }, token);
}

describe('evaluateEligibility', () => {
  it('MIIT evaluates an applicant against MIIT-2022-63 from its stored facts', async () => {
    const res = await evaluateAs(tokens.miit, { assessments: INFO_SYSTEM });
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    expect(e).toMatchObject({
      ruleSet: {
        code: 'MIIT-2022-63',
        documentNumber: '工信部企业〔2022〕63号',
        effectiveFrom: '2022-08-01',
        effectiveUntil: '2026-12-31',
        tier: 'LITTLE_GIANT',
        appliesTo: [
          { purpose: 'NEW_APPLICATION', effectiveFrom: '2022-08-01', effectiveUntil: '2026-03-31' },
          { purpose: 'RE_REVIEW', effectiveFrom: '2022-08-01', effectiveUntil: '2026-12-31' },
        ],
      },
      purpose: 'NEW_APPLICATION',
      asOfYear: 2025,
      lastFinancialYear: 2024,
      verdict: 'ELIGIBLE',
    });
    expect(e.evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byKey = Object.fromEntries(e.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.mainBusinessShare).toMatchObject({
      dimension: 'SPECIALIZED',
      unit: 'PERCENT',
      value: '91.67',
      threshold: '≥ 70% in 2024',
      result: 'PASS',
    });
    expect(byKey.mainBusinessGrowth).toMatchObject({ value: '7.63', result: 'PASS' });
    expect(byKey.debtRatio).toMatchObject({ value: '50.00', result: 'PASS' });
    expect(byKey.smeSize).toMatchObject({ dimension: 'GENERAL', value: 'SMALL', result: 'PASS' });
    // Since 2018: six whole years by the end of 2024.
    expect(byKey.yearsInNiche).toMatchObject({ value: '6', result: 'PASS' });
    expect(find(e, 'rdByRevenueBand')).toMatchObject({ value: '120000000.00', result: 'PASS', note: 'band "large" by 2024 revenue' });
    // Five levels down: innovation › its indicators › the banded R&D › the band › the ratio, whose years are one more.
    expect(find(e, 'rdIntensityLarge')).toMatchObject({ value: '3.60', parentKey: 'rdByRevenueBand.large', depth: 4 });
    expect(e.breakdown.filter((r: Row) => r.parentKey === 'rdIntensityLarge')).toEqual([
      expect.objectContaining({ key: 'rdIntensityLarge.2023', value: '3.60', result: 'PASS', depth: 5 }),
      expect.objectContaining({ key: 'rdIntensityLarge.2024', value: '4.00', result: 'PASS', depth: 5 }),
    ]);
  });

  it('a LARGE enterprise is never ELIGIBLE: the same figures at 1,000 staff and ¥400m fail the SME condition', async () => {
    const res = await t.graphql(EVALUATE, { id: toGlobalId('Enterprise', large.id), ruleSet: 'MIIT-2022-63', assessments: INFO_SYSTEM }, tokens.miit);
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    expect(find(e, 'smeSize')).toMatchObject({ value: 'LARGE', result: 'FAIL' });
    expect(find(e, 'mainBusinessShare')!.result).toBe('PASS');
    expect(e.verdict).toBe('NOT_ELIGIBLE');
  });

  it('the innovation direct track, assessed, carries an enterprise whose innovation indicators fail', async () => {
    const asWeak = (assessments: typeof INFO_SYSTEM) =>
      t.graphql(EVALUATE, { id: toGlobalId('Enterprise', weak.id), ruleSet: 'MIIT-2022-63', assessments }, tokens.miit);
    const without = (await asWeak(INFO_SYSTEM)).data!.evaluateEligibility;
    expect(find(without, 'class1Ip')).toMatchObject({ value: '1', result: 'FAIL' });
    expect(find(without, 'innovation')!.result).toBe('FAIL');
    expect(without.verdict).toBe('NOT_ELIGIBLE');
    const award = (await asWeak(INFO_SYSTEM.map((a) => (a.key === 'nationalScienceAwardTop3' ? { ...a, value: 'true' } : a)))).data!
      .evaluateEligibility;
    expect(find(award, 'nationalScienceAwardTop3')).toMatchObject({ result: 'PASS', parentKey: 'innovationDirectTrack', depth: 2 });
    expect(find(award, 'innovation')!.result).toBe('PASS');
    expect(find(award, 'productField')).toMatchObject({ value: 'CYBER_SECURITY', result: 'PASS' });
    expect(award.verdict).toBe('ELIGIBLE');
  });

  it('scores the innovative-SME table: R&D 4% 15, growth 10% 15, debt 50% 10, main business 91.67% 20, with IP 10 and field 5 assessed: 75', async () => {
    const assessments = [...INFO_SYSTEM.slice(0, 2), { key: 'ipScore', value: '10' }, { key: 'emergingIndustryScore', value: '5' }];
    const res = await evaluateAs(tokens.miit, { ruleSet: 'INNOVATIVE-SME-2022', assessments });
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    expect(e.ruleSet.appliesTo).toEqual([
      { purpose: 'NEW_APPLICATION', effectiveFrom: '2022-08-01', effectiveUntil: null },
      { purpose: 'RE_REVIEW', effectiveFrom: '2022-08-01', effectiveUntil: null },
    ]);
    expect(['rdIntensityScore', 'mainBusinessGrowthScore', 'debtRatioScore', 'mainBusinessShareScore'].map((k) => find(e, k)!.value)).toEqual([
      '15',
      '15',
      '10',
      '20',
    ]);
    expect(find(e, 'points')).toMatchObject({ value: '75', result: 'PASS', note: 'parts: INNOVATION 25, GROWTH 25, SPECIALIZATION 25' });
    // The direct tracks are not declared, so they wait; the table carries the verdict.
    expect(find(e, 'directTrack')!.result).toBe('UNKNOWN');
    expect(e.verdict).toBe('ELIGIBLE');
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

  it('MIIT-2026-2 at re-review: growth not checked, a score of 60 the year before suffices', async () => {
    const assessments = [...INFO_SYSTEM.slice(0, 2), { key: 'developmentScore', value: '58' }, { key: 'developmentScorePreviousYear', value: '61' }];
    const review = await evaluateAs(tokens.miit, { ruleSet: 'MIIT-2026-2', purpose: 'RE_REVIEW', assessments });
    expect(review.errors).toBeUndefined();
    const e = review.data!.evaluateEligibility;
    expect(e.purpose).toBe('RE_REVIEW');
    expect(find(e, 'revenueGrowth')).toMatchObject({ result: 'NOT_APPLICABLE' });
    expect(find(e, 'developmentScoreEitherOfLast2Years')).toMatchObject({ result: 'PASS' });
    // As a new application the 58 of this year fails.
    const fresh = await evaluateAs(tokens.miit, { ruleSet: 'MIIT-2026-2', assessments });
    expect(find(fresh.data!.evaluateEligibility, 'developmentScore')).toMatchObject({ result: 'FAIL', value: '58' });
  });

  it('MIIT-2026-2 checks the provincial title through the certifications and waits for the development score', async () => {
    const res = await evaluateAs(tokens.own, { ruleSet: 'MIIT-2026-2' });
    expect(res.errors).toBeUndefined();
    const e = res.data!.evaluateEligibility;
    const byKey = Object.fromEntries(e.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.provincialTitleAndNiche.details[0]).toMatchObject({ key: 'provincialTitle', value: 'SRDI_SME', result: 'PASS' });
    expect(byKey.notOnAbnormalOrDishonestLists).toMatchObject({ result: 'UNKNOWN', value: null });
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

describe('ruleSets and ruleSet', () => {
  it('lists the rule sets with their periods and top-level indicators as data', async () => {
    const res = await t.graphql(`{
      ruleSets {
        code tier effectiveFrom effectiveUntil appliesTo { purpose effectiveFrom effectiveUntil }
        indicators { key kind metric window threshold flag productFields tier notCheckedAtReReview atReReview { key kind conditions { key } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const sets = res.data!.ruleSets;
    expect(sets.map((s: { code: string }) => s.code)).toEqual([
      'INNOVATIVE-SME-2022',
      'SRDI-PROVINCIAL-2022',
      'SRDI-PROVINCIAL-2026',
      'MIIT-2022-63',
      'MIIT-2026-2',
    ]);
    const byCode = Object.fromEntries(sets.map((s: { code: string }) => [s.code, s]));
    expect(byCode['MIIT-2026-2']).toMatchObject({
      effectiveFrom: '2026-04-01',
      effectiveUntil: null,
      appliesTo: [
        { purpose: 'NEW_APPLICATION', effectiveFrom: '2026-04-01', effectiveUntil: null },
        { purpose: 'RE_REVIEW', effectiveFrom: '2027-01-01', effectiveUntil: null },
      ],
    });
    const lg2026 = byCode['MIIT-2026-2'].indicators;
    expect(lg2026.find((i: { key: string }) => i.key === 'revenueGrowth').notCheckedAtReReview).toBe(true);
    expect(lg2026.find((i: { key: string }) => i.key === 'debtRatio')).toMatchObject({ notCheckedAtReReview: false, atReReview: null });
    expect(lg2026.find((i: { key: string }) => i.key === 'developmentScore').atReReview).toMatchObject({
      key: 'developmentScoreEitherOfLast2Years',
      kind: 'ANY_OF',
      conditions: [{ key: 'developmentScore' }, { key: 'developmentScorePreviousYear' }],
    });
    for (const set of sets) {
      expect(set.indicators.slice(0, 3).map((i: { key: string }) => i.key)).toEqual([
        'smeSize',
        'notOnAbnormalOrDishonestLists',
        'noMajorAccidentOrTaxEvasion',
      ]);
    }
    const lg2022 = byCode['MIIT-2022-63'].indicators;
    expect(lg2022.find((i: { key: string }) => i.key === 'mainBusinessShare')).toMatchObject({
      kind: 'RATIO_MIN',
      metric: 'MAIN_BUSINESS_SHARE',
      window: 'LAST_YEAR',
      threshold: '0.7',
    });
    expect(lg2022.find((i: { key: string }) => i.key === 'productField').productFields).toEqual(
      expect.arrayContaining(['CYBER_SECURITY', 'DATA_SECURITY']),
    );
  });

  it('reads one rule set by code with its nested parts: the 2022 bands share their edges', async () => {
    const res = await t.graphql(`{
      ruleSet(code: "MIIT-2022-63") {
        code indicators { key conditions { key conditions { key bands { key revenueMin revenueMax conditions { key } } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const innovation = res.data!.ruleSet.indicators.find((i: { key: string }) => i.key === 'innovation');
    expect(innovation.conditions.map((c: { key: string }) => c.key)).toEqual(['innovationIndicators', 'innovationDirectTrack']);
    const banded = innovation.conditions[0].conditions[0];
    expect(banded.key).toBe('rdByRevenueBand');
    expect(
      banded.bands.map((b: { key: string; revenueMin: string | null; revenueMax: string | null }) => [b.key, b.revenueMin, b.revenueMax]),
    ).toEqual([
      ['large', '100000000.00', null],
      ['medium', '50000000.00', '100000000.00'],
      ['small', null, '50000000.00'],
    ]);
    expect(banded.bands[2].conditions.map((c: { key: string }) => c.key)).toEqual(['newEquitySmall', 'rdExpenseSmall', 'rdStaffShareSmall']);
    expect((await t.graphql(`{ ruleSet(code: "MIIT-2099-1") { code } }`)).data!.ruleSet).toBeNull();
  });

  it('reads the innovative-SME points table', async () => {
    const res = await t.graphql(`{
      ruleSet(code: "INNOVATIVE-SME-2022") {
        tier indicators { key conditions { key kind threshold partMinimums { part minimum } scoreItems { key part assessed metric window levels { points min max description } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.ruleSet.tier).toBe('INNOVATIVE_SME');
    const table = res.data!.ruleSet.indicators.find((i: { key: string }) => i.key === 'evaluation').conditions[1];
    expect(table).toMatchObject({ key: 'points', kind: 'POINTS_TABLE', threshold: '60' });
    expect(table.partMinimums).toEqual([
      { part: 'INNOVATION', minimum: '20' },
      { part: 'GROWTH', minimum: '15' },
      { part: 'SPECIALIZATION', minimum: '15' },
    ]);
    expect(table.scoreItems.find((r: { key: string }) => r.key === 'ipScore')).toMatchObject({ assessed: true, metric: null });
    expect(table.scoreItems.find((r: { key: string }) => r.key === 'debtRatioScore')).toMatchObject({
      assessed: false,
      metric: 'DEBT_RATIO',
      levels: [
        { points: '10', min: null, max: '0.55' },
        { points: '5', min: '0.55', max: '0.75' },
        { points: '0', min: '0.75', max: null },
      ],
    });
  });
});
