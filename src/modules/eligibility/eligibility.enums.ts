/**
 * What an evaluation says: an indicator's result and value unit, a rule
 * set's verdict. The vocabulary the rule sets themselves are written in is
 * the rule-set module's; eligibility speaks it too, so it is offered here
 * beside its own.
 */
export { EnterpriseFlag, EvaluationPurpose, EvaluationWindow, IndicatorKind, Metric } from '../rule-set/rule-set.enums';

/** The outcome of one indicator. */
export enum IndicatorResult {
  PASS = 'PASS',
  FAIL = 'FAIL',
  /** The data needed is missing: never counted as a pass. */
  UNKNOWN = 'UNKNOWN',
  /** Not checked for this purpose (the 2026 growth line at re-review): neither a pass nor a failure. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** The outcome of a whole rule set. */
export enum EligibilityVerdict {
  /** Every indicator passes. */
  ELIGIBLE = 'ELIGIBLE',
  /** At least one indicator fails. */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** None fails, but at least one is unknown. */
  UNDETERMINED = 'UNDETERMINED',
}

/** The unit an indicator's value is given in. */
export enum ValueUnit {
  PERCENT = 'PERCENT',
  YUAN = 'YUAN',
  COUNT = 'COUNT',
  YEARS = 'YEARS',
  SCORE = 'SCORE',
  /** Yes/no, product field, tier, size class and other values given as text. */
  TEXT = 'TEXT',
  /** No value of its own: a group of conditions. */
  NONE = 'NONE',
}
