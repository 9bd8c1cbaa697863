import { IndicatorKind } from '../eligibility.enums';
import { decimalThreshold, levelNeeds, needs, MONEY_METRICS } from './checks';
import type { IndicatorKindDefinition } from './kind';
import { evaluateLevel } from './level';

export const moneyMin: IndicatorKindDefinition<IndicatorKind.MONEY_MIN> = {
  kind: IndicatorKind.MONEY_MIN,
  description: 'A money metric at least `threshold` yuan.',
  check: (i, at) => needs(i, at, ...levelNeeds(i, MONEY_METRICS), decimalThreshold(i)),
  evaluate: evaluateLevel,
};
