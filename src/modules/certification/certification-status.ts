import { CertificationStatus } from './certification.enums';

/**
 * Certificates lapse on their own: a CERTIFIED or RENEWED title whose
 * validUntil has passed is EXPIRED, with no scheduled job rewriting rows.
 * The stored status stays as it was; reads show (and filter by) the
 * effective one. "Today" is the programme's calendar day, China Standard
 * Time (UTC+8, no daylight saving), computed here and passed to SQL too, so
 * the value a row shows and the filter it matches always agree.
 */

/** Stored statuses that lapse to EXPIRED once validUntil is in the past. */
export const LAPSING_STATUSES: readonly CertificationStatus[] = [CertificationStatus.CERTIFIED, CertificationStatus.RENEWED];

const CST_OFFSET_MS = 8 * 3_600_000;

/** The last answer, for the same second (a page asks once per certification row). */
let lastToday = { second: NaN, date: '' };

const systemClock = (): Date => new Date();
let clock = systemClock;

/**
 * Replaces the programme's clock (null restores the system's). The calendar
 * drives the workflow (a public notice ends, a title lapses), so tests move
 * the clock instead of rewriting rows behind the API's back.
 */
export function setProgrammeClock(now: (() => Date) | null): void {
  clock = now ?? systemClock;
  lastToday = { second: NaN, date: '' };
}

/** Today's date in China Standard Time, "YYYY-MM-DD". */
export function programmeToday(now: Date = clock()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastToday.second) lastToday = { second, date: new Date(second * 1000 + CST_OFFSET_MS).toISOString().slice(0, 10) };
  return lastToday.date;
}

/** The status a certification has today; validUntil is the last valid day. */
export function effectiveStatus(
  row: { status: CertificationStatus; validUntil: string | null },
  today: string = programmeToday(),
): CertificationStatus {
  if (LAPSING_STATUSES.includes(row.status) && row.validUntil != null && row.validUntil < today) {
    return CertificationStatus.EXPIRED;
  }
  return row.status;
}

/**
 * The SQL condition "effective status = status" over `alias` (a TypeORM
 * alias, so `${alias}.status` resolves to the column), with its parameters.
 * Agrees with effectiveStatus() for the same `today`.
 */
export function effectiveStatusCondition(
  alias: string,
  status: CertificationStatus,
  today: string,
): { sql: string; params: Record<string, unknown> } {
  const params = { f_status: status, f_today: today, f_lapsing: [...LAPSING_STATUSES] };
  if (status === CertificationStatus.EXPIRED) {
    return {
      sql: `(${alias}.status = :f_status OR (${alias}.status = ANY(:f_lapsing) AND ${alias}.validUntil < :f_today))`,
      params,
    };
  }
  if (LAPSING_STATUSES.includes(status)) {
    return { sql: `(${alias}.status = :f_status AND (${alias}.validUntil IS NULL OR ${alias}.validUntil >= :f_today))`, params };
  }
  return { sql: `${alias}.status = :f_status`, params: { f_status: status } };
}
