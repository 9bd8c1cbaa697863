/**
 * Certification criteria as data. Each rule set is one version of one
 * tier's criteria; every judgement records the code of the set it used, so
 * a new version is a new entry here, never an edit of an old one.
 *
 * Thresholds are decimal strings: ratios and growth rates as fractions
 * ("0.7" is 70%), money in yuan, counts, years and scores as plain numbers.
 * eligibility/evaluate.ts compares them exactly. checkRuleSet() in
 * eligibility/rule-sets.ts keeps the data well-formed (each kind's own check
 * is in eligibility/indicators/), and runs on every set when eligibility
 * loads, as every start-up does. The catalogue sits beneath the modules that
 * read it (certification, assessment, eligibility), so it imports none.
 */
import { ProductField, Tier } from '../enterprise/enterprise.enums';
import { EnterpriseFlag, EvaluationPurpose, EvaluationWindow, IndicatorKind, Metric } from './rule-set.enums';

export interface Indicator {
  /** Unique within the rule set; assessments name indicators by it. */
  key: string;
  description: string;
  /** The criterion group of the policy text, e.g. SPECIALIZED; GENERAL for the conditions every tier shares. */
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
  /** POINTS_TABLE: the rows, each scoring points. */
  scoreItems?: ScoreItem[];
  /** POINTS_TABLE: the least each part's points must add up to, besides the total (`threshold`). */
  partMinimums?: ScorePartMinimum[];
  /** At re-review (复核) the indicator is not checked. */
  notCheckedAtReReview?: boolean;
  /** At re-review (复核) this indicator is checked instead. */
  atReReview?: Indicator;
  /** Why the indicator reads as it does, what the data cannot tell, or which figures are not verified against the text. */
  note?: string;
}

/**
 * One revenue band: last year's revenue in [revenueMin, revenueMax]. Both
 * edges are inclusive (以上 and 以下 include the number itself), so adjacent
 * bands share their edge and a revenue on it sits in both.
 */
export interface RevenueBand {
  key: string;
  description: string;
  /** Inclusive lower bound, yuan; none: from zero. */
  revenueMin?: string;
  /** Inclusive upper bound, yuan; none: no upper bound. */
  revenueMax?: string;
  conditions: Indicator[];
}

/**
 * One row of a points table. A metric row scores the points of the first of
 * its levels (highest points first) whose [min, max] holds the value, both
 * ends inclusive, so a value on an edge takes the higher score. An assessed
 * row has no data field: the assessment gives its points, one of its levels'.
 */
export interface ScoreItem {
  /** Unique within the rule set, beside the indicator keys; an assessed row is assessed by it. */
  key: string;
  description: string;
  /** The part of the table the points count towards, e.g. INNOVATION. */
  part: string;
  metric?: Metric;
  /** LAST_YEAR (a level) or LAST_YEAR_GROWTH. */
  window?: EvaluationWindow;
  assessed?: boolean;
  levels: ScoreLevel[];
}

export interface ScoreLevel {
  points: string;
  /** Inclusive; a fraction for ratios and growth. None: no lower bound. */
  min?: string;
  /** Inclusive. None: no upper bound. */
  max?: string;
  /** The level in the text's words (assessed rows). */
  description?: string;
}

export interface ScorePartMinimum {
  part: string;
  minimum: string;
}

/** When a rule set is in force for one purpose; both days inclusive. */
export interface RuleSetApplicability {
  purpose: EvaluationPurpose;
  effectiveFrom: string;
  /** The last day in force; none: still in force. */
  effectiveUntil?: string;
}

export interface RuleSet {
  code: string;
  title: string;
  documentNumber: string;
  /** ISO date the rules came into force (the earliest of `appliesTo`). */
  effectiveFrom: string;
  /** The last day the rules are in force for any purpose (the latest of `appliesTo`); none: still in force. */
  effectiveUntil?: string;
  /** What the rules judge (new applications, re-reviews), from when until when. */
  appliesTo: RuleSetApplicability[];
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

/** The network-power (网络强国) fields the 2022 little-giant standard accepts beside the basics and the key sectors. */
export const NETWORK_POWER_FIELDS: readonly ProductField[] = [
  ProductField.INFORMATION_INFRASTRUCTURE,
  ProductField.KEY_CORE_TECHNOLOGIES,
  ProductField.CYBER_SECURITY,
  ProductField.DATA_SECURITY,
];

const K = IndicatorKind;
const W = EvaluationWindow;
const M = Metric;
const { NEW_APPLICATION, RE_REVIEW } = EvaluationPurpose;

/** Marks a figure this code could not check against the official text. */
const UNVERIFIED = 'reported, not verified against the text';

/** In the niche market for at least `years` whole years by the end of last year. */
function yearsInNiche(years: number, dimension?: string): Indicator {
  return {
    key: 'yearsInNiche',
    ...(dimension ? { dimension } : {}),
    description: `In the niche market for at least ${years} years by the end of last year`,
    kind: K.YEARS_IN_NICHE_MIN,
    threshold: String(years),
  };
}

/** A yes/no condition with no stored data field: it counts only when recorded as an assessment under `key`. */
function assessedFlag(key: string, description: string): Indicator {
  return { key, description, kind: K.ASSESSED_FLAG, note: 'No stored data field: recorded as an assessment ("true" or "false").' };
}

const PROVINCIAL_RD_INSTITUTION = assessedFlag(
  'provincialRdInstitution',
  'Has an R&D institution recognised at provincial or ministerial level or above',
);

/** The provincial standards' alternative to revenue. */
const NEW_EQUITY_OVER_2_YEARS: Indicator = {
  key: 'newEquity',
  description: 'New equity financing at least ¥20m over the last 2 years',
  kind: K.MONEY_MIN,
  metric: M.NEW_EQUITY_FINANCING,
  window: W.TWO_YEAR_TOTAL,
  threshold: '20000000',
};

/** The 2026 standards' R&D intensity line. */
const RD_INTENSITY_EACH_OF_2_YEARS: Indicator = {
  key: 'rdIntensity',
  description: 'R&D expense at least 3% of revenue in each of the last 2 years',
  kind: K.RATIO_MIN,
  metric: M.RD_INTENSITY,
  window: W.EACH_OF_2_YEARS,
  threshold: '0.03',
};

/**
 * Marks the figures of `indicators` (thresholds and revenue bands, nested
 * ones included) as not checked against the official text: the texts were
 * not found, so the figures are those reported by summaries of them.
 */
function asReported(indicators: Indicator[]): Indicator[] {
  const mark = (i: Indicator): Indicator => {
    const figure = i.threshold != null || i.bands != null;
    const note = figure && !i.note?.includes(UNVERIFIED) ? `${i.note ? `${i.note} ` : ''}Figure ${UNVERIFIED}.` : i.note;
    return {
      ...i,
      ...(note ? { note } : {}),
      ...(i.conditions ? { conditions: i.conditions.map(mark) } : {}),
      ...(i.bands ? { bands: i.bands.map((b) => ({ ...b, conditions: b.conditions.map(mark) })) } : {}),
      ...(i.atReReview ? { atReReview: mark(i.atReReview) } : {}),
    };
  };
  return indicators.map(mark);
}

/**
 * The conditions every tier shares (each standard's opening clause): an SME
 * by the 2011 size lines, not on the abnormal-operations or
 * serious-dishonesty lists, and no major accident or tax evasion in 3 years.
 * The last two have no stored data field: they are recorded as assessments
 * under these keys.
 */
function generalConditions(): Indicator[] {
  return [
    {
      key: 'smeSize',
      dimension: 'GENERAL',
      description: 'An SME (medium, small or micro), not large, by the size lines of 工信部联企业〔2011〕300号 for its sector, last year',
      kind: K.SME_SIZE,
      note: 'Sector from the GB/T 4754 code of the enterprise’s industry; staff, revenue and total assets from last year’s report. An enterprise recorded as LARGE fails whatever its figures.',
    },
    {
      key: 'notOnAbnormalOrDishonestLists',
      dimension: 'GENERAL',
      description: 'Not on the list of abnormal operations (经营异常名录) nor on the list of seriously dishonest entities (严重失信主体名单)',
      kind: K.ASSESSED_FLAG,
      note: 'No stored data field: recorded as an assessment ("true" when on neither list), else it stays unknown.',
    },
    {
      key: 'noMajorAccidentOrTaxEvasion',
      dimension: 'GENERAL',
      description:
        'No major safety (cyber and data security included), quality or environmental-pollution accident, and no tax evasion, in the last 3 years',
      kind: K.ASSESSED_FLAG,
      note: 'No stored data field: recorded as an assessment ("true" when there was none), else it stays unknown.',
    },
  ];
}

/** 专精特新"小巨人", 2022 rules: six dimensions, all required. */
const MIIT_2022_63: RuleSet = {
  code: 'MIIT-2022-63',
  title: '专精特新"小巨人"企业认定标准 (2022): national little giant',
  documentNumber: '工信部企业〔2022〕63号',
  effectiveFrom: '2022-08-01',
  effectiveUntil: '2026-12-31',
  appliesTo: [
    { purpose: NEW_APPLICATION, effectiveFrom: '2022-08-01', effectiveUntil: '2026-03-31' },
    // 工信厅企业函〔2026〕117号: the 2026 re-reviews still follow the 2022 standard.
    { purpose: RE_REVIEW, effectiveFrom: '2022-08-01', effectiveUntil: '2026-12-31' },
  ],
  tier: Tier.LITTLE_GIANT,
  note:
    'Annex 3 of 工信部企业〔2022〕63号. The general conditions, then six dimensions (specialized, refined, distinctive, innovative, chain, product field), every one required. ' +
    'New applications from 2022-08-01 until the 2026 standard took over on 2026-04-01; re-reviews through 2026 (工信厅企业函〔2026〕117号). ' +
    'Revenue bands: 以上 and 以下 include the number itself, so exactly ¥100m or ¥50m sits in two bands, and the enterprise passes if the rule of either band passes. ' +
    'The innovation dimension is met either by its indicators or by a direct track (a national science award with the enterprise among the first three, or the national top 50 of 创客中国, within 3 years).',
  indicators: [
    ...generalConditions(),
    ...asReported([
      yearsInNiche(3, 'SPECIALIZED'),
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
        key: 'innovation',
        dimension: 'INNOVATIVE',
        description: 'Innovation: R&D by revenue band, an R&D institution and 2 Class-I IP rights, or a direct track',
        kind: K.ANY_OF,
        conditions: [
          {
            key: 'innovationIndicators',
            description: 'R&D by revenue band, an R&D institution and at least 2 Class-I IP rights',
            kind: K.ALL_OF,
            conditions: [
              {
                key: 'rdByRevenueBand',
                description: 'R&D investment by revenue band (band chosen by last year’s revenue; on an edge, either band’s rule suffices)',
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
                    description: 'Revenue ¥50m to ¥100m, both included: R&D at least 6% of revenue in each of the last 2 years',
                    revenueMin: '50000000',
                    revenueMax: '100000000',
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
                    description: 'Revenue ¥50m or less: new equity ≥ ¥80m and R&D ≥ ¥30m over 2 years, and R&D staff ≥ 50% of employees',
                    revenueMax: '50000000',
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
                description: 'Has an R&D institution',
                kind: K.FLAG,
                flag: EnterpriseFlag.HAS_RD_INSTITUTION,
              },
              {
                key: 'class1Ip',
                description: 'At least 2 Class-I IP rights in use, last year',
                kind: K.COUNT_MIN,
                metric: M.CLASS1_IP_COUNT,
                window: W.LAST_YEAR,
                threshold: '2',
              },
            ],
          },
          {
            key: 'innovationDirectTrack',
            description: 'A direct track: either of its conditions, within the last 3 years',
            kind: K.ANY_OF,
            conditions: [
              {
                key: 'nationalScienceAwardTop3',
                description:
                  'Won a national science and technology award in the last 3 years, the enterprise among the first three award-winning units',
                kind: K.ASSESSED_FLAG,
                note: `No stored data field: recorded as an assessment ("true" or "false"). The direct track as the issue states it; ${UNVERIFIED}.`,
              },
              {
                key: 'makerInChinaTop50',
                description: 'Among the national top 50 of the 创客中国 SME innovation and entrepreneurship contest in the last 3 years',
                kind: K.ASSESSED_FLAG,
                note: `No stored data field: recorded as an assessment ("true" or "false"). The direct track as the issue states it; ${UNVERIFIED}.`,
              },
            ],
          },
        ],
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
        description:
          'Main product in the industrial basics, the ten key sectors, or the network-power fields (information infrastructure, key core technologies, cyber security, data security)',
        kind: K.PRODUCT_FIELD_IN,
        productFields: [...SIX_BASICS, ...TEN_KEY_SECTORS, ...NETWORK_POWER_FIELDS],
      },
    ]),
  ],
};

/** 专精特新"小巨人", 2026 rules: seven indicators, all required. */
const MIIT_2026_2: RuleSet = {
  code: 'MIIT-2026-2',
  title: '专精特新"小巨人"企业认定标准 (2026): national little giant',
  documentNumber: '工信部企业〔2026〕2号',
  effectiveFrom: '2026-04-01',
  appliesTo: [
    { purpose: NEW_APPLICATION, effectiveFrom: '2026-04-01' },
    // The 2026 re-reviews follow the 2022 standard (工信厅企业函〔2026〕117号); later ones are taken to follow this one.
    { purpose: RE_REVIEW, effectiveFrom: '2027-01-01' },
  ],
  tier: Tier.LITTLE_GIANT,
  note:
    'Annex 2 of 工信部企业〔2026〕2号: the general conditions, then seven indicators, every one required. New applications from 2026-04-01; re-reviews from 2027 ' +
    '(the 2026 re-reviews follow the 2022 standard; that later ones follow this set is a reading, not stated in a text found). ' +
    'At re-review (复核) revenue growth is not checked and a development score of at least 60 in either of the last 2 years suffices. ' +
    'The development score, the "top 3 nationally" alternative and the science-award IP waiver have no stored data field: they count only when recorded as assessments. ' +
    `Figures checked against a public summary of the annex, not the published text itself: ${UNVERIFIED}.`,
  indicators: [
    ...generalConditions(),
    ...asReported([
      {
        key: 'provincialTitleAndNiche',
        description: 'Holds a valid provincial SRDI title and has been in the niche for at least 3 years by the end of last year',
        kind: K.ALL_OF,
        conditions: [
          {
            key: 'provincialTitle',
            description: 'Holds a valid provincial SRDI SME title (a little-giant title also counts)',
            kind: K.TIER_HELD,
            tier: Tier.SRDI_SME,
          },
          yearsInNiche(3),
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
        notCheckedAtReReview: true,
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
          RD_INTENSITY_EACH_OF_2_YEARS,
        ],
      },
      {
        key: 'intellectualProperty',
        description: 'At least 4 Class-I IP rights in use, or waived by a national science award',
        kind: K.ANY_OF,
        conditions: [
          {
            key: 'class1Ip',
            description: 'At least 4 Class-I IP rights in use, last year',
            kind: K.COUNT_MIN,
            metric: M.CLASS1_IP_COUNT,
            window: W.LAST_YEAR,
            threshold: '4',
            note: 'Rights transferred in do not count; the enterprise must be among the first three right holders.',
          },
          {
            key: 'nationalScienceAwardTop3',
            description:
              'Won a national science and technology award in the last 3 years, the enterprise among the first three award-winning units (waives the IP line)',
            kind: K.ASSESSED_FLAG,
            note:
              'No stored data field: recorded as an assessment ("true" or "false"). National awards: the State Natural Science, Technological Invention and ' +
              'Science and Technology Progress awards, and the national defence science and technology award.',
          },
        ],
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
        atReReview: {
          key: 'developmentScoreEitherOfLast2Years',
          description: 'Development evaluation score at least 60 in either of the last 2 years (re-review)',
          kind: K.ANY_OF,
          conditions: [
            {
              key: 'developmentScore',
              description: 'The latest development evaluation score at least 60',
              kind: K.ASSESSED_SCORE_MIN,
              threshold: '60',
              note: 'No stored data field: supply the score as an assessment, else it stays unknown.',
            },
            {
              key: 'developmentScorePreviousYear',
              description: 'The development evaluation score of the year before at least 60',
              kind: K.ASSESSED_SCORE_MIN,
              threshold: '60',
              note: 'No stored data field: supply the score as an assessment, else it stays unknown.',
            },
          ],
        },
      },
    ]),
  ],
};

/** 专精特新中小企业 (provincial), 2022 rules: the hard conditions only. */
const SRDI_PROVINCIAL_2022: RuleSet = {
  code: 'SRDI-PROVINCIAL-2022',
  title: '专精特新中小企业认定基本条件 (2022): provincial SRDI SME, hard conditions',
  documentNumber: '工信部企业〔2022〕63号',
  effectiveFrom: '2022-08-01',
  effectiveUntil: '2026-03-31',
  appliesTo: [
    { purpose: NEW_APPLICATION, effectiveFrom: '2022-08-01', effectiveUntil: '2026-03-31' },
    { purpose: RE_REVIEW, effectiveFrom: '2022-08-01', effectiveUntil: '2026-03-31' },
  ],
  tier: Tier.SRDI_SME,
  note:
    'Annex 2 of 工信部企业〔2022〕63号, the general conditions and the hard conditions only. The province’s 100-point score (≥ 60) or a direct track comes after them and is not part of this set: ' +
    'ELIGIBLE here means the enterprise may go on to be scored. Replaced by SRDI-PROVINCIAL-2026 from 2026-04-01 ' +
    `(provinces’ re-review practice after that date varies: ${UNVERIFIED}).`,
  indicators: [
    ...generalConditions(),
    ...asReported([
      yearsInNiche(2),
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
          NEW_EQUITY_OVER_2_YEARS,
        ],
      },
    ]),
  ],
};

/** 专精特新中小企业 (provincial), 2026 rules: every condition required. */
const SRDI_PROVINCIAL_2026: RuleSet = {
  code: 'SRDI-PROVINCIAL-2026',
  title: '专精特新中小企业认定标准 (2026): provincial SRDI SME',
  documentNumber: '工信部企业〔2026〕2号',
  effectiveFrom: '2026-04-01',
  appliesTo: [
    { purpose: NEW_APPLICATION, effectiveFrom: '2026-04-01' },
    { purpose: RE_REVIEW, effectiveFrom: '2026-04-01' },
  ],
  tier: Tier.SRDI_SME,
  note:
    'The provincial standard of 工信部企业〔2026〕2号 as public summaries of it report it; the published text was not found, so every figure here is ' +
    `${UNVERIFIED}. The market position and the development score have no stored data field: they count only when recorded as assessments.`,
  indicators: [
    ...generalConditions(),
    ...asReported([
      {
        key: 'innovativeTitleAndNiche',
        description: 'Holds a valid innovative-SME title and has been in the niche for at least 3 years by the end of last year',
        kind: K.ALL_OF,
        conditions: [
          {
            key: 'innovativeTitle',
            description: 'Holds a valid innovative-SME title (a higher title also counts)',
            kind: K.TIER_HELD,
            tier: Tier.INNOVATIVE_SME,
          },
          yearsInNiche(3),
        ],
      },
      {
        key: 'scale',
        description: 'Revenue at least ¥15m last year, or new equity financing at least ¥20m over the last 2 years',
        kind: K.ANY_OF,
        conditions: [
          {
            key: 'revenue',
            description: 'Revenue at least ¥15m, last year',
            kind: K.MONEY_MIN,
            metric: M.REVENUE,
            window: W.LAST_YEAR,
            threshold: '15000000',
          },
          NEW_EQUITY_OVER_2_YEARS,
        ],
      },
      {
        key: 'mainBusinessShare',
        description: 'Main-business revenue at least 80% of revenue, last year',
        kind: K.RATIO_MIN,
        metric: M.MAIN_BUSINESS_SHARE,
        window: W.LAST_YEAR,
        threshold: '0.8',
      },
      {
        key: 'debtRatio',
        description: 'Debt-to-asset ratio at most 80%, last year',
        kind: K.RATIO_MAX,
        metric: M.DEBT_RATIO,
        window: W.LAST_YEAR,
        threshold: '0.8',
      },
      {
        key: 'rdInvestment',
        description: 'R&D expense at least ¥1m and at least 3% of revenue in each of the last 2 years',
        kind: K.ALL_OF,
        conditions: [
          {
            key: 'rdExpense',
            description: 'R&D expense at least ¥1m in each of the last 2 years',
            kind: K.MONEY_MIN,
            metric: M.RD_EXPENSE,
            window: W.EACH_OF_2_YEARS,
            threshold: '1000000',
          },
          RD_INTENSITY_EACH_OF_2_YEARS,
        ],
      },
      {
        key: 'intellectualProperty',
        description: 'At least 1 Class-I IP right in use, or waived by a provincial-or-higher science award or R&D institution',
        kind: K.ANY_OF,
        conditions: [
          {
            key: 'class1Ip',
            description: 'At least 1 Class-I IP right in use, last year',
            kind: K.COUNT_MIN,
            metric: M.CLASS1_IP_COUNT,
            window: W.LAST_YEAR,
            threshold: '1',
          },
          assessedFlag(
            'provincialScienceAwardTop3',
            'Won a provincial-or-higher science and technology award in the last 3 years, among the first three award-winning units',
          ),
          PROVINCIAL_RD_INSTITUTION,
        ],
      },
      {
        key: 'marketPosition',
        description: 'The leading product’s market share ranks fairly high at home or abroad',
        kind: K.ASSESSED_FLAG,
        note: 'No stored data field and no figure in the standard: recorded as an assessment ("true" or "false").',
      },
      {
        key: 'developmentScore',
        description: 'Development evaluation score at least 50',
        kind: K.ASSESSED_SCORE_MIN,
        threshold: '50',
        note: 'No stored data field: supply the score as an assessment (a decimal string, e.g. "72.5"), else it stays unknown.',
      },
    ]),
  ],
};

/** 创新型中小企业评价标准 (2022): a direct track, or the 100-point table. */
const INNOVATIVE_SME_2022: RuleSet = {
  code: 'INNOVATIVE-SME-2022',
  title: '创新型中小企业评价标准 (2022): innovative SME',
  documentNumber: '工信部企业〔2022〕63号',
  effectiveFrom: '2022-08-01',
  appliesTo: [
    // 工信部企业〔2026〕2号 keeps this standard until a merged one for tech- and innovation-oriented SMEs is published.
    { purpose: NEW_APPLICATION, effectiveFrom: '2022-08-01' },
    { purpose: RE_REVIEW, effectiveFrom: '2022-08-01' },
  ],
  tier: Tier.INNOVATIVE_SME,
  note:
    'Annex 1 of 工信部企业〔2022〕63号: the general conditions, then any one of four direct tracks, or at least 60 points in the table ' +
    '(innovation at least 20, growth at least 15, specialization at least 15). A value on the edge of two levels scores the higher one (以上 and 以下 include the number itself). ' +
    'The IP and the strategic-emerging-industry rows, and three of the direct tracks, have no stored data field: they count only when recorded as assessments. ' +
    `Points and tracks checked against a public summary of the annex, not the published text itself: ${UNVERIFIED}.`,
  indicators: [
    ...generalConditions(),
    ...asReported([
      {
        key: 'evaluation',
        description: 'A direct track, or at least 60 points in the evaluation table',
        kind: K.ANY_OF,
        conditions: [
          {
            key: 'directTrack',
            description: 'Any one of the four direct tracks',
            kind: K.ANY_OF,
            conditions: [
              assessedFlag('scienceAward', 'Won a national or provincial science and technology award in the last 3 years'),
              assessedFlag(
                'innovationQualification',
                'A valid high-tech enterprise, national technology-innovation demonstration enterprise, or IP advantage or demonstration enterprise title',
              ),
              PROVINCIAL_RD_INSTITUTION,
              {
                key: 'newEquity3Years',
                description: 'New equity financing (paid in by qualified institutional investors) at least ¥5m over the last 3 years',
                kind: K.MONEY_MIN,
                metric: M.NEW_EQUITY_FINANCING,
                window: W.THREE_YEAR_TOTAL,
                threshold: '5000000',
              },
            ],
          },
          {
            key: 'points',
            description: 'At least 60 points, with innovation at least 20, growth at least 15 and specialization at least 15',
            kind: K.POINTS_TABLE,
            threshold: '60',
            partMinimums: [
              { part: 'INNOVATION', minimum: '20' },
              { part: 'GROWTH', minimum: '15' },
              { part: 'SPECIALIZATION', minimum: '15' },
            ],
            scoreItems: [
              {
                key: 'ipScore',
                description: 'Valid IP rights related to the leading product',
                part: 'INNOVATION',
                assessed: true,
                levels: [
                  { points: '20', description: 'At least 1 high-value Class-I right' },
                  { points: '15', description: 'At least 1 self-developed Class-I right' },
                  { points: '10', description: 'At least 1 Class-I right' },
                  { points: '5', description: 'At least 1 Class-II right' },
                  { points: '0', description: 'None' },
                ],
              },
              {
                key: 'rdIntensityScore',
                description: 'R&D expense as a share of revenue, last year',
                part: 'INNOVATION',
                metric: M.RD_INTENSITY,
                window: W.LAST_YEAR,
                levels: [
                  { points: '20', min: '0.05' },
                  { points: '15', min: '0.03', max: '0.05' },
                  { points: '10', min: '0.02', max: '0.03' },
                  { points: '5', min: '0.01', max: '0.02' },
                  { points: '0', max: '0.01' },
                ],
              },
              {
                key: 'mainBusinessGrowthScore',
                description: 'Main-business revenue growth, last year',
                part: 'GROWTH',
                metric: M.MAIN_BUSINESS_REVENUE,
                window: W.LAST_YEAR_GROWTH,
                levels: [
                  { points: '20', min: '0.15' },
                  { points: '15', min: '0.1', max: '0.15' },
                  { points: '10', min: '0.05', max: '0.1' },
                  { points: '5', min: '0', max: '0.05' },
                  { points: '0', max: '0' },
                ],
              },
              {
                key: 'debtRatioScore',
                description: 'Debt-to-asset ratio, last year',
                part: 'GROWTH',
                metric: M.DEBT_RATIO,
                window: W.LAST_YEAR,
                levels: [
                  { points: '10', max: '0.55' },
                  { points: '5', min: '0.55', max: '0.75' },
                  { points: '0', min: '0.75' },
                ],
              },
              {
                key: 'emergingIndustryScore',
                description: 'The leading product’s field',
                part: 'SPECIALIZATION',
                assessed: true,
                levels: [
                  { points: '10', description: 'In the strategic emerging industries classification (战略性新兴产业分类)' },
                  { points: '5', description: 'Any other field' },
                ],
              },
              {
                key: 'mainBusinessShareScore',
                description: 'Main-business revenue as a share of revenue, last year',
                part: 'SPECIALIZATION',
                metric: M.MAIN_BUSINESS_SHARE,
                window: W.LAST_YEAR,
                levels: [
                  { points: '20', min: '0.7' },
                  { points: '15', min: '0.6', max: '0.7' },
                  { points: '10', min: '0.55', max: '0.6' },
                  { points: '5', min: '0.5', max: '0.55' },
                  { points: '0', max: '0.5' },
                ],
              },
            ],
          },
        ],
      },
    ]),
  ],
};

/** Every rule set the API knows, lowest tier first, oldest first within a tier. */
export const RULE_SETS: readonly RuleSet[] = [INNOVATIVE_SME_2022, SRDI_PROVINCIAL_2022, SRDI_PROVINCIAL_2026, MIIT_2022_63, MIIT_2026_2];

export function ruleSetByCode(code: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.code === code);
}

/** When `ruleSet` is in force for `purpose`, or undefined if it never judges that purpose. */
export function applicability(ruleSet: RuleSet, purpose: EvaluationPurpose): RuleSetApplicability | undefined {
  return ruleSet.appliesTo.find((a) => a.purpose === purpose);
}

/** Whether `ruleSet` is in force for `purpose` on `day` ("YYYY-MM-DD"; both ends of a period count). */
export function inForce(ruleSet: RuleSet, purpose: EvaluationPurpose, day: string): boolean {
  const a = applicability(ruleSet, purpose);
  return !!a && a.effectiveFrom <= day && (a.effectiveUntil == null || day <= a.effectiveUntil);
}

/** The rule sets in force for a tier, a purpose and a day. */
export function ruleSetsInForce(tier: Tier, purpose: EvaluationPurpose, day: string): RuleSet[] {
  return RULE_SETS.filter((r) => r.tier === tier && inForce(r, purpose, day));
}

/** The indicators as they are judged for `purpose`: at re-review, an indicator with `atReReview` gives way to it. */
export function indicatorsFor(list: Indicator[], purpose: EvaluationPurpose): Indicator[] {
  return list.map((i) => (purpose === EvaluationPurpose.RE_REVIEW && i.atReReview ? i.atReReview : i));
}

/** Every indicator judged for `purpose`, nested ones included, parents first. */
export function indicatorsJudged(ruleSet: RuleSet, purpose: EvaluationPurpose): Indicator[] {
  const out: Indicator[] = [];
  const walk = (list: Indicator[]) => {
    for (const i of indicatorsFor(list, purpose)) {
      out.push(i);
      if (i.conditions) walk(i.conditions);
      for (const b of i.bands ?? []) walk(b.conditions);
    }
  };
  walk(ruleSet.indicators);
  return out;
}

/** Every indicator of a rule set for any purpose, nested ones included, parents first; each once. */
export function allIndicators(ruleSet: RuleSet): Indicator[] {
  return [...new Set(Object.values(EvaluationPurpose).flatMap((p) => indicatorsJudged(ruleSet, p)))];
}

/** Every points-table row of a rule set. */
export function allScoreItems(ruleSet: RuleSet): ScoreItem[] {
  return allIndicators(ruleSet).flatMap((i) => i.scoreItems ?? []);
}

/** The keys every rule set must hold at its top level: the conditions every tier shares, so no LARGE enterprise is ever ELIGIBLE. */
export const GENERAL_CONDITION_KEYS: readonly string[] = generalConditions().map((i) => i.key);
