import { EvaluationWindow, IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator, ScoreItem } from '../rule-sets';
import { shown, windowText } from './display';
import { Dec, dedupe, FIELD_LABEL, METRICS, parse, Q, Read, readField, readMetric } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { outcome, PASS, unknown } from './outcome';

/** The value a points-table row reads, as an exact fraction; growth is (Y−1 − Y−2) / Y−2. */
function readScoreValue(item: ScoreItem, env: Env): Read<Q> {
  const y = env.asOfYear;
  if (item.window !== EvaluationWindow.LAST_YEAR_GROWTH) return readMetric(env, item.metric!, [y - 1]);
  const field = METRICS[item.metric!].num;
  const [before, last] = [readField(env, y - 2, field), readField(env, y - 1, field)];
  if (!before.ok || !last.ok) return { ok: false, why: dedupe([...(before.ok ? [] : before.why), ...(last.ok ? [] : last.why)]) };
  if (before.value.lte(0)) return { ok: false, why: [`${FIELD_LABEL[field]} in ${y - 2} is zero, so growth from it is undefined`] };
  return { ok: true, value: new Q(last.value.sub(before.value), before.value) };
}

const pct = (d: string) => `${new Dec(d).mul(100).toString()}%`;

function levelText(item: ScoreItem): string {
  return item.levels
    .map((l) => {
      if (item.assessed) return `${l.points}: ${l.description}`;
      const range = l.min == null ? `≤ ${pct(l.max!)}` : l.max == null ? `≥ ${pct(l.min)}` : `${pct(l.min)}–${pct(l.max)}`;
      return `${l.points} if ${range}`;
    })
    .join('; ');
}

/** One row of a points table: the points it scores, or UNKNOWN with the most it could score. */
export function scoreRow(item: ScoreItem, env: Env): IndicatorEvaluation & { points: Dec | null; most: Dec } {
  const row: Indicator = { key: item.key, description: item.description, dimension: item.part, kind: IndicatorKind.SCORE_ITEM };
  const threshold = levelText(item);
  const most = Dec.max(...item.levels.map((l) => new Dec(l.points)));
  const none = (why: string[]) => ({ ...unknown(row, ValueUnit.SCORE, threshold, why), points: null, most });
  if (item.assessed) {
    const given = env.facts.assessments;
    const raw = given && Object.hasOwn(given, item.key) ? given[item.key].trim() : undefined;
    if (raw == null) return none([`no stored data field: recorded as an assessment of the points (${item.levels.map((l) => l.points).join(', ')})`]);
    const level = item.levels.find((l) => parse(raw)?.eq(l.points));
    if (!level) return none([`the assessed points "${raw}" are not one of ${item.levels.map((l) => l.points).join(', ')}`]);
    return {
      ...outcome(row, ValueUnit.SCORE, { threshold, result: PASS, value: level.points, note: `${level.description}; supplied as an assessment` }),
      points: new Dec(level.points),
      most,
    };
  }
  const r = readScoreValue(item, env);
  if (!r.ok) return none(r.why);
  const q = r.value;
  // Levels run from the highest points down, so a value on a shared edge takes the higher score.
  const level = item.levels.find(
    (l) => (l.min == null || q.cmp(new Q(new Dec(l.min))) >= 0) && (l.max == null || q.cmp(new Q(new Dec(l.max))) <= 0),
  )!;
  const measured = `${shown(q.approx(), ValueUnit.PERCENT, null, false, null)}% ${windowText(item.window!, env.asOfYear)}`;
  return { ...outcome(row, ValueUnit.SCORE, { threshold, result: PASS, value: level.points, note: measured }), points: new Dec(level.points), most };
}

/** A row of a points table is judged by its table (scoreRow), never on its own: it is a kind only so that evaluations can name it. */
export const scoreItem: IndicatorKindDefinition<IndicatorKind.SCORE_ITEM> = {
  kind: IndicatorKind.SCORE_ITEM,
  description: 'One row of a points table as judged (in evaluations only): `value` is the points it scored.',
  // As an entry of its own every evaluation of the rule set would throw, so the rule set is refused when it loads instead.
  check: (_i, at) => [`${at}: a SCORE_ITEM is a row of a points table (its scoreItems), never an entry of its own`],
  evaluate: (i) => {
    throw new Error(`${i.key}: a score item is judged by its points table, never on its own`);
  },
};
