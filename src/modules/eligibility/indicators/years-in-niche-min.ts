import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { integerThreshold, needs } from './checks';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

function evaluateYearsInNiche(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const threshold = `≥ ${i.threshold} years by the end of ${lastYear}`;
  const since = env.facts.enterprise.nicheSinceYear;
  if (since == null) return unknown(i, ValueUnit.YEARS, threshold, ['the year the enterprise entered its niche is not recorded']);
  // Years run from the entry date to the end of last year. Only the entry year is stored, so the entry is
  // taken as late as that year allows (its last day): an enterprise is never credited a year it may not have.
  const years = Math.max(0, lastYear - since);
  return outcome(i, ValueUnit.YEARS, {
    threshold,
    result: years >= Number(i.threshold) ? PASS : FAIL,
    value: String(years),
    note: `in the niche since ${since}: whole years from the end of ${since} to the end of ${lastYear}`,
  });
}

export const yearsInNicheMin: IndicatorKindDefinition<IndicatorKind.YEARS_IN_NICHE_MIN> = {
  kind: IndicatorKind.YEARS_IN_NICHE_MIN,
  description:
    'Whole years in the niche market from the entry date to the end of the last financial year, at least `threshold`. Only the entry year is ' +
    'recorded, so the entry is taken as late as that year allows: last financial year − entry year.',
  check: (i, at) => needs(i, at, integerThreshold(i)),
  evaluate: evaluateYearsInNiche,
};
