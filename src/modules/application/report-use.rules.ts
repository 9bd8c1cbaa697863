import { ApplicationStatus } from './application.enums';

/**
 * Which of an enterprise's yearly reports an application has used, as data
 * and pure functions: a report used by a recommended application is locked
 * (the enterprise module asks report-use.service.ts through its hook).
 */

/**
 * Statuses in which an application has been recommended (初核推荐) or gone
 * further. From then on the figures it was judged by are evidence, so the
 * enterprise may no longer revise them. REJECTED counts: the expert review
 * judged those figures too. WITHDRAWN and RETURNED come before recommendation.
 */
export const LOCKING_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.RECOMMENDED,
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.APPROVED,
  ApplicationStatus.REJECTED,
  ApplicationStatus.PUBLIC_NOTICE,
  ApplicationStatus.CERTIFIED,
];

/**
 * How many financial years before its own year an application is judged on.
 * Applications do not record which reports they used, so a report counts as
 * used by every application of the three years after it: the eligibility
 * windows read at most the three complete years before the year of
 * assessment (2-year growth reads y−3 to y−1; see eligibility/evaluate.ts).
 */
export const YEARS_AN_APPLICATION_USES = 3;

/**
 * The year an application is judged in: the programme year (China Standard
 * Time) it was submitted, since a recommended application always was; its
 * creation for a row that lacks one.
 */
export function applicationYear(a: { submittedAt: Date | null; createdAt: Date }): number {
  const at = a.submittedAt ?? a.createdAt;
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** Whether an application of `appYear` reads the report of `reportYear`. */
export function applicationUsesYear(appYear: number, reportYear: number): boolean {
  return reportYear < appYear && reportYear >= appYear - YEARS_AN_APPLICATION_USES;
}
