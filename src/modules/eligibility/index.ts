/**
 * What other modules may use of eligibility: the shape of an evaluation (the
 * rule sets it judges by are the rule-set module's). How indicators are
 * checked and evaluated (indicators/, evaluate.ts) stays inside.
 */
export type { EligibilityEvaluation, IndicatorEvaluation } from './evaluate';
