import { IndicatorKind } from '../eligibility.enums';
import { needs } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { judgeGroup, resultOfAll } from './outcome';

export const allOf: IndicatorKindDefinition<IndicatorKind.ALL_OF> = {
  kind: IndicatorKind.ALL_OF,
  description: 'Every one of `conditions` must pass.',
  check: (i, at) => needs(i, at, ['conditions', !!i.conditions?.length]),
  evaluate: (i, env) => judgeGroup(i, env, resultOfAll, 'all of the conditions'),
};
