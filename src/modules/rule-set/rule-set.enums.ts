/**
 * The vocabulary rule sets are written in. Adding a rule set needs no code;
 * adding a new kind of test (a new IndicatorKind or Metric) does.
 */

/** What an indicator tests, and so which of its data fields it uses. */
export enum IndicatorKind {
  /** A ratio metric at least `threshold` (a fraction: "0.7" is 70%). */
  RATIO_MIN = 'RATIO_MIN',
  /** A ratio metric at most `threshold` (a fraction). */
  RATIO_MAX = 'RATIO_MAX',
  /** A money metric at least `threshold` yuan. */
  MONEY_MIN = 'MONEY_MIN',
  /** A count metric at least `threshold`. */
  COUNT_MIN = 'COUNT_MIN',
  /** Growth of a money metric over a growth window at least `threshold` (a fraction). */
  GROWTH_MIN = 'GROWTH_MIN',
  /**
   * Whole years in the niche from the entry date to the end of the last
   * financial year, at least `threshold`. Only the entry year is stored, so
   * the entry is read as late as that year allows: last year − entry year.
   */
  YEARS_IN_NICHE_MIN = 'YEARS_IN_NICHE_MIN',
  /** A yes/no fact about the enterprise must be yes. */
  FLAG = 'FLAG',
  /** The product field must be one of `productFields`. */
  PRODUCT_FIELD_IN = 'PRODUCT_FIELD_IN',
  /** A valid certification of `tier` (or a higher tier) held on the day of evaluation. */
  TIER_HELD = 'TIER_HELD',
  /**
   * Last year's revenue picks its band (both edges inclusive, so a revenue on
   * an edge sits in two); the conditions of one band it sits in must all pass.
   */
  REVENUE_BANDED_RD = 'REVENUE_BANDED_RD',
  /** An SME, not LARGE, by the size lines of 工信部联企业〔2011〕300号 for the enterprise’s sector (eligibility/sme-size-lines.ts). */
  SME_SIZE = 'SME_SIZE',
  /** A points table: each of `scoreItems` scores by its levels; the total at least `threshold` and each part at least its minimum. */
  POINTS_TABLE = 'POINTS_TABLE',
  /** One row of a points table as judged: the points it scored (in evaluations only, never in a rule set's indicators). */
  SCORE_ITEM = 'SCORE_ITEM',
  /** Every condition must pass. */
  ALL_OF = 'ALL_OF',
  /** At least one condition must pass. */
  ANY_OF = 'ANY_OF',
  /** A score with no stored data field, supplied as an assessment, at least `threshold`. */
  ASSESSED_SCORE_MIN = 'ASSESSED_SCORE_MIN',
  /** A yes/no fact with no stored data field, supplied as an assessment, must be yes. */
  ASSESSED_FLAG = 'ASSESSED_FLAG',
}

/** Which financial years a metric is read over; Y is the as-of year. */
export enum EvaluationWindow {
  /** Year Y−1. */
  LAST_YEAR = 'LAST_YEAR',
  /** Years Y−2 and Y−1, each on its own. */
  EACH_OF_2_YEARS = 'EACH_OF_2_YEARS',
  /** Years Y−2 and Y−1 added up (a ratio is the ratio of the totals). */
  TWO_YEAR_TOTAL = 'TWO_YEAR_TOTAL',
  /** Years Y−3, Y−2 and Y−1 added up ("近三年"). */
  THREE_YEAR_TOTAL = 'THREE_YEAR_TOTAL',
  /** Growth rate Y−2→Y−1 ("上年度…增长率"). */
  LAST_YEAR_GROWTH = 'LAST_YEAR_GROWTH',
  /** Mean of the growth rates Y−3→Y−2 and Y−2→Y−1. */
  TWO_YEAR_AVERAGE_GROWTH = 'TWO_YEAR_AVERAGE_GROWTH',
  /** Compound annual growth rate from Y−3 to Y−1: sqrt(Y−1 / Y−3) − 1. */
  TWO_YEAR_CAGR = 'TWO_YEAR_CAGR',
}

/** A figure read from the yearly financial reports. */
export enum Metric {
  REVENUE = 'REVENUE',
  MAIN_BUSINESS_REVENUE = 'MAIN_BUSINESS_REVENUE',
  RD_EXPENSE = 'RD_EXPENSE',
  NEW_EQUITY_FINANCING = 'NEW_EQUITY_FINANCING',
  /** Main-business revenue ÷ revenue. */
  MAIN_BUSINESS_SHARE = 'MAIN_BUSINESS_SHARE',
  /** Total liabilities ÷ total assets. */
  DEBT_RATIO = 'DEBT_RATIO',
  /** R&D expense ÷ revenue. */
  RD_INTENSITY = 'RD_INTENSITY',
  /** R&D staff ÷ employees. */
  RD_STAFF_SHARE = 'RD_STAFF_SHARE',
  /** National niche-market share of the leading product (reported in percent). */
  NICHE_MARKET_SHARE = 'NICHE_MARKET_SHARE',
  /** Class-I IP rights in use. */
  CLASS1_IP_COUNT = 'CLASS1_IP_COUNT',
}

/** Yes/no facts kept on the enterprise record. */
export enum EnterpriseFlag {
  HAS_QUALITY_CERTIFICATION = 'HAS_QUALITY_CERTIFICATION',
  HAS_RD_INSTITUTION = 'HAS_RD_INSTITUTION',
  HAS_OWN_BRAND = 'HAS_OWN_BRAND',
  AT_KEY_CHAIN_LINK = 'AT_KEY_CHAIN_LINK',
}

/** What an evaluation is for: the rule sets in force, and some indicators, differ. */
export enum EvaluationPurpose {
  /** A first application for the tier. */
  NEW_APPLICATION = 'NEW_APPLICATION',
  /** The year-3 re-review (复核) of a title held. */
  RE_REVIEW = 'RE_REVIEW',
}
