import { CertificationStatus } from '../../../src/modules/certification/certification.enums';
import { ProductField, Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { EligibilityVerdict, IndicatorResult } from '../../../src/modules/eligibility/eligibility.enums';
import {
  assessmentProblems,
  EligibilityEvaluation,
  EligibilityFacts,
  evaluate,
  IndicatorEvaluation,
  YearFacts,
} from '../../../src/modules/eligibility/evaluate';
import { checkRuleSet, RULE_SETS, ruleSetByCode, RuleSet } from '../../../src/modules/eligibility/rule-sets';

/**
 * Cases worked out by hand from domain.md §3. The as-of year is 2025
 * throughout, so "last year" is 2024, "2 years" are 2023 and 2024, and
 * growth runs 2022 → 2024.
 */

const { PASS, FAIL, UNKNOWN } = IndicatorResult;
const TODAY = '2025-06-01';
const MIIT_2022 = ruleSetByCode('MIIT-2022-63')!;
const MIIT_2026 = ruleSetByCode('MIIT-2026-2')!;
const PROVINCIAL = ruleSetByCode('SRDI-PROVINCIAL-2022')!;

/** Finds an indicator result by key at any depth. */
function find(e: EligibilityEvaluation | IndicatorEvaluation[], key: string): IndicatorEvaluation {
  const list = Array.isArray(e) ? e : e.indicators;
  for (const i of list) {
    if (i.key === key) return i;
    try {
      return find(i.details, key);
    } catch {
      // not below this one
    }
  }
  throw new Error(`no indicator ${key}`);
}

function results(e: EligibilityEvaluation): Record<string, IndicatorResult> {
  return Object.fromEntries(e.indicators.map((i) => [i.key, i.result]));
}

type Years = Record<number, Partial<YearFacts> | null>;

/** Facts with three years of reports; `years` overrides figures per year (null drops the report). */
function facts(base: Years, years: Years = {}, rest: Partial<EligibilityFacts> = {}): EligibilityFacts {
  const reports: YearFacts[] = [];
  for (const y of [2022, 2023, 2024]) {
    if (years[y] === null || base[y] === null) continue;
    reports.push({ year: y, ...base[y], ...years[y] });
  }
  return {
    reports,
    certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' }],
    today: TODAY,
    asOfYear: 2025,
    ...rest,
    enterprise: {
      nicheSinceYear: 2018,
      productField: ProductField.CORE_BASIC_COMPONENTS,
      hasQualityCertification: true,
      hasRdInstitution: true,
      hasOwnBrand: true,
      atKeyChainLink: true,
      ...rest.enterprise,
    },
  };
}

describe('rule sets as data', () => {
  it('has the three codes, each well-formed', () => {
    expect(RULE_SETS.map((r) => r.code).sort()).toEqual(['MIIT-2022-63', 'MIIT-2026-2', 'SRDI-PROVINCIAL-2022']);
    for (const r of RULE_SETS) expect(checkRuleSet(r)).toEqual([]);
    expect(MIIT_2022).toMatchObject({ documentNumber: '工信部企业〔2022〕63号', effectiveFrom: '2022-08-01', tier: Tier.LITTLE_GIANT });
    expect(MIIT_2026).toMatchObject({ documentNumber: '工信部企业〔2026〕2号', effectiveFrom: '2026-04-01', tier: Tier.LITTLE_GIANT });
  });

  it('reports malformed data: a ratio threshold in the wrong form, a gap between revenue bands, a duplicate key', () => {
    const bad: RuleSet = JSON.parse(JSON.stringify(MIIT_2022));
    bad.indicators.find((i) => i.key === 'mainBusinessShare')!.threshold = '70%';
    bad.indicators.find((i) => i.key === 'rdByRevenueBand')!.bands![1].revenueMin = '60000000';
    bad.indicators.find((i) => i.key === 'ownBrand')!.key = 'debtRatio';
    expect(checkRuleSet(bad)).toEqual([
      'MIIT-2022-63.mainBusinessShare: RATIO_MIN needs a decimal threshold',
      'MIIT-2022-63.debtRatio: duplicate key',
      'MIIT-2022-63.rdByRevenueBand: the revenue bands must cover every revenue exactly once',
    ]);
  });
});

// ---------------------------------------------------------------- MIIT-2022-63

/**
 * A little giant that meets every 2022 indicator:
 * main business 2024 110/120 = 91.67%; main-business growth (100/95 − 1 + 110/100 − 1)/2 = 7.63%;
 * debt 100/200 = 50%; niche share 15%; revenue ¥120m → the ≥ ¥100m band; R&D 2023 3.96/110 = 3.6%,
 * 2024 4.8/120 = 4%; 3 Class-I IP rights; in the niche since 2018 (7 years by 2024).
 */
const LG2022: Years = {
  2022: { revenue: '100000000.00', mainBusinessRevenue: '95000000.00', rdExpense: '3000000.00' },
  2023: { revenue: '110000000.00', mainBusinessRevenue: '100000000.00', rdExpense: '3960000.00', newEquityFinancing: '0.00' },
  2024: {
    revenue: '120000000.00',
    mainBusinessRevenue: '110000000.00',
    rdExpense: '4800000.00',
    rdStaff: 40,
    employees: 200,
    totalAssets: '200000000.00',
    totalLiabilities: '100000000.00',
    newEquityFinancing: '0.00',
    class1IpCount: 3,
    nicheMarketShare: '15.00',
  },
};
const INFO_SYSTEM = { coreBusinessOnInformationSystem: 'true' };

describe('MIIT-2022-63 (little giant, 2022)', () => {
  const run = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2022, facts(LG2022, years, { assessments: INFO_SYSTEM, ...rest }));

  it('an enterprise meeting all six dimensions is ELIGIBLE, with each value shown', () => {
    const e = run();
    expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    expect(e.asOfYear).toBe(2025);
    expect(e.lastFinancialYear).toBe(2024);
    expect(Object.values(results(e)).every((r) => r === PASS)).toBe(true);
    expect(find(e, 'mainBusinessShare')).toMatchObject({ value: '91.67', unit: 'PERCENT', threshold: '≥ 70% in 2024' });
    expect(find(e, 'mainBusinessGrowth').value).toBe('7.63');
    expect(find(e, 'debtRatio').value).toBe('50.00');
    expect(find(e, 'yearsInNiche').value).toBe('7');
    expect(find(e, 'rdByRevenueBand')).toMatchObject({ value: '120000000.00', note: 'band "large" by 2024 revenue' });
    expect(find(e, 'rdIntensityLarge')).toMatchObject({ result: PASS, value: '3.60' });
    expect(find(e, 'rdIntensityLarge.2024')).toMatchObject({ result: PASS, value: '4.00' });
  });

  it('the information-system indicator has no data field: without an assessment the verdict is UNDETERMINED, never ELIGIBLE', () => {
    const e = run({}, { assessments: undefined });
    expect(find(e, 'coreBusinessOnInformationSystem').result).toBe(UNKNOWN);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    expect(run({}, { assessments: { coreBusinessOnInformationSystem: 'false' } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('main business exactly 70% of revenue passes; 69.99% fails', () => {
    const at = run({ 2024: { revenue: '100000000.00', mainBusinessRevenue: '70000000.00', rdExpense: '3000000.00' } });
    expect(find(at, 'mainBusinessShare')).toMatchObject({ result: PASS, value: '70.00' });
    const below = run({ 2024: { revenue: '100000000.00', mainBusinessRevenue: '69990000.00', rdExpense: '3000000.00' } });
    expect(find(below, 'mainBusinessShare')).toMatchObject({ result: FAIL, value: '69.99' });
    expect(below.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('compares exactly where floating point would not (11.62 / 16.60 is exactly 70%)', () => {
    expect(11.62 / 16.6 >= 0.7).toBe(false); // the trap a float comparison falls into
    const e = run({ 2024: { revenue: '16.60', mainBusinessRevenue: '11.62' } });
    expect(find(e, 'mainBusinessShare')).toMatchObject({ result: PASS, value: '70.00' });
  });

  it('a value just below the threshold is never displayed as the threshold', () => {
    // 69,999,000 / 100,000,000 = 69.999%: two decimals would round it up to "70.00".
    const e = run({ 2024: { revenue: '100000000.00', mainBusinessRevenue: '69999000.00', rdExpense: '3000000.00' } });
    expect(find(e, 'mainBusinessShare')).toMatchObject({ result: FAIL, value: '69.999' });
  });

  it('R&D exactly 3% of revenue in each year passes in the ≥ ¥100m band; 2.99% in one year fails', () => {
    const exact = run({ 2023: { rdExpense: '3300000.00' }, 2024: { rdExpense: '3600000.00' } });
    expect(find(exact, 'rdIntensityLarge')).toMatchObject({ result: PASS, value: '3.00' });
    const low = run({ 2023: { rdExpense: '3300000.00' }, 2024: { rdExpense: '3588000.00' } });
    expect(find(low, 'rdIntensityLarge.2023').result).toBe(PASS);
    expect(find(low, 'rdIntensityLarge.2024')).toMatchObject({ result: FAIL, value: '2.99' });
    expect(find(low, 'rdIntensityLarge')).toMatchObject({ result: FAIL, value: '2.99', note: 'weakest year 2024' });
    expect(find(low, 'rdByRevenueBand').result).toBe(FAIL);
    expect(low.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('revenue exactly ¥100,000,000.00 takes the ≥ ¥100m band (3%); ¥99,999,999.99 takes the ¥50–100m band (6%)', () => {
    const years = (revenue: string): Years => ({
      2023: { revenue: '100000000.00', rdExpense: '3000000.00', mainBusinessRevenue: '95000000.00' },
      2024: { revenue, rdExpense: '3000000.00', mainBusinessRevenue: '95000000.00' },
    });
    const large = run(years('100000000.00'));
    expect(find(large, 'rdByRevenueBand')).toMatchObject({ result: PASS, note: 'band "large" by 2024 revenue' });
    expect(find(large, 'rdIntensityLarge').value).toBe('3.00');

    const medium = run(years('99999999.99'));
    expect(find(medium, 'rdByRevenueBand')).toMatchObject({ result: FAIL, value: '99999999.99', note: 'band "medium" by 2024 revenue' });
    expect(find(medium, 'rdIntensityMedium.2024')).toMatchObject({ result: FAIL, value: '3.00' });

    // 6% in each year passes the medium band: ¥6,000,000 / ¥99,999,999.99 is just over 6%, ¥6,000,000 / ¥100m exactly 6%.
    const sixPercent = run({
      2023: { revenue: '100000000.00', rdExpense: '6000000.00', mainBusinessRevenue: '95000000.00' },
      2024: { revenue: '99999999.99', rdExpense: '6000000.00', mainBusinessRevenue: '95000000.00' },
    });
    expect(find(sixPercent, 'rdByRevenueBand').result).toBe(PASS);
    expect(find(sixPercent, 'rdIntensityMedium.2023')).toMatchObject({ result: PASS, value: '6.00' });
  });

  it('under ¥50m: new equity ≥ ¥80m and R&D ≥ ¥30m over 2 years, and R&D staff ≥ 50%', () => {
    const small: Years = {
      2022: { revenue: '36000000.00', mainBusinessRevenue: '36000000.00' },
      2023: { revenue: '40000000.00', mainBusinessRevenue: '38000000.00', rdExpense: '15000000.00', newEquityFinancing: '50000000.00' },
      2024: { revenue: '49999999.99', mainBusinessRevenue: '45000000.00', rdExpense: '15000000.00', newEquityFinancing: '30000000.00', rdStaff: 100, employees: 200 },
    };
    const ok = run(small);
    expect(find(ok, 'rdByRevenueBand')).toMatchObject({ result: PASS, note: 'band "small" by 2024 revenue' });
    expect(find(ok, 'newEquitySmall')).toMatchObject({ result: PASS, value: '80000000.00' });
    expect(find(ok, 'rdExpenseSmall')).toMatchObject({ result: PASS, value: '30000000.00' });
    expect(find(ok, 'rdStaffShareSmall')).toMatchObject({ result: PASS, value: '50.00' });

    const fewStaff = run({ ...small, 2024: { ...small[2024], rdStaff: 99 } });
    expect(find(fewStaff, 'rdStaffShareSmall')).toMatchObject({ result: FAIL, value: '49.50' });
    const lessEquity = run({ ...small, 2024: { ...small[2024], newEquityFinancing: '29999999.99' } });
    expect(find(lessEquity, 'newEquitySmall')).toMatchObject({ result: FAIL, value: '79999999.99' });
    expect(lessEquity.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('debt ratio exactly 70% passes; a fen more fails, and is shown with the decimals that tell', () => {
    const at = run({ 2024: { totalLiabilities: '140000000.00' } });
    expect(find(at, 'debtRatio')).toMatchObject({ result: PASS, value: '70.00', threshold: '≤ 70% in 2024' });
    const over = run({ 2024: { totalLiabilities: '140000000.01' } });
    expect(find(over, 'debtRatio')).toMatchObject({ result: FAIL, value: '70.00000001' });
  });

  it('average main-business growth of exactly 5% passes, both as 5% + 5% and as 0% + 10%; a fen less fails', () => {
    const steady = run({
      2022: { mainBusinessRevenue: '100000000.00' },
      2023: { mainBusinessRevenue: '105000000.00' },
      2024: { mainBusinessRevenue: '110250000.00' },
    });
    expect(find(steady, 'mainBusinessGrowth')).toMatchObject({ result: PASS, value: '5.00' });
    const late = run({ 2022: { mainBusinessRevenue: '100000000.00' }, 2023: { mainBusinessRevenue: '100000000.00' }, 2024: { mainBusinessRevenue: '110000000.00' } });
    expect(find(late, 'mainBusinessGrowth')).toMatchObject({ result: PASS, value: '5.00' });
    const short = run({ 2022: { mainBusinessRevenue: '100000000.00' }, 2023: { mainBusinessRevenue: '100000000.00' }, 2024: { mainBusinessRevenue: '109999999.99' } });
    expect(find(short, 'mainBusinessGrowth')).toMatchObject({ result: FAIL, value: '4.999999995' });
  });

  it('a missing report makes the indicators that need it UNKNOWN and the verdict UNDETERMINED, never ELIGIBLE', () => {
    const e = run({ 2022: null });
    expect(find(e, 'mainBusinessGrowth')).toMatchObject({ result: UNKNOWN, value: null, note: 'no financial report for 2022' });
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);

    const no2023 = run({ 2023: null });
    expect(find(no2023, 'rdIntensityLarge.2023')).toMatchObject({ result: UNKNOWN, note: 'no financial report for 2023' });
    expect(find(no2023, 'rdIntensityLarge')).toMatchObject({ result: UNKNOWN, value: '4.00' });
    expect(no2023.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });

  it('a missing figure or flag is UNKNOWN; a known failure elsewhere still makes it NOT_ELIGIBLE', () => {
    const e = run({ 2024: { totalAssets: null, nicheMarketShare: null } }, { enterprise: { hasOwnBrand: null } });
    expect(find(e, 'debtRatio')).toMatchObject({ result: UNKNOWN, note: 'total assets missing from the 2024 report' });
    expect(find(e, 'nicheMarketShare').result).toBe(UNKNOWN);
    expect(find(e, 'ownBrand').result).toBe(UNKNOWN);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);

    const failing = run({ 2024: { totalAssets: null, class1IpCount: 1 } });
    expect(find(failing, 'class1Ip')).toMatchObject({ result: FAIL, value: '1' });
    expect(failing.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('no reports at all: every financial indicator is UNKNOWN', () => {
    const e = evaluate(MIIT_2022, { ...facts(LG2022, { 2022: null, 2023: null, 2024: null }), asOfYear: undefined, assessments: INFO_SYSTEM });
    expect(e.asOfYear).toBe(2025); // today's year when there is nothing reported
    for (const key of ['mainBusinessShare', 'mainBusinessGrowth', 'debtRatio', 'nicheMarketShare', 'rdByRevenueBand', 'class1Ip']) {
      expect(find(e, key).result).toBe(UNKNOWN);
    }
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });

  it('the default as-of year is the year after the latest report', () => {
    const e = evaluate(MIIT_2022, { ...facts(LG2022), asOfYear: undefined, today: '2030-01-01' });
    expect(e.asOfYear).toBe(2025);
    // An as-of year with no reports behind it: nothing is known.
    const later = evaluate(MIIT_2022, { ...facts(LG2022), asOfYear: 2027, assessments: INFO_SYSTEM });
    expect(find(later, 'mainBusinessShare').note).toBe('no financial report for 2026');
  });

  it('years in the niche count the entry year through last year; OTHER is outside the product fields', () => {
    expect(find(run({}, { enterprise: { nicheSinceYear: 2022 } }), 'yearsInNiche')).toMatchObject({ result: PASS, value: '3' });
    expect(find(run({}, { enterprise: { nicheSinceYear: 2023 } }), 'yearsInNiche')).toMatchObject({ result: FAIL, value: '2' });
    expect(find(run({}, { enterprise: { nicheSinceYear: null } }), 'yearsInNiche').result).toBe(UNKNOWN);
    expect(find(run({}, { enterprise: { productField: ProductField.OTHER } }), 'productField')).toMatchObject({ result: FAIL, value: 'OTHER' });
    expect(find(run({}, { enterprise: { productField: ProductField.NEW_MATERIALS } }), 'productField').result).toBe(PASS);
  });

  it('zero revenue leaves ratios on it undefined, so UNKNOWN rather than a division error', () => {
    const e = run({ 2024: { revenue: '0.00' } });
    expect(find(e, 'mainBusinessShare')).toMatchObject({ result: UNKNOWN, note: 'revenue is zero in 2024, so the ratio is undefined' });
  });
});

// ---------------------------------------------------------------- MIIT-2026-2

/**
 * A little giant that meets every 2026 indicator: revenue 2024 ¥150m, main business 95%;
 * revenue CAGR 2022 → 2024 √(150/120) − 1 = 11.80%; debt 60%; R&D 2023 ¥6m (4.44% of ¥135m),
 * 2024 ¥6m (4%), ¥12m in total; 4 Class-I IP rights; niche share 12%.
 */
const LG2026: Years = {
  2022: { revenue: '120000000.00' },
  2023: { revenue: '135000000.00', rdExpense: '6000000.00' },
  2024: {
    revenue: '150000000.00',
    mainBusinessRevenue: '142500000.00',
    rdExpense: '6000000.00',
    totalAssets: '100000000.00',
    totalLiabilities: '60000000.00',
    class1IpCount: 4,
    nicheMarketShare: '12.00',
  },
};

describe('MIIT-2026-2 (little giant, 2026)', () => {
  const run = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2026, facts(LG2026, years, { assessments: { developmentScore: '60' }, ...rest }));

  it('meeting every indicator with a development score of exactly 60 is ELIGIBLE', () => {
    const e = run();
    expect(results(e)).toEqual({
      provincialTitleAndNiche: PASS,
      revenue: PASS,
      mainBusinessShare: PASS,
      revenueGrowth: PASS,
      debtRatio: PASS,
      rdInvestment: PASS,
      class1Ip: PASS,
      nichePosition: PASS,
      productFieldOrChain: PASS,
      developmentScore: PASS,
    });
    expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    expect(find(e, 'revenueGrowth').value).toBe('11.80');
    expect(find(e, 'rdExpenseTotal').value).toBe('12000000.00');
    expect(find(e, 'developmentScore')).toMatchObject({ value: '60', note: 'supplied as an assessment, not read from stored data' });
  });

  it('the development score has no data field: without it the indicator is UNKNOWN and the verdict UNDETERMINED', () => {
    const e = run({}, { assessments: undefined });
    expect(find(e, 'developmentScore')).toMatchObject({ result: UNKNOWN, value: null });
    expect(find(e, 'developmentScore').note).toMatch(/No stored data field/);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    expect(run({}, { assessments: { developmentScore: '59.99' } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('needs a valid provincial SRDI title: a little-giant title counts, an expired or revoked one does not', () => {
    const lg = run({}, { certifications: [{ tier: Tier.LITTLE_GIANT, status: CertificationStatus.RENEWED, validUntil: '2027-01-01' }] });
    expect(find(lg, 'provincialTitle')).toMatchObject({ result: PASS, value: 'LITTLE_GIANT' });
    const expired = run({}, { certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.CERTIFIED, validUntil: '2025-05-31' }] });
    expect(find(expired, 'provincialTitle')).toMatchObject({ result: FAIL, value: 'none' });
    expect(find(expired, 'provincialTitleAndNiche').result).toBe(FAIL);
    const revoked = run({}, { certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.REVOKED, validUntil: '2026-12-31' }] });
    expect(find(revoked, 'provincialTitle').result).toBe(FAIL);
    const innovativeOnly = run({}, { certifications: [{ tier: Tier.INNOVATIVE_SME, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' }] });
    expect(find(innovativeOnly, 'provincialTitle')).toMatchObject({ result: FAIL, value: 'INNOVATIVE_SME' });
    // Valid through its last day.
    const lastDay = run({}, { certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.CERTIFIED, validUntil: TODAY }] });
    expect(find(lastDay, 'provincialTitle').result).toBe(PASS);
  });

  it('revenue exactly ¥50m passes; main business exactly 90% passes, 89.99% fails', () => {
    const fifty = run({ 2024: { revenue: '50000000.00', mainBusinessRevenue: '45000000.00', rdExpense: '6000000.00' } });
    expect(find(fifty, 'revenue')).toMatchObject({ result: PASS, value: '50000000.00' });
    expect(find(fifty, 'mainBusinessShare')).toMatchObject({ result: PASS, value: '90.00' });
    const under = run({ 2024: { revenue: '49999999.99' } });
    expect(find(under, 'revenue').result).toBe(FAIL);
    const share = run({ 2024: { mainBusinessRevenue: '134985000.00' } }); // 89.99% of ¥150m
    expect(find(share, 'mainBusinessShare')).toMatchObject({ result: FAIL, value: '89.99' });
  });

  it('revenue CAGR exactly 5% passes (¥100m → ¥110.25m over two years); a fen less fails', () => {
    const exact = run({ 2022: { revenue: '100000000.00' }, 2023: { revenue: '105000000.00' }, 2024: { revenue: '110250000.00', mainBusinessRevenue: '104737500.00' } });
    expect(find(exact, 'revenueGrowth')).toMatchObject({ result: PASS, value: '5.00' });
    const short = run({ 2022: { revenue: '100000000.00' }, 2024: { revenue: '110249999.99' } });
    expect(find(short, 'revenueGrowth').result).toBe(FAIL);
    expect(find(short, 'revenueGrowth').value).not.toBe('5.00');
    const missing = run({ 2022: null });
    expect(find(missing, 'revenueGrowth')).toMatchObject({ result: UNKNOWN, note: 'no financial report for 2022' });
  });

  it('debt ratio exactly 75% passes, 75.01% fails', () => {
    expect(find(run({ 2024: { totalLiabilities: '75000000.00' } }), 'debtRatio')).toMatchObject({ result: PASS, value: '75.00' });
    expect(find(run({ 2024: { totalLiabilities: '75010000.00' } }), 'debtRatio')).toMatchObject({ result: FAIL, value: '75.01' });
  });

  it('R&D: ¥12m in total over 2 years AND 3% in each year', () => {
    const short = run({ 2023: { rdExpense: '5999999.99' } });
    expect(find(short, 'rdExpenseTotal')).toMatchObject({ result: FAIL, value: '11999999.99' });
    expect(find(short, 'rdInvestment').result).toBe(FAIL);
    // ¥12m in total but under 3% in 2024: ¥4.49m of ¥150m = 2.99%.
    const thin = run({ 2023: { rdExpense: '7510000.00' }, 2024: { rdExpense: '4490000.00' } });
    expect(find(thin, 'rdExpenseTotal').result).toBe(PASS);
    expect(find(thin, 'rdIntensity.2024')).toMatchObject({ result: FAIL, value: '2.99' });
    expect(find(thin, 'rdInvestment').result).toBe(FAIL);
  });

  it('at least 4 Class-I IP rights', () => {
    expect(find(run({ 2024: { class1IpCount: 3 } }), 'class1Ip')).toMatchObject({ result: FAIL, value: '3' });
    expect(find(run({ 2024: { class1IpCount: null } }), 'class1Ip').result).toBe(UNKNOWN);
  });

  it('niche share ≥ 10% or top 3 nationally: under 10% without the ranking is UNKNOWN, not FAIL', () => {
    expect(find(run({ 2024: { nicheMarketShare: '10.00' } }), 'nichePosition').result).toBe(PASS);
    const small = run({ 2024: { nicheMarketShare: '9.99' } });
    expect(find(small, 'nicheMarketShare')).toMatchObject({ result: FAIL, value: '9.99' });
    expect(find(small, 'nichePosition').result).toBe(UNKNOWN);
    expect(small.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    const top3 = run({ 2024: { nicheMarketShare: '9.99' } }, { assessments: { developmentScore: '80', nationalTop3: 'true' } });
    expect(find(top3, 'nichePosition').result).toBe(PASS);
    const notTop3 = run({ 2024: { nicheMarketShare: '9.99' } }, { assessments: { developmentScore: '80', nationalTop3: 'false' } });
    expect(find(notTop3, 'nichePosition').result).toBe(FAIL);
  });

  it('product in the six basics OR at a key chain link', () => {
    const chainOnly = run({}, { enterprise: { productField: ProductField.OTHER, atKeyChainLink: true } });
    expect(find(chainOnly, 'productFieldOrChain').result).toBe(PASS);
    // New materials is a key sector, not one of the six basics.
    const neither = run({}, { enterprise: { productField: ProductField.NEW_MATERIALS, atKeyChainLink: false } });
    expect(find(neither, 'productField')).toMatchObject({ result: FAIL, value: 'NEW_MATERIALS' });
    expect(find(neither, 'productFieldOrChain').result).toBe(FAIL);
    const unknownChain = run({}, { enterprise: { productField: ProductField.OTHER, atKeyChainLink: null } });
    expect(find(unknownChain, 'productFieldOrChain').result).toBe(UNKNOWN);
  });
});

// ---------------------------------------------------------------- SRDI-PROVINCIAL-2022

/** Revenue 2024 exactly ¥10m, R&D ¥1m (10%), in the niche since 2023 (2 years by 2024). */
const PROV: Years = {
  2022: {},
  2023: { revenue: '8000000.00', newEquityFinancing: '0.00' },
  2024: { revenue: '10000000.00', rdExpense: '1000000.00', newEquityFinancing: '0.00' },
};

describe('SRDI-PROVINCIAL-2022 (provincial SRDI SME, hard conditions)', () => {
  const run = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(PROVINCIAL, facts(PROV, years, { enterprise: { nicheSinceYear: 2023 }, ...rest }));

  it('revenue exactly ¥10m, R&D exactly ¥1m, 2 years in the niche: ELIGIBLE', () => {
    const e = run();
    expect(results(e)).toEqual({ yearsInNiche: PASS, rdLastYear: PASS, scale: PASS });
    expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    expect(find(e, 'yearsInNiche').value).toBe('2');
    expect(find(e, 'rdIntensity').value).toBe('10.00');
  });

  it('1 year in the niche fails', () => {
    expect(run({}, { enterprise: { nicheSinceYear: 2024 } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('R&D under ¥1m fails; R&D exactly 3% of revenue passes, 2.99% fails', () => {
    expect(find(run({ 2024: { rdExpense: '999999.99' } }), 'rdExpense').result).toBe(FAIL);
    const exact = run({ 2024: { revenue: '40000000.00', rdExpense: '1200000.00' } });
    expect(find(exact, 'rdIntensity')).toMatchObject({ result: PASS, value: '3.00' });
    const under = run({ 2024: { revenue: '40000000.00', rdExpense: '1196000.00' } });
    expect(find(under, 'rdIntensity')).toMatchObject({ result: FAIL, value: '2.99' });
    expect(under.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('revenue under ¥10m passes on new equity of exactly ¥20m over 2 years, fails a fen short', () => {
    const equity = run({ 2023: { newEquityFinancing: '12000000.00' }, 2024: { revenue: '9999999.99', newEquityFinancing: '8000000.00' } });
    expect(find(equity, 'revenue').result).toBe(FAIL);
    expect(find(equity, 'newEquity')).toMatchObject({ result: PASS, value: '20000000.00' });
    expect(equity.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    const short = run({ 2023: { newEquityFinancing: '12000000.00' }, 2024: { revenue: '9999999.99', newEquityFinancing: '7999999.99' } });
    expect(find(short, 'scale').result).toBe(FAIL);
    expect(short.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('revenue under ¥10m and equity of one year unknown: UNDETERMINED, not NOT_ELIGIBLE and not ELIGIBLE', () => {
    const e = run({ 2023: { newEquityFinancing: null }, 2024: { revenue: '9000000.00', newEquityFinancing: '25000000.00' } });
    expect(find(e, 'newEquity')).toMatchObject({ result: UNKNOWN, note: 'new equity financing missing from the 2023 report' });
    expect(find(e, 'scale').result).toBe(UNKNOWN);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });

  it('a missing last-year report: UNDETERMINED', () => {
    const e = run({ 2024: null });
    expect(find(e, 'rdLastYear').result).toBe(UNKNOWN);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });
});

describe('assessments', () => {
  it('only assessed indicators of the rule set, in the right form', () => {
    expect(assessmentProblems(MIIT_2026, { developmentScore: '72.5', nationalTop3: 'true' })).toEqual([]);
    expect(assessmentProblems(MIIT_2026, { developmentScore: 'high' })).toEqual(['"developmentScore" takes a decimal score such as "72.5", not "high"']);
    expect(assessmentProblems(MIIT_2026, { revenue: '1' })[0]).toMatch(/"revenue" is not an assessed indicator of MIIT-2026-2/);
    expect(assessmentProblems(PROVINCIAL, { developmentScore: '70' })[0]).toMatch(/it has none/);
    expect(assessmentProblems(MIIT_2022, { coreBusinessOnInformationSystem: 'maybe' })).toHaveLength(1);
  });
});
