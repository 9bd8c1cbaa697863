/** How the level kinds (RATIO_MIN, RATIO_MAX, MONEY_MIN, COUNT_MIN) judge: a metric against its threshold over a level window. */
import { EvaluationWindow, IndicatorKind } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { shown, thresholdNumber, windowText } from './display';
import { Dec, METRICS, Q, readMetric } from './figures';
import type { Env } from './kind';
import { resultOfAll, FAIL, outcome, PASS, UNKNOWN, unknown } from './outcome';

/** RATIO_MIN, RATIO_MAX, MONEY_MIN, COUNT_MIN over a level window. */
export function evaluateLevel(i: Indicator, env: Env): IndicatorEvaluation {
  const unit = METRICS[i.metric!].unit;
  const atMost = i.kind === IndicatorKind.RATIO_MAX;
  const t = new Q(new Dec(i.threshold!));
  const y = env.asOfYear;
  const threshold = `${atMost ? '≤' : '≥'} ${thresholdNumber(i, unit)} ${windowText(i.window!, y)}`;
  const judge = (q: Q) => {
    const c = q.cmp(t);
    return atMost ? c <= 0 : c >= 0;
  };

  if (i.window === EvaluationWindow.EACH_OF_2_YEARS) {
    const details = [y - 2, y - 1].map((year) => {
      const yearly: Indicator = { ...i, key: `${i.key}.${year}`, description: `${i.description}: ${year}` };
      const r = readMetric(env, i.metric!, [year]);
      const th = `${atMost ? '≤' : '≥'} ${thresholdNumber(i, unit)} in ${year}`;
      if (!r.ok) return unknown(yearly, unit, th, r.why);
      const passed = judge(r.value);
      return {
        ...outcome(yearly, unit, { threshold: th, result: passed ? PASS : FAIL }),
        value: shown(r.value.approx(), unit, t, atMost, passed),
        q: r.value,
      };
    });
    // The weakest known year stands for the pair.
    const known = details.filter((d): d is IndicatorEvaluation & { q: Q } => 'q' in d);
    const weakest = known.reduce<(IndicatorEvaluation & { q: Q }) | null>(
      (w, d) => (!w || (atMost ? d.q.cmp(w.q) > 0 : d.q.cmp(w.q) < 0) ? d : w),
      null,
    );
    const result = resultOfAll(details.map((d) => d.result));
    const missing = details.filter((d) => d.result === UNKNOWN).map((d) => d.note!);
    return outcome(i, unit, {
      threshold,
      result,
      value: weakest?.value ?? null,
      note: [weakest ? `weakest year ${weakest.key.split('.').pop()}` : null, ...missing].filter(Boolean).join('; ') || null,
      details: details.map(({ q: _q, ...d }: IndicatorEvaluation & { q?: Q }) => d),
    });
  }

  const years =
    i.window === EvaluationWindow.THREE_YEAR_TOTAL ? [y - 3, y - 2, y - 1] : i.window === EvaluationWindow.TWO_YEAR_TOTAL ? [y - 2, y - 1] : [y - 1];
  const r = readMetric(env, i.metric!, years);
  if (!r.ok) return unknown(i, unit, threshold, r.why);
  const passed = judge(r.value);
  return outcome(i, unit, { threshold, result: passed ? PASS : FAIL, value: shown(r.value.approx(), unit, t, atMost, passed) });
}
