import { IndicatorKind } from '../eligibility.enums';
import { integerThreshold, levelNeeds, needs, COUNT_METRICS } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { evaluateLevel } from './level';

export const countMin: IndicatorKindDefinition<IndicatorKind.COUNT_MIN> = {
  kind: IndicatorKind.COUNT_MIN,
  description: 'A count metric at least `threshold`.',
  check: (i, at) => needs(i, at, ...levelNeeds(i, COUNT_METRICS), integerThreshold(i)),
  evaluate: evaluateLevel,
};
