/**
 * Figures and thresholds as shown. Divisions and square roots are computed
 * for display only, and the displayed value is rounded to 2 decimals, with
 * more decimals where rounding would make a failing value look like a
 * passing one (69.999% shows as "69.999").
 */
import Decimal from 'decimal.js';
import { EvaluationWindow, ValueUnit } from '../eligibility.enums';
import type { Indicator } from '../rule-sets';
import { Dec, Q } from './figures';

const SCALE: Partial<Record<ValueUnit, { factor: number; dp: number }>> = {
  [ValueUnit.PERCENT]: { factor: 100, dp: 2 },
  [ValueUnit.YUAN]: { factor: 1, dp: 2 },
  [ValueUnit.COUNT]: { factor: 1, dp: 0 },
  [ValueUnit.YEARS]: { factor: 1, dp: 0 },
  [ValueUnit.SCORE]: { factor: 1, dp: 2 },
};

/** More than any comparison of figures parse() accepts needs (a growth average's denominator has about 82 digits). */
const MAX_SHOWN_PLACES = 100;

/**
 * The value as shown in `unit`, rounded half-up to the unit's decimals, with
 * more decimals while the rounded value would compare to the threshold the
 * other way than the exact value does. The figures parse() accepts (40
 * digits at most) never need more than MAX_SHOWN_PLACES to tell, so the
 * bound only guards against a loop, never hides a failing value.
 */
export function shown(approx: Dec, unit: ValueUnit, threshold: Q | null, atMost: boolean, passed: boolean | null): string {
  const { factor, dp } = SCALE[unit] ?? { factor: 1, dp: 2 };
  const v = approx.mul(factor);
  const t = threshold?.approx().mul(factor);
  let places = dp;
  let r = v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  while (t && passed != null && places < MAX_SHOWN_PLACES && (atMost ? r.lte(t) : r.gte(t)) !== passed) {
    places += 1;
    r = v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  }
  return r.toFixed(places);
}

/** "100000000" → "100,000,000"; decimals kept as written. */
export function grouped(s: string): string {
  const [int, frac] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

export function thresholdNumber(i: Indicator, unit: ValueUnit): string {
  const t = new Dec(i.threshold!);
  if (unit === ValueUnit.PERCENT) return `${t.mul(100).toString()}%`;
  if (unit === ValueUnit.YUAN) return `¥${grouped(t.toString())}`;
  return t.toString();
}

export function windowText(window: EvaluationWindow, y: number): string {
  switch (window) {
    case EvaluationWindow.LAST_YEAR:
      return `in ${y - 1}`;
    case EvaluationWindow.EACH_OF_2_YEARS:
      return `in each of ${y - 2} and ${y - 1}`;
    case EvaluationWindow.TWO_YEAR_TOTAL:
      return `over ${y - 2}–${y - 1} in total`;
    case EvaluationWindow.THREE_YEAR_TOTAL:
      return `over ${y - 3}–${y - 1} in total`;
    case EvaluationWindow.LAST_YEAR_GROWTH:
      return `growth ${y - 2}→${y - 1}`;
    case EvaluationWindow.TWO_YEAR_AVERAGE_GROWTH:
      return `average of the ${y - 3}→${y - 2} and ${y - 2}→${y - 1} growth rates`;
    case EvaluationWindow.TWO_YEAR_CAGR:
      return `compound annual growth ${y - 3}→${y - 1}`;
  }
}
