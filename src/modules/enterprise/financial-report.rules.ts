import { compareMoney } from '../../core/money';

/**
 * The rules of a yearly report as data and pure functions: which figures
 * must agree with which, and which years may be reported. (Which reports an
 * application has used, and so locks, is the application module's rule:
 * application/report-use.rules.ts.) The service applies them; tests
 * exercise them without a database.
 */

/** The table's CHECK (year BETWEEN 1990 AND 2100); the upper end is cut further to the programme's current year. */
export const FIRST_REPORT_YEAR = 1990;
export const LAST_REPORT_YEAR = 2100;

/** The figures as reported; money canonical decimal strings (the Money scalar's), counts whole numbers. */
export interface ReportedFigures {
  revenue?: string | null;
  mainBusinessRevenue?: string | null;
  rdExpense?: string | null;
  rdStaff?: number | null;
  employees?: number | null;
  totalAssets?: string | null;
  totalLiabilities?: string | null;
  newEquityFinancing?: string | null;
  class1IpCount?: number | null;
  /** Percent, 0–100. */
  nicheMarketShare?: string | null;
}

export interface FigureProblem {
  field: string;
  message: string;
}

/** A percentage 0–100 with at most two decimals, canonical ("12.5" → "12.50"), or null when it is not one. */
export function parseShare(share: string): string | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(share);
  if (!m || (m[1].length > 1 && m[1].startsWith('0'))) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (whole > 100 || (whole === 100 && frac !== '00')) return null;
  return `${whole}.${frac}`;
}

/**
 * The first problem with a year and its figures, or null. Money is already
 * non-negative and exact (the Money scalar refuses anything else, naming the
 * field); what is left is what the figures say together:
 * - the year is a whole year within the table's range and not in the future;
 * - counts are whole and non-negative, and R&D staff are among the employees;
 * - main-business revenue is part of revenue, so it needs revenue and at most equals it;
 * - assets and liabilities are consistent: both given or both absent, since
 *   either alone is half a balance sheet and the debt-to-asset ratio needs
 *   both. Liabilities above assets are accepted: negative equity is a fact
 *   about a firm (the debt-ratio indicator then fails), not a typing error.
 * - the niche-market share is a percentage from 0 to 100.
 */
export function figuresProblem(year: number, f: ReportedFigures, currentYear: number): FigureProblem | null {
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    return { field: 'year', message: `year must be a year from ${FIRST_REPORT_YEAR} to ${currentYear}` };
  }
  if (year > currentYear) return { field: 'year', message: `year ${year} is in the future; the programme’s current year is ${currentYear}` };
  for (const field of ['rdStaff', 'employees', 'class1IpCount'] as const) {
    const n = f[field];
    if (n != null && (!Number.isInteger(n) || n < 0)) return { field, message: `${field} must be a whole number, not negative` };
  }
  if (f.rdStaff != null && f.employees != null && f.rdStaff > f.employees) {
    return { field: 'rdStaff', message: 'rdStaff must not exceed employees: R&D staff are employees' };
  }
  if (f.mainBusinessRevenue != null) {
    if (f.revenue == null) return { field: 'mainBusinessRevenue', message: 'mainBusinessRevenue is part of revenue: give revenue too' };
    if (compareMoney(f.mainBusinessRevenue, f.revenue) > 0) {
      return { field: 'mainBusinessRevenue', message: 'mainBusinessRevenue must not exceed revenue' };
    }
  }
  if ((f.totalAssets == null) !== (f.totalLiabilities == null)) {
    const missing = f.totalAssets == null ? 'totalAssets' : 'totalLiabilities';
    return { field: missing, message: 'totalAssets and totalLiabilities go together: give both or neither' };
  }
  if (f.nicheMarketShare != null && parseShare(f.nicheMarketShare) == null) {
    return { field: 'nicheMarketShare', message: 'nicheMarketShare must be a percentage from 0 to 100 with at most two decimals, e.g. "12.50"' };
  }
  return null;
}
