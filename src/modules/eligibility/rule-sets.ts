/**
 * Certification criteria as data. Each rule set is one version of one
 * tier's criteria; every judgement records the code of the set it used, so
 * a new version is a new entry here, never an edit of an old one.
 *
 * Thresholds are decimal strings: ratios and growth rates as fractions
 * ("0.7" is 70%), money in yuan, counts, years and scores as plain numbers.
 * evaluate.ts compares them exactly. checkRuleSet() below keeps the data
 * well-formed, and runs on every set when this module loads.
 */
import { ProductField, Tier } from '../enterprise/enterprise.enums';
import { EnterpriseFlag, EvaluationWindow, IndicatorKind, Metric } from './eligibility.enums';

export interface Indicator {
  /** Unique within the rule set; assessments name indicators by it. */
  key: string;
  description: string;
  /** The criterion group of the policy text, e.g. SPECIALIZED. */
  dimension?: string;
  kind: IndicatorKind;
  metric?: Metric;
  window?: EvaluationWindow;
  threshold?: string;
  flag?: EnterpriseFlag;
  productFields?: ProductField[];
  tier?: Tier;
  /** ALL_OF and ANY_OF. */
  conditions?: Indicator[];
  /** REVENUE_BANDED_RD. */
  bands?: RevenueBand[];
  /** Why the indicator reads as it does, or what the data cannot tell. */
  note?: string;
}

/** One revenue band: last year's revenue in [revenueMin, revenueBelow). */
export interface RevenueBand {
  key: string;
  description: string;
  /** Inclusive lower bound, yuan; none: from zero. */
  revenueMin?: string;
  /** Exclusive upper bound, yuan; none: no upper bound. */
  revenueBelow?: string;
  conditions: Indicator[];
}

export interface RuleSet {
  code: string;
  title: string;
  documentNumber: string;
  /** ISO date the rules came into force. */
  effectiveFrom: string;
  /** The tier the rules certify. */
  tier: Tier;
  note?: string;
  indicators: Indicator[];
}

/** The four basics as widened by the 2022/2026 texts to six. */
export const SIX_BASICS: readonly ProductField[] = [
  ProductField.CORE_BASIC_COMPONENTS,
  ProductField.KEY_BASIC_ELECTRONIC_COMPONENTS,
  ProductField.KEY_BASIC_SOFTWARE,
  ProductField.KEY_BASIC_MATERIALS,
  ProductField.ADVANCED_BASIC_PROCESSES,
  ProductField.INDUSTRIAL_TECHNOLOGY_BASE,
];

/** The ten key sectors of Made in China 2025. */
export const TEN_KEY_SECTORS: readonly ProductField[] = [
  ProductField.NEXT_GENERATION_IT,
  ProductField.HIGH_END_CNC_AND_ROBOTS,
  ProductField.AEROSPACE_EQUIPMENT,
  ProductField.OCEAN_ENGINEERING_AND_SHIPS,
  ProductField.ADVANCED_RAIL_TRANSIT,
  ProductField.NEW_ENERGY_VEHICLES,
  ProductField.POWER_EQUIPMENT,
  ProductField.AGRICULTURAL_MACHINERY,
  ProductField.NEW_MATERIALS,
  ProductField.BIOMEDICINE_AND_MEDICAL_DEVICES,
];

const K = IndicatorKind;
const W = EvaluationWindow;
const M = Metric;

/** 专精特新"小巨人", 2022 rules: six dimensions, all required. */
const MIIT_2022_63: RuleSet = {
  code: 'MIIT-2022-63',
  title: '专精特新"小巨人"企业认定标准 (2022): national little giant',
  documentNumber: '工信部企业〔2022〕63号',
  effectiveFrom: '2022-08-01',
  tier: Tier.LITTLE_GIANT,
  note: 'Six dimensions (specialized, refined, distinctive, innovative, chain, product field), every indicator required.',
  indicators: [
    {
      key: 'yearsInNiche',
      dimension: 'SPECIALIZED',
      description: 'In the niche market for at least 3 years',
      kind: K.YEARS_IN_NICHE_MIN,
      threshold: '3',
    },
    {
      key: 'mainBusinessShare',
      dimension: 'SPECIALIZED',
      description: 'Main-business revenue at least 70% of revenue, last year',
      kind: K.RATIO_MIN,
      metric: M.MAIN_BUSINESS_SHARE,
      window: W.LAST_YEAR,
      threshold: '0.7',
    },
    {
      key: 'mainBusinessGrowth',
      dimension: 'SPECIALIZED',
      description: 'Average main-business revenue growth at least 5% over the last 2 years',
      kind: K.GROWTH_MIN,
      metric: M.MAIN_BUSINESS_REVENUE,
      window: W.TWO_YEAR_AVERAGE_GROWTH,
      threshold: '0.05',
    },
    {
      key: 'debtRatio',
      dimension: 'REFINED',
      description: 'Debt-to-asset ratio at most 70%, last year',
      kind: K.RATIO_MAX,
      metric: M.DEBT_RATIO,
      window: W.LAST_YEAR,
      threshold: '0.7',
    },
    {
      key: 'qualityCertification',
      dimension: 'REFINED',
      description: 'Holds a quality-management or product certification',
      kind: K.FLAG,
      flag: EnterpriseFlag.HAS_QUALITY_CERTIFICATION,
    },
    {
      key: 'coreBusinessOnInformationSystem',
      dimension: 'REFINED',
      description: 'At least one core business runs on an information system',
      kind: K.ASSESSED_FLAG,
      note: 'No stored data field: supply it as an assessment ("true" or "false"), else it stays unknown.',
    },
    {
      key: 'nicheMarketShare',
      dimension: 'DISTINCTIVE',
      description: 'Leading product holds at least 10% of the national niche market, last year',
      kind: K.RATIO_MIN,
      metric: M.NICHE_MARKET_SHARE,
      window: W.LAST_YEAR,
      threshold: '0.1',
    },
    {
      key: 'ownBrand',
      dimension: 'DISTINCTIVE',
      description: 'Has its own brand',
      kind: K.FLAG,
      flag: EnterpriseFlag.HAS_OWN_BRAND,
    },
    {
      key: 'rdByRevenueBand',
      dimension: 'INNOVATIVE',
      description: 'R&D investment by revenue band (band chosen by last year’s revenue)',
      kind: K.REVENUE_BANDED_RD,
      bands: [
        {
          key: 'large',
          description: 'Revenue ¥100m or more: R&D at least 3% of revenue in each of the last 2 years',
          revenueMin: '100000000',
          conditions: [
            {
              key: 'rdIntensityLarge',
              description: 'R&D expense at least 3% of revenue in each of the last 2 years',
              kind: K.RATIO_MIN,
              metric: M.RD_INTENSITY,
              window: W.EACH_OF_2_YEARS,
              threshold: '0.03',
            },
          ],
        },
        {
          key: 'medium',
          description: 'Revenue ¥50m to under ¥100m: R&D at least 6% of revenue in each of the last 2 years',
          revenueMin: '50000000',
          revenueBelow: '100000000',
          conditions: [
            {
              key: 'rdIntensityMedium',
              description: 'R&D expense at least 6% of revenue in each of the last 2 years',
              kind: K.RATIO_MIN,
              metric: M.RD_INTENSITY,
              window: W.EACH_OF_2_YEARS,
              threshold: '0.06',
            },
          ],
        },
        {
          key: 'small',
          description: 'Revenue under ¥50m: new equity ≥ ¥80m and R&D ≥ ¥30m over 2 years, and R&D staff ≥ 50% of employees',
          revenueBelow: '50000000',
          conditions: [
            {
              key: 'newEquitySmall',
              description: 'New equity financing at least ¥80m over the last 2 years',
              kind: K.MONEY_MIN,
              metric: M.NEW_EQUITY_FINANCING,
              window: W.TWO_YEAR_TOTAL,
              threshold: '80000000',
            },
            {
              key: 'rdExpenseSmall',
              description: 'R&D expense at least ¥30m over the last 2 years',
              kind: K.MONEY_MIN,
              metric: M.RD_EXPENSE,
              window: W.TWO_YEAR_TOTAL,
              threshold: '30000000',
            },
            {
              key: 'rdStaffShareSmall',
              description: 'R&D staff at least 50% of employees, last year',
              kind: K.RATIO_MIN,
              metric: M.RD_STAFF_SHARE,
              window: W.LAST_YEAR,
              threshold: '0.5',
            },
          ],
        },
      ],
    },
    {
      key: 'rdInstitution',
      dimension: 'INNOVATIVE',
      description: 'Has an R&D institution',
      kind: K.FLAG,
      flag: EnterpriseFlag.HAS_RD_INSTITUTION,
    },
    {
      key: 'class1Ip',
      dimension: 'INNOVATIVE',
      description: 'At least 2 Class-I IP rights in use, last year',
      kind: K.COUNT_MIN,
      metric: M.CLASS1_IP_COUNT,
      window: W.LAST_YEAR,
      threshold: '2',
    },
    {
      key: 'keyChainLink',
      dimension: 'CHAIN',
      description: 'At a key link of an industrial chain',
      kind: K.FLAG,
      flag: EnterpriseFlag.AT_KEY_CHAIN_LINK,
    },
    {
      key: 'productField',
      dimension: 'PRODUCT_FIELD',
      description: 'Main product in the industrial basics or the ten key sectors',
      kind: K.PRODUCT_FIELD_IN,
      productFields: [...SIX_BASICS, ...TEN_KEY_SECTORS],
    },
  ],
};

/** 专精特新"小巨人", 2026 rules (reported): seven groups of indicators, all required. */
const MIIT_2026_2: RuleSet = {
  code: 'MIIT-2026-2',
  title: '专精特新"小巨人"企业认定标准 (2026): national little giant',
  documentNumber: '工信部企业〔2026〕2号',
  effectiveFrom: '2026-04-01',
  tier: Tier.LITTLE_GIANT,
  note:
    'Every indicator required. The development evaluation score and the "top 3 nationally" alternative have no stored data field: ' +
    'they count only when supplied as assessments, so without them the verdict is at best UNDETERMINED. ' +
    'Revenue growth is not checked at re-review (复核).',
  indicators: [
    {
      key: 'provincialTitleAndNiche',
      description: 'Holds a valid provincial SRDI title and has been in the niche for at least 3 years',
      kind: K.ALL_OF,
      conditions: [
        {
          key: 'provincialTitle',
          description: 'Holds a valid provincial SRDI SME title (a little-giant title also counts)',
          kind: K.TIER_HELD,
          tier: Tier.SRDI_SME,
        },
        {
          key: 'yearsInNiche',
          description: 'In the niche market for at least 3 years',
          kind: K.YEARS_IN_NICHE_MIN,
          threshold: '3',
        },
      ],
    },
    {
      key: 'revenue',
      description: 'Revenue at least ¥50m, last year',
      kind: K.MONEY_MIN,
      metric: M.REVENUE,
      window: W.LAST_YEAR,
      threshold: '50000000',
    },
    {
      key: 'mainBusinessShare',
      description: 'Main-business revenue at least 90% of revenue, last year',
      kind: K.RATIO_MIN,
      metric: M.MAIN_BUSINESS_SHARE,
      window: W.LAST_YEAR,
      threshold: '0.9',
    },
    {
      key: 'revenueGrowth',
      description: 'Compound annual revenue growth at least 5% over the last 2 years',
      kind: K.GROWTH_MIN,
      metric: M.REVENUE,
      window: W.TWO_YEAR_CAGR,
      threshold: '0.05',
      note: 'Not checked at re-review (复核).',
    },
    {
      key: 'debtRatio',
      description: 'Debt-to-asset ratio at most 75%, last year',
      kind: K.RATIO_MAX,
      metric: M.DEBT_RATIO,
      window: W.LAST_YEAR,
      threshold: '0.75',
    },
    {
      key: 'rdInvestment',
      description: 'R&D expense at least ¥12m over the last 2 years and at least 3% of revenue in each of them',
      kind: K.ALL_OF,
      conditions: [
        {
          key: 'rdExpenseTotal',
          description: 'R&D expense at least ¥12m over the last 2 years',
          kind: K.MONEY_MIN,
          metric: M.RD_EXPENSE,
          window: W.TWO_YEAR_TOTAL,
          threshold: '12000000',
        },
        {
          key: 'rdIntensity',
          description: 'R&D expense at least 3% of revenue in each of the last 2 years',
          kind: K.RATIO_MIN,
          metric: M.RD_INTENSITY,
          window: W.EACH_OF_2_YEARS,
          threshold: '0.03',
        },
      ],
    },
    {
      key: 'class1Ip',
      description: 'At least 4 Class-I IP rights in use, last year',
      kind: K.COUNT_MIN,
      metric: M.CLASS1_IP_COUNT,
      window: W.LAST_YEAR,
      threshold: '4',
    },
    {
      key: 'nichePosition',
      description: 'At least 10% of the national niche market, or among the top 3 nationally',
      kind: K.ANY_OF,
      conditions: [
        {
          key: 'nicheMarketShare',
          description: 'Leading product holds at least 10% of the national niche market, last year',
          kind: K.RATIO_MIN,
          metric: M.NICHE_MARKET_SHARE,
          window: W.LAST_YEAR,
          threshold: '0.1',
        },
        {
          key: 'nationalTop3',
          description: 'Leading product ranks in the top 3 nationally',
          kind: K.ASSESSED_FLAG,
          note: 'No stored data field: supply it as an assessment ("true" or "false").',
        },
      ],
    },
    {
      key: 'productFieldOrChain',
      description: 'Main product in the six industrial basics, or at a key link of an industrial chain',
      kind: K.ANY_OF,
      conditions: [
        {
          key: 'productField',
          description: 'Main product in the six industrial basics',
          kind: K.PRODUCT_FIELD_IN,
          productFields: [...SIX_BASICS],
        },
        {
          key: 'keyChainLink',
          description: 'At a key link of an industrial chain',
          kind: K.FLAG,
          flag: EnterpriseFlag.AT_KEY_CHAIN_LINK,
        },
      ],
    },
    {
      key: 'developmentScore',
      description: 'Development evaluation score at least 60',
      kind: K.ASSESSED_SCORE_MIN,
      threshold: '60',
      note: 'No stored data field: supply the score as an assessment (a decimal string, e.g. "72.5"), else it stays unknown.',
    },
  ],
};

/** 专精特新中小企业 (provincial), 2022 rules: the hard conditions only. */
const SRDI_PROVINCIAL_2022: RuleSet = {
  code: 'SRDI-PROVINCIAL-2022',
  title: '专精特新中小企业认定基本条件 (2022): provincial SRDI SME, hard conditions',
  documentNumber: '工信部企业〔2022〕63号',
  effectiveFrom: '2022-08-01',
  tier: Tier.SRDI_SME,
  note:
    'The hard conditions only. The province’s 100-point score (≥ 60) or a direct track comes after them and is not part of this set: ' +
    'ELIGIBLE here means the enterprise may go on to be scored.',
  indicators: [
    {
      key: 'yearsInNiche',
      description: 'In the niche market for at least 2 years',
      kind: K.YEARS_IN_NICHE_MIN,
      threshold: '2',
    },
    {
      key: 'rdLastYear',
      description: 'R&D expense at least ¥1m and at least 3% of revenue, last year',
      kind: K.ALL_OF,
      conditions: [
        {
          key: 'rdExpense',
          description: 'R&D expense at least ¥1m, last year',
          kind: K.MONEY_MIN,
          metric: M.RD_EXPENSE,
          window: W.LAST_YEAR,
          threshold: '1000000',
        },
        {
          key: 'rdIntensity',
          description: 'R&D expense at least 3% of revenue, last year',
          kind: K.RATIO_MIN,
          metric: M.RD_INTENSITY,
          window: W.LAST_YEAR,
          threshold: '0.03',
        },
      ],
    },
    {
      key: 'scale',
      description: 'Revenue at least ¥10m last year, or new equity financing at least ¥20m over the last 2 years',
      kind: K.ANY_OF,
      conditions: [
        {
          key: 'revenue',
          description: 'Revenue at least ¥10m, last year',
          kind: K.MONEY_MIN,
          metric: M.REVENUE,
          window: W.LAST_YEAR,
          threshold: '10000000',
        },
        {
          key: 'newEquity',
          description: 'New equity financing at least ¥20m over the last 2 years',
          kind: K.MONEY_MIN,
          metric: M.NEW_EQUITY_FINANCING,
          window: W.TWO_YEAR_TOTAL,
          threshold: '20000000',
        },
      ],
    },
  ],
};

/** Every rule set the API knows, oldest first. */
export const RULE_SETS: readonly RuleSet[] = [SRDI_PROVINCIAL_2022, MIIT_2022_63, MIIT_2026_2];

export function ruleSetByCode(code: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.code === code);
}

/** Every indicator of a rule set, nested ones included, parents first. */
export function allIndicators(ruleSet: RuleSet): Indicator[] {
  const out: Indicator[] = [];
  const walk = (list: Indicator[]) => {
    for (const i of list) {
      out.push(i);
      if (i.conditions) walk(i.conditions);
      for (const b of i.bands ?? []) walk(b.conditions);
    }
  };
  walk(ruleSet.indicators);
  return out;
}

const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const INTEGER = /^(0|[1-9][0-9]*)$/;

const RATIO_METRICS = new Set<Metric>([M.MAIN_BUSINESS_SHARE, M.DEBT_RATIO, M.RD_INTENSITY, M.RD_STAFF_SHARE, M.NICHE_MARKET_SHARE]);
const MONEY_METRICS = new Set<Metric>([M.REVENUE, M.MAIN_BUSINESS_REVENUE, M.RD_EXPENSE, M.NEW_EQUITY_FINANCING]);
const COUNT_METRICS = new Set<Metric>([M.CLASS1_IP_COUNT]);
const LEVEL_WINDOWS = new Set<EvaluationWindow>([W.LAST_YEAR, W.EACH_OF_2_YEARS, W.TWO_YEAR_TOTAL]);
const GROWTH_WINDOWS = new Set<EvaluationWindow>([W.TWO_YEAR_AVERAGE_GROWTH, W.TWO_YEAR_CAGR]);

/** The problems with a rule set's data; empty when it is well-formed. */
export function checkRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ruleSet.effectiveFrom)) problems.push(`${ruleSet.code}: effectiveFrom is not an ISO date`);
  if (!ruleSet.indicators.length) problems.push(`${ruleSet.code}: no indicators`);
  for (const i of allIndicators(ruleSet)) {
    const at = `${ruleSet.code}.${i.key}`;
    if (seen.has(i.key)) problems.push(`${at}: duplicate key`);
    seen.add(i.key);
    const needs = (what: string, ok: boolean) => {
      if (!ok) problems.push(`${at}: ${i.kind} needs ${what}`);
    };
    const levelMetric = (set: Set<Metric>) => {
      needs('a metric of the right unit', !!i.metric && set.has(i.metric));
      needs('a LAST_YEAR, EACH_OF_2_YEARS or TWO_YEAR_TOTAL window', !!i.window && LEVEL_WINDOWS.has(i.window));
    };
    switch (i.kind) {
      case K.RATIO_MIN:
      case K.RATIO_MAX:
        levelMetric(RATIO_METRICS);
        needs('a decimal threshold', DECIMAL.test(i.threshold ?? ''));
        break;
      case K.MONEY_MIN:
        levelMetric(MONEY_METRICS);
        needs('a decimal threshold', DECIMAL.test(i.threshold ?? ''));
        break;
      case K.COUNT_MIN:
        levelMetric(COUNT_METRICS);
        needs('an integer threshold', INTEGER.test(i.threshold ?? ''));
        break;
      case K.GROWTH_MIN:
        needs('a money metric', !!i.metric && MONEY_METRICS.has(i.metric));
        needs('a growth window', !!i.window && GROWTH_WINDOWS.has(i.window));
        needs('a decimal threshold', DECIMAL.test(i.threshold ?? ''));
        break;
      case K.YEARS_IN_NICHE_MIN:
        needs('an integer threshold', INTEGER.test(i.threshold ?? ''));
        break;
      case K.ASSESSED_SCORE_MIN:
        needs('a decimal threshold', DECIMAL.test(i.threshold ?? ''));
        break;
      case K.FLAG:
        needs('a flag', !!i.flag);
        break;
      case K.PRODUCT_FIELD_IN:
        needs('product fields', !!i.productFields?.length);
        break;
      case K.TIER_HELD:
        needs('a tier', !!i.tier);
        break;
      case K.ALL_OF:
      case K.ANY_OF:
        needs('conditions', !!i.conditions?.length);
        break;
      case K.REVENUE_BANDED_RD: {
        needs('bands', !!i.bands?.length);
        // The bands must tile [0, ∞) exactly, so every revenue falls in one band.
        const ordered = [...(i.bands ?? [])].sort((a, b) => Number(a.revenueMin ?? 0) - Number(b.revenueMin ?? 0));
        ordered.forEach((b, n) => {
          const expectedMin = n === 0 ? undefined : ordered[n - 1].revenueBelow;
          if ((b.revenueMin ?? undefined) !== expectedMin || (n === ordered.length - 1) !== (b.revenueBelow == null)) {
            problems.push(`${at}: the revenue bands must cover every revenue exactly once`);
          }
        });
        for (const b of i.bands ?? []) {
          if (b.revenueMin != null && !DECIMAL.test(b.revenueMin)) problems.push(`${at}.${b.key}: revenueMin is not a decimal`);
          if (b.revenueBelow != null && !DECIMAL.test(b.revenueBelow)) problems.push(`${at}.${b.key}: revenueBelow is not a decimal`);
          if (!b.conditions.length) problems.push(`${at}.${b.key}: no conditions`);
        }
        break;
      }
      case K.ASSESSED_FLAG:
        break;
    }
  }
  return problems;
}

const codes = new Set<string>();
for (const r of RULE_SETS) {
  const problems = checkRuleSet(r);
  if (codes.has(r.code)) problems.push(`${r.code}: duplicate rule set code`);
  codes.add(r.code);
  // Rule sets are code-reviewed data: a malformed one is a bug, so fail at start-up rather than judge with it.
  if (problems.length) throw new Error(`malformed rule sets:\n${problems.join('\n')}`);
}
