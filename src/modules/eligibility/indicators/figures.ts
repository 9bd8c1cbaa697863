/**
 * Reading figures exactly. Every figure is a decimal string parsed into
 * decimal.js, and every comparison is made between fractions by
 * cross-multiplying, so only additions and multiplications are ever
 * computed, and those are exact at the precision below (inputs are at most
 * NUMERIC(18,2), so products of a few of them stay far under it). 70%
 * exactly passes "≥ 70%".
 */
import Decimal from 'decimal.js';
import { Metric, ValueUnit } from '../eligibility.enums';
import type { YearFacts } from '../evaluate';
import type { Env } from './kind';

export const Dec = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -200, toExpPos: 200 });
export type Dec = Decimal;

/** A fraction n/d with d > 0; compared exactly by cross-multiplication. */
export class Q {
  constructor(
    readonly n: Dec,
    readonly d: Dec = new Dec(1),
  ) {}

  cmp(o: Q): number {
    return this.n.mul(o.d).cmp(o.n.mul(this.d));
  }

  /** Approximate decimal value, for display only. */
  approx(): Dec {
    return this.n.div(this.d);
  }
}

const DECIMAL_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A decimal string or integer as a Decimal; null if unreadable (or absurdly long, which would threaten exactness). */
export function parse(v: string | number): Dec | null {
  const s = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v;
  if (!DECIMAL_TEXT.test(s) || s.replace(/[-.]/g, '').length > 40) return null;
  return new Dec(s);
}

export type ReportField = Exclude<keyof YearFacts, 'year'>;

export const FIELD_LABEL: Record<ReportField, string> = {
  revenue: 'revenue',
  mainBusinessRevenue: 'main-business revenue',
  rdExpense: 'R&D expense',
  rdStaff: 'R&D staff',
  employees: 'employees',
  totalAssets: 'total assets',
  totalLiabilities: 'total liabilities',
  newEquityFinancing: 'new equity financing',
  class1IpCount: 'Class-I IP count',
  nicheMarketShare: 'niche-market share',
};

interface MetricDef {
  unit: ValueUnit;
  num: ReportField;
  den?: ReportField;
  /** A constant denominator (the niche share is reported in percent). */
  denConst?: string;
}

export const METRICS: Record<Metric, MetricDef> = {
  [Metric.REVENUE]: { unit: ValueUnit.YUAN, num: 'revenue' },
  [Metric.MAIN_BUSINESS_REVENUE]: { unit: ValueUnit.YUAN, num: 'mainBusinessRevenue' },
  [Metric.RD_EXPENSE]: { unit: ValueUnit.YUAN, num: 'rdExpense' },
  [Metric.NEW_EQUITY_FINANCING]: { unit: ValueUnit.YUAN, num: 'newEquityFinancing' },
  [Metric.MAIN_BUSINESS_SHARE]: { unit: ValueUnit.PERCENT, num: 'mainBusinessRevenue', den: 'revenue' },
  [Metric.DEBT_RATIO]: { unit: ValueUnit.PERCENT, num: 'totalLiabilities', den: 'totalAssets' },
  [Metric.RD_INTENSITY]: { unit: ValueUnit.PERCENT, num: 'rdExpense', den: 'revenue' },
  [Metric.RD_STAFF_SHARE]: { unit: ValueUnit.PERCENT, num: 'rdStaff', den: 'employees' },
  [Metric.NICHE_MARKET_SHARE]: { unit: ValueUnit.PERCENT, num: 'nicheMarketShare', denConst: '100' },
  [Metric.CLASS1_IP_COUNT]: { unit: ValueUnit.COUNT, num: 'class1IpCount' },
};

export type Read<T> = { ok: true; value: T } | { ok: false; why: string[] };

export function readField(env: Env, year: number, field: ReportField): Read<Dec> {
  const report = env.reports.get(year);
  if (!report) return { ok: false, why: [`no financial report for ${year}`] };
  const raw = report[field];
  if (raw == null) return { ok: false, why: [`${FIELD_LABEL[field]} missing from the ${year} report`] };
  const value = parse(raw);
  if (!value) return { ok: false, why: [`${FIELD_LABEL[field]} in the ${year} report is not a decimal number`] };
  return { ok: true, value };
}

/** Σ field over the years; every year must have it. */
function readSum(env: Env, years: number[], field: ReportField): Read<Dec> {
  const why: string[] = [];
  let sum = new Dec(0);
  for (const y of years) {
    const r = readField(env, y, field);
    if (r.ok) sum = sum.add(r.value);
    else why.push(...r.why);
  }
  return why.length ? { ok: false, why: dedupe(why) } : { ok: true, value: sum };
}

/** A metric over the years: Σnum / Σden (a single year when `years` has one). */
export function readMetric(env: Env, metric: Metric, years: number[]): Read<Q> {
  const def = METRICS[metric];
  const num = readSum(env, years, def.num);
  const den: Read<Dec> = def.den ? readSum(env, years, def.den) : { ok: true, value: new Dec(def.denConst ?? 1) };
  if (!num.ok || !den.ok) return { ok: false, why: dedupe([...(num.ok ? [] : num.why), ...(den.ok ? [] : den.why)]) };
  if (den.value.lte(0)) {
    return { ok: false, why: [`${FIELD_LABEL[def.den!]} is zero in ${years.join(' + ')}, so the ratio is undefined`] };
  }
  return { ok: true, value: new Q(num.value, den.value) };
}

export function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
