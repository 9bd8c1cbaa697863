import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { judgeAssessed } from './assessed';
import { decimalThreshold, needs } from './checks';
import { Dec, parse } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

function evaluateAssessedScore(i: Indicator, env: Env): IndicatorEvaluation {
  const threshold = `≥ ${i.threshold} (assessed)`;
  return judgeAssessed(i, env, ValueUnit.SCORE, threshold, (raw, supplied) => {
    const v = parse(raw.trim());
    if (!v) return unknown(i, ValueUnit.SCORE, threshold, [`the assessed score "${raw}" is not a decimal number`]);
    const passed = v.cmp(new Dec(i.threshold!)) >= 0;
    return outcome(i, ValueUnit.SCORE, { threshold, result: passed ? PASS : FAIL, value: v.toString(), note: supplied });
  });
}

export const assessedScoreMin: IndicatorKindDefinition<IndicatorKind.ASSESSED_SCORE_MIN> = {
  kind: IndicatorKind.ASSESSED_SCORE_MIN,
  description: 'A score with no stored data field, supplied as an assessment, at least `threshold`; unknown unless supplied.',
  check: (i, at) => needs(i, at, decimalThreshold(i)),
  evaluate: evaluateAssessedScore,
};
