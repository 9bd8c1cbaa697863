/**
 * The certification criteria as data (rule-sets.ts) and the vocabulary they
 * are written in (rule-set.enums.ts): what certification, assessment and
 * eligibility read of them.
 */
export {
  allIndicators,
  allScoreItems,
  applicability,
  GENERAL_CONDITION_KEYS,
  indicatorsFor,
  indicatorsJudged,
  inForce,
  NETWORK_POWER_FIELDS,
  RULE_SETS,
  ruleSetByCode,
  ruleSetsInForce,
  SIX_BASICS,
  TEN_KEY_SECTORS,
} from './rule-sets';
export type { Indicator, RevenueBand, RuleSet, RuleSetApplicability, ScoreItem, ScoreLevel, ScorePartMinimum } from './rule-sets';
