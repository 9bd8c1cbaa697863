import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { judgeAssessed } from './assessed';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

function evaluateAssessedFlag(i: Indicator, env: Env): IndicatorEvaluation {
  const threshold = 'yes (assessed)';
  return judgeAssessed(i, env, ValueUnit.TEXT, threshold, (raw, supplied) => {
    const flag = raw.trim().toLowerCase();
    if (flag !== 'true' && flag !== 'false') return unknown(i, ValueUnit.TEXT, threshold, [`the assessment "${raw}" is neither "true" nor "false"`]);
    return outcome(i, ValueUnit.TEXT, { threshold, result: flag === 'true' ? PASS : FAIL, value: flag === 'true' ? 'yes' : 'no', note: supplied });
  });
}

export const assessedFlag: IndicatorKindDefinition<IndicatorKind.ASSESSED_FLAG> = {
  kind: IndicatorKind.ASSESSED_FLAG,
  description: 'A yes/no fact with no stored data field, supplied as an assessment ("true"/"false"); unknown unless supplied.',
  check: () => [],
  evaluate: evaluateAssessedFlag,
};
