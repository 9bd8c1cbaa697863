/**
 * What other modules may use of eligibility: the rule sets and their
 * lookups, and the shape of an evaluation. How indicators are checked and
 * evaluated (indicators/, evaluate.ts) stays inside.
 */
export { allIndicators, inForce, RULE_SETS, ruleSetByCode, ruleSetsInForce } from './rule-sets';
export type { RuleSet } from './rule-sets';
export type { EligibilityEvaluation, IndicatorEvaluation } from './evaluate';
