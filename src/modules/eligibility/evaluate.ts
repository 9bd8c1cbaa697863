/**
 * Evaluates a rule set against an enterprise's facts: a pure function, no
 * database, no clock (the caller passes "today").
 *
 * Exactness: every figure is a decimal string parsed into decimal.js, and
 * every comparison is made between fractions by cross-multiplying, so only
 * additions and multiplications are ever computed, and those are exact at
 * the precision below (inputs are at most NUMERIC(18,2), so products of a
 * few of them stay far under it). 70% exactly passes "≥ 70%". Divisions and
 * square roots are computed for display only, and the displayed value is
 * rounded to 2 decimals, with more decimals where rounding would make a
 * failing value look like a passing one (69.999% shows as "69.999").
 *
 * Missing data makes an indicator UNKNOWN, never a pass: a group passes only
 * when its conditions do, and the verdict is ELIGIBLE only when every
 * indicator passes.
 */
import Decimal from 'decimal.js';
import { CertificationStatus } from '../certification/certification.enums';
import { effectiveStatus } from '../certification/certification-status';
import { ProductField, Tier, TIER_ORDER } from '../enterprise/enterprise.enums';
import {
  EligibilityVerdict,
  EnterpriseFlag,
  EvaluationWindow,
  IndicatorKind,
  IndicatorResult,
  Metric,
  ValueUnit,
} from './eligibility.enums';
import type { ReportedFigures } from '../enterprise/financial-report.rules';
import { allIndicators, Indicator, RuleSet } from './rule-sets';

const Dec = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -200, toExpPos: 200 });
type Dec = Decimal;

/** One year's figures, as a FinancialReportEntity carries them and reportFinancials takes them (money and shares as decimal strings). */
export interface YearFacts extends ReportedFigures {
  year: number;
}

/** What the rules read from the enterprise record. */
export interface EnterpriseFacts {
  nicheSinceYear?: number | null;
  productField?: ProductField | null;
  hasQualityCertification?: boolean | null;
  hasRdInstitution?: boolean | null;
  hasOwnBrand?: boolean | null;
  atKeyChainLink?: boolean | null;
}

export interface CertificationFacts {
  tier: Tier;
  status: CertificationStatus;
  validUntil: string | null;
}

export interface EligibilityFacts {
  enterprise: EnterpriseFacts;
  reports: YearFacts[];
  /** The enterprise's certifications; undefined when unknown (TIER_HELD is then UNKNOWN). */
  certifications?: CertificationFacts[];
  /**
   * The year of assessment: the windows read the complete financial years
   * before it (last year = asOfYear − 1). Default: the year after the latest
   * reported year, or today's year when there are no reports.
   */
  asOfYear?: number;
  /** The programme's calendar day, "YYYY-MM-DD": certifications are checked as valid on it. */
  today: string;
  /**
   * Values for indicators that have no stored data field (ASSESSED_*), by
   * indicator key: a decimal string for a score, "true" or "false" for a flag.
   */
  assessments?: Record<string, string>;
  /** Where an assessed indicator's value came from (or why there is none), by key: its note in place of the default. */
  assessmentNotes?: Record<string, string>;
}

export interface IndicatorEvaluation {
  key: string;
  description: string;
  dimension: string | null;
  kind: IndicatorKind;
  unit: ValueUnit;
  /** A decimal string in `unit`, or text; null when unknown or for a group. */
  value: string | null;
  threshold: string;
  result: IndicatorResult;
  note: string | null;
  /** The parts of a group, a band or an each-year window. */
  details: IndicatorEvaluation[];
}

export interface EligibilityEvaluation {
  ruleSet: RuleSet;
  asOfYear: number;
  /** asOfYear − 1: the "last year" of the windows. */
  lastFinancialYear: number;
  /** The day the evaluation was made (certifications are checked on it). */
  evaluatedOn: string;
  indicators: IndicatorEvaluation[];
  verdict: EligibilityVerdict;
}

// ---------------------------------------------------------------- exact numbers

/** A fraction n/d with d > 0; compared exactly by cross-multiplication. */
class Q {
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
function parse(v: string | number): Dec | null {
  const s = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v;
  if (!DECIMAL_TEXT.test(s) || s.replace(/[-.]/g, '').length > 40) return null;
  return new Dec(s);
}

// ---------------------------------------------------------------- metrics

type ReportField = Exclude<keyof YearFacts, 'year'>;

const FIELD_LABEL: Record<ReportField, string> = {
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

const METRICS: Record<Metric, MetricDef> = {
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

type Read<T> = { ok: true; value: T } | { ok: false; why: string[] };

interface Env {
  asOfYear: number;
  reports: Map<number, YearFacts>;
  facts: EligibilityFacts;
}

function readField(env: Env, year: number, field: ReportField): Read<Dec> {
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
function readMetric(env: Env, metric: Metric, years: number[]): Read<Q> {
  const def = METRICS[metric];
  const num = readSum(env, years, def.num);
  const den: Read<Dec> = def.den ? readSum(env, years, def.den) : { ok: true, value: new Dec(def.denConst ?? 1) };
  if (!num.ok || !den.ok) return { ok: false, why: dedupe([...(num.ok ? [] : num.why), ...(den.ok ? [] : den.why)]) };
  if (den.value.lte(0)) {
    return { ok: false, why: [`${FIELD_LABEL[def.den!]} is zero in ${years.join(' + ')}, so the ratio is undefined`] };
  }
  return { ok: true, value: new Q(num.value, den.value) };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------- display

const SCALE: Partial<Record<ValueUnit, { factor: number; dp: number }>> = {
  [ValueUnit.PERCENT]: { factor: 100, dp: 2 },
  [ValueUnit.YUAN]: { factor: 1, dp: 2 },
  [ValueUnit.COUNT]: { factor: 1, dp: 0 },
  [ValueUnit.YEARS]: { factor: 1, dp: 0 },
  [ValueUnit.SCORE]: { factor: 1, dp: 2 },
};

/**
 * The value as shown in `unit`, rounded half-up to the unit's decimals, with
 * more decimals (up to 10) while the rounded value would compare to the
 * threshold the other way than the exact value does.
 */
function shown(approx: Dec, unit: ValueUnit, threshold: Q | null, atMost: boolean, passed: boolean | null): string {
  const { factor, dp } = SCALE[unit] ?? { factor: 1, dp: 2 };
  const v = approx.mul(factor);
  const t = threshold?.approx().mul(factor);
  let places = dp;
  let r = v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  while (t && passed != null && places < 10 && (atMost ? r.lte(t) : r.gte(t)) !== passed) {
    places += 1;
    r = v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  }
  return r.toFixed(places);
}

/** "100000000" → "100,000,000"; decimals kept as written. */
function grouped(s: string): string {
  const [int, frac] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

function thresholdNumber(i: Indicator, unit: ValueUnit): string {
  const t = new Dec(i.threshold!);
  if (unit === ValueUnit.PERCENT) return `${t.mul(100).toString()}%`;
  if (unit === ValueUnit.YUAN) return `¥${grouped(t.toString())}`;
  return t.toString();
}

function windowText(window: EvaluationWindow, y: number): string {
  switch (window) {
    case EvaluationWindow.LAST_YEAR:
      return `in ${y - 1}`;
    case EvaluationWindow.EACH_OF_2_YEARS:
      return `in each of ${y - 2} and ${y - 1}`;
    case EvaluationWindow.TWO_YEAR_TOTAL:
      return `over ${y - 2}–${y - 1} in total`;
    case EvaluationWindow.TWO_YEAR_AVERAGE_GROWTH:
      return `average of the ${y - 3}→${y - 2} and ${y - 2}→${y - 1} growth rates`;
    case EvaluationWindow.TWO_YEAR_CAGR:
      return `compound annual growth ${y - 3}→${y - 1}`;
  }
}

// ---------------------------------------------------------------- outcomes

const { PASS, FAIL, UNKNOWN } = IndicatorResult;

function allOf(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(FAIL)) return FAIL;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return PASS;
}

function anyOf(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(PASS)) return PASS;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return FAIL;
}

function outcome(i: Indicator, unit: ValueUnit, parts: Partial<IndicatorEvaluation> & Pick<IndicatorEvaluation, 'threshold' | 'result'>): IndicatorEvaluation {
  return {
    key: i.key,
    description: i.description,
    dimension: i.dimension ?? null,
    kind: i.kind,
    unit,
    value: null,
    note: null,
    details: [],
    ...parts,
  };
}

function unknown(i: Indicator, unit: ValueUnit, threshold: string, why: string[]): IndicatorEvaluation {
  return outcome(i, unit, { threshold, result: UNKNOWN, note: why.join('; ') });
}

// ---------------------------------------------------------------- indicator kinds

/** RATIO_MIN, RATIO_MAX, MONEY_MIN, COUNT_MIN over a level window. */
function evaluateLevel(i: Indicator, env: Env): IndicatorEvaluation {
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
      return { ...outcome(yearly, unit, { threshold: th, result: passed ? PASS : FAIL }), value: shown(r.value.approx(), unit, t, atMost, passed), q: r.value };
    });
    // The weakest known year stands for the pair.
    const known = details.filter((d): d is IndicatorEvaluation & { q: Q } => 'q' in d);
    const weakest = known.reduce<(IndicatorEvaluation & { q: Q }) | null>(
      (w, d) => (!w || (atMost ? d.q.cmp(w.q) > 0 : d.q.cmp(w.q) < 0) ? d : w),
      null,
    );
    const result = allOf(details.map((d) => d.result));
    const missing = details.filter((d) => d.result === UNKNOWN).map((d) => d.note!);
    return outcome(i, unit, {
      threshold,
      result,
      value: weakest?.value ?? null,
      note: [weakest ? `weakest year ${weakest.key.split('.').pop()}` : null, ...missing].filter(Boolean).join('; ') || null,
      details: details.map(({ q: _q, ...d }: IndicatorEvaluation & { q?: Q }) => d),
    });
  }

  const years = i.window === EvaluationWindow.TWO_YEAR_TOTAL ? [y - 2, y - 1] : [y - 1];
  const r = readMetric(env, i.metric!, years);
  if (!r.ok) return unknown(i, unit, threshold, r.why);
  const passed = judge(r.value);
  return outcome(i, unit, { threshold, result: passed ? PASS : FAIL, value: shown(r.value.approx(), unit, t, atMost, passed) });
}

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

function evaluateYearsInNiche(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const threshold = `≥ ${i.threshold} years by the end of ${lastYear}`;
  const since = env.facts.enterprise.nicheSinceYear;
  if (since == null) return unknown(i, ValueUnit.YEARS, threshold, ['the year the enterprise entered its niche is not recorded']);
  // Calendar years from the entry year through the last financial year, both counted.
  const years = Math.max(0, lastYear - since + 1);
  return outcome(i, ValueUnit.YEARS, {
    threshold,
    result: years >= Number(i.threshold) ? PASS : FAIL,
    value: String(years),
    note: `in the niche since ${since}`,
  });
}

const FLAG_FIELD: Record<EnterpriseFlag, keyof EnterpriseFacts> = {
  [EnterpriseFlag.HAS_QUALITY_CERTIFICATION]: 'hasQualityCertification',
  [EnterpriseFlag.HAS_RD_INSTITUTION]: 'hasRdInstitution',
  [EnterpriseFlag.HAS_OWN_BRAND]: 'hasOwnBrand',
  [EnterpriseFlag.AT_KEY_CHAIN_LINK]: 'atKeyChainLink',
};

function evaluateFlag(i: Indicator, env: Env): IndicatorEvaluation {
  const value = env.facts.enterprise[FLAG_FIELD[i.flag!]];
  if (value == null) return unknown(i, ValueUnit.TEXT, 'yes', ['not recorded on the enterprise']);
  return outcome(i, ValueUnit.TEXT, { threshold: 'yes', result: value ? PASS : FAIL, value: value ? 'yes' : 'no' });
}

function evaluateProductField(i: Indicator, env: Env): IndicatorEvaluation {
  const threshold = `one of ${i.productFields!.join(', ')}`;
  const field = env.facts.enterprise.productField;
  if (field == null) return unknown(i, ValueUnit.TEXT, threshold, ['the product field is not recorded']);
  return outcome(i, ValueUnit.TEXT, { threshold, result: i.productFields!.includes(field) ? PASS : FAIL, value: field });
}

/** A title is valid while in force: certified, renewed, or under its year-3 re-review, and not past validUntil. */
const VALID_STATUSES: readonly CertificationStatus[] = [
  CertificationStatus.CERTIFIED,
  CertificationStatus.RENEWED,
  CertificationStatus.UNDER_REVIEW,
];

function evaluateTierHeld(i: Indicator, env: Env): IndicatorEvaluation {
  const today = env.facts.today;
  const threshold = `a valid ${i.tier} title or a higher one on ${today}`;
  const certs = env.facts.certifications;
  if (!certs) return unknown(i, ValueUnit.TEXT, threshold, ['the enterprise’s certifications are not known']);
  const needed = TIER_ORDER.indexOf(i.tier!);
  const valid = certs.filter((c) => VALID_STATUSES.includes(effectiveStatus(c, today)));
  const held = TIER_ORDER.filter((tier) => valid.some((c) => c.tier === tier));
  const passed = held.some((tier) => TIER_ORDER.indexOf(tier) >= needed);
  return outcome(i, ValueUnit.TEXT, {
    threshold,
    result: passed ? PASS : FAIL,
    value: held.length ? held.join(', ') : 'none',
    note: passed ? null : `no valid title of ${i.tier} or higher`,
  });
}

function evaluateAssessed(i: Indicator, env: Env): IndicatorEvaluation {
  const score = i.kind === IndicatorKind.ASSESSED_SCORE_MIN;
  const unit = score ? ValueUnit.SCORE : ValueUnit.TEXT;
  const threshold = score ? `≥ ${i.threshold} (assessed)` : 'yes (assessed)';
  const given = env.facts.assessments;
  const raw = given && Object.hasOwn(given, i.key) ? given[i.key] : undefined;
  const recorded = env.facts.assessmentNotes?.[i.key];
  if (raw == null) return unknown(i, unit, threshold, [recorded ?? i.note ?? 'no stored data field; not assessed']);
  const supplied = recorded ?? 'supplied as an assessment, not read from stored data';
  if (score) {
    const v = parse(raw.trim());
    if (!v) return unknown(i, unit, threshold, [`the assessed score "${raw}" is not a decimal number`]);
    const passed = v.cmp(new Dec(i.threshold!)) >= 0;
    return outcome(i, unit, { threshold, result: passed ? PASS : FAIL, value: v.toString(), note: supplied });
  }
  const flag = raw.trim().toLowerCase();
  if (flag !== 'true' && flag !== 'false') return unknown(i, unit, threshold, [`the assessment "${raw}" is neither "true" nor "false"`]);
  return outcome(i, unit, { threshold, result: flag === 'true' ? PASS : FAIL, value: flag === 'true' ? 'yes' : 'no', note: supplied });
}

function evaluateGroup(i: Indicator, env: Env): IndicatorEvaluation {
  const details = i.conditions!.map((c) => evaluateIndicator(c, env));
  const any = i.kind === IndicatorKind.ANY_OF;
  return outcome(i, ValueUnit.NONE, {
    threshold: any ? 'at least one of the conditions' : 'all of the conditions',
    result: (any ? anyOf : allOf)(details.map((d) => d.result)),
    details,
  });
}

function evaluateBanded(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const threshold = 'the conditions of the band last year’s revenue falls in';
  const revenue = readField(env, lastYear, 'revenue');
  if (!revenue.ok) return unknown(i, ValueUnit.YUAN, threshold, [...revenue.why, 'so the revenue band is unknown']);
  const band = i.bands!.find(
    (b) => (b.revenueMin == null || revenue.value.gte(b.revenueMin)) && (b.revenueBelow == null || revenue.value.lt(b.revenueBelow)),
  )!;
  const details = band.conditions.map((c) => evaluateIndicator(c, env));
  return outcome(i, ValueUnit.YUAN, {
    threshold: band.description,
    result: allOf(details.map((d) => d.result)),
    value: revenue.value.toFixed(2),
    note: `band "${band.key}" by ${lastYear} revenue`,
    details,
  });
}

function evaluateIndicator(i: Indicator, env: Env): IndicatorEvaluation {
  switch (i.kind) {
    case IndicatorKind.RATIO_MIN:
    case IndicatorKind.RATIO_MAX:
    case IndicatorKind.MONEY_MIN:
    case IndicatorKind.COUNT_MIN:
      return evaluateLevel(i, env);
    case IndicatorKind.GROWTH_MIN:
      return evaluateGrowth(i, env);
    case IndicatorKind.YEARS_IN_NICHE_MIN:
      return evaluateYearsInNiche(i, env);
    case IndicatorKind.FLAG:
      return evaluateFlag(i, env);
    case IndicatorKind.PRODUCT_FIELD_IN:
      return evaluateProductField(i, env);
    case IndicatorKind.TIER_HELD:
      return evaluateTierHeld(i, env);
    case IndicatorKind.REVENUE_BANDED_RD:
      return evaluateBanded(i, env);
    case IndicatorKind.ALL_OF:
    case IndicatorKind.ANY_OF:
      return evaluateGroup(i, env);
    case IndicatorKind.ASSESSED_SCORE_MIN:
    case IndicatorKind.ASSESSED_FLAG:
      return evaluateAssessed(i, env);
  }
}

// ---------------------------------------------------------------- the rule set

/** The default as-of year: the year after the latest report, or today's year without reports. */
export function defaultAsOfYear(reports: YearFacts[], today: string): number {
  return reports.length ? Math.max(...reports.map((r) => r.year)) + 1 : Number(today.slice(0, 4));
}

export function verdictOf(results: IndicatorResult[]): EligibilityVerdict {
  if (results.includes(FAIL)) return EligibilityVerdict.NOT_ELIGIBLE;
  if (results.includes(UNKNOWN)) return EligibilityVerdict.UNDETERMINED;
  return EligibilityVerdict.ELIGIBLE;
}

export function evaluate(ruleSet: RuleSet, facts: EligibilityFacts): EligibilityEvaluation {
  const asOfYear = facts.asOfYear ?? defaultAsOfYear(facts.reports, facts.today);
  if (!Number.isInteger(asOfYear)) throw new RangeError(`asOfYear must be an integer, not ${asOfYear}`);
  const env: Env = { asOfYear, reports: new Map(facts.reports.map((r) => [r.year, r])), facts };
  const indicators = ruleSet.indicators.map((i) => evaluateIndicator(i, env));
  return {
    ruleSet,
    asOfYear,
    lastFinancialYear: asOfYear - 1,
    evaluatedOn: facts.today,
    indicators,
    verdict: verdictOf(indicators.map((i) => i.result)),
  };
}

/**
 * Problems with assessments for a rule set: keys that name no assessed
 * indicator, values of the wrong form. Empty when they are usable.
 */
export function assessmentProblems(ruleSet: RuleSet, assessments: Record<string, string>): string[] {
  const assessed = new Map(
    allIndicators(ruleSet)
      .filter((i) => i.kind === IndicatorKind.ASSESSED_FLAG || i.kind === IndicatorKind.ASSESSED_SCORE_MIN)
      .map((i) => [i.key, i]),
  );
  const problems: string[] = [];
  for (const [key, value] of Object.entries(assessments)) {
    const i = assessed.get(key);
    if (!i) {
      const known = [...assessed.keys()];
      problems.push(`"${key}" is not an assessed indicator of ${ruleSet.code}${known.length ? ` (assessed: ${known.join(', ')})` : ' (it has none)'}`);
    } else if (i.kind === IndicatorKind.ASSESSED_SCORE_MIN && !parse(value.trim())) {
      problems.push(`"${key}" takes a decimal score such as "72.5", not "${value}"`);
    } else if (i.kind === IndicatorKind.ASSESSED_FLAG && !['true', 'false'].includes(value.trim().toLowerCase())) {
      problems.push(`"${key}" takes "true" or "false", not "${value}"`);
    }
  }
  return problems;
}
