import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator, RevenueBand } from '../rule-sets';
import { DECIMAL, needs } from './checks';
import { grouped } from './display';
import { readField } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { resultOfAll, resultOfAny, outcome, unknown } from './outcome';

function checkBands(at: string, bands: RevenueBand[]): string[] {
  const problems: string[] = [];
  // Inclusive edges: the bands tile [0, ∞), each starting where the one below ends, so every revenue sits in one band or, on an edge, two.
  const ordered = [...bands].sort((a, b) => Number(a.revenueMin ?? 0) - Number(b.revenueMin ?? 0));
  ordered.forEach((b, n) => {
    const expectedMin = n === 0 ? undefined : ordered[n - 1].revenueMax;
    if ((b.revenueMin ?? undefined) !== expectedMin || (n === ordered.length - 1) !== (b.revenueMax == null)) {
      problems.push(`${at}: the revenue bands must cover every revenue, adjacent bands sharing their edge`);
    }
  });
  for (const b of bands) {
    if (b.revenueMin != null && !DECIMAL.test(b.revenueMin)) problems.push(`${at}.${b.key}: revenueMin is not a decimal`);
    if (b.revenueMax != null && !DECIMAL.test(b.revenueMax)) problems.push(`${at}.${b.key}: revenueMax is not a decimal`);
    if (!b.conditions.length) problems.push(`${at}.${b.key}: no conditions`);
  }
  return problems;
}

function bandText(b: RevenueBand): string {
  if (b.revenueMin == null) return `up to ¥${grouped(b.revenueMax!)}`;
  if (b.revenueMax == null) return `¥${grouped(b.revenueMin)} or more`;
  return `¥${grouped(b.revenueMin)} to ¥${grouped(b.revenueMax)}`;
}

/**
 * Both edges of a band are inclusive (以上 and 以下 include the number), so
 * a revenue on an edge sits in two bands, and passes if either band's
 * conditions do. Each band the revenue sits in is one detail.
 */
function evaluateBanded(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const threshold = 'the conditions of a band last year’s revenue falls in (on an edge, of either band)';
  const revenue = readField(env, lastYear, 'revenue');
  if (!revenue.ok) return unknown(i, ValueUnit.YUAN, threshold, [...revenue.why, 'so the revenue band is unknown']);
  const bands = i.bands!.filter(
    (b) => (b.revenueMin == null || revenue.value.gte(b.revenueMin)) && (b.revenueMax == null || revenue.value.lte(b.revenueMax)),
  );
  const details = bands.map((b) => {
    const parts = env.judgeAll(b.conditions);
    const band: Indicator = { key: `${i.key}.${b.key}`, description: b.description, kind: IndicatorKind.ALL_OF };
    return outcome(band, ValueUnit.NONE, {
      threshold: `revenue ${bandText(b)}: all of the conditions`,
      result: resultOfAll(parts.map((d) => d.result)),
      details: parts,
    });
  });
  return outcome(i, ValueUnit.YUAN, {
    threshold,
    result: resultOfAny(details.map((d) => d.result)),
    value: revenue.value.toFixed(2),
    note: `${bands.length > 1 ? 'bands' : 'band'} ${bands.map((b) => `"${b.key}"`).join(' and ')} by ${lastYear} revenue`,
    details,
  });
}

export const revenueBandedRd: IndicatorKindDefinition<IndicatorKind.REVENUE_BANDED_RD> = {
  kind: IndicatorKind.REVENUE_BANDED_RD,
  description:
    'Last year’s revenue picks its band among `bands`; all of that band’s conditions must pass (the 2022 innovation rule). Both edges of a band are ' +
    'inclusive (以上 and 以下 include the number), so a revenue on an edge sits in two bands and passes if either band’s conditions do.',
  check: (i, at) => [...needs(i, at, ['bands', !!i.bands?.length]), ...checkBands(at, i.bands ?? [])],
  evaluate: evaluateBanded,
};
