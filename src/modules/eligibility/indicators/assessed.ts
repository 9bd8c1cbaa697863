/** What the assessed kinds (ASSESSED_FLAG, ASSESSED_SCORE_MIN) share: they have no stored data field, only what an assessment supplies. */
import type { ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import type { Env } from './kind';
import { unknown } from './outcome';

/** UNKNOWN while no assessment is supplied under the indicator's key; else `judge` reads it, with the note to show where it came from. */
export function judgeAssessed(
  i: Indicator,
  env: Env,
  unit: ValueUnit,
  threshold: string,
  judge: (raw: string, note: string) => IndicatorEvaluation,
): IndicatorEvaluation {
  const given = env.facts.assessments;
  const raw = given && Object.hasOwn(given, i.key) ? given[i.key] : undefined;
  const recorded = env.facts.assessmentNotes?.[i.key];
  if (raw == null) return unknown(i, unit, threshold, [recorded ?? i.note ?? 'no stored data field; not assessed']);
  return judge(raw, recorded ?? 'supplied as an assessment, not read from stored data');
}
