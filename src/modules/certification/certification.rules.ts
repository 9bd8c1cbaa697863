import { EvaluationPurpose } from '../rule-set/rule-set.enums';
import { inForce, RULE_SETS, ruleSetByCode, ruleSetsInForce } from '../rule-set';
import { Tier, TIER_ORDER } from '../enterprise/enterprise.enums';
import { CertificationStatus } from './certification.enums';
import { effectiveStatus } from './certification-status.rules';
import { isIsoDate } from '../../core/calendar';

/**
 * The certification calendar as pure functions over "YYYY-MM-DD" dates
 * (whole days, no time zone: the day itself is the programme's, see
 * programmeToday()). A title is valid for 3 years: validUntil is its last
 * valid day; re-review (复核) opens in the third year; a renewal starts a new
 * 3-year cycle right after the old one, so cycles stay contiguous. Also
 * which rule set may judge a title, when it is applied for and when it is
 * re-reviewed: the application workflow asks it here, so that the
 * dependency runs from applications to titles and not back.
 */

const MS_PER_DAY = 86_400_000;

function toMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same calendar day `years` later; 29 February becomes 1 March. */
export function addYears(date: string, years: number): string {
  const d = new Date(toMs(date));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / MS_PER_DAY);
}

export const VALIDITY_YEARS = 3;

/** Last valid day of a title granted on `certifiedOn`. */
export function validUntilFor(certifiedOn: string): string {
  return addDays(addYears(certifiedOn, VALIDITY_YEARS), -1);
}

/** Last valid day after a renewal: a new 3-year cycle from the day after the old one ends. */
export function renewedValidUntil(validUntil: string): string {
  return validUntilFor(addDays(validUntil, 1));
}

/** First day of the cycle's third year, when re-review may start. */
export function reReviewOpensOn(validUntil: string): string {
  return addYears(addDays(validUntil, 1), -1);
}

/** Effective statuses in which a title is held (in force, or in force while re-reviewed). */
export const HELD_STATUSES: readonly CertificationStatus[] = [
  CertificationStatus.CERTIFIED,
  CertificationStatus.UNDER_REVIEW,
  CertificationStatus.RENEWED,
];

/** Stored statuses the one-live-per-tier unique index counts. */
export const LIVE_STORED_STATUSES: readonly CertificationStatus[] = [
  CertificationStatus.PUBLIC_NOTICE,
  CertificationStatus.CERTIFIED,
  CertificationStatus.UNDER_REVIEW,
  CertificationStatus.RENEWED,
];

/** The highest tier among the titles held today, or null: what enterprise.tier must say. */
export function highestHeldTier(
  certifications: { tier: Tier; status: CertificationStatus; validUntil: string | null }[],
  today: string,
): Tier | null {
  let best = -1;
  for (const c of certifications) {
    if (HELD_STATUSES.includes(effectiveStatus(c, today))) best = Math.max(best, TIER_ORDER.indexOf(c.tier));
  }
  return best < 0 ? null : TIER_ORDER[best];
}

/**
 * Why the rule set `code` cannot judge a `purpose` (a new application, or a
 * title's re-review) for `tier` on the day `today`, or null when it can: it
 * must exist, judge that tier, and be in force for that purpose that day
 * (since 2026-04-01 a new little-giant application is judged by the 2026
 * set, while the 2026 re-reviews still follow the 2022 standard).
 */
export function ruleSetProblem(code: string, tier: Tier, purpose: EvaluationPurpose, today: string): string | null {
  const ruleSet = ruleSetByCode(code);
  if (!ruleSet) return `ruleSet must be one of ${RULE_SETS.map((r) => r.code).join(', ')}`;
  if (ruleSet.tier !== tier) return `rule set ${code} judges ${ruleSet.tier}, not ${tier}`;
  if (!inForce(ruleSet, purpose, today)) {
    const current = ruleSetsInForce(tier, purpose, today).map((r) => r.code);
    const what = purpose === EvaluationPurpose.RE_REVIEW ? 're-reviews' : 'new applications';
    return `rule set ${code} is not in force for ${what} on ${today}${current.length ? `; in force: ${current.join(', ')}` : ''}`;
  }
  return null;
}
