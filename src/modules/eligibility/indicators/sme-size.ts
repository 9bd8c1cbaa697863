import { SizeClass } from '../../enterprise/enterprise.enums';
import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { measuresOf, sectorOfIndustry, sizeClassOf, sizeLinesOf } from '../sme-size-lines';
import { grouped } from './display';
import { Dec, dedupe, FIELD_LABEL, readField } from './figures';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

function evaluateSmeSize(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const { industry, sizeClass } = env.facts.enterprise;
  const threshold = `not LARGE by the size lines of 工信部联企业〔2011〕300号, ${lastYear} figures`;
  // The class on the record is the enterprise's own declaration: a declared LARGE firm is never an SME here.
  if (sizeClass === SizeClass.LARGE) {
    return outcome(i, ValueUnit.TEXT, { threshold, result: FAIL, value: SizeClass.LARGE, note: 'recorded as LARGE on the enterprise record' });
  }
  const sector = sectorOfIndustry(industry);
  if (!sector)
    return unknown(i, ValueUnit.TEXT, threshold, [`the industry "${industry ?? ''}" names no sector of the size lines (a GB/T 4754 code is needed)`]);
  const lines = sizeLinesOf(sector);
  const reads = measuresOf(lines).map((m) => [m, readField(env, lastYear, m)] as const);
  const why = dedupe(reads.flatMap(([, r]) => (r.ok ? [] : r.why)));
  if (why.length) return unknown(i, ValueUnit.TEXT, threshold, why);
  const got = Object.fromEntries(reads.map(([m, r]) => [m, (r as { value: Dec }).value]));
  const cls = sizeClassOf(lines, {
    employees: got.employees ? got.employees.toNumber() : null,
    revenue: got.revenue ?? null,
    totalAssets: got.totalAssets ?? null,
  });
  const shownFigures = reads.map(
    ([m, r]) =>
      `${FIELD_LABEL[m]} ${m === 'employees' ? (r as { value: Dec }).value.toString() : `¥${grouped((r as { value: Dec }).value.toFixed(2))}`}`,
  );
  return outcome(i, ValueUnit.TEXT, {
    threshold,
    result: cls === SizeClass.LARGE ? FAIL : PASS,
    value: cls,
    note: `${sector} lines (art. ${lines.article}); ${lastYear}: ${shownFigures.join(', ')}`,
  });
}

export const smeSize: IndicatorKindDefinition<IndicatorKind.SME_SIZE> = {
  kind: IndicatorKind.SME_SIZE,
  description:
    'An SME (not LARGE) by the size lines of 工信部联企业〔2011〕300号 for the sector of the enterprise’s GB/T 4754 industry, from last year’s figures.',
  check: () => [],
  evaluate: evaluateSmeSize,
};
