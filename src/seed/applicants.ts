import Decimal from 'decimal.js';
import { SizeClass } from '../modules/enterprise/enterprise.enums';
import { EvaluationPurpose, EvaluationWindow, IndicatorKind, IndicatorResult, Metric } from '../modules/eligibility/eligibility.enums';
import { evaluate, IndicatorEvaluation, YearFacts } from '../modules/eligibility/evaluate';
import { allIndicators, Indicator, indicatorsFor, RuleSet } from '../modules/eligibility/rule-sets';
import { sectorOfIndustry, SizeMinimum, sizeLinesOf } from '../modules/eligibility/sme-size-lines';
import { fenToMoney } from './financials';
import { FinancialReportRow } from './tables';

/**
 * An applicant of the current round lifted to the bar of the rule sets it
 * may apply under, so that no indicator its figures decide fails and its
 * draft can be submitted (submitApplication refuses a failing
 * self-assessment). Applied after the figures are drawn and drawing nothing
 * itself, so every other firm's figures stay as the seed always made them.
 *
 * Nothing here copies a threshold: the figures are judged by the rule sets'
 * own evaluator (evaluate.ts) and each failing indicator is lifted to its
 * own threshold, read from the rule-set data (rule-sets.ts) and the SME size
 * lines (sme-size-lines.ts), until none fails. An "any of" is met by the
 * first of its conditions the figures can meet, in the text's order; a
 * figure the firm did not report stays unreported (unknown is not a
 * failure). What the figures cannot decide (titles held, flags, the product
 * field, the assessed conditions) is the caller's: the applicant pools hold
 * the title below, and `nicheYearsRequired` says how long the rules want the
 * firm in its niche. Assessed conditions (the general conditions on the
 * lists and accidents, development scores) stay unknown: the seed records no
 * assessments, and unknown does not refuse a submission.
 */

type Row = Omit<FinancialReportRow, 'id' | 'enterprise_id'>;

/** What the rules read of the enterprise record beside its figures. */
export interface ApplicantRecord {
  /** GB/T 4754 industry: picks the sector of the SME size lines. */
  industry: string;
  sizeClass: SizeClass;
}

type MoneyColumn = 'revenue' | 'main_business_revenue' | 'rd_expense' | 'new_equity_financing' | 'total_assets' | 'total_liabilities';
type CountColumn = 'employees' | 'rd_staff' | 'class1_ip_count';

/** The columns each metric reads, as evaluate.ts's metric table does (a ratio's numerator over its denominator). */
const COLUMNS: Record<Metric, { num: MoneyColumn | CountColumn | 'niche_market_share'; den?: MoneyColumn | CountColumn }> = {
  [Metric.REVENUE]: { num: 'revenue' },
  [Metric.MAIN_BUSINESS_REVENUE]: { num: 'main_business_revenue' },
  [Metric.RD_EXPENSE]: { num: 'rd_expense' },
  [Metric.NEW_EQUITY_FINANCING]: { num: 'new_equity_financing' },
  [Metric.MAIN_BUSINESS_SHARE]: { num: 'main_business_revenue', den: 'revenue' },
  [Metric.DEBT_RATIO]: { num: 'total_liabilities', den: 'total_assets' },
  [Metric.RD_INTENSITY]: { num: 'rd_expense', den: 'revenue' },
  [Metric.RD_STAFF_SHARE]: { num: 'rd_staff', den: 'employees' },
  [Metric.NICHE_MARKET_SHARE]: { num: 'niche_market_share' },
  [Metric.CLASS1_IP_COUNT]: { num: 'class1_ip_count' },
};

const MONEY_COLUMNS = new Set<string>([
  'revenue',
  'main_business_revenue',
  'rd_expense',
  'new_equity_financing',
  'total_assets',
  'total_liabilities',
]);

/** The kinds whose outcome the figures alone decide, and so can be lifted. */
const LIFTABLE = new Set<IndicatorKind>([
  IndicatorKind.MONEY_MIN,
  IndicatorKind.RATIO_MIN,
  IndicatorKind.RATIO_MAX,
  IndicatorKind.COUNT_MIN,
  IndicatorKind.GROWTH_MIN,
  IndicatorKind.REVENUE_BANDED_RD,
  IndicatorKind.SME_SIZE,
]);

const FEN = 100;

/** A row's value in its smallest unit (fen for money, hundredths of a percent for the niche share, else the count); null when unreported. */
function read(r: Row, column: string): number | null {
  const v = (r as unknown as Record<string, string | number | null>)[column];
  if (v == null) return null;
  if (MONEY_COLUMNS.has(column)) return Math.round(Number(v) * FEN);
  if (column === 'niche_market_share') return Math.round(Number(v) * 100);
  return Number(v);
}

function write(r: Row, column: string, value: number): void {
  const out = r as unknown as Record<string, string | number | null>;
  if (MONEY_COLUMNS.has(column)) out[column] = fenToMoney(value);
  else if (column === 'niche_market_share') out[column] = (value / 100).toFixed(2);
  else out[column] = value;
}

/** ⌈t·x⌉ and ⌊t·x⌋, exactly, for a threshold t given as a decimal string. */
const ceilTimes = (t: Decimal.Value, x: number) => new Decimal(t).mul(x).ceil().toNumber();
const floorTimes = (t: Decimal.Value, x: number) => new Decimal(t).mul(x).floor().toNumber();

class Lifter {
  changed = false;

  constructor(
    private readonly rows: Row[],
    private readonly asOfYear: number,
    private readonly industry: string,
  ) {}

  private row(year: number): Row | undefined {
    return this.rows.find((r) => r.year === year);
  }

  /** The reported rows of the years a window reads, oldest first (a total reads them all, a level each). */
  private window(w: EvaluationWindow): Row[] {
    const y = this.asOfYear;
    const years = w === EvaluationWindow.LAST_YEAR ? [y - 1] : w === EvaluationWindow.THREE_YEAR_TOTAL ? [y - 3, y - 2, y - 1] : [y - 2, y - 1];
    return years.map((year) => this.row(year)).filter((r): r is Row => r != null);
  }

  /** Raises (or, with `down`, lowers) a column of one row to `value`; main business never above revenue, R&D staff never above headcount. */
  private set(r: Row, column: string, value: number, down = false): void {
    const now = read(r, column);
    if (now == null || (down ? value >= now : value <= now)) return;
    write(r, column, value);
    this.changed = true;
    if (column === 'main_business_revenue' && value > read(r, 'revenue')!) this.set(r, 'revenue', value);
  }

  /** Lifts a failing indicator (or group) so that it no longer fails; `e` is its evaluation on the current figures. */
  lift(i: Indicator, e: IndicatorEvaluation): void {
    if (e.result === IndicatorResult.PASS || (!LIFTABLE.has(i.kind) && !i.conditions)) return;
    switch (i.kind) {
      case IndicatorKind.ALL_OF:
        i.conditions!.forEach((c, n) => this.lift(c, e.details[n]));
        return;
      case IndicatorKind.ANY_OF: {
        // Met by the first condition the figures can meet, unless one already passes.
        if (e.details.some((d) => d.result === IndicatorResult.PASS)) return;
        const n = i.conditions!.findIndex((c, k) => e.details[k].result === IndicatorResult.FAIL && liftable(c));
        if (n >= 0) this.lift(i.conditions![n], e.details[n]);
        return;
      }
      case IndicatorKind.REVENUE_BANDED_RD: {
        // The band (or, on an edge, the first of the two) last year's revenue sits in.
        const band = e.details[0];
        const def = band && i.bands!.find((b) => band.key === `${i.key}.${b.key}`);
        if (def) def.conditions.forEach((c, n) => this.lift(c, band.details[n]));
        return;
      }
      default:
        if (e.result === IndicatorResult.FAIL) this.liftLeaf(i);
    }
  }

  private liftLeaf(i: Indicator): void {
    const t = i.threshold!;
    switch (i.kind) {
      case IndicatorKind.MONEY_MIN: {
        const column = COLUMNS[i.metric!].num;
        const rows = this.window(i.window!);
        if (i.window === EvaluationWindow.LAST_YEAR || i.window === EvaluationWindow.EACH_OF_2_YEARS) {
          for (const r of rows) this.set(r, column, ceilTimes(t, FEN));
          return;
        }
        // A total: the shortfall shared evenly by the years of the window.
        const short = ceilTimes(t, FEN) - rows.reduce((sum, r) => sum + (read(r, column) ?? 0), 0);
        if (short > 0) for (const r of rows) this.set(r, column, read(r, column)! + Math.ceil(short / rows.length));
        return;
      }
      case IndicatorKind.COUNT_MIN:
        for (const r of this.window(i.window!)) this.set(r, COLUMNS[i.metric!].num, Number(t));
        return;
      case IndicatorKind.RATIO_MIN:
      case IndicatorKind.RATIO_MAX: {
        // Year by year, which meets a total's ratio too. A niche share is a percentage of 100.
        const { num, den } = COLUMNS[i.metric!];
        const max = i.kind === IndicatorKind.RATIO_MAX;
        for (const r of this.window(i.window!)) {
          const base = den ? read(r, den) : 100 * 100;
          if (base == null) continue;
          this.set(r, num, max ? floorTimes(t, base) : ceilTimes(t, base), max);
        }
        return;
      }
      case IndicatorKind.GROWTH_MIN: {
        // Last year's figure raised to what the growth asks of it, the earlier years kept.
        const column = COLUMNS[i.metric!].num;
        const [v0, v1, last] = [this.asOfYear - 3, this.asOfYear - 2, this.asOfYear - 1].map((y) => this.row(y));
        const a = v0 && read(v0, column);
        const b = v1 && read(v1, column);
        if (!last || !a || a <= 0) return;
        let need: number;
        if (i.window === EvaluationWindow.TWO_YEAR_CAGR) {
          need = new Decimal(t).add(1).pow(2).mul(a).ceil().toNumber();
        } else {
          // ((b − a)/a + (c − b)/b) / 2 ≥ t  ⇔  c ≥ b · (1 + 2t − (b − a)/a).
          if (!b || b <= 0) return;
          need = new Decimal(t)
            .mul(2)
            .add(1)
            .sub(new Decimal(b - a).div(a))
            .mul(b)
            .ceil()
            .toNumber();
        }
        this.set(last, column, need);
        return;
      }
      case IndicatorKind.SME_SIZE:
        this.liftSize();
        return;
      default:
        return;
    }
  }

  /** Under the LARGE line of the sector's size lines on one of its measures, last year: headcount first, then total assets, then revenue. */
  private liftSize(): void {
    const last = this.row(this.asOfYear - 1);
    const sector = sectorOfIndustry(this.industry);
    if (!last || !sector) return;
    const large: SizeMinimum = sizeLinesOf(sector).large;
    if (large.employees != null) this.set(last, 'employees', large.employees - 1, true);
    else if (large.totalAssets != null) this.set(last, 'total_assets', ceilTimes(large.totalAssets, FEN) - FEN, true);
    else if (large.revenue != null) {
      // Revenue is the only line (agriculture): the firm is scaled down as a whole, years and shares alike, so its growth stays.
      const factor = new Decimal(ceilTimes(large.revenue, FEN) - FEN).div(read(last, 'revenue')!);
      for (const r of this.rows) {
        for (const column of ['revenue', 'main_business_revenue', 'rd_expense'] as const) {
          const v = read(r, column);
          if (v != null) this.set(r, column, floorTimes(factor, v), true);
        }
      }
    }
    // Staff and debt follow what was cut (rd_staff within headcount; the debt ratio is judged again).
    if (last.rd_staff != null && last.employees != null && last.rd_staff > last.employees) last.rd_staff = last.employees;
    if (last.main_business_revenue != null && last.revenue != null && read(last, 'main_business_revenue')! > read(last, 'revenue')!) {
      last.main_business_revenue = last.revenue;
    }
  }
}

/** Whether the figures alone can make `i` pass: a figure indicator, or a group with one. */
function liftable(i: Indicator): boolean {
  return LIFTABLE.has(i.kind) || (i.conditions ?? []).some(liftable);
}

const toFacts = (r: Row): YearFacts => ({
  year: r.year,
  revenue: r.revenue,
  mainBusinessRevenue: r.main_business_revenue,
  rdExpense: r.rd_expense,
  rdStaff: r.rd_staff,
  employees: r.employees,
  totalAssets: r.total_assets,
  totalLiabilities: r.total_liabilities,
  newEquityFinancing: r.new_equity_financing,
  class1IpCount: r.class1_ip_count,
  nicheMarketShare: r.niche_market_share,
});

/** The most passes a lift may take; each lifts what still fails after the last (raising revenue can lower a share, …). */
const MAX_PASSES = 10;

/**
 * `rows` (one applicant's reports, oldest first) lifted so that no
 * indicator of `ruleSets` its figures decide fails for a new application
 * judged in the year after the last report. Throws if the figures cannot be
 * made to pass: a seed that could not be submitted is a bug here.
 */
export function liftToApplicationBar(rows: Row[], ruleSets: readonly RuleSet[], record: ApplicantRecord, today: string): Row[] {
  const out = rows.map((r) => ({ ...r }));
  const asOfYear = Math.max(...out.map((r) => r.year)) + 1;
  const lifter = new Lifter(out, asOfYear, record.industry);
  const judge = (ruleSet: RuleSet) =>
    // Only the record's size facts: everything else the figures cannot decide stays unknown, and is not lifted.
    evaluate(ruleSet, { enterprise: { industry: record.industry, sizeClass: record.sizeClass }, reports: out.map(toFacts), asOfYear, today });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    lifter.changed = false;
    for (const ruleSet of ruleSets) {
      const evaluation = judge(ruleSet);
      indicatorsFor(ruleSet.indicators, EvaluationPurpose.NEW_APPLICATION).forEach((i, n) => lifter.lift(i, evaluation.indicators[n]));
    }
    if (!lifter.changed) break;
  }
  for (const ruleSet of ruleSets) {
    const failing = judge(ruleSet)
      .indicators.filter((i) => i.result === IndicatorResult.FAIL)
      .map((i) => i.key);
    if (failing.length) throw new Error(`seed: an applicant's figures cannot be lifted to ${ruleSet.code}: ${failing.join(', ')} still fail`);
  }
  return out;
}

/**
 * The whole years in its niche, by the end of the year before the year of
 * assessment, that `ruleSets` ask of a new applicant: the most any of them
 * asks (0 when none does).
 */
export function nicheYearsRequired(ruleSets: readonly RuleSet[]): number {
  return Math.max(
    0,
    ...ruleSets.flatMap((r) =>
      allIndicators(r)
        .filter((i) => i.kind === IndicatorKind.YEARS_IN_NICHE_MIN)
        .map((i) => Number(i.threshold)),
    ),
  );
}
