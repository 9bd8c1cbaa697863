import { CertificationStatus } from '../../../src/modules/certification/certification.enums';
import { ProductField, SizeClass, Tier } from '../../../src/modules/enterprise/enterprise.enums';
import {
  EligibilityVerdict,
  EvaluationPurpose,
  EvaluationWindow,
  IndicatorKind,
  IndicatorResult,
  Metric,
} from '../../../src/modules/eligibility/eligibility.enums';
import {
  assessmentProblems,
  EligibilityEvaluation,
  EligibilityFacts,
  evaluate,
  IndicatorEvaluation,
  YearFacts,
} from '../../../src/modules/eligibility/evaluate';
import {
  allIndicators,
  allScoreItems,
  checkRuleSet,
  Indicator,
  inForce,
  RULE_SETS,
  ruleSetByCode,
  RuleSet,
  ruleSetsInForce,
  ScoreItem,
} from '../../../src/modules/eligibility/rule-sets';

/**
 * Cases worked out by hand from the rule-set data (whose notes say which
 * text each follows). The as-of year is 2025 throughout, so "last year" is
 * 2024, "2 years" are 2023 and 2024, and growth runs 2022 → 2024. The
 * enterprise is a manufacturer (GB/T 4754 C34, the industry lines of the
 * SME standard) and, unless a test says otherwise, meets the general
 * conditions recorded as assessments.
 */

const { PASS, FAIL, UNKNOWN, NOT_APPLICABLE } = IndicatorResult;
const { NEW_APPLICATION, RE_REVIEW } = EvaluationPurpose;
const TODAY = '2025-06-01';
const MIIT_2022 = ruleSetByCode('MIIT-2022-63')!;
const MIIT_2026 = ruleSetByCode('MIIT-2026-2')!;
const PROVINCIAL = ruleSetByCode('SRDI-PROVINCIAL-2022')!;
const INNOVATIVE = ruleSetByCode('INNOVATIVE-SME-2022')!;
/** The general conditions with no data field, both met. */
const GENERAL = { notOnAbnormalOrDishonestLists: 'true', noMajorAccidentOrTaxEvasion: 'true' };

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
      industry: 'C34 通用设备制造业',
      sizeClass: SizeClass.MEDIUM,
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
  it('has the five codes, each well-formed, one per tier and text', () => {
    expect(RULE_SETS.map((r) => r.code)).toEqual([
      'INNOVATIVE-SME-2022',
      'SRDI-PROVINCIAL-2022',
      'SRDI-PROVINCIAL-2026',
      'MIIT-2022-63',
      'MIIT-2026-2',
    ]);
    for (const r of RULE_SETS) expect(checkRuleSet(r)).toEqual([]);
    expect(MIIT_2022).toMatchObject({
      documentNumber: '工信部企业〔2022〕63号',
      effectiveFrom: '2022-08-01',
      effectiveUntil: '2026-12-31',
      tier: Tier.LITTLE_GIANT,
    });
    expect(MIIT_2026).toMatchObject({ documentNumber: '工信部企业〔2026〕2号', effectiveFrom: '2026-04-01', tier: Tier.LITTLE_GIANT });
    expect(MIIT_2026.effectiveUntil).toBeUndefined();
    expect(INNOVATIVE).toMatchObject({ tier: Tier.INNOVATIVE_SME, effectiveFrom: '2022-08-01' });
    expect(INNOVATIVE.effectiveUntil).toBeUndefined();
  });

  it('marks every figure the official texts could not be checked for; the SME size lines were checked', () => {
    for (const r of RULE_SETS) {
      for (const i of allIndicators(r).filter((i) => i.threshold != null || i.bands != null)) {
        expect([r.code, i.key, i.note]).toEqual([r.code, i.key, expect.stringContaining('reported, not verified against the text')]);
      }
      expect(r.indicators[0].note).not.toMatch(/not verified/);
    }
  });

  it('reports malformed data: a ratio threshold in the wrong form, a gap between revenue bands, a duplicate key', () => {
    const bad: RuleSet = JSON.parse(JSON.stringify(MIIT_2022));
    const at = (key: string) => allIndicators(bad).find((i) => i.key === key)!;
    at('mainBusinessShare').threshold = '70%';
    at('rdByRevenueBand').bands![1].revenueMin = '60000000';
    at('ownBrand').key = 'debtRatio';
    expect(checkRuleSet(bad)).toEqual([
      'MIIT-2022-63.debtRatio: duplicate key',
      'MIIT-2022-63.mainBusinessShare: RATIO_MIN needs a decimal threshold',
      'MIIT-2022-63.rdByRevenueBand: the revenue bands must cover every revenue, adjacent bands sharing their edge',
    ]);
  });

  it('reports periods that do not add up, and a rule set without the general conditions', () => {
    const bad: RuleSet = JSON.parse(JSON.stringify(MIIT_2022));
    bad.effectiveUntil = '2026-03-31'; // the re-review period runs to the end of 2026
    bad.appliesTo.push({ ...bad.appliesTo[0] });
    bad.indicators = bad.indicators.filter((i) => i.key !== 'smeSize');
    expect(checkRuleSet(bad)).toEqual([
      'MIIT-2022-63: a purpose is listed twice in appliesTo',
      'MIIT-2022-63: effectiveFrom and effectiveUntil must span the periods of appliesTo',
      'MIIT-2022-63: lacks the general condition smeSize',
    ]);
  });

  it('reports a points-table row whose levels leave a gap or climb', () => {
    const bad: RuleSet = JSON.parse(JSON.stringify(INNOVATIVE));
    const table = allIndicators(bad).find((i) => i.key === 'points')!;
    table.scoreItems![1].levels[1].min = '0.031'; // nothing scores 3%–3.1% of R&D
    table.scoreItems![3].levels.reverse();
    expect(checkRuleSet(bad)).toEqual([
      'INNOVATIVE-SME-2022.points.rdIntensityScore: the levels must take every value',
      'INNOVATIVE-SME-2022.points.debtRatioScore: levels must go from the highest points down',
    ]);
  });

  /** What checkRuleSet finds in a copy of `base` that `spoil` has changed (entries and points-table rows found by key). */
  const problemsAfter = (base: RuleSet, spoil: (entry: (key: string) => Indicator, row: (key: string) => ScoreItem) => void): string[] => {
    const bad: RuleSet = JSON.parse(JSON.stringify(base));
    spoil(
      (key) => allIndicators(bad).find((i) => i.key === key)!,
      (key) => allScoreItems(bad).find((s) => s.key === key)!,
    );
    return checkRuleSet(bad);
  };
  /** The same, with the thresholds of some entries changed (undefined: left out). */
  const withThresholds = (base: RuleSet, thresholds: Record<string, string | undefined>): string[] =>
    problemsAfter(base, (entry) => {
      for (const [key, threshold] of Object.entries(thresholds)) entry(key).threshold = threshold;
    });

  it('a level or growth entry needs a metric of its unit and a window of its kind', () => {
    expect(
      problemsAfter(MIIT_2022, (entry) => {
        Object.assign(entry('mainBusinessShare'), { metric: Metric.REVENUE, window: EvaluationWindow.TWO_YEAR_CAGR });
        Object.assign(entry('mainBusinessGrowth'), { metric: Metric.RD_INTENSITY, window: EvaluationWindow.LAST_YEAR });
        delete entry('debtRatio').metric;
        entry('class1Ip').metric = Metric.RD_EXPENSE;
      }),
    ).toEqual([
      'MIIT-2022-63.mainBusinessShare: RATIO_MIN needs a metric of the right unit',
      'MIIT-2022-63.mainBusinessShare: RATIO_MIN needs a LAST_YEAR, EACH_OF_2_YEARS, TWO_YEAR_TOTAL or THREE_YEAR_TOTAL window',
      'MIIT-2022-63.mainBusinessGrowth: GROWTH_MIN needs a money metric',
      'MIIT-2022-63.mainBusinessGrowth: GROWTH_MIN needs a growth window',
      'MIIT-2022-63.debtRatio: RATIO_MAX needs a metric of the right unit',
      'MIIT-2022-63.class1Ip: COUNT_MIN needs a metric of the right unit',
    ]);
    expect(problemsAfter(MIIT_2026, (entry) => void (entry('revenue').metric = Metric.MAIN_BUSINESS_SHARE))).toEqual([
      'MIIT-2026-2.revenue: MONEY_MIN needs a metric of the right unit',
    ]);
  });

  it('thresholds are plain decimals, whole numbers for counts and years: no sign, unit, grouping or exponent', () => {
    expect(
      withThresholds(MIIT_2022, { yearsInNiche: '2.5', mainBusinessGrowth: '5e-2', debtRatio: '-0.7', nicheMarketShare: '0.1%', class1Ip: '-2' }),
    ).toEqual([
      'MIIT-2022-63.yearsInNiche: YEARS_IN_NICHE_MIN needs an integer threshold',
      'MIIT-2022-63.mainBusinessGrowth: GROWTH_MIN needs a decimal threshold',
      'MIIT-2022-63.debtRatio: RATIO_MAX needs a decimal threshold',
      'MIIT-2022-63.nicheMarketShare: RATIO_MIN needs a decimal threshold',
      'MIIT-2022-63.class1Ip: COUNT_MIN needs an integer threshold',
    ]);
    expect(
      withThresholds(MIIT_2026, { revenue: '50,000,000', mainBusinessShare: undefined, class1Ip: undefined, developmentScore: '60 points' }),
    ).toEqual([
      'MIIT-2026-2.revenue: MONEY_MIN needs a decimal threshold',
      'MIIT-2026-2.mainBusinessShare: RATIO_MIN needs a decimal threshold',
      'MIIT-2026-2.class1Ip: COUNT_MIN needs an integer threshold',
      'MIIT-2026-2.developmentScore: ASSESSED_SCORE_MIN needs a decimal threshold',
    ]);
    // Whole numbers of more than one digit are whole numbers too.
    expect(withThresholds(MIIT_2022, { yearsInNiche: '10', class1Ip: '12' })).toEqual([]);
  });

  it('a flag, a product field, a tier and the conditions of a group are named, not left out', () => {
    expect(
      problemsAfter(MIIT_2022, (entry) => {
        delete entry('qualityCertification').flag;
        delete entry('productField').productFields;
        delete entry('innovationIndicators').conditions;
      }),
    ).toEqual([
      'MIIT-2022-63.qualityCertification: FLAG needs a flag',
      'MIIT-2022-63.innovationIndicators: ALL_OF needs conditions',
      'MIIT-2022-63.productField: PRODUCT_FIELD_IN needs product fields',
    ]);
    // An empty list is no better than none.
    expect(
      problemsAfter(MIIT_2022, (entry) => {
        entry('productField').productFields = [];
        entry('innovationIndicators').conditions = [];
      }),
    ).toEqual(['MIIT-2022-63.innovationIndicators: ALL_OF needs conditions', 'MIIT-2022-63.productField: PRODUCT_FIELD_IN needs product fields']);
    expect(problemsAfter(MIIT_2022, (entry) => void delete entry('innovation').conditions)).toEqual([
      'MIIT-2022-63.innovation: ANY_OF needs conditions',
    ]);
    expect(problemsAfter(MIIT_2026, (entry) => void delete entry('provincialTitle').tier)).toEqual([
      'MIIT-2026-2.provincialTitle: TIER_HELD needs a tier',
    ]);
  });

  it('revenue bands: the top one is open above, every edge is a decimal, every band has conditions', () => {
    const band = (entry: (key: string) => Indicator, key: string) => entry('rdByRevenueBand').bands!.find((b) => b.key === key)!;
    expect(problemsAfter(MIIT_2022, (entry) => void (band(entry, 'large').revenueMax = '1000000000'))).toEqual([
      'MIIT-2022-63.rdByRevenueBand: the revenue bands must cover every revenue, adjacent bands sharing their edge',
    ]);
    // The shared edge is written alike on both sides, so only its form is wrong.
    expect(
      problemsAfter(MIIT_2022, (entry) => {
        band(entry, 'medium').revenueMin = '5e7';
        band(entry, 'small').revenueMax = '5e7';
      }),
    ).toEqual([
      'MIIT-2022-63.rdByRevenueBand.medium: revenueMin is not a decimal',
      'MIIT-2022-63.rdByRevenueBand.small: revenueMax is not a decimal',
    ]);
    expect(problemsAfter(MIIT_2022, (entry) => void (band(entry, 'small').conditions = []))).toEqual([
      'MIIT-2022-63.rdByRevenueBand.small: no conditions',
    ]);
    expect(problemsAfter(MIIT_2022, (entry) => void delete entry('rdByRevenueBand').bands)).toEqual([
      'MIIT-2022-63.rdByRevenueBand: REVENUE_BANDED_RD needs bands',
    ]);
  });

  it('a points table needs rows, a decimal total and decimal minimums for parts it has; without part minimums it is well-formed', () => {
    for (const threshold of ['60 points', undefined]) {
      expect(withThresholds(INNOVATIVE, { points: threshold })).toEqual(['INNOVATIVE-SME-2022.points: POINTS_TABLE needs a decimal threshold']);
    }
    expect(problemsAfter(INNOVATIVE, (entry) => void delete entry('points').scoreItems)).toEqual([
      'INNOVATIVE-SME-2022.points: POINTS_TABLE needs score items',
      'INNOVATIVE-SME-2022.points: part INNOVATION has a minimum but no items',
      'INNOVATIVE-SME-2022.points: part GROWTH has a minimum but no items',
      'INNOVATIVE-SME-2022.points: part SPECIALIZATION has a minimum but no items',
    ]);
    expect(
      problemsAfter(INNOVATIVE, (entry) => {
        entry('points').partMinimums![0].minimum = '20 points';
        entry('points').partMinimums!.push({ part: 'QUALITY', minimum: '10' });
      }),
    ).toEqual([
      'INNOVATIVE-SME-2022.points: the minimum of part INNOVATION is not a decimal',
      'INNOVATIVE-SME-2022.points: part QUALITY has a minimum but no items',
    ]);
    expect(problemsAfter(INNOVATIVE, (entry) => void delete entry('points').partMinimums)).toEqual([]);
  });

  it('a points-table row: decimal points; an assessed row reads no metric, the others a ratio last year or a money metric’s growth', () => {
    expect(
      problemsAfter(INNOVATIVE, (_entry, row) => {
        row('ipScore').levels[2].points = 'ten';
        row('rdIntensityScore').metric = Metric.RD_EXPENSE;
        row('mainBusinessGrowthScore').metric = Metric.MAIN_BUSINESS_SHARE;
        row('debtRatioScore').window = EvaluationWindow.TWO_YEAR_TOTAL;
        row('emergingIndustryScore').metric = Metric.REVENUE;
        row('mainBusinessShareScore').levels = [];
      }),
    ).toEqual([
      'INNOVATIVE-SME-2022.points.ipScore: needs levels with decimal points',
      'INNOVATIVE-SME-2022.points.rdIntensityScore: needs a ratio metric over LAST_YEAR, or a money metric over LAST_YEAR_GROWTH',
      'INNOVATIVE-SME-2022.points.mainBusinessGrowthScore: needs a ratio metric over LAST_YEAR, or a money metric over LAST_YEAR_GROWTH',
      'INNOVATIVE-SME-2022.points.debtRatioScore: needs a ratio metric over LAST_YEAR, or a money metric over LAST_YEAR_GROWTH',
      'INNOVATIVE-SME-2022.points.emergingIndustryScore: an assessed row reads no metric',
      'INNOVATIVE-SME-2022.points.mainBusinessShareScore: needs levels with decimal points',
    ]);
  });

  it('a points-table row put among the entries is refused with the rule set, not left for every evaluation to throw on', () => {
    const row = { key: 'stray', description: 'a row outside its table', kind: IndicatorKind.SCORE_ITEM };
    expect(checkRuleSet({ ...MIIT_2022, indicators: [...MIIT_2022.indicators, row] })).toEqual([
      'MIIT-2022-63.stray: a SCORE_ITEM is a row of a points table (its scoreItems), never an entry of its own',
    ]);
  });

  it('a points-table row’s levels: strictly falling points, decimal bounds, open below and above with no gap between', () => {
    expect(problemsAfter(INNOVATIVE, (_entry, row) => void (row('debtRatioScore').levels[1].points = '10'))).toEqual([
      'INNOVATIVE-SME-2022.points.debtRatioScore: levels must go from the highest points down',
    ]);
    expect(
      problemsAfter(INNOVATIVE, (_entry, row) => {
        row('mainBusinessShareScore').levels[0].min = '+0.7';
        row('debtRatioScore').levels[0].max = '0.55%';
      }),
    ).toEqual([
      'INNOVATIVE-SME-2022.points.debtRatioScore: level bounds must be decimals',
      'INNOVATIVE-SME-2022.points.mainBusinessShareScore: level bounds must be decimals',
    ]);
    // Nothing scores an R&D intensity below 0.
    expect(problemsAfter(INNOVATIVE, (_entry, row) => void (row('rdIntensityScore').levels[4].min = '0'))).toEqual([
      'INNOVATIVE-SME-2022.points.rdIntensityScore: the levels must take every value',
    ]);
    // Nothing scores an R&D intensity above 100%.
    expect(problemsAfter(INNOVATIVE, (_entry, row) => void (row('rdIntensityScore').levels[0].max = '1'))).toEqual([
      'INNOVATIVE-SME-2022.points.rdIntensityScore: the levels must take every value',
    ]);
    // Growth may be negative or many times over: bounds are signed, of any size.
    expect(
      problemsAfter(INNOVATIVE, (_entry, row) => {
        row('mainBusinessGrowthScore').levels = [
          { points: '20', min: '10' },
          { points: '15', min: '0.1', max: '10' },
          { points: '10', min: '-0.1', max: '0.1' },
          { points: '0', max: '-0.1' },
        ];
      }),
    ).toEqual([]);
  });
});

describe('which rule set is in force', () => {
  const codes = (tier: Tier, purpose: EvaluationPurpose, day: string) => ruleSetsInForce(tier, purpose, day).map((r) => r.code);

  it('new little-giant applications: the 2022 standard through 2026-03-31, the 2026 one from 2026-04-01', () => {
    expect(codes(Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-03-31')).toEqual(['MIIT-2022-63']);
    expect(codes(Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-04-01')).toEqual(['MIIT-2026-2']);
    expect(codes(Tier.LITTLE_GIANT, NEW_APPLICATION, '2022-07-31')).toEqual([]);
  });

  it('little-giant re-reviews in 2026 still follow the 2022 standard; from 2027 the 2026 one', () => {
    expect(codes(Tier.LITTLE_GIANT, RE_REVIEW, '2026-12-05')).toEqual(['MIIT-2022-63']);
    expect(codes(Tier.LITTLE_GIANT, RE_REVIEW, '2026-12-31')).toEqual(['MIIT-2022-63']);
    expect(codes(Tier.LITTLE_GIANT, RE_REVIEW, '2027-01-01')).toEqual(['MIIT-2026-2']);
    expect(inForce(MIIT_2026, RE_REVIEW, '2026-12-05')).toBe(false);
  });

  it('the provincial tier changes standard on 2026-04-01; the innovative-SME standard stays in force', () => {
    expect(codes(Tier.SRDI_SME, NEW_APPLICATION, '2026-03-31')).toEqual(['SRDI-PROVINCIAL-2022']);
    expect(codes(Tier.SRDI_SME, NEW_APPLICATION, '2026-12-05')).toEqual(['SRDI-PROVINCIAL-2026']);
    expect(codes(Tier.INNOVATIVE_SME, NEW_APPLICATION, '2026-12-05')).toEqual(['INNOVATIVE-SME-2022']);
    expect(codes(Tier.INNOVATIVE_SME, RE_REVIEW, '2023-01-01')).toEqual(['INNOVATIVE-SME-2022']);
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
/** Declared: one core business on an information system, the general conditions met, and no innovation direct track. */
const INFO_SYSTEM = { ...GENERAL, coreBusinessOnInformationSystem: 'true', nationalScienceAwardTop3: 'false', makerInChinaTop50: 'false' };

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
    expect(find(e, 'yearsInNiche').value).toBe('6');
    // 200 staff: under the 300 a medium manufacturer needs, whatever its ¥120m of revenue.
    expect(find(e, 'smeSize')).toMatchObject({ result: PASS, value: 'SMALL' });
    expect(find(e, 'rdByRevenueBand')).toMatchObject({ value: '120000000.00', note: 'band "large" by 2024 revenue' });
    expect(find(e, 'rdIntensityLarge')).toMatchObject({ result: PASS, value: '3.60' });
    expect(find(e, 'rdIntensityLarge.2024')).toMatchObject({ result: PASS, value: '4.00' });
  });

  it('the information-system indicator has no data field: without an assessment the verdict is UNDETERMINED, never ELIGIBLE', () => {
    const e = run({}, { assessments: { ...INFO_SYSTEM, coreBusinessOnInformationSystem: undefined as never } });
    expect(find(e, 'coreBusinessOnInformationSystem').result).toBe(UNKNOWN);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    expect(run({}, { assessments: { ...INFO_SYSTEM, coreBusinessOnInformationSystem: 'false' } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
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

  it('revenue exactly ¥100,000,000.00 sits in both the ≥ ¥100m band (3%) and the ¥50–100m band (6%): 3% passes; ¥99,999,999.99 is in the 6% band only', () => {
    const years = (revenue: string): Years => ({
      2023: { revenue: '100000000.00', rdExpense: '3000000.00', mainBusinessRevenue: '95000000.00' },
      2024: { revenue, rdExpense: '3000000.00', mainBusinessRevenue: '95000000.00' },
    });
    const edge = run(years('100000000.00'));
    expect(find(edge, 'rdByRevenueBand')).toMatchObject({ result: PASS, note: 'bands "large" and "medium" by 2024 revenue' });
    expect(find(edge, 'rdByRevenueBand.large').result).toBe(PASS);
    expect(find(edge, 'rdByRevenueBand.medium').result).toBe(FAIL);
    expect(find(edge, 'rdIntensityLarge').value).toBe('3.00');

    const medium = run(years('99999999.99'));
    expect(find(medium, 'rdByRevenueBand')).toMatchObject({ result: FAIL, value: '99999999.99', note: 'band "medium" by 2024 revenue' });
    expect(() => find(medium, 'rdIntensityLarge')).toThrow();
    expect(find(medium, 'rdIntensityMedium.2024')).toMatchObject({ result: FAIL, value: '3.00' });

    // 6% in each year passes the medium band: ¥6,000,000 / ¥99,999,999.99 is just over 6%, ¥6,000,000 / ¥100m exactly 6%.
    const sixPercent = run({
      2023: { revenue: '100000000.00', rdExpense: '6000000.00', mainBusinessRevenue: '95000000.00' },
      2024: { revenue: '99999999.99', rdExpense: '6000000.00', mainBusinessRevenue: '95000000.00' },
    });
    expect(find(sixPercent, 'rdByRevenueBand').result).toBe(PASS);
    expect(find(sixPercent, 'rdIntensityMedium.2023')).toMatchObject({ result: PASS, value: '6.00' });
  });

  /**
   * Revenue exactly ¥50m sits in the 6% band and in the under-¥50m band. 2023: ¥300m revenue, ¥15m R&D (5%: short of 6%);
   * 2024: ¥50m, ¥15m (30%): the 6% band fails on 2023; the under-¥50m band passes on ¥80m of equity, ¥30m of R&D and
   * half the staff in R&D. A fen over ¥50m leaves only the 6% band, which fails.
   */
  it('revenue exactly ¥50,000,000.00 passes on the under-¥50m band’s rule when the 6% band’s rule fails; a fen more does not', () => {
    const edge = (revenue: string): Years => ({
      2022: { revenue: '280000000.00', mainBusinessRevenue: '280000000.00' },
      2023: { revenue: '300000000.00', mainBusinessRevenue: '290000000.00', rdExpense: '15000000.00', newEquityFinancing: '40000000.00' },
      2024: {
        revenue,
        mainBusinessRevenue: '48000000.00',
        rdExpense: '15000000.00',
        newEquityFinancing: '40000000.00',
        rdStaff: 100,
        employees: 200,
      },
    });
    const at = run(edge('50000000.00'));
    expect(find(at, 'rdByRevenueBand')).toMatchObject({ result: PASS, note: 'bands "medium" and "small" by 2024 revenue' });
    expect(find(at, 'rdByRevenueBand.medium').result).toBe(FAIL);
    expect(find(at, 'rdIntensityMedium.2023')).toMatchObject({ result: FAIL, value: '5.00' });
    expect(find(at, 'rdByRevenueBand.small').result).toBe(PASS);
    const over = run(edge('50000000.01'));
    expect(find(over, 'rdByRevenueBand')).toMatchObject({ result: FAIL, note: 'band "medium" by 2024 revenue' });
    expect(find(over, 'innovation').result).toBe(FAIL);
    expect(over.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('under ¥50m: new equity ≥ ¥80m and R&D ≥ ¥30m over 2 years, and R&D staff ≥ 50%', () => {
    const small: Years = {
      2022: { revenue: '36000000.00', mainBusinessRevenue: '36000000.00' },
      2023: { revenue: '40000000.00', mainBusinessRevenue: '38000000.00', rdExpense: '15000000.00', newEquityFinancing: '50000000.00' },
      2024: {
        revenue: '49999999.99',
        mainBusinessRevenue: '45000000.00',
        rdExpense: '15000000.00',
        newEquityFinancing: '30000000.00',
        rdStaff: 100,
        employees: 200,
      },
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
    const late = run({
      2022: { mainBusinessRevenue: '100000000.00' },
      2023: { mainBusinessRevenue: '100000000.00' },
      2024: { mainBusinessRevenue: '110000000.00' },
    });
    expect(find(late, 'mainBusinessGrowth')).toMatchObject({ result: PASS, value: '5.00' });
    const short = run({
      2022: { mainBusinessRevenue: '100000000.00' },
      2023: { mainBusinessRevenue: '100000000.00' },
      2024: { mainBusinessRevenue: '109999999.99' },
    });
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
    for (const key of ['smeSize', 'mainBusinessShare', 'mainBusinessGrowth', 'debtRatio', 'nicheMarketShare', 'rdByRevenueBand', 'class1Ip']) {
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

  it('years in the niche run from the entry (taken as the end of the entry year) to the end of last year; OTHER is outside the product fields', () => {
    // In the niche since 2021: by the end of 2024, 3 whole years even if the firm entered on 31 December 2021.
    expect(find(run({}, { enterprise: { nicheSinceYear: 2021 } }), 'yearsInNiche')).toMatchObject({ result: PASS, value: '3' });
    // Since 2022: 2022, 2023 and 2024 are three calendar years, but entered in, say, June 2022 it has 2½ by the end of 2024.
    expect(find(run({}, { enterprise: { nicheSinceYear: 2022 } }), 'yearsInNiche')).toMatchObject({ result: FAIL, value: '2' });
    expect(find(run({}, { enterprise: { nicheSinceYear: null } }), 'yearsInNiche').result).toBe(UNKNOWN);
    expect(find(run({}, { enterprise: { productField: ProductField.OTHER } }), 'productField')).toMatchObject({ result: FAIL, value: 'OTHER' });
    expect(find(run({}, { enterprise: { productField: ProductField.NEW_MATERIALS } }), 'productField').result).toBe(PASS);
  });

  it('the network-power fields count as product fields: information infrastructure, key core technologies, cyber and data security', () => {
    for (const field of [
      ProductField.INFORMATION_INFRASTRUCTURE,
      ProductField.KEY_CORE_TECHNOLOGIES,
      ProductField.CYBER_SECURITY,
      ProductField.DATA_SECURITY,
    ]) {
      expect(find(run({}, { enterprise: { productField: field } }), 'productField')).toMatchObject({ result: PASS, value: field });
    }
  });

  it('the innovation direct track: a national science award among the first three, or the 创客中国 top 50, meets innovation whatever the R&D', () => {
    // 2 IP rights short and R&D under 3%: the indicators fail.
    const weak: Years = { 2024: { class1IpCount: 0, rdExpense: '1200000.00' } };
    const none = run(weak);
    expect(find(none, 'innovationIndicators').result).toBe(FAIL);
    expect(find(none, 'innovationDirectTrack').result).toBe(FAIL);
    expect(none.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    const award = run(weak, { assessments: { ...INFO_SYSTEM, nationalScienceAwardTop3: 'true' } });
    expect(find(award, 'innovation').result).toBe(PASS);
    expect(award.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    const maker = run(weak, { assessments: { ...INFO_SYSTEM, makerInChinaTop50: 'true' } });
    expect(maker.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    // Not declared either way: the track may yet hold, so the verdict waits.
    const undeclared = run(weak, { assessments: { ...GENERAL, coreBusinessOnInformationSystem: 'true' } });
    expect(find(undeclared, 'innovation').result).toBe(UNKNOWN);
    expect(undeclared.verdict).toBe(EligibilityVerdict.UNDETERMINED);
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
    employees: 400,
  },
};
const SCORE_60 = { ...GENERAL, developmentScore: '60' };

describe('MIIT-2026-2 (little giant, 2026)', () => {
  const run = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2026, facts(LG2026, years, { assessments: SCORE_60, ...rest }));

  it('meeting every indicator with a development score of exactly 60 is ELIGIBLE', () => {
    const e = run();
    expect(results(e)).toEqual({
      smeSize: PASS,
      notOnAbnormalOrDishonestLists: PASS,
      noMajorAccidentOrTaxEvasion: PASS,
      provincialTitleAndNiche: PASS,
      revenue: PASS,
      mainBusinessShare: PASS,
      revenueGrowth: PASS,
      debtRatio: PASS,
      rdInvestment: PASS,
      intellectualProperty: PASS,
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
    const e = run({}, { assessments: GENERAL });
    expect(find(e, 'developmentScore')).toMatchObject({ result: UNKNOWN, value: null });
    expect(find(e, 'developmentScore').note).toMatch(/No stored data field/);
    expect(e.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    expect(run({}, { assessments: { ...GENERAL, developmentScore: '59.99' } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('needs a valid provincial SRDI title: a little-giant title counts, an expired or revoked one does not', () => {
    const lg = run({}, { certifications: [{ tier: Tier.LITTLE_GIANT, status: CertificationStatus.RENEWED, validUntil: '2027-01-01' }] });
    expect(find(lg, 'provincialTitle')).toMatchObject({ result: PASS, value: 'LITTLE_GIANT' });
    const expired = run({}, { certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.CERTIFIED, validUntil: '2025-05-31' }] });
    expect(find(expired, 'provincialTitle')).toMatchObject({ result: FAIL, value: 'none' });
    expect(find(expired, 'provincialTitleAndNiche').result).toBe(FAIL);
    const revoked = run({}, { certifications: [{ tier: Tier.SRDI_SME, status: CertificationStatus.REVOKED, validUntil: '2026-12-31' }] });
    expect(find(revoked, 'provincialTitle').result).toBe(FAIL);
    const innovativeOnly = run(
      {},
      { certifications: [{ tier: Tier.INNOVATIVE_SME, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' }] },
    );
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
    const exact = run({
      2022: { revenue: '100000000.00' },
      2023: { revenue: '105000000.00' },
      2024: { revenue: '110250000.00', mainBusinessRevenue: '104737500.00' },
    });
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

  it('at least 4 Class-I IP rights, or the waiver of a national science award among the first three', () => {
    const three = run({ 2024: { class1IpCount: 3 } }, { assessments: { ...SCORE_60, nationalScienceAwardTop3: 'false' } });
    expect(find(three, 'class1Ip')).toMatchObject({ result: FAIL, value: '3' });
    expect(find(three, 'intellectualProperty').result).toBe(FAIL);
    expect(three.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    const waived = run({ 2024: { class1IpCount: 0 } }, { assessments: { ...SCORE_60, nationalScienceAwardTop3: 'true' } });
    expect(find(waived, 'intellectualProperty').result).toBe(PASS);
    expect(waived.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    // The award not declared: the waiver may yet hold.
    expect(find(run({ 2024: { class1IpCount: 3 } }), 'intellectualProperty').result).toBe(UNKNOWN);
    expect(find(run({ 2024: { class1IpCount: null } }), 'class1Ip').result).toBe(UNKNOWN);
  });

  it('niche share ≥ 10% or top 3 nationally: under 10% without the ranking is UNKNOWN, not FAIL', () => {
    expect(find(run({ 2024: { nicheMarketShare: '10.00' } }), 'nichePosition').result).toBe(PASS);
    const small = run({ 2024: { nicheMarketShare: '9.99' } });
    expect(find(small, 'nicheMarketShare')).toMatchObject({ result: FAIL, value: '9.99' });
    expect(find(small, 'nichePosition').result).toBe(UNKNOWN);
    expect(small.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    const top3 = run({ 2024: { nicheMarketShare: '9.99' } }, { assessments: { ...GENERAL, developmentScore: '80', nationalTop3: 'true' } });
    expect(find(top3, 'nichePosition').result).toBe(PASS);
    const notTop3 = run({ 2024: { nicheMarketShare: '9.99' } }, { assessments: { ...GENERAL, developmentScore: '80', nationalTop3: 'false' } });
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

  describe('at re-review (复核)', () => {
    // Revenue fell 2022 → 2024 (¥150m → ¥135m → ¥150m is flat; here ¥160m → ¥150m): a new application fails on growth.
    const falling: Years = { 2022: { revenue: '160000000.00' } };
    const review = (assessments: Record<string, string>, years: Years = falling) =>
      run(years, { assessments: { ...GENERAL, ...assessments }, purpose: RE_REVIEW });

    it('growth is not checked: a firm whose revenue fell stays ELIGIBLE, the indicator shown as NOT_APPLICABLE', () => {
      expect(find(run(falling), 'revenueGrowth').result).toBe(FAIL);
      const e = review({ developmentScore: '60' });
      expect(e.purpose).toBe(RE_REVIEW);
      expect(find(e, 'revenueGrowth')).toMatchObject({ result: NOT_APPLICABLE, note: 'not checked at re-review (复核)' });
      expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    });

    it('a development score of at least 60 in either of the last 2 years suffices', () => {
      const earlier = review({ developmentScore: '55', developmentScorePreviousYear: '60' });
      expect(find(earlier, 'developmentScoreEitherOfLast2Years').result).toBe(PASS);
      expect(earlier.verdict).toBe(EligibilityVerdict.ELIGIBLE);
      const neither = review({ developmentScore: '59.99', developmentScorePreviousYear: '59' });
      expect(find(neither, 'developmentScoreEitherOfLast2Years').result).toBe(FAIL);
      expect(neither.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
      // Only this year's known and under 60: the earlier year may yet carry it.
      expect(review({ developmentScore: '55' }).verdict).toBe(EligibilityVerdict.UNDETERMINED);
      // A new application reads this year's score alone.
      const fresh = run({}, { assessments: { ...GENERAL, developmentScore: '55', developmentScorePreviousYear: '60' } });
      expect(find(fresh, 'developmentScore').result).toBe(FAIL);
      expect(fresh.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    });

    it('a new application is the default purpose', () => {
      expect(run().purpose).toBe(NEW_APPLICATION);
    });
  });
});

// ---------------------------------------------------------------- SRDI-PROVINCIAL-2022

/** Revenue 2024 exactly ¥10m, R&D ¥1m (10%), 60 staff, in the niche since 2022 (2 whole years by the end of 2024). */
const PROV: Years = {
  2022: {},
  2023: { revenue: '8000000.00', newEquityFinancing: '0.00' },
  2024: { revenue: '10000000.00', rdExpense: '1000000.00', newEquityFinancing: '0.00', employees: 60 },
};

describe('SRDI-PROVINCIAL-2022 (provincial SRDI SME, hard conditions)', () => {
  const run = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(PROVINCIAL, facts(PROV, years, { assessments: GENERAL, ...rest, enterprise: { nicheSinceYear: 2022, ...rest.enterprise } }));

  it('revenue exactly ¥10m, R&D exactly ¥1m, 2 years in the niche: ELIGIBLE', () => {
    const e = run();
    expect(results(e)).toEqual({
      smeSize: PASS,
      notOnAbnormalOrDishonestLists: PASS,
      noMajorAccidentOrTaxEvasion: PASS,
      yearsInNiche: PASS,
      rdLastYear: PASS,
      scale: PASS,
    });
    expect(find(e, 'smeSize').value).toBe('SMALL');
    expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    expect(find(e, 'yearsInNiche').value).toBe('2');
    expect(find(e, 'rdIntensity').value).toBe('10.00');
  });

  it('1 whole year in the niche fails', () => {
    expect(find(run({}, { enterprise: { nicheSinceYear: 2023 } }), 'yearsInNiche')).toMatchObject({ result: FAIL, value: '1' });
    expect(run({}, { enterprise: { nicheSinceYear: 2023 } }).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
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
    expect(assessmentProblems(MIIT_2026, { developmentScore: 'high' })).toEqual([
      '"developmentScore" takes a decimal score such as "72.5", not "high"',
    ]);
    expect(assessmentProblems(MIIT_2026, { revenue: '1' })[0]).toMatch(/"revenue" is not an assessed indicator of MIIT-2026-2/);
    expect(assessmentProblems(PROVINCIAL, { developmentScore: '70' })[0]).toMatch(
      /"developmentScore" is not an assessed indicator of SRDI-PROVINCIAL-2022 \(assessed: notOnAbnormalOrDishonestLists, noMajorAccidentOrTaxEvasion\)/,
    );
    expect(assessmentProblems(MIIT_2026, { developmentScorePreviousYear: '61' })).toEqual([]);
    expect(assessmentProblems(INNOVATIVE, { ipScore: '15', emergingIndustryScore: '10' })).toEqual([]);
    expect(assessmentProblems(INNOVATIVE, { ipScore: '12' })).toEqual([
      '"ipScore" takes the points of one of its levels (20, 15, 10, 5, 0), not "12"',
    ]);
    expect(assessmentProblems(MIIT_2022, { coreBusinessOnInformationSystem: 'maybe' })).toHaveLength(1);
  });
});

describe('assessments: what a refused one is told', () => {
  it('a points row read from stored data is not assessed: naming it lists the rows and indicators that are', () => {
    expect(assessmentProblems(INNOVATIVE, { rdIntensityScore: '20' })).toEqual([
      '"rdIntensityScore" is not an assessed indicator of INNOVATIVE-SME-2022 (assessed: notOnAbnormalOrDishonestLists, noMajorAccidentOrTaxEvasion, scienceAward, innovationQualification, provincialRdInstitution, ipScore, emergingIndustryScore)',
    ]);
  });

  it('values are read as the evaluator reads them: spaces and the case of true and false forgiven', () => {
    expect(assessmentProblems(INNOVATIVE, { ipScore: ' 15 ', emergingIndustryScore: '10' })).toEqual([]);
    expect(assessmentProblems(INNOVATIVE, { ipScore: 'abc' })).toEqual([
      '"ipScore" takes the points of one of its levels (20, 15, 10, 5, 0), not "abc"',
    ]);
    expect(assessmentProblems(MIIT_2026, { developmentScore: ' 72.5 ' })).toEqual([]);
    expect(
      assessmentProblems(MIIT_2022, { coreBusinessOnInformationSystem: ' False ', nationalScienceAwardTop3: 'TRUE', makerInChinaTop50: 'true' }),
    ).toEqual([]);
    expect(assessmentProblems(MIIT_2022, { makerInChinaTop50: 'false' })).toEqual([]);
    expect(assessmentProblems(MIIT_2022, { coreBusinessOnInformationSystem: 'maybe' })).toEqual([
      '"coreBusinessOnInformationSystem" takes "true" or "false", not "maybe"',
    ]);
  });
});

// ---------------------------------------------------------------- general conditions

describe('general conditions (every rule set)', () => {
  const run = (ruleSet: RuleSet, figures: Partial<YearFacts>, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(ruleSet, facts(LG2022, { 2024: figures }, { assessments: INFO_SYSTEM, ...rest }));

  it('a manufacturer with 1,000 staff and ¥400m of revenue is LARGE: never ELIGIBLE, under any rule set', () => {
    for (const ruleSet of RULE_SETS) {
      const e = run(ruleSet, { employees: 1000, revenue: '400000000.00' });
      expect(find(e, 'smeSize')).toMatchObject({ result: FAIL, value: 'LARGE' });
      expect(e.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    }
  });

  it('under either industry line is an SME: 999 staff with ¥500m, or 1,000 staff with ¥399,999,999.99', () => {
    expect(
      find(run(MIIT_2022, { employees: 999, revenue: '500000000.00', mainBusinessRevenue: '400000000.00', rdExpense: '20000000.00' }), 'smeSize'),
    ).toMatchObject({ result: PASS, value: 'MEDIUM' });
    expect(find(run(MIIT_2022, { employees: 1000, revenue: '399999999.99' }), 'smeSize')).toMatchObject({ result: PASS, value: 'MEDIUM' });
  });

  it('small and micro by the industry lines: 20 staff and ¥3m is small, 19 staff is micro', () => {
    expect(find(run(PROVINCIAL, { employees: 20, revenue: '3000000.00' }), 'smeSize').value).toBe('SMALL');
    expect(find(run(PROVINCIAL, { employees: 19, revenue: '3000000.00' }), 'smeSize').value).toBe('MICRO');
  });

  it('other sectors read their own lines: software (I65) is large from 300 staff and ¥100m, construction (E) by revenue and assets', () => {
    const software = { enterprise: { industry: 'I65 软件和信息技术服务业' } } as Partial<EligibilityFacts>;
    expect(find(run(MIIT_2022, { employees: 300, revenue: '100000000.00' }, software), 'smeSize')).toMatchObject({ result: FAIL, value: 'LARGE' });
    expect(find(run(MIIT_2022, { employees: 299, revenue: '100000000.00' }, software), 'smeSize')).toMatchObject({ result: PASS, value: 'MEDIUM' });
    const building = { enterprise: { industry: 'E47 房屋建筑业' } } as Partial<EligibilityFacts>;
    const big = run(MIIT_2022, { revenue: '800000000.00', totalAssets: '800000000.00', totalLiabilities: '100000000.00' }, building);
    expect(find(big, 'smeSize')).toMatchObject({ result: FAIL, value: 'LARGE' });
    expect(find(big, 'smeSize').note).toMatch(/CONSTRUCTION lines \(art\. 4\(3\) 建筑业\)/);
  });

  it('recorded as LARGE fails whatever the figures; an industry without a GB/T 4754 code leaves the size UNKNOWN', () => {
    const declared = run(MIIT_2022, {}, { enterprise: { sizeClass: SizeClass.LARGE } });
    expect(find(declared, 'smeSize')).toMatchObject({ result: FAIL, value: 'LARGE', note: 'recorded as LARGE on the enterprise record' });
    expect(declared.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    const vague = run(MIIT_2022, {}, { enterprise: { industry: '机械' } });
    expect(find(vague, 'smeSize').result).toBe(UNKNOWN);
    expect(vague.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    expect(find(run(MIIT_2022, { employees: null }), 'smeSize')).toMatchObject({ result: UNKNOWN, note: 'employees missing from the 2024 report' });
  });

  it('the list and accident conditions are assessed: unrecorded they leave the verdict UNDETERMINED, "false" makes it NOT_ELIGIBLE', () => {
    const unrecorded = run(MIIT_2022, {}, { assessments: { ...INFO_SYSTEM, notOnAbnormalOrDishonestLists: undefined as never } });
    expect(find(unrecorded, 'notOnAbnormalOrDishonestLists').result).toBe(UNKNOWN);
    expect(unrecorded.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    const listed = run(MIIT_2022, {}, { assessments: { ...INFO_SYSTEM, notOnAbnormalOrDishonestLists: 'false' } });
    expect(listed.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    const accident = run(MIIT_2026, {}, { assessments: { ...SCORE_60, noMajorAccidentOrTaxEvasion: 'false' } });
    expect(find(accident, 'noMajorAccidentOrTaxEvasion')).toMatchObject({ result: FAIL, dimension: 'GENERAL' });
    expect(accident.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });
});

// ---------------------------------------------------------------- INNOVATIVE-SME-2022

/**
 * An innovative SME scored on the table: 2024 revenue ¥25m, main business ¥20.7m (82.8%: 20 points), up 15%
 * exactly from ¥18m (20 points); R&D ¥1.25m = 5% exactly (20 points); debt ¥5.5m of ¥10m = 55% exactly
 * (10 points); 50 staff (small). With IP assessed at 10 and the field at 5: innovation 30, growth 30,
 * specialization 25, 85 in all. No direct track: no new equity.
 */
const INNO: Years = {
  2022: { newEquityFinancing: '0.00' },
  2023: { revenue: '20000000.00', mainBusinessRevenue: '18000000.00', newEquityFinancing: '0.00' },
  2024: {
    revenue: '25000000.00',
    mainBusinessRevenue: '20700000.00',
    rdExpense: '1250000.00',
    totalAssets: '10000000.00',
    totalLiabilities: '5500000.00',
    employees: 50,
    newEquityFinancing: '0.00',
  },
};
const SCORED = {
  ...GENERAL,
  ipScore: '10',
  emergingIndustryScore: '5',
  scienceAward: 'false',
  innovationQualification: 'false',
  provincialRdInstitution: 'false',
};

describe('INNOVATIVE-SME-2022 (innovative SME)', () => {
  const run = (years: Years = {}, assessments: Record<string, string> = SCORED) =>
    evaluate(INNOVATIVE, facts(INNO, years, { assessments, certifications: [] }));
  const points = (e: EligibilityEvaluation, key: string) => find(e, key).value;

  it('scores the table by hand: 20 + 10 innovation, 20 + 10 growth, 20 + 5 specialization = 85, ELIGIBLE', () => {
    const e = run();
    expect(points(e, 'rdIntensityScore')).toBe('20');
    expect(find(e, 'rdIntensityScore').note).toBe('5.00% in 2024');
    expect(points(e, 'mainBusinessGrowthScore')).toBe('20');
    expect(points(e, 'debtRatioScore')).toBe('10');
    expect(points(e, 'mainBusinessShareScore')).toBe('20');
    expect(points(e, 'ipScore')).toBe('10');
    expect(find(e, 'points')).toMatchObject({ result: PASS, value: '85', note: 'parts: INNOVATION 30, GROWTH 30, SPECIALIZATION 25' });
    expect(find(e, 'directTrack').result).toBe(FAIL);
    expect(e.verdict).toBe(EligibilityVerdict.ELIGIBLE);
  });

  it('a value on the edge of two levels takes the higher score: R&D exactly 3% scores 15, debt exactly 75% scores 5', () => {
    const e = run({ 2024: { rdExpense: '750000.00', totalLiabilities: '7500000.00' } });
    expect(points(e, 'rdIntensityScore')).toBe('15');
    expect(points(e, 'debtRatioScore')).toBe('5');
    const below = run({ 2024: { rdExpense: '749999.99', totalLiabilities: '7500000.01' } });
    expect(points(below, 'rdIntensityScore')).toBe('10');
    expect(points(below, 'debtRatioScore')).toBe('0');
  });

  it('80 in all is not enough when a part is short: growth 10 (revenue fell, debt 55%) fails under its 15', () => {
    const e = run({ 2024: { mainBusinessRevenue: '17999999.99' } }, { ...SCORED, ipScore: '20', emergingIndustryScore: '10' });
    expect(points(e, 'mainBusinessGrowthScore')).toBe('0');
    expect(find(e, 'points')).toMatchObject({ result: FAIL, value: '80', note: 'parts: INNOVATION 40, GROWTH 10, SPECIALIZATION 30' });
    expect(e.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
  });

  it('a row not yet scored: it passes if it would with 0 there, fails if it would not even with the most, and waits in between', () => {
    const { ipScore: _ip, ...noIp } = SCORED;
    // 0 for IP still leaves innovation at 20 and 75 in all.
    expect(find(run({}, noIp), 'points')).toMatchObject({ result: PASS, value: '75' });
    // R&D under 1% (0 points): innovation needs the IP row's 20 to reach 20.
    const thin = run({ 2024: { rdExpense: '200000.00' } }, noIp);
    expect(find(thin, 'points')).toMatchObject({ result: UNKNOWN, value: '55' });
    expect(find(thin, 'points').note).toMatch(/not scored: ipScore \(at most 75 in total\)/);
    expect(thin.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });

  it('a direct track makes the table unnecessary: ¥5m of new equity over 3 years, or an assessed qualification', () => {
    const weak: Years = { 2024: { rdExpense: '0.00', mainBusinessRevenue: '10000000.00' } };
    expect(run(weak).verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    const equity = run({
      ...weak,
      2022: { newEquityFinancing: '2000000.00' },
      2023: { ...INNO[2023], newEquityFinancing: '2000000.00' },
      2024: { ...weak[2024], newEquityFinancing: '1000000.00' },
    });
    expect(find(equity, 'newEquity3Years')).toMatchObject({ result: PASS, value: '5000000.00', threshold: '≥ ¥5,000,000 over 2022–2024 in total' });
    expect(equity.verdict).toBe(EligibilityVerdict.ELIGIBLE);
    expect(run(weak, { ...SCORED, innovationQualification: 'true' }).verdict).toBe(EligibilityVerdict.ELIGIBLE);
  });
});

/** Wrong verdicts that mutation testing showed no test would have caught (issue 12, item 7). */
describe('what the evaluator must never get wrong', () => {
  const lg2022 = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2022, facts(LG2022, years, { assessments: INFO_SYSTEM, ...rest }));
  const lg2026 = (years: Years = {}) => evaluate(MIIT_2026, facts(LG2026, years, { assessments: { ...GENERAL, developmentScore: '60' } }));

  it('growth from a zero or negative base year is undefined: UNKNOWN with the reason, never PASS', () => {
    for (const base of ['0.00', '-1000.00']) {
      const average = lg2022({ 2022: { mainBusinessRevenue: base } });
      expect(find(average, 'mainBusinessGrowth')).toMatchObject({ result: UNKNOWN, value: null });
      expect(find(average, 'mainBusinessGrowth').note).toMatch(/in 2022 is zero, so growth from it is undefined/);
      expect(average.verdict).toBe(EligibilityVerdict.UNDETERMINED);
      // The middle year is a base of the average too.
      expect(find(lg2022({ 2023: { mainBusinessRevenue: base } }), 'mainBusinessGrowth')).toMatchObject({ result: UNKNOWN });
      const cagr = lg2026({ 2022: { revenue: base } });
      expect(find(cagr, 'revenueGrowth')).toMatchObject({ result: UNKNOWN });
      expect(find(cagr, 'revenueGrowth').note).toMatch(/in 2022 is zero/);
    }
  });

  it('a figure that is not a plain decimal is unreadable: UNKNOWN, never read as some other number and never an exception', () => {
    for (const bad of ['1e3', '12,5', ' 100.00', '1_000.00', '0x10', '+100.00', '100.', '.5', '']) {
      const e = lg2022({ 2024: { revenue: bad } });
      expect(find(e, 'mainBusinessShare')).toMatchObject({ result: UNKNOWN, value: null });
      expect(e.verdict).not.toBe(EligibilityVerdict.ELIGIBLE);
    }
    // Absurdly long figures are refused too, rather than risk an inexact comparison.
    expect(find(lg2022({ 2024: { revenue: `1${'0'.repeat(40)}.00` } }), 'mainBusinessShare').result).toBe(UNKNOWN);
    // The longest figure NUMERIC(18,2) holds is read exactly.
    expect(find(lg2022({ 2024: { revenue: '9999999999999999.99', mainBusinessRevenue: '9999999999999999.99' } }), 'mainBusinessShare')).toMatchObject(
      { result: PASS, value: '100.00' },
    );
  });

  it('is exact at the sizes NUMERIC(18,2) stores: 70% of the largest revenue passes, a fen less fails', () => {
    // 7,000,000,000,000,000.00 / 10,000,000,000,000,000.00 — beyond what a double holds to the fen.
    const at = lg2022({ 2024: { revenue: '9999999999999999.90', mainBusinessRevenue: '6999999999999999.93' } });
    expect(find(at, 'mainBusinessShare').result).toBe(PASS);
    const below = lg2022({ 2024: { revenue: '9999999999999999.90', mainBusinessRevenue: '6999999999999999.92' } });
    expect(find(below, 'mainBusinessShare').result).toBe(FAIL);
    expect(Number('6999999999999999.92') / Number('9999999999999999.90') >= 0.7).toBe(true); // what floating point would have said
  });

  it('says which years it judged, in the threshold text', () => {
    const e = lg2022();
    expect(find(e, 'mainBusinessShare').threshold).toBe('≥ 70% in 2024');
    expect(find(e, 'mainBusinessGrowth').threshold).toMatch(/2022.*2024/);
    const later = lg2022({}, { asOfYear: 2024 });
    expect(find(later, 'mainBusinessShare').threshold).toBe('≥ 70% in 2023');
    expect(find(lg2026(), 'revenueGrowth').threshold).toMatch(/2022.*2024/);
  });

  it('an assessed yes/no decides the outcome when all else passes: "true" ELIGIBLE, "false" NOT_ELIGIBLE, anything else refused', () => {
    expect(lg2022().verdict).toBe(EligibilityVerdict.ELIGIBLE);
    const no = lg2022({}, { assessments: { ...INFO_SYSTEM, coreBusinessOnInformationSystem: 'false' } });
    expect(find(no, 'coreBusinessOnInformationSystem')).toMatchObject({ result: FAIL, value: 'no' });
    expect(find(lg2022(), 'coreBusinessOnInformationSystem')).toMatchObject({ result: PASS, value: 'yes' });
    expect(no.verdict).toBe(EligibilityVerdict.NOT_ELIGIBLE);
    expect(assessmentProblems(MIIT_2022, { coreBusinessOnInformationSystem: 'yes' })).toEqual([
      expect.stringMatching(/coreBusinessOnInformationSystem/),
    ]);
  });
});

/**
 * The threshold texts and notes enterprises and reviewers read beside each result: they must name the
 * figures, the years and the reason, exactly (issue 12, item 7).
 */
describe('what enterprises and reviewers are shown', () => {
  const lg2022 = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2022, facts(LG2022, years, { assessments: INFO_SYSTEM, ...rest }));
  const lg2026 = (years: Years = {}, rest: Partial<EligibilityFacts> = {}) =>
    evaluate(MIIT_2026, facts(LG2026, years, { assessments: SCORE_60, ...rest }));
  const innovative = (years: Years = {}, assessments: Record<string, string> = SCORED) =>
    evaluate(INNOVATIVE, facts(INNO, years, { assessments, certifications: [] }));
  const thresholds = (e: EligibilityEvaluation, keys: string[]) => Object.fromEntries(keys.map((k) => [k, find(e, k).threshold]));

  it('every threshold names the line and the years judged, for each kind of window', () => {
    expect(
      thresholds(lg2022(), [
        'smeSize',
        'yearsInNiche',
        'mainBusinessShare',
        'mainBusinessGrowth',
        'debtRatio',
        'class1Ip',
        'rdIntensityLarge',
        'rdIntensityLarge.2023',
        'qualityCertification',
        'coreBusinessOnInformationSystem',
        'innovation',
        'innovationIndicators',
        'rdByRevenueBand',
        'rdByRevenueBand.large',
      ]),
    ).toEqual({
      smeSize: 'not LARGE by the size lines of 工信部联企业〔2011〕300号, 2024 figures',
      yearsInNiche: '≥ 3 years by the end of 2024',
      mainBusinessShare: '≥ 70% in 2024',
      mainBusinessGrowth: '≥ 5% (average of the 2022→2023 and 2023→2024 growth rates)',
      debtRatio: '≤ 70% in 2024',
      class1Ip: '≥ 2 in 2024',
      rdIntensityLarge: '≥ 3% in each of 2023 and 2024',
      'rdIntensityLarge.2023': '≥ 3% in 2023',
      qualityCertification: 'yes',
      coreBusinessOnInformationSystem: 'yes (assessed)',
      innovation: 'at least one of the conditions',
      innovationIndicators: 'all of the conditions',
      rdByRevenueBand: 'the conditions of a band last year’s revenue falls in (on an edge, of either band)',
      'rdByRevenueBand.large': 'revenue ¥100,000,000 or more: all of the conditions',
    });
    expect(thresholds(lg2026(), ['revenue', 'revenueGrowth', 'rdExpenseTotal', 'provincialTitle', 'developmentScore'])).toEqual({
      revenue: '≥ ¥50,000,000 in 2024',
      revenueGrowth: '≥ 5% (compound annual growth 2022→2024)',
      rdExpenseTotal: '≥ ¥12,000,000 over 2023–2024 in total',
      provincialTitle: 'a valid SRDI_SME title or a higher one on 2025-06-01',
      developmentScore: '≥ 60 (assessed)',
    });
    // A year later, every window moves with it.
    expect(
      thresholds(evaluate(MIIT_2026, facts(LG2026, {}, { assessments: SCORE_60, asOfYear: 2026 })), [
        'revenueGrowth',
        'rdExpenseTotal',
        'rdIntensity',
      ]),
    ).toEqual({
      revenueGrowth: '≥ 5% (compound annual growth 2023→2025)',
      rdExpenseTotal: '≥ ¥12,000,000 over 2024–2025 in total',
      rdIntensity: '≥ 3% in each of 2024 and 2025',
    });
    expect(find(lg2026({}, { enterprise: { productField: ProductField.OTHER } }), 'productField').threshold).toBe(
      'one of CORE_BASIC_COMPONENTS, KEY_BASIC_ELECTRONIC_COMPONENTS, KEY_BASIC_SOFTWARE, KEY_BASIC_MATERIALS, ADVANCED_BASIC_PROCESSES, INDUSTRIAL_TECHNOLOGY_BASE',
    );
  });

  it('the other revenue bands are named by their edges', () => {
    const medium = lg2022({ 2024: { revenue: '80000000.00' } });
    expect(find(medium, 'rdByRevenueBand.medium').threshold).toBe('revenue ¥50,000,000 to ¥100,000,000: all of the conditions');
    const small = lg2022({ 2024: { revenue: '40000000.00' } });
    expect(find(small, 'rdByRevenueBand.small').threshold).toBe('revenue up to ¥50,000,000: all of the conditions');
    expect(find(small, 'rdByRevenueBand').note).toBe('band "small" by 2024 revenue');
  });

  it('growth notes give the yearly figures the rate was worked from', () => {
    expect(find(lg2022(), 'mainBusinessGrowth').note).toBe(
      'main-business revenue 2022: ¥95,000,000.00, 2023: ¥100,000,000.00, 2024: ¥110,000,000.00',
    );
    // Compound growth reads the first and the last year only.
    expect(find(lg2026(), 'revenueGrowth').note).toBe('revenue 2022: ¥120,000,000.00, 2024: ¥150,000,000.00');
    expect(find(lg2022({ 2022: { mainBusinessRevenue: '95000000.05' } }), 'mainBusinessGrowth').note).toMatch(
      /^main-business revenue 2022: ¥95,000,000\.05, /,
    );
  });

  it('the SME size note names the sector’s lines and the figures they were read against', () => {
    expect(find(lg2022(), 'smeSize').note).toBe('INDUSTRY lines (art. 4(2) 工业); 2024: employees 200, revenue ¥120,000,000.00');
    const building = lg2022({ 2024: { totalAssets: '300000000.00' } }, { enterprise: { industry: 'E47 房屋建筑业' } });
    expect(find(building, 'smeSize')).toMatchObject({
      value: 'MEDIUM',
      note: 'CONSTRUCTION lines (art. 4(3) 建筑业); 2024: revenue ¥120,000,000.00, total assets ¥300,000,000.00',
    });
    expect(find(lg2022({}, { enterprise: { industry: '机械' } }), 'smeSize').note).toBe(
      'the industry "机械" names no sector of the size lines (a GB/T 4754 code is needed)',
    );
    expect(find(lg2022({}, { enterprise: { industry: null } }), 'smeSize')).toMatchObject({
      result: UNKNOWN,
      note: 'the industry "" names no sector of the size lines (a GB/T 4754 code is needed)',
    });
  });

  it('what is not recorded is named: the niche entry year, a flag, the product field, the certifications', () => {
    expect(find(lg2022({}, { enterprise: { nicheSinceYear: null } }), 'yearsInNiche')).toMatchObject({
      result: UNKNOWN,
      threshold: '≥ 3 years by the end of 2024',
      note: 'the year the enterprise entered its niche is not recorded',
    });
    expect(find(lg2022(), 'yearsInNiche').note).toBe('in the niche since 2018: whole years from the end of 2018 to the end of 2024');
    expect(find(lg2022({}, { enterprise: { hasOwnBrand: null } }), 'ownBrand')).toMatchObject({
      result: UNKNOWN,
      threshold: 'yes',
      note: 'not recorded on the enterprise',
    });
    expect(find(lg2022({}, { enterprise: { hasOwnBrand: false } }), 'ownBrand')).toMatchObject({ result: FAIL, threshold: 'yes', value: 'no' });
    expect(find(lg2022(), 'ownBrand')).toMatchObject({ result: PASS, value: 'yes' });
    const noField = lg2022({}, { enterprise: { productField: null } });
    expect(find(noField, 'productField')).toMatchObject({ result: UNKNOWN, value: null, note: 'the product field is not recorded' });
    expect(noField.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    const noCerts = lg2026({}, { certifications: undefined });
    expect(find(noCerts, 'provincialTitle')).toMatchObject({ result: UNKNOWN, note: 'the enterprise’s certifications are not known' });
    expect(noCerts.verdict).toBe(EligibilityVerdict.UNDETERMINED);
  });

  it('titles held are all listed; a title too low says what was needed', () => {
    const both = lg2026(
      {},
      {
        certifications: [
          { tier: Tier.LITTLE_GIANT, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' },
          { tier: Tier.SRDI_SME, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' },
        ],
      },
    );
    expect(find(both, 'provincialTitle')).toMatchObject({ result: PASS, value: 'SRDI_SME, LITTLE_GIANT', note: null });
    const low = lg2026({}, { certifications: [{ tier: Tier.INNOVATIVE_SME, status: CertificationStatus.CERTIFIED, validUntil: '2026-12-31' }] });
    expect(find(low, 'provincialTitle')).toMatchObject({ result: FAIL, value: 'INNOVATIVE_SME', note: 'no valid title of SRDI_SME or higher' });
  });

  it('an assessment is read with its spaces and case forgiven; one of the wrong form is UNKNOWN, quoting it', () => {
    expect(find(lg2026({}, { assessments: { ...GENERAL, developmentScore: ' 72.5 ' } }), 'developmentScore')).toMatchObject({
      result: PASS,
      value: '72.5',
    });
    const high = lg2026({}, { assessments: { ...GENERAL, developmentScore: 'high' } });
    expect(find(high, 'developmentScore')).toMatchObject({ result: UNKNOWN, value: null, note: 'the assessed score "high" is not a decimal number' });
    expect(high.verdict).toBe(EligibilityVerdict.UNDETERMINED);
    const top3 = (v: string) =>
      find(lg2026({ 2024: { nicheMarketShare: '9.99' } }, { assessments: { ...SCORE_60, nationalTop3: v } }), 'nationalTop3');
    expect(top3(' TRUE ')).toMatchObject({ result: PASS, value: 'yes' });
    expect(top3('False')).toMatchObject({ result: FAIL, value: 'no' });
    expect(top3('maybe')).toMatchObject({ result: UNKNOWN, value: null, note: 'the assessment "maybe" is neither "true" nor "false"' });
  });

  it('an unreadable figure says which figure of which year', () => {
    expect(find(lg2022({ 2024: { revenue: '1e3' } }), 'mainBusinessShare').note).toBe('revenue in the 2024 report is not a decimal number');
    // A count that is not a whole number is unreadable as well.
    expect(find(lg2022({ 2024: { employees: 1.5 } }), 'smeSize')).toMatchObject({
      result: UNKNOWN,
      note: 'employees in the 2024 report is not a decimal number',
    });
  });

  it('figures of up to 40 digits are read exactly; longer ones are refused', () => {
    // 38 digits before the point and 2 after: 40 in all.
    const big = `1${'0'.repeat(37)}.00`;
    expect(find(lg2022({ 2024: { revenue: big, mainBusinessRevenue: `7${'0'.repeat(36)}.00` } }), 'mainBusinessShare')).toMatchObject({
      result: PASS,
      value: '70.00',
    });
    expect(find(lg2022({ 2024: { revenue: `1${'0'.repeat(38)}.00` } }), 'mainBusinessShare')).toMatchObject({
      result: UNKNOWN,
      note: 'revenue in the 2024 report is not a decimal number',
    });
  });

  it('a failing value is never shown as the threshold, however many decimals that takes', () => {
    // A fen short of 70% of the largest revenue NUMERIC(18,2) holds: 70 − 10⁻¹⁶ %, which 10 decimals would round to "70.0000000000".
    const share = find(lg2022({ 2024: { revenue: '9999999999999999.90', mainBusinessRevenue: '6999999999999999.92' } }), 'mainBusinessShare');
    expect(share).toMatchObject({ result: FAIL, value: '69.9999999999999999' });
    // A debt ratio a fen over 70% of assets that large.
    const debt = find(lg2022({ 2024: { totalAssets: '9999999999999999.90', totalLiabilities: '6999999999999999.94' } }), 'debtRatio');
    expect(debt).toMatchObject({ result: FAIL, value: '70.0000000000000001' });
  });

  it('a window of two years names its weakest year and why a year is unknown; on a tie the earlier year', () => {
    expect(find(lg2022({ 2023: null }), 'rdIntensityLarge')).toMatchObject({
      result: UNKNOWN,
      value: '4.00',
      note: 'weakest year 2024; no financial report for 2023',
    });
    const neither = lg2022({ 2023: { rdExpense: null }, 2024: { rdExpense: null } });
    expect(find(neither, 'rdIntensityLarge')).toMatchObject({
      result: UNKNOWN,
      value: null,
      note: 'R&D expense missing from the 2023 report; R&D expense missing from the 2024 report',
    });
    expect(find(neither, 'rdIntensityLarge.2023').description).toMatch(/: 2023$/);
    expect(find(lg2022({ 2023: { rdExpense: '3300000.00' }, 2024: { rdExpense: '3600000.00' } }), 'rdIntensityLarge').note).toBe('weakest year 2023');
  });

  it('without last year’s revenue the band is unknown, and the note says why', () => {
    const e = lg2022({ 2024: { revenue: null } });
    expect(find(e, 'rdByRevenueBand')).toMatchObject({
      result: UNKNOWN,
      value: null,
      note: 'revenue missing from the 2024 report; so the revenue band is unknown',
    });
  });

  it('a points table shows each row’s scale, what it measured, and which rows are not scored', () => {
    const e = innovative();
    expect(thresholds(e, ['points', 'ipScore', 'rdIntensityScore', 'mainBusinessGrowthScore', 'debtRatioScore', 'emergingIndustryScore'])).toEqual({
      points: '≥ 60 in total, INNOVATION ≥ 20, GROWTH ≥ 15, SPECIALIZATION ≥ 15',
      ipScore:
        '20: At least 1 high-value Class-I right; 15: At least 1 self-developed Class-I right; 10: At least 1 Class-I right; 5: At least 1 Class-II right; 0: None',
      rdIntensityScore: '20 if ≥ 5%; 15 if 3%–5%; 10 if 2%–3%; 5 if 1%–2%; 0 if ≤ 1%',
      mainBusinessGrowthScore: '20 if ≥ 15%; 15 if 10%–15%; 10 if 5%–10%; 5 if 0%–5%; 0 if ≤ 0%',
      debtRatioScore: '10 if ≤ 55%; 5 if 55%–75%; 0 if ≥ 75%',
      emergingIndustryScore: '10: In the strategic emerging industries classification (战略性新兴产业分类); 5: Any other field',
    });
    expect(find(e, 'mainBusinessGrowthScore').note).toBe('15.00% growth 2023→2024');
    expect(find(e, 'debtRatioScore').note).toBe('55.00% in 2024');
    expect(find(e, 'ipScore').note).toBe('At least 1 Class-I right; supplied as an assessment');

    const { ipScore: _ip, emergingIndustryScore: _field, ...unscored } = SCORED;
    const open = innovative({}, unscored);
    expect(find(open, 'ipScore')).toMatchObject({
      result: UNKNOWN,
      value: null,
      note: 'no stored data field: recorded as an assessment of the points (20, 15, 10, 5, 0)',
    });
    expect(find(open, 'emergingIndustryScore').note).toBe('no stored data field: recorded as an assessment of the points (10, 5)');
    expect(find(open, 'points')).toMatchObject({
      result: PASS,
      value: '70',
      note: 'parts: INNOVATION 20, GROWTH 30, SPECIALIZATION 20; not scored: ipScore, emergingIndustryScore (at most 100 in total)',
    });
  });

  it('assessed points are one of the row’s levels, spaces forgiven; anything else leaves the row unscored, quoting it', () => {
    expect(find(innovative({}, { ...SCORED, ipScore: ' 15 ' }), 'ipScore')).toMatchObject({
      result: PASS,
      value: '15',
      note: 'At least 1 self-developed Class-I right; supplied as an assessment',
    });
    for (const given of ['12', 'abc']) {
      const e = innovative({}, { ...SCORED, ipScore: given });
      expect(find(e, 'ipScore')).toMatchObject({
        result: UNKNOWN,
        value: null,
        note: `the assessed points "${given}" are not one of 20, 15, 10, 5, 0`,
      });
      expect(find(e, 'points').note).toBe('parts: INNOVATION 20, GROWTH 30, SPECIALIZATION 25; not scored: ipScore (at most 95 in total)');
    }
  });

  it('a growth row without its base year, its last year, or from a zero base is unscored, saying why', () => {
    const row = (years: Years) => find(innovative(years), 'mainBusinessGrowthScore');
    expect(row({ 2023: { mainBusinessRevenue: '0.00' } })).toMatchObject({
      result: UNKNOWN,
      value: null,
      note: 'main-business revenue in 2023 is zero, so growth from it is undefined',
    });
    expect(row({ 2023: { mainBusinessRevenue: '-5.00' } })).toMatchObject({
      result: UNKNOWN,
      note: 'main-business revenue in 2023 is zero, so growth from it is undefined',
    });
    expect(row({ 2023: { mainBusinessRevenue: null } })).toMatchObject({
      result: UNKNOWN,
      note: 'main-business revenue missing from the 2023 report',
    });
    expect(row({ 2024: { mainBusinessRevenue: null } })).toMatchObject({
      result: UNKNOWN,
      note: 'main-business revenue missing from the 2024 report',
    });
    expect(row({ 2023: null })).toMatchObject({ result: UNKNOWN, note: 'no financial report for 2023' });
  });

  it('at re-review a condition not checked says so in its threshold too', () => {
    const e = evaluate(MIIT_2026, facts(LG2026, {}, { assessments: SCORE_60, purpose: RE_REVIEW }));
    expect(find(e, 'revenueGrowth')).toMatchObject({ result: NOT_APPLICABLE, threshold: 'not checked at re-review (复核)', value: null });
  });

  it('the breakdown lists every judged indicator flat, parents first, each with its parent and depth', () => {
    const e = lg2022();
    const row = (key: string) => e.breakdown.find((r) => r.key === key);
    expect(row('smeSize')).toMatchObject({ parentKey: null, depth: 0, result: PASS });
    expect(row('innovationIndicators')).toMatchObject({ parentKey: 'innovation', depth: 1 });
    expect(row('rdByRevenueBand.large')).toMatchObject({ parentKey: 'rdByRevenueBand', depth: 3 });
    expect(row('rdIntensityLarge.2024')).toMatchObject({ parentKey: 'rdIntensityLarge', depth: 5, value: '4.00' });
    const keys = e.breakdown.map((r) => r.key);
    expect(keys.indexOf('innovation')).toBeLessThan(keys.indexOf('rdIntensityLarge.2023'));
    expect(e.breakdown).toHaveLength(25);
    expect(e.breakdown.every((r) => !('details' in r))).toBe(true);
  });

  it('a fractional year of assessment is refused, not judged', () => {
    expect(() => evaluate(MIIT_2022, { ...facts(LG2022), asOfYear: 2024.5 })).toThrow(new RangeError('asOfYear must be an integer, not 2024.5'));
  });
});

/**
 * The evaluator judges whatever the rule-set data combines, not only the combinations the sets in force
 * happen to use: these rule sets are built from the real indicators to reach the other combinations.
 */
describe('combinations the rule-set data may use', () => {
  const indicator = (set: RuleSet, key: string) => JSON.parse(JSON.stringify(allIndicators(set).find((i) => i.key === key)!));
  const withIndicators = (base: RuleSet, indicators: RuleSet['indicators']): RuleSet => ({ ...base, code: `${base.code}-TEST`, indicators });

  it('at re-review a condition not checked counts for neither side: alone in a group the group is not checked either', () => {
    const growth = indicator(MIIT_2026, 'revenueGrowth');
    const revenue = indicator(MIIT_2026, 'revenue');
    const group = (kind: IndicatorKind, conditions: RuleSet['indicators'], years: Years = {}) =>
      find(
        evaluate(
          withIndicators(MIIT_2026, [{ key: 'group', description: 'a group', kind, conditions }]),
          facts(LG2026, years, { purpose: RE_REVIEW }),
        ),
        'group',
      ).result;
    const poor: Years = { 2024: { revenue: '49999999.99' } };
    expect(group(IndicatorKind.ALL_OF, [growth])).toBe(NOT_APPLICABLE);
    expect(group(IndicatorKind.ANY_OF, [growth])).toBe(NOT_APPLICABLE);
    // Beside a checked condition, the group goes by it.
    expect(group(IndicatorKind.ALL_OF, [growth, revenue])).toBe(PASS);
    expect(group(IndicatorKind.ALL_OF, [growth, revenue], poor)).toBe(FAIL);
    expect(group(IndicatorKind.ANY_OF, [growth, revenue])).toBe(PASS);
    expect(group(IndicatorKind.ANY_OF, [growth, revenue], poor)).toBe(FAIL);
  });

  it('a ceiling in each of 2 years: the higher year is the weakest, on a tie the earlier one', () => {
    const debt = { ...indicator(MIIT_2022, 'debtRatio'), window: EvaluationWindow.EACH_OF_2_YEARS };
    const run = (liabilities2023: string, liabilities2024: string) =>
      find(
        evaluate(
          withIndicators(MIIT_2022, [debt]),
          facts(LG2022, { 2023: { totalAssets: '200000000.00', totalLiabilities: liabilities2023 }, 2024: { totalLiabilities: liabilities2024 } }),
        ),
        'debtRatio',
      );
    expect(run('120000000.00', '100000000.00')).toMatchObject({
      result: PASS,
      value: '60.00',
      threshold: '≤ 70% in each of 2023 and 2024',
      note: 'weakest year 2023',
    });
    expect(run('100000000.00', '120000000.00')).toMatchObject({ result: PASS, value: '60.00', note: 'weakest year 2024' });
    expect(run('100000000.00', '100000000.00').note).toBe('weakest year 2023');
    const over = run('140000000.02', '100000000.00');
    expect(over).toMatchObject({ result: FAIL, value: '70.00000001', note: 'weakest year 2023' });
    expect(find(over.details, 'debtRatio.2023')).toMatchObject({ result: FAIL, threshold: '≤ 70% in 2023' });
  });

  it('a ratio over two years in total divides the sums; with no revenue in either year it is undefined, naming both', () => {
    const intensity = { ...indicator(PROVINCIAL, 'rdIntensity'), window: EvaluationWindow.TWO_YEAR_TOTAL };
    const run = (years: Years) => find(evaluate(withIndicators(PROVINCIAL, [intensity]), facts(PROV, years)), 'rdIntensity');
    // (¥0.2m + ¥1m) / (¥8m + ¥10m) = 6.67%.
    expect(run({ 2023: { rdExpense: '200000.00' } })).toMatchObject({ result: PASS, value: '6.67', threshold: '≥ 3% over 2023–2024 in total' });
    expect(run({ 2023: { rdExpense: '0.00', revenue: '0.00' }, 2024: { revenue: '0.00' } })).toMatchObject({
      result: UNKNOWN,
      note: 'revenue is zero in 2023 + 2024, so the ratio is undefined',
    });
  });

  it('an assessed indicator without a note of its own says it was not assessed', () => {
    const plain = { ...indicator(MIIT_2022, 'coreBusinessOnInformationSystem'), note: undefined };
    const e = evaluate(withIndicators(MIIT_2022, [plain]), facts(LG2022, {}, { assessments: {} }));
    expect(find(e, 'coreBusinessOnInformationSystem')).toMatchObject({ result: UNKNOWN, note: 'no stored data field; not assessed' });
  });

  it('a rule set with no assessed indicator says so to whoever names one', () => {
    const figuresOnly = withIndicators(MIIT_2022, [indicator(MIIT_2022, 'mainBusinessShare')]);
    expect(assessmentProblems(figuresOnly, { developmentScore: '70' })).toEqual([
      '"developmentScore" is not an assessed indicator of MIIT-2022-63-TEST (it has none)',
    ]);
  });

  it('a points-table row put among the indicators is refused, not judged on its own', () => {
    const row = { key: 'stray', description: 'a row outside its table', kind: IndicatorKind.SCORE_ITEM };
    expect(() => evaluate(withIndicators(MIIT_2022, [row]), facts(LG2022))).toThrow(
      'stray: a score item is judged by its points table, never on its own',
    );
  });

  it('a points table with a total minimum only: the threshold and the note name no parts', () => {
    const table = indicator(INNOVATIVE, 'points');
    delete table.partMinimums;
    const run = (assessments: Record<string, string>) =>
      find(evaluate(withIndicators(INNOVATIVE, [table]), facts(INNO, {}, { assessments })), 'points');
    expect(run(SCORED)).toMatchObject({ result: PASS, value: '85', threshold: '≥ 60 in total' });
    const { ipScore: _ip, ...noIp } = SCORED;
    expect(run(noIp)).toMatchObject({ result: PASS, value: '75', note: 'not scored: ipScore (at most 95 in total)' });
  });
});
