import { Tier } from '../enterprise/enterprise.enums';
import { PLAN_LISTED_CITIES, provinceCodeOf } from '../../core/region-code';
import { ApplicationStatus } from './application.enums';

/**
 * The workflow's rules as data and pure functions: which step may start
 * from which status, who may recommend a little giant, and how long a
 * notice period is (an expert score's shape is core/score.ts; which rule
 * set may judge an application is the title's rule, see
 * certification.rules.ts). The service applies them inside the mutation's
 * transaction; tests exercise them without a database.
 */

/** Statuses from which each step may start; anything else is a CONFLICT naming the current status. */
export const STEP_FROM: Readonly<Record<string, readonly ApplicationStatus[]>> = {
  updateApplication: [ApplicationStatus.DRAFT, ApplicationStatus.RETURNED],
  submitApplication: [ApplicationStatus.DRAFT, ApplicationStatus.RETURNED],
  withdrawApplication: [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED],
  recommendApplication: [ApplicationStatus.SUBMITTED],
  returnApplication: [ApplicationStatus.SUBMITTED],
  startReview: [ApplicationStatus.RECOMMENDED],
  reviewApplication: [ApplicationStatus.UNDER_REVIEW],
  openPublicNotice: [ApplicationStatus.APPROVED],
  raiseObjection: [ApplicationStatus.PUBLIC_NOTICE],
  resolveObjection: [ApplicationStatus.PUBLIC_NOTICE],
  certifyEnterprise: [ApplicationStatus.PUBLIC_NOTICE],
};

/** Applications still in play: an enterprise has at most one per tier. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.DRAFT,
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.RETURNED,
  ApplicationStatus.RECOMMENDED,
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.APPROVED,
  ApplicationStatus.PUBLIC_NOTICE,
];

/** The plan-listed cities are a region fact (core/region-code.ts); re-exported for this file's readers. */
export { PLAN_LISTED_CITIES };

/**
 * The authority that recommends an enterprise for little giant: its
 * plan-listed city (计划单列市) if it lies in one, else its province
 * (domain.md §2: 31 provincial-level authorities and 5 plan-listed cities,
 * each recommending its own enterprises).
 */
export function littleGiantRecommender(enterpriseRegionCode: string): string {
  const city = PLAN_LISTED_CITIES.find((c) => enterpriseRegionCode.startsWith(c.slice(0, 4)));
  return city ?? provinceCodeOf(enterpriseRegionCode);
}

/**
 * Whether the local government of `regionCode` may recommend an enterprise
 * registered in `enterpriseRegionCode` for `tier`: little giants only by
 * their recommending authority; lower tiers by any level in whose region the
 * enterprise is (city/county review; the policy checks the region).
 */
export function mayRecommend(regionCode: string, tier: Tier, enterpriseRegionCode: string): boolean {
  if (tier !== Tier.LITTLE_GIANT) return true;
  return regionCode === littleGiantRecommender(enterpriseRegionCode);
}

/** Shortest and longest public notice accepted, in calendar days from today (5–10 working days, loosely). */
export const NOTICE_MIN_DAYS = 5;
export const NOTICE_MAX_DAYS = 14;
