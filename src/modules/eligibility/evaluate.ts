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
import { ProductField, SizeClass, Tier, TIER_ORDER } from '../enterprise/enterprise.enums';
import {
  EligibilityVerdict,
  EnterpriseFlag,
  EvaluationPurpose,
  EvaluationWindow,
  IndicatorKind,
  IndicatorResult,
  Metric,
  ValueUnit,
} from './eligibility.enums';
import type { ReportedFigures } from '../enterprise/financial-report.rules';
import { allIndicators, allScoreItems, Indicator, indicatorsFor, RevenueBand, RuleSet, ScoreItem } from './rule-sets';
import { measuresOf, sectorOfIndustry, sizeClassOf, sizeLinesOf } from './sme-size-lines';

const Dec = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -200, toExpPos: 200 });
type Dec = Decimal;

/** One year's figures, as a FinancialReportEntity carries them and reportFinancials takes them (money and shares as decimal strings). */
export interface YearFacts extends ReportedFigures {
  year: number;
}

/** What the rules read from the enterprise record. */
export interface EnterpriseFacts {
  /** GB/T 4754 industry, e.g. "C34 通用设备制造业": its code picks the sector of the SME size lines. */
  industry?: string | null;
  /** The size class on the enterprise record: LARGE fails the SME condition whatever the figures say. */
  sizeClass?: SizeClass | null;
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
  /** A new application (the default) or a re-review (复核): some indicators read differently at re-review. */
  purpose?: EvaluationPurpose;
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

/** One judged indicator of any depth, without its parts, and where it sits. */
export interface BreakdownRow extends Omit<IndicatorEvaluation, 'details'> {
  /** The key of the group, band or window it is a part of; null at the top. */
  parentKey: string | null;
  /** 0 for a top-level indicator. */
  depth: number;
}

export interface EligibilityEvaluation {
  ruleSet: RuleSet;
  purpose: EvaluationPurpose;
  asOfYear: number;
  /** asOfYear − 1: the "last year" of the windows. */
  lastFinancialYear: number;
  /** The day the evaluation was made (certifications are checked on it). */
  evaluatedOn: string;
  indicators: IndicatorEvaluation[];
  /** Every judged indicator, parents first, flat: a deep part can be read without nesting `details` to its depth. */
  breakdown: BreakdownRow[];
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
  purpose: EvaluationPurpose;
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

/** More than any comparison of figures parse() accepts needs (a growth average's denominator has about 82 digits). */
const MAX_SHOWN_PLACES = 100;

/**
 * The value as shown in `unit`, rounded half-up to the unit's decimals, with
 * more decimals while the rounded value would compare to the threshold the
 * other way than the exact value does. The figures parse() accepts (40
 * digits at most) never need more than MAX_SHOWN_PLACES to tell, so the
 * bound only guards against a loop, never hides a failing value.
 */
function shown(approx: Dec, unit: ValueUnit, threshold: Q | null, atMost: boolean, passed: boolean | null): string {
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

// ---------------------------------------------------------------- outcomes

const { PASS, FAIL, UNKNOWN, NOT_APPLICABLE } = IndicatorResult;

// A condition not checked for the purpose counts for neither side; a group of nothing but such is itself not checked.
function allOf(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(FAIL)) return FAIL;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return results.length && results.every((r) => r === NOT_APPLICABLE) ? NOT_APPLICABLE : PASS;
}

function anyOf(results: IndicatorResult[]): IndicatorResult {
  if (results.includes(PASS)) return PASS;
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return results.length && results.every((r) => r === NOT_APPLICABLE) ? NOT_APPLICABLE : FAIL;
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

  const years = i.window === EvaluationWindow.THREE_YEAR_TOTAL ? [y - 3, y - 2, y - 1] : i.window === EvaluationWindow.TWO_YEAR_TOTAL ? [y - 2, y - 1] : [y - 1];
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
  const details = evaluateList(i.conditions!, env);
  const any = i.kind === IndicatorKind.ANY_OF;
  return outcome(i, ValueUnit.NONE, {
    threshold: any ? 'at least one of the conditions' : 'all of the conditions',
    result: (any ? anyOf : allOf)(details.map((d) => d.result)),
    details,
  });
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
    const parts = evaluateList(b.conditions, env);
    const band: Indicator = { key: `${i.key}.${b.key}`, description: b.description, kind: IndicatorKind.ALL_OF };
    return outcome(band, ValueUnit.NONE, { threshold: `revenue ${bandText(b)}: all of the conditions`, result: allOf(parts.map((d) => d.result)), details: parts });
  });
  return outcome(i, ValueUnit.YUAN, {
    threshold,
    result: anyOf(details.map((d) => d.result)),
    value: revenue.value.toFixed(2),
    note: `${bands.length > 1 ? 'bands' : 'band'} ${bands.map((b) => `"${b.key}"`).join(' and ')} by ${lastYear} revenue`,
    details,
  });
}

function evaluateSmeSize(i: Indicator, env: Env): IndicatorEvaluation {
  const lastYear = env.asOfYear - 1;
  const { industry, sizeClass } = env.facts.enterprise;
  const threshold = `not LARGE by the size lines of 工信部联企业〔2011〕300号, ${lastYear} figures`;
  // The class on the record is the enterprise's own declaration: a declared LARGE firm is never an SME here.
  if (sizeClass === SizeClass.LARGE) {
    return outcome(i, ValueUnit.TEXT, { threshold, result: FAIL, value: SizeClass.LARGE, note: 'recorded as LARGE on the enterprise record' });
  }
  const sector = sectorOfIndustry(industry);
  if (!sector) return unknown(i, ValueUnit.TEXT, threshold, [`the industry "${industry ?? ''}" names no sector of the size lines (a GB/T 4754 code is needed)`]);
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
  const shownFigures = reads.map(([m, r]) => `${FIELD_LABEL[m]} ${m === 'employees' ? (r as { value: Dec }).value.toString() : `¥${grouped((r as { value: Dec }).value.toFixed(2))}`}`);
  return outcome(i, ValueUnit.TEXT, {
    threshold,
    result: cls === SizeClass.LARGE ? FAIL : PASS,
    value: cls,
    note: `${sector} lines (art. ${lines.article}); ${lastYear}: ${shownFigures.join(', ')}`,
  });
}

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
function evaluateScoreItem(item: ScoreItem, env: Env): IndicatorEvaluation & { points: Dec | null; most: Dec } {
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
    return { ...outcome(row, ValueUnit.SCORE, { threshold, result: PASS, value: level.points, note: `${level.description}; supplied as an assessment` }), points: new Dec(level.points), most };
  }
  const r = readScoreValue(item, env);
  if (!r.ok) return none(r.why);
  const q = r.value;
  // Levels run from the highest points down, so a value on a shared edge takes the higher score.
  const level = item.levels.find((l) => (l.min == null || q.cmp(new Q(new Dec(l.min))) >= 0) && (l.max == null || q.cmp(new Q(new Dec(l.max))) <= 0))!;
  const measured = `${shown(q.approx(), ValueUnit.PERCENT, null, false, null)}% ${windowText(item.window!, env.asOfYear)}`;
  return { ...outcome(row, ValueUnit.SCORE, { threshold, result: PASS, value: level.points, note: measured }), points: new Dec(level.points), most };
}

/**
 * A points table passes when the total and every part's points reach their
 * minimums. With rows unknown it passes only if it would even were they to
 * score nothing, fails only if it would even were they to score their most,
 * and is UNKNOWN in between.
 */
function evaluatePointsTable(i: Indicator, env: Env): IndicatorEvaluation {
  const rows = i.scoreItems!.map((item) => evaluateScoreItem(item, env));
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
    note: [partsText.length ? `parts: ${partsText.join(', ')}` : null, unknownRows.length ? `not scored: ${unknownRows.join(', ')} (at most ${most(rows).toString()} in total)` : null]
      .filter(Boolean)
      .join('; '),
    details: rows.map(({ points: _p, most: _m, ...row }) => row),
  });
}

/** Not checked for this purpose: shown, counted for neither side. */
function notApplicable(i: Indicator): IndicatorEvaluation {
  return outcome(i, ValueUnit.NONE, { threshold: 'not checked at re-review (复核)', result: NOT_APPLICABLE, note: 'not checked at re-review (复核)' });
}

function evaluateList(list: Indicator[], env: Env): IndicatorEvaluation[] {
  return indicatorsFor(list, env.purpose).map((i) => evaluateIndicator(i, env));
}

function evaluateIndicator(i: Indicator, env: Env): IndicatorEvaluation {
  if (env.purpose === EvaluationPurpose.RE_REVIEW && i.notCheckedAtReReview) return notApplicable(i);
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
    case IndicatorKind.SME_SIZE:
      return evaluateSmeSize(i, env);
    case IndicatorKind.POINTS_TABLE:
      return evaluatePointsTable(i, env);
    case IndicatorKind.ALL_OF:
    case IndicatorKind.ANY_OF:
      return evaluateGroup(i, env);
    case IndicatorKind.ASSESSED_SCORE_MIN:
    case IndicatorKind.ASSESSED_FLAG:
      return evaluateAssessed(i, env);
    case IndicatorKind.SCORE_ITEM:
      throw new Error(`${i.key}: a score item is judged by its points table, never on its own`);
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

function flatten(list: IndicatorEvaluation[], parentKey: string | null = null, depth = 0): BreakdownRow[] {
  return list.flatMap(({ details, ...row }) => [{ ...row, parentKey, depth }, ...flatten(details, row.key, depth + 1)]);
}

export function evaluate(ruleSet: RuleSet, facts: EligibilityFacts): EligibilityEvaluation {
  const asOfYear = facts.asOfYear ?? defaultAsOfYear(facts.reports, facts.today);
  if (!Number.isInteger(asOfYear)) throw new RangeError(`asOfYear must be an integer, not ${asOfYear}`);
  const purpose = facts.purpose ?? EvaluationPurpose.NEW_APPLICATION;
  const env: Env = { asOfYear, purpose, reports: new Map(facts.reports.map((r) => [r.year, r])), facts };
  const indicators = evaluateList(ruleSet.indicators, env);
  return {
    ruleSet,
    purpose,
    asOfYear,
    lastFinancialYear: asOfYear - 1,
    evaluatedOn: facts.today,
    indicators,
    breakdown: flatten(indicators),
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
  const rows = new Map(allScoreItems(ruleSet).filter((s) => s.assessed).map((s) => [s.key, s]));
  const problems: string[] = [];
  for (const [key, value] of Object.entries(assessments)) {
    const i = assessed.get(key);
    const row = rows.get(key);
    if (row) {
      const points = row.levels.map((l) => l.points);
      if (!row.levels.some((l) => parse(value.trim())?.eq(l.points))) problems.push(`"${key}" takes the points of one of its levels (${points.join(', ')}), not "${value}"`);
    } else if (!i) {
      const known = [...assessed.keys(), ...rows.keys()];
      problems.push(`"${key}" is not an assessed indicator of ${ruleSet.code}${known.length ? ` (assessed: ${known.join(', ')})` : ' (it has none)'}`);
    } else if (i.kind === IndicatorKind.ASSESSED_SCORE_MIN && !parse(value.trim())) {
      problems.push(`"${key}" takes a decimal score such as "72.5", not "${value}"`);
    } else if (i.kind === IndicatorKind.ASSESSED_FLAG && !['true', 'false'].includes(value.trim().toLowerCase())) {
      problems.push(`"${key}" takes "true" or "false", not "${value}"`);
    }
  }
  return problems;
}
