import { EnterpriseFlag, IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { EnterpriseFacts, IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { needs } from './checks';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

const FLAG_FIELD: Record<EnterpriseFlag, keyof EnterpriseFacts> = {
  [EnterpriseFlag.HAS_QUALITY_CERTIFICATION]: 'hasQualityCertification',
  [EnterpriseFlag.HAS_RD_INSTITUTION]: 'hasRdInstitution',
  [EnterpriseFlag.HAS_OWN_BRAND]: 'hasOwnBrand',
  [EnterpriseFlag.AT_KEY_CHAIN_LINK]: 'atKeyChainLink',
};

function evaluateFlag(i: Indicator, env: Env): IndicatorEvaluation {
  const value = env.facts.enterprise[FLAG_FIELD[i.flag!]];
  if (value == null) return unknown(i, ValueUnit.TEXT, 'yes', ['not recorded on the enterprise']);
  return outcome(i, ValueUnit.TEXT, { threshold: 'yes', result: value ? PASS : FAIL, value: value ? 'yes' : 'no' });
}

export const flag: IndicatorKindDefinition<IndicatorKind.FLAG> = {
  kind: IndicatorKind.FLAG,
  description: 'A yes/no fact on the enterprise record (`flag`) must be yes.',
  check: (i, at) => needs(i, at, ['a flag', !!i.flag]),
  evaluate: evaluateFlag,
};
