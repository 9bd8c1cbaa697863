import { programmeToday } from '../../core/calendar';
import { CertificationStatus } from './certification.enums';

/**
 * Certificates lapse on their own: a CERTIFIED or RENEWED title whose
 * validUntil has passed is EXPIRED, with no scheduled job rewriting rows.
 * The stored status stays as it was; reads show (and filter by) the
 * effective one. "Today" is the programme's calendar day, China Standard
 * Time (UTC+8, no daylight saving; core/calendar.ts), passed to SQL too, so
 * the value a row shows and the filter it matches always agree.
 */

/** Stored statuses that lapse to EXPIRED once validUntil is in the past. */
export const LAPSING_STATUSES: readonly CertificationStatus[] = [CertificationStatus.CERTIFIED, CertificationStatus.RENEWED];

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
