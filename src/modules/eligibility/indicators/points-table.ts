import { EvaluationWindow, IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { DECIMAL, MONEY_METRICS, RATIO_METRICS, SIGNED_DECIMAL } from './checks';
import { Dec } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, UNKNOWN } from './outcome';
import { scoreRow } from './score-item';

function checkPointsTable(i: Indicator, at: string): string[] {
  const problems: string[] = [];
  const items = i.scoreItems ?? [];
  if (!items.length) problems.push(`${at}: POINTS_TABLE needs score items`);
  if (!DECIMAL.test(i.threshold ?? '')) problems.push(`${at}: POINTS_TABLE needs a decimal threshold`);
  const parts = new Set(items.map((s) => s.part));
  for (const p of i.partMinimums ?? []) {
    if (!parts.has(p.part)) problems.push(`${at}: part ${p.part} has a minimum but no items`);
    if (!DECIMAL.test(p.minimum)) problems.push(`${at}: the minimum of part ${p.part} is not a decimal`);
  }
  for (const s of items) {
    const row = `${at}.${s.key}`;
    if (!s.levels.length || !s.levels.every((l) => DECIMAL.test(l.points))) problems.push(`${row}: needs levels with decimal points`);
    // Levels are tried in order: highest points first, so a value on the edge of two levels takes the higher score.
    if (s.levels.some((l, n) => n > 0 && Number(l.points) >= Number(s.levels[n - 1].points)))
      problems.push(`${row}: levels must go from the highest points down`);
    if (s.assessed) {
      if (s.metric || s.window) problems.push(`${row}: an assessed row reads no metric`);
      continue;
    }
    const growth = s.window === EvaluationWindow.LAST_YEAR_GROWTH;
    if (!s.metric || !(growth ? MONEY_METRICS : RATIO_METRICS).has(s.metric) || (!growth && s.window !== EvaluationWindow.LAST_YEAR)) {
      problems.push(`${row}: needs a ratio metric over LAST_YEAR, or a money metric over LAST_YEAR_GROWTH`);
    }
    if (s.levels.some((l) => [l.min, l.max].some((v) => v != null && !SIGNED_DECIMAL.test(v))))
      problems.push(`${row}: level bounds must be decimals`);
    // Together the levels must take every value: one unbounded below, one unbounded above, and no gap between them.
    const covered = [...s.levels].sort((a, b) => Number(a.min ?? -Infinity) - Number(b.min ?? -Infinity));
    const gap = covered.some((l, n) => (n === 0 ? l.min != null : Number(l.min) > Number(covered[n - 1].max ?? Infinity)));
    if (gap || covered.at(-1)?.max != null) problems.push(`${row}: the levels must take every value`);
  }
  return problems;
}

/**
 * A points table passes when the total and every part's points reach their
 * minimums. With rows unknown it passes only if it would even were they to
 * score nothing, fails only if it would even were they to score their most,
 * and is UNKNOWN in between.
 */
function evaluatePointsTable(i: Indicator, env: Env): IndicatorEvaluation {
  const rows = i.scoreItems!.map((item) => scoreRow(item, env));
  const sum = (xs: Dec[]) => xs.reduce((a, b) => a.add(b), new Dec(0));
  const least = (rs: typeof rows) => sum(rs.map((r) => r.points ?? new Dec(0)));
  const most = (rs: typeof rows) => sum(rs.map((r) => r.points ?? r.most));
  const lines = [{ rows, minimum: new Dec(i.threshold!), label: 'total' }].concat(
    (i.partMinimums ?? []).map((p) => ({ rows: rows.filter((r) => r.dimension === p.part), minimum: new Dec(p.minimum), label: p.part })),
  );
  const passed = lines.every((l) => least(l.rows).gte(l.minimum));
  const failed = lines.some((l) => most(l.rows).lt(l.minimum));
  const partsText = lines.slice(1).map((l) => `${l.label} ${least(l.rows).toString()}`);
  const unknownRows = rows.filter((r) => r.points == null).map((r) => r.key);
  return outcome(i, ValueUnit.SCORE, {
    threshold: `≥ ${i.threshold} in total${(i.partMinimums ?? []).map((p) => `, ${p.part} ≥ ${p.minimum}`).join('')}`,
    result: passed ? PASS : failed ? FAIL : UNKNOWN,
    value: least(rows).toString(),
    note: [
      partsText.length ? `parts: ${partsText.join(', ')}` : null,
      unknownRows.length ? `not scored: ${unknownRows.join(', ')} (at most ${most(rows).toString()} in total)` : null,
    ]
      .filter(Boolean)
      .join('; '),
    details: rows.map(({ points: _p, most: _m, ...row }) => row),
  });
}

export const pointsTable: IndicatorKindDefinition<IndicatorKind.POINTS_TABLE> = {
  kind: IndicatorKind.POINTS_TABLE,
  description: 'A points table: each of `scoreItems` scores points; the total must reach `threshold` and each part its `partMinimums`.',
  check: checkPointsTable,
  evaluate: evaluatePointsTable,
};
