import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { needs } from './checks';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

function evaluateProductField(i: Indicator, env: Env): IndicatorEvaluation {
  const threshold = `one of ${i.productFields!.join(', ')}`;
  const field = env.facts.enterprise.productField;
  if (field == null) return unknown(i, ValueUnit.TEXT, threshold, ['the product field is not recorded']);
  return outcome(i, ValueUnit.TEXT, { threshold, result: i.productFields!.includes(field) ? PASS : FAIL, value: field });
}

export const productFieldIn: IndicatorKindDefinition<IndicatorKind.PRODUCT_FIELD_IN> = {
  kind: IndicatorKind.PRODUCT_FIELD_IN,
  description: 'The enterprise’s product field must be one of `productFields`.',
  check: (i, at) => needs(i, at, ['product fields', !!i.productFields?.length]),
  evaluate: evaluateProductField,
};
