/**
 * Results and how they combine. Missing data makes an indicator UNKNOWN,
 * never a pass: a group passes only when its conditions do.
 */
import { IndicatorResult, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import type { Env } from './kind';

export const { PASS, FAIL, UNKNOWN, NOT_APPLICABLE } = IndicatorResult;

// A condition not checked for the purpose counts for neither side; a group of nothing but such is itself not checked.
export function resultOfAll(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(FAIL)) return FAIL;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return results.length && results.every((r) => r === NOT_APPLICABLE) ? NOT_APPLICABLE : PASS;
}

export function resultOfAny(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(PASS)) return PASS;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return results.length && results.every((r) => r === NOT_APPLICABLE) ? NOT_APPLICABLE : FAIL;
}

export function outcome(
  i: Indicator,
  unit: ValueUnit,
  parts: Partial<IndicatorEvaluation> & Pick<IndicatorEvaluation, 'threshold' | 'result'>,
): IndicatorEvaluation {
  return {
    key: i.key,
    description: i.description,
    dimension: i.dimension ?? null,
    kind: i.kind,
    unit,
    value: null,
    note: null,
    details: [],
    ...parts,
  };
}

export function unknown(i: Indicator, unit: ValueUnit, threshold: string, why: string[]): IndicatorEvaluation {
  return outcome(i, unit, { threshold, result: UNKNOWN, note: why.join('; ') });
}

/** A group of conditions (ALL_OF, ANY_OF): its conditions judged, their results combined. */
export function judgeGroup(i: Indicator, env: Env, combine: (results: IndicatorResult[]) => IndicatorResult, threshold: string): IndicatorEvaluation {
  const details = env.judgeAll(i.conditions!);
  return outcome(i, ValueUnit.NONE, { threshold, result: combine(details.map((d) => d.result)), details });
}
