import { SizeClass } from '../modules/enterprise/enterprise.enums';
import { Rng } from './random';
import { FinancialReportRow } from './tables';

/**
 * Yearly figures that hang together: main-business revenue within revenue,
 * R&D staff within headcount, liabilities below assets for all but a few
 * distressed firms, growth from year to year. Little giants are drawn to meet
 * the 2022 criteria (工信部企业〔2022〕63号) with one failed indicator for a
 * minority; the other tiers are a mix. All amounts are whole fen (integers)
 * until formatted, so nothing is ever a float in the database.
 */

export const REPORT_YEARS = [2023, 2024, 2025] as const;

export type FirmClass = 'LITTLE_GIANT' | 'SRDI' | 'INNOVATIVE' | 'NONE';

/** Ways a little giant can miss the 2022 criteria; one is picked for a non-compliant one. */
export type CriterionBreach = 'DEBT_RATIO' | 'MAIN_BUSINESS_SHARE' | 'RD_INTENSITY' | 'NICHE_SHARE' | 'GROWTH' | 'IP_RIGHTS';
const BREACHES: readonly CriterionBreach[] = ['DEBT_RATIO', 'MAIN_BUSINESS_SHARE', 'RD_INTENSITY', 'NICHE_SHARE', 'GROWTH', 'IP_RIGHTS'];

/** Which figures a firm failed to report. */
export type Gap = 'LATE_FIRST_YEAR' | 'NO_NICHE_SHARE' | 'NO_HEADCOUNT' | 'NO_LIABILITIES';
const GAPS: readonly Gap[] = ['LATE_FIRST_YEAR', 'NO_NICHE_SHARE', 'NO_HEADCOUNT', 'NO_LIABILITIES'];

export interface FinancialOptions {
  firmClass: FirmClass;
  /** For little giants: meets every 2022 indicator (default: 90% do). */
  compliant?: boolean;
  /** Some figures missing (NULL) on purpose. */
  gap?: Gap | null;
}

export interface GeneratedFinancials {
  rows: Omit<FinancialReportRow, 'id' | 'enterprise_id'>[];
  sizeClass: SizeClass;
  compliant: boolean;
  breach: CriterionBreach | null;
  gap: Gap | null;
}

const YUAN = 100; // fen per yuan
const MILLION = 1_000_000 * YUAN;

/** Whole fen → "1234.50". Exact for any amount below 2^53 fen (about ¥90 trillion). */
export function fenToMoney(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative whole number of fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const rest = fen - yuan * 100;
  return `${yuan}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Percent with two decimals, e.g. 12.34 → "12.34". */
function percent(x: number): string {
  return (Math.round(Math.min(100, Math.max(0, x)) * 100) / 100).toFixed(2);
}

/** Size class by the industrial lines of 工信部联企业〔2011〕300号. */
export function sizeClassOf(employees: number, revenueFen: number): SizeClass {
  if (employees >= 1000 && revenueFen >= 400 * MILLION) return SizeClass.LARGE;
  if (employees >= 300 && revenueFen >= 20 * MILLION) return SizeClass.MEDIUM;
  if (employees >= 20 && revenueFen >= 3 * MILLION) return SizeClass.SMALL;
  return SizeClass.MICRO;
}

export function pickGap(rng: Rng): Gap {
  return rng.pick(GAPS);
}

export function generateFinancials(rng: Rng, options: FinancialOptions): GeneratedFinancials {
  const { firmClass } = options;
  const lg = firmClass === 'LITTLE_GIANT';
  const compliant = lg ? (options.compliant ?? rng.chance(0.9)) : false;
  const breach: CriterionBreach | null = lg && !compliant ? rng.pick(BREACHES) : null;
  const gap = options.gap ?? null;

  // Latest-year revenue (yuan) and growth into it.
  const revenue2025 =
    firmClass === 'LITTLE_GIANT'
      ? rng.logNormal(280e6, 0.6, 80e6, 1.5e9)
      : firmClass === 'SRDI'
        ? rng.logNormal(80e6, 0.8, 12e6, 8e8)
        : firmClass === 'INNOVATIVE'
          ? rng.logNormal(25e6, 0.9, 1.5e6, 3e8)
          : rng.logNormal(12e6, 1.0, 3e5, 5e8);
  const growth = (): number =>
    lg && breach !== 'GROWTH' ? rng.between(0.06, 0.28) : breach === 'GROWTH' ? rng.between(-0.08, 0.03) : rng.between(-0.12, 0.3);
  const g2025 = growth();
  const g2024 = growth();
  const revenue = [revenue2025 / (1 + g2025) / (1 + g2024), revenue2025 / (1 + g2025), revenue2025];
  const revenueFen = revenue.map((r) => Math.round(r * YUAN));

  // Main business: little giants keep one share across years, so its growth equals revenue growth.
  const mainShare =
    breach === 'MAIN_BUSINESS_SHARE'
      ? rng.between(0.55, 0.69)
      : lg
        ? rng.chance(0.85)
          ? rng.between(0.9, 0.99)
          : rng.between(0.8, 0.9)
        : rng.between(0.5, 0.99);
  const mainFen = revenueFen.map((r) => Math.floor(r * (lg ? mainShare : Math.min(1, mainShare + rng.between(-0.03, 0.03)))));

  // R&D: the 2022 band for revenue ≥ ¥100m asks ≥3% a year, ¥50–100m ≥6%.
  const smallBand = Math.min(revenue[1], revenue[2]) < 100e6;
  const intensity = (): number =>
    breach === 'RD_INTENSITY'
      ? rng.between(0.012, 0.029)
      : lg
        ? smallBand
          ? rng.between(0.065, 0.12)
          : rng.between(0.035, 0.085)
        : firmClass === 'SRDI'
          ? rng.chance(0.85)
            ? rng.between(0.03, 0.1)
            : rng.between(0.008, 0.03)
          : firmClass === 'INNOVATIVE'
            ? rng.between(0.005, 0.12)
            : rng.between(0, 0.06);
  const rdFen = revenueFen.map((r) => Math.floor(r * intensity()));
  if (lg && breach !== 'RD_INTENSITY' && rdFen[1] + rdFen[2] < 12.5 * MILLION) {
    // The 2026 rules also want ≥ ¥12m over two years; lift both years evenly (revenue ≥ ¥80m keeps this under 8%).
    const lift = (12.5 * MILLION - rdFen[1] - rdFen[2]) / 2;
    rdFen[1] = Math.floor(rdFen[1] + lift);
    rdFen[2] = Math.floor(rdFen[2] + lift);
  }

  // Headcount: revenue per employee, growing more slowly than revenue. Certified firms stay SMEs
  // (fewer than 1,000 staff); only a few uncertified registrants are large.
  const perHead = lg ? rng.between(0.5e6, 1.8e6) : rng.between(0.3e6, 1.5e6);
  const maxHeads = firmClass === 'NONE' ? 3000 : 980;
  const heads2025 = Math.max(lg ? 80 : 3, Math.min(maxHeads, Math.round(revenue2025 / perHead)));
  const employees = revenue.map((r, i) => (i === 2 ? heads2025 : Math.max(1, Math.round(heads2025 * Math.sqrt(r / revenue2025)))));
  const rdShare = lg
    ? rng.between(0.15, 0.45)
    : firmClass === 'SRDI'
      ? rng.between(0.1, 0.35)
      : firmClass === 'INNOVATIVE'
        ? rng.between(0.05, 0.4)
        : rng.between(0, 0.2);
  const rdStaff = employees.map((e) => Math.min(e, Math.floor(e * rdShare)));

  // Balance sheet: a few distressed firms outside the little giants owe more than they own.
  const distressed = !lg && rng.chance(firmClass === 'NONE' ? 0.03 : 0.01);
  const debtRatio = (): number =>
    distressed ? rng.between(1.02, 1.3) : breach === 'DEBT_RATIO' ? rng.between(0.72, 0.85) : lg ? rng.between(0.2, 0.62) : rng.between(0.15, 0.85);
  const assetsFen = revenueFen.map((r) => Math.round(r * rng.between(0.8, 1.8)));
  const liabilitiesFen = assetsFen.map((a) => Math.round(a * debtRatio()));

  const equityChance = lg ? 0.25 : firmClass === 'SRDI' ? 0.1 : 0.05;
  const equityFen = revenue.map(() => (rng.chance(equityChance) ? Math.round(rng.between(lg ? 10e6 : 1e6, lg ? 150e6 : 40e6)) * YUAN : 0));

  const ip2025 =
    breach === 'IP_RIGHTS'
      ? rng.int(0, 1)
      : lg
        ? rng.int(4, 60)
        : firmClass === 'SRDI'
          ? rng.int(1, 20)
          : firmClass === 'INNOVATIVE'
            ? rng.int(0, 10)
            : rng.int(0, 3);
  const ip = [Math.max(0, ip2025 - rng.int(0, 4)), Math.max(0, ip2025 - rng.int(0, 2)), ip2025].map((x, i, a) => (i === 0 ? Math.min(x, a[1]) : x));

  const niche =
    breach === 'NICHE_SHARE'
      ? rng.between(5, 9.8)
      : lg
        ? rng.between(10.5, 45)
        : firmClass === 'SRDI'
          ? rng.between(1, 25)
          : firmClass === 'INNOVATIVE'
            ? rng.between(0.1, 10)
            : rng.between(0, 5);

  const rows = REPORT_YEARS.map((year, i) => ({
    year,
    revenue: fenToMoney(revenueFen[i]),
    main_business_revenue: fenToMoney(mainFen[i]),
    rd_expense: fenToMoney(rdFen[i]),
    rd_staff: rdStaff[i],
    employees: employees[i],
    total_assets: fenToMoney(assetsFen[i]),
    total_liabilities: fenToMoney(liabilitiesFen[i]),
    new_equity_financing: fenToMoney(equityFen[i]),
    class1_ip_count: ip[i],
    niche_market_share: percent(niche + (i - 2) * rng.between(0, 1.2)),
  }));
  // Keep the little giants' niche share above the line in every year it is checked.
  if (lg && breach !== 'NICHE_SHARE') for (const r of rows) r.niche_market_share = percent(Math.max(10.2, Number(r.niche_market_share)));

  type Row = Omit<FinancialReportRow, 'id' | 'enterprise_id'>;
  const out: Row[] = rows;
  switch (gap) {
    case 'LATE_FIRST_YEAR': {
      const first = out[0];
      out[0] = {
        year: first.year,
        revenue: first.revenue,
        main_business_revenue: null,
        rd_expense: null,
        rd_staff: null,
        employees: null,
        total_assets: null,
        total_liabilities: null,
        new_equity_financing: null,
        class1_ip_count: null,
        niche_market_share: null,
      };
      break;
    }
    case 'NO_NICHE_SHARE':
      for (const r of out) r.niche_market_share = null;
      break;
    case 'NO_HEADCOUNT':
      out[2].employees = null;
      out[2].rd_staff = null;
      break;
    case 'NO_LIABILITIES':
      out[1].total_liabilities = null;
      out[2].total_liabilities = null;
      break;
    default:
      break;
  }

  return { rows: out, sizeClass: sizeClassOf(heads2025, revenueFen[2]), compliant, breach, gap };
}
