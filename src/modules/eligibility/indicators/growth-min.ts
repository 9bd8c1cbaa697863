import { EvaluationWindow, IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { decimalThreshold, GROWTH_WINDOWS, MONEY_METRICS, needs } from './checks';
import { grouped, shown, thresholdNumber, windowText } from './display';
import { Dec, dedupe, FIELD_LABEL, METRICS, Q, readField } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

/** GROWTH_MIN: average growth rate or CAGR over Y−3 → Y−1, against a fraction. */
function evaluateGrowth(i: Indicator, env: Env): IndicatorEvaluation {
  const y = env.asOfYear;
  const field = METRICS[i.metric!].num;
  const t = new Dec(i.threshold!);
  const threshold = `≥ ${thresholdNumber(i, ValueUnit.PERCENT)} (${windowText(i.window!, y)})`;
  const cagr = i.window === EvaluationWindow.TWO_YEAR_CAGR;
  const years = cagr ? [y - 3, y - 1] : [y - 3, y - 2, y - 1];
  const reads = years.map((year) => readField(env, year, field));
  const why = dedupe(reads.flatMap((r) => (r.ok ? [] : r.why)));
  if (why.length) return unknown(i, ValueUnit.PERCENT, threshold, why);
  const v = reads.map((r) => (r as { value: Dec }).value);
  const bases = cagr ? [v[0]] : [v[0], v[1]];
  const zeroBase = bases.findIndex((b) => b.lte(0));
  if (zeroBase >= 0) {
    return unknown(i, ValueUnit.PERCENT, threshold, [`${FIELD_LABEL[field]} in ${years[zeroBase]} is zero, so growth from it is undefined`]);
  }

  let passed: boolean;
  let approx: Dec;
  let shownThreshold: Q;
  if (cagr) {
    // sqrt(v2 / v0) − 1 ≥ t  ⇔  v2 ≥ (1 + t)² · v0   (both sides non-negative).
    const [v0, v2] = v;
    const onePlusT = t.add(1);
    passed = v2.cmp(onePlusT.mul(onePlusT).mul(v0)) >= 0;
    approx = v2.div(v0).sqrt().sub(1);
    shownThreshold = new Q(t);
  } else {
    // ((v1 − v0)/v0 + (v2 − v1)/v1) / 2 = ((v1 − v0)·v1 + (v2 − v1)·v0) / (2·v0·v1).
    const [v0, v1, v2] = v;
    const avg = new Q(v1.sub(v0).mul(v1).add(v2.sub(v1).mul(v0)), v0.mul(v1).mul(2));
    passed = avg.cmp(new Q(t)) >= 0;
    approx = avg.approx();
    shownThreshold = new Q(t);
  }
  const yearly = years.map((year, n) => `${year}: ¥${grouped(v[n].toFixed(2))}`).join(', ');
  return outcome(i, ValueUnit.PERCENT, {
    threshold,
    result: passed ? PASS : FAIL,
    value: shown(approx, ValueUnit.PERCENT, shownThreshold, false, passed),
    note: `${FIELD_LABEL[field]} ${yearly}`,
  });
}

export const growthMin: IndicatorKindDefinition<IndicatorKind.GROWTH_MIN> = {
  kind: IndicatorKind.GROWTH_MIN,
  description: 'Growth of a money metric over a growth window at least `threshold` (a fraction).',
  check: (i, at) =>
    needs(
      i,
      at,
      ['a money metric', !!i.metric && MONEY_METRICS.has(i.metric)],
      ['a growth window', !!i.window && GROWTH_WINDOWS.has(i.window)],
      decimalThreshold(i),
    ),
  evaluate: evaluateGrowth,
};
