import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { ListBound } from '../../graphql/list-bound';
import { MoneyScalar } from '../../graphql/scalars/money';
import { ProductField, Tier } from '../enterprise/enterprise.enums';
// Registers the Tier and ProductField enums this module's types use.
import '../enterprise/enterprise.type';
import {
  EligibilityVerdict,
  EnterpriseFlag,
  EvaluationPurpose,
  EvaluationWindow,
  IndicatorKind,
  IndicatorResult,
  Metric,
  ValueUnit,
} from './eligibility.enums';
import { INDICATOR_KINDS } from './indicators';
import { allIndicators, allScoreItems, RULE_SETS } from './rule-sets';

/**
 * The lists below come from the rule-set data, not from the database, so
 * their sizes are known: each declares its real bound for the query-cost
 * estimate.
 */
const everyIndicator = RULE_SETS.flatMap(allIndicators);
const max = (xs: number[]) => Math.max(1, ...xs);
export const BOUNDS = {
  ruleSets: RULE_SETS.length,
  indicators: max(RULE_SETS.map((r) => r.indicators.length)),
  conditions: max(everyIndicator.map((i) => i.conditions?.length ?? 0)),
  bands: max(everyIndicator.map((i) => i.bands?.length ?? 0)),
  bandConditions: max(everyIndicator.flatMap((i) => (i.bands ?? []).map((b) => b.conditions.length))),
  scoreItems: max(everyIndicator.map((i) => i.scoreItems?.length ?? 0)),
  partMinimums: max(everyIndicator.map((i) => i.partMinimums?.length ?? 0)),
  levels: max(RULE_SETS.flatMap(allScoreItems).map((s) => s.levels.length)),
  appliesTo: max(RULE_SETS.map((r) => r.appliesTo.length)),
};
/**
 * The most rows a breakdown can have: every indicator, plus the two years of
 * an each-year window, the band groups and the points-table rows.
 */
const BREAKDOWN_BOUND = max(
  RULE_SETS.map((r) =>
    allIndicators(r).reduce(
      (n, i) => n + 1 + (i.window === EvaluationWindow.EACH_OF_2_YEARS ? 2 : 0) + (i.bands?.length ?? 0) + (i.scoreItems?.length ?? 0),
      0,
    ),
  ),
);
/** A group's conditions, a band's conditions, the bands a revenue on an edge sits in, a points table's rows, or the two years of an each-year window. */
const DETAILS_BOUND = Math.max(2, BOUNDS.conditions, BOUNDS.bandConditions, BOUNDS.bands, BOUNDS.scoreItems);

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an indicator tests, and so which of its fields are set.',
  valuesConfig: Object.fromEntries(Object.values(INDICATOR_KINDS).map((k) => [k.kind, { description: k.description }])),
});

registerEnumType(EvaluationWindow, {
  name: 'EvaluationWindow',
  description: 'The financial years a metric is read over, Y being the as-of year (the year of assessment).',
  valuesConfig: {
    LAST_YEAR: { description: 'Year Y−1.' },
    EACH_OF_2_YEARS: { description: 'Years Y−2 and Y−1, each on its own.' },
    TWO_YEAR_TOTAL: { description: 'Years Y−2 and Y−1 added up; a ratio is the ratio of the totals.' },
    THREE_YEAR_TOTAL: { description: 'Years Y−3, Y−2 and Y−1 added up (近三年).' },
    LAST_YEAR_GROWTH: { description: 'The growth rate Y−2→Y−1.' },
    TWO_YEAR_AVERAGE_GROWTH: { description: 'The mean of the growth rates Y−3→Y−2 and Y−2→Y−1.' },
    TWO_YEAR_CAGR: { description: 'Compound annual growth from Y−3 to Y−1: √(Y−1 ÷ Y−3) − 1.' },
  },
});

registerEnumType(Metric, {
  name: 'IndicatorMetric',
  description: 'A figure read from the yearly financial reports.',
  valuesConfig: {
    REVENUE: { description: 'Operating revenue, yuan.' },
    MAIN_BUSINESS_REVENUE: { description: 'Main-business revenue, yuan.' },
    RD_EXPENSE: { description: 'R&D expense, yuan.' },
    NEW_EQUITY_FINANCING: { description: 'New equity financing, yuan.' },
    MAIN_BUSINESS_SHARE: { description: 'Main-business revenue ÷ revenue.' },
    DEBT_RATIO: { description: 'Total liabilities ÷ total assets.' },
    RD_INTENSITY: { description: 'R&D expense ÷ revenue.' },
    RD_STAFF_SHARE: { description: 'R&D staff ÷ employees.' },
    NICHE_MARKET_SHARE: { description: 'National niche-market share of the leading product.' },
    CLASS1_IP_COUNT: { description: 'Class-I IP rights in use.' },
  },
});

registerEnumType(EnterpriseFlag, {
  name: 'EnterpriseFlag',
  description: 'A yes/no fact kept on the enterprise record.',
  valuesConfig: {
    HAS_QUALITY_CERTIFICATION: { description: 'Holds a quality-management or product certification.' },
    HAS_RD_INSTITUTION: { description: 'Has an R&D institution.' },
    HAS_OWN_BRAND: { description: 'Has its own brand.' },
    AT_KEY_CHAIN_LINK: { description: 'Sits at a key link of an industrial chain.' },
  },
});

registerEnumType(IndicatorResult, {
  name: 'IndicatorResult',
  description: 'The outcome of one indicator.',
  valuesConfig: {
    PASS: { description: 'The criterion is met.' },
    FAIL: { description: 'The criterion is not met.' },
    UNKNOWN: { description: 'The data needed is missing; never counted as a pass.' },
    NOT_APPLICABLE: {
      description: 'Not checked for this purpose (e.g. the 2026 growth line at re-review); counted neither as a pass nor as a failure.',
    },
  },
});

registerEnumType(EvaluationPurpose, {
  name: 'EvaluationPurpose',
  description: 'What an evaluation is for: which rule sets are in force, and how some indicators read, depend on it.',
  valuesConfig: {
    NEW_APPLICATION: { description: 'A first application for the tier.' },
    RE_REVIEW: { description: 'The year-3 re-review (复核) of a title held.' },
  },
});

registerEnumType(EligibilityVerdict, {
  name: 'EligibilityVerdict',
  description: 'The outcome of a whole rule set.',
  valuesConfig: {
    ELIGIBLE: { description: 'Every indicator passes.' },
    NOT_ELIGIBLE: { description: 'At least one indicator fails.' },
    UNDETERMINED: { description: 'No indicator fails, but at least one is unknown.' },
  },
});

registerEnumType(ValueUnit, {
  name: 'ValueUnit',
  description: 'The unit of an evaluated value.',
  valuesConfig: {
    PERCENT: { description: 'Percent: "70.00" is 70%.' },
    YUAN: { description: 'Yuan (CNY), two decimals.' },
    COUNT: { description: 'A whole number of things.' },
    YEARS: { description: 'A whole number of years.' },
    SCORE: { description: 'A score, as supplied.' },
    TEXT: { description: 'Text: yes/no, a product field, tiers held.' },
    NONE: { description: 'No value of its own: a group of conditions; see details.' },
  },
});

@ObjectType('RevenueBand', {
  description:
    'One revenue band of a REVENUE_BANDED_RD indicator: last year’s revenue in [revenueMin, revenueMax], both edges included, so adjacent bands share their edge.',
})
export class RevenueBand {
  @Field({ description: 'The band’s key, e.g. "large".' })
  key: string;

  @Field({ description: 'What the band requires, in words.' })
  description: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Inclusive lower bound of last year’s revenue, yuan; null: from zero.' })
  revenueMin?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Inclusive upper bound of last year’s revenue, yuan; null: no upper bound.' })
  revenueMax?: string;

  @Field(() => [RuleIndicator], { description: 'Conditions that must all pass for an enterprise in this band.' })
  @ListBound(BOUNDS.bandConditions)
  conditions: RuleIndicator[];
}

@ObjectType('ScoreLevel', { description: 'One level of a points-table row: the points a value in [min, max] scores (both ends included).' })
export class ScoreLevel {
  @Field({ description: 'The points, a decimal string.' })
  points: string;

  @Field(() => String, { nullable: true, description: 'Inclusive lower bound (a fraction for ratios and growth); null: none.' })
  min?: string;

  @Field(() => String, { nullable: true, description: 'Inclusive upper bound; null: none.' })
  max?: string;

  @Field(() => String, { nullable: true, description: 'The level in the text’s words (assessed rows).' })
  description?: string;
}

@ObjectType('ScoreItem', {
  description:
    'One row of a POINTS_TABLE indicator. A metric row scores the first of its levels (highest points first) that holds the value, so a value on a ' +
    'shared edge takes the higher score; an assessed row is scored by an assessment giving one of its levels’ points, under its key.',
})
export class ScoreItem {
  @Field({ description: 'Key, unique within the rule set; an assessed row is assessed by it.' })
  key: string;

  @Field({ description: 'What the row scores.' })
  description: string;

  @Field({ description: 'The part of the table the points count towards, e.g. INNOVATION.' })
  part: string;

  @Field(() => Metric, { nullable: true, description: 'The figure scored (metric rows).' })
  metric?: Metric;

  @Field(() => EvaluationWindow, { nullable: true, description: 'LAST_YEAR or LAST_YEAR_GROWTH (metric rows).' })
  window?: EvaluationWindow;

  @Field({ description: 'True when the row has no data field and is scored by an assessment.' })
  assessed: boolean;

  @Field(() => [ScoreLevel], { description: 'The levels, highest points first.' })
  @ListBound(BOUNDS.levels)
  levels: ScoreLevel[];
}

@ObjectType('ScorePartMinimum', { description: 'The least points one part of a points table must add up to.' })
export class ScorePartMinimum {
  @Field({ description: 'The part, e.g. INNOVATION.' })
  part: string;

  @Field({ description: 'The minimum, a decimal string.' })
  minimum: string;
}

@ObjectType('RuleIndicator', { description: 'One criterion of a rule set, as data. Which fields are set depends on `kind`.' })
export class RuleIndicator {
  @Field({ description: 'Key, unique within the rule set; assessments name indicators by it.' })
  key: string;

  @Field({ description: 'The criterion in words.' })
  description: string;

  @Field(() => String, {
    nullable: true,
    description: 'The criterion group of the policy text, e.g. SPECIALIZED or INNOVATIVE; null if the text has none.',
  })
  dimension?: string;

  @Field(() => IndicatorKind, { description: 'What the indicator tests.' })
  kind: IndicatorKind;

  @Field(() => Metric, { nullable: true, description: 'The figure tested (ratio, money, count and growth kinds).' })
  metric?: Metric;

  @Field(() => EvaluationWindow, { nullable: true, description: 'The financial years the figure is read over.' })
  window?: EvaluationWindow;

  @Field(() => String, {
    nullable: true,
    description: 'The threshold as a decimal string: a fraction for ratios and growth ("0.7" is 70%), yuan for money, else a plain number.',
  })
  threshold?: string;

  @Field(() => EnterpriseFlag, { nullable: true, description: 'The yes/no fact tested (FLAG).' })
  flag?: EnterpriseFlag;

  @Field(() => [ProductField], { nullable: true, description: 'The product fields accepted (PRODUCT_FIELD_IN).' })
  @ListBound(Object.keys(ProductField).length)
  productFields?: ProductField[];

  @Field(() => Tier, { nullable: true, description: 'The tier whose valid title is required (TIER_HELD).' })
  tier?: Tier;

  @Field(() => [RuleIndicator], { nullable: true, description: 'The conditions of a group (ALL_OF, ANY_OF).' })
  @ListBound(BOUNDS.conditions)
  conditions?: RuleIndicator[];

  @Field(() => [RevenueBand], { nullable: true, description: 'The revenue bands (REVENUE_BANDED_RD).' })
  @ListBound(BOUNDS.bands)
  bands?: RevenueBand[];

  @Field(() => [ScoreItem], { nullable: true, description: 'The rows of a points table (POINTS_TABLE).' })
  @ListBound(BOUNDS.scoreItems)
  scoreItems?: ScoreItem[];

  @Field(() => [ScorePartMinimum], {
    nullable: true,
    description: 'The least points each part must add up to, besides the total `threshold` (POINTS_TABLE).',
  })
  @ListBound(BOUNDS.partMinimums)
  partMinimums?: ScorePartMinimum[];

  @Field({ description: 'True when the indicator is not checked at re-review (复核).' })
  notCheckedAtReReview: boolean;

  @Field(() => RuleIndicator, { nullable: true, description: 'The indicator checked instead of this one at re-review (复核); null: the same one.' })
  atReReview?: RuleIndicator;

  @Field(() => String, { nullable: true, description: 'Why the indicator reads as it does, or what the stored data cannot tell.' })
  note?: string;
}

@ObjectType('RuleSetApplicability', { description: 'When a rule set is in force for one purpose; both days included.' })
export class RuleSetApplicability {
  @Field(() => EvaluationPurpose, { description: 'New applications or re-reviews.' })
  purpose: EvaluationPurpose;

  @Field({ description: 'The first day in force (YYYY-MM-DD).' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'The last day in force (YYYY-MM-DD); null: still in force.' })
  effectiveUntil?: string;
}

@ObjectType('RuleSet', { description: 'One version of one tier’s certification criteria. Every judgement records the code of the rule set it used.' })
export class RuleSet {
  @Field({ description: 'Stable code, e.g. "MIIT-2022-63".' })
  code: string;

  @Field({ description: 'Title of the criteria.' })
  title: string;

  @Field({ description: 'Number of the policy document, e.g. 工信部企业〔2022〕63号.' })
  documentNumber: string;

  @Field({ description: 'Date the rules came into force (YYYY-MM-DD), for their first purpose.' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'The last day the rules are in force for any purpose (YYYY-MM-DD); null: still in force.' })
  effectiveUntil?: string;

  @Field(() => [RuleSetApplicability], {
    description:
      'What the rules judge (new applications, re-reviews) and from when until when; an application may name only a rule set in force for it today.',
  })
  @ListBound(BOUNDS.appliesTo)
  appliesTo: RuleSetApplicability[];

  @Field(() => Tier, { description: 'The tier the rules certify.' })
  tier: Tier;

  @Field(() => String, { nullable: true, description: 'What the rule set covers and leaves out.' })
  note?: string;

  @Field(() => [RuleIndicator], { description: 'The criteria; all are required.' })
  @ListBound(BOUNDS.indicators)
  indicators: RuleIndicator[];
}

@ObjectType('IndicatorEvaluation', { description: 'One indicator judged against an enterprise’s facts: its value, the threshold and the result.' })
export class IndicatorEvaluation {
  @Field({ description: 'The indicator’s key (for an each-year window’s parts, suffixed with the year).' })
  key: string;

  @Field({ description: 'The criterion in words.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'The criterion group of the policy text, if any.' })
  dimension: string | null;

  @Field(() => IndicatorKind, { description: 'What the indicator tests.' })
  kind: IndicatorKind;

  @Field(() => ValueUnit, { description: 'The unit of `value`.' })
  unit: ValueUnit;

  @Field(() => String, {
    nullable: true,
    description:
      'The enterprise’s value: a decimal string in `unit` (rounded for display; the comparison uses the exact value), or text; null when unknown or for a group.',
  })
  value: string | null;

  @Field({ description: 'The threshold in words, with the years it applies to.' })
  threshold: string;

  @Field(() => IndicatorResult, { description: 'PASS, FAIL, or UNKNOWN when data is missing.' })
  result: IndicatorResult;

  @Field(() => String, { nullable: true, description: 'What was missing, which band or year applied, where a value came from.' })
  note: string | null;

  @Field(() => [IndicatorEvaluation], {
    description: 'The parts: a group’s conditions, a band’s conditions, or each year of an each-year window.',
  })
  @ListBound(DETAILS_BOUND)
  details: IndicatorEvaluation[];
}

@ObjectType('IndicatorBreakdownRow', {
  description: 'One judged indicator of any depth, flat: its place (parentKey, depth) instead of its parts. The same values as in `indicators`.',
})
export class IndicatorBreakdownRow {
  @Field({ description: 'The indicator’s key (for an each-year window’s parts, suffixed with the year; for a band, prefixed with its indicator’s).' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The key of the group, band or window this is a part of; null at the top.' })
  parentKey: string | null;

  @Field(() => Int, { description: '0 for a top-level indicator, 1 for its parts, and so on.' })
  depth: number;

  @Field({ description: 'The criterion in words.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'The criterion group of the policy text, or the part of a points table.' })
  dimension: string | null;

  @Field(() => IndicatorKind, { description: 'What the indicator tests.' })
  kind: IndicatorKind;

  @Field(() => ValueUnit, { description: 'The unit of `value`.' })
  unit: ValueUnit;

  @Field(() => String, { nullable: true, description: 'The enterprise’s value in `unit`, as in IndicatorEvaluation.value.' })
  value: string | null;

  @Field({ description: 'The threshold in words, with the years it applies to.' })
  threshold: string;

  @Field(() => IndicatorResult, { description: 'PASS, FAIL, UNKNOWN, or NOT_APPLICABLE.' })
  result: IndicatorResult;

  @Field(() => String, { nullable: true, description: 'What was missing, which band or year applied, where a value came from.' })
  note: string | null;
}

@ObjectType('EligibilityEvaluation', {
  description:
    'An enterprise judged against a rule set: each indicator’s value, threshold and result, and the verdict. Missing data is UNKNOWN, never a pass.',
})
export class EligibilityEvaluation {
  @Field(() => RuleSet, { description: 'The rule set applied.' })
  ruleSet: RuleSet;

  @Field(() => EvaluationPurpose, {
    description: 'A new application or a re-review: at re-review some indicators read differently (see RuleIndicator.atReReview).',
  })
  purpose: EvaluationPurpose;

  @Field(() => Int, { description: 'The year of assessment; the windows read the complete financial years before it.' })
  asOfYear: number;

  @Field(() => Int, { description: 'The "last year" of the windows: asOfYear − 1.' })
  lastFinancialYear: number;

  @Field({ description: 'The day of the evaluation (YYYY-MM-DD, China Standard Time); certifications are checked as valid on it.' })
  evaluatedOn: string;

  @Field(() => [IndicatorEvaluation], { description: 'Each top-level indicator of the rule set, in order.' })
  @ListBound(BOUNDS.indicators)
  indicators: IndicatorEvaluation[];

  @Field(() => [IndicatorBreakdownRow], {
    description:
      'Every judged indicator of any depth, parents first, flat: the parts of a deep group without nesting `details` to its depth (which costs a list per level).',
  })
  @ListBound(BREAKDOWN_BOUND)
  breakdown: IndicatorBreakdownRow[];

  @Field(() => EligibilityVerdict, { description: 'NOT_ELIGIBLE if any indicator fails; else UNDETERMINED if any is unknown; else ELIGIBLE.' })
  verdict: EligibilityVerdict;
}

@InputType('IndicatorAssessmentInput', {
  description: 'A value for an indicator that has no stored data field, such as the 2026 development evaluation score.',
})
export class IndicatorAssessmentInput {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'The indicator’s key, e.g. "developmentScore".' })
  key: string;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'A decimal string for a score (e.g. "72.5"), or "true"/"false" for a yes/no indicator.' })
  value: string;
}
