import { IndicatorKind } from '../eligibility.enums';
import { needs } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { judgeGroup, resultOfAny } from './outcome';

export const anyOf: IndicatorKindDefinition<IndicatorKind.ANY_OF> = {
  kind: IndicatorKind.ANY_OF,
  description: 'At least one of `conditions` must pass.',
  check: (i, at) => needs(i, at, ['conditions', !!i.conditions?.length]),
  evaluate: (i, env) => judgeGroup(i, env, resultOfAny, 'at least one of the conditions'),
};
