import { IndicatorKind } from '../eligibility.enums';
import { decimalThreshold, levelNeeds, needs, RATIO_METRICS } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { evaluateLevel } from './level';

export const ratioMin: IndicatorKindDefinition<IndicatorKind.RATIO_MIN> = {
  kind: IndicatorKind.RATIO_MIN,
  description: 'A ratio metric at least `threshold` (a fraction: "0.7" is 70%).',
  check: (i, at) => needs(i, at, ...levelNeeds(i, RATIO_METRICS), decimalThreshold(i)),
  evaluate: evaluateLevel,
};
