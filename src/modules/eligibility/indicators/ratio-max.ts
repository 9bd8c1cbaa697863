import { IndicatorKind } from '../eligibility.enums';
import { decimalThreshold, levelNeeds, needs, RATIO_METRICS } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { evaluateLevel } from './level';

export const ratioMax: IndicatorKindDefinition<IndicatorKind.RATIO_MAX> = {
  kind: IndicatorKind.RATIO_MAX,
  description: 'A ratio metric at most `threshold` (a fraction).',
  check: (i, at) => needs(i, at, ...levelNeeds(i, RATIO_METRICS), decimalThreshold(i)),
  evaluate: evaluateLevel,
};
