import { CertificationStatus, RevocationReason } from '../modules/certification/certification.enums';
import { Tier } from '../modules/enterprise/enterprise.enums';
import { EvaluationPurpose } from '../modules/eligibility/eligibility.enums';
import { inForce, RULE_SETS } from '../modules/eligibility/rule-sets';
import { addYears, Day, day, isoDate, REFERENCE_DAY } from './dates';
import { Rng, WeightedPicker } from './random';

/**
 * Certification histories that follow the programme's calendar: 3-year
 * validity, re-review (复核) in year 3, renewal or expiry, revocation at any
 * time. A row keeps the date the title was first granted (certified_on) and
 * the end of its current cycle (valid_until); rule_set_code names the rule set
 * of the latest judgement on it.
 */

/** The first day any rule set of `tier` (of any tier, without one) was in force, by the rule-set data. */
function firstRulesInForce(tier?: Tier): Day {
  return day(
    RULE_SETS.filter((r) => tier == null || r.tier === tier)
      .map((r) => r.effectiveFrom)
      .sort()[0],
  );
}

/** The 2022 rules, the earliest the API knows: no judgement is placed before them. */
const RULES_2022_IN_FORCE = firstRulesInForce();

/**
 * The rule set a judgement on `tier` made on `when` for `purpose` was made
 * under: the one in force that day by the rule-set data (so a re-review in
 * 2026 still names the 2022 little-giant standard). A judgement from before
 * any of them came into force is recorded under the tier's earliest set.
 */
export function ruleSetFor(tier: Tier, when: Day, purpose: EvaluationPurpose = EvaluationPurpose.NEW_APPLICATION): string {
  const sets = RULE_SETS.filter((r) => r.tier === tier);
  const on = isoDate(when);
  return (sets.find((r) => inForce(r, purpose, on)) ?? sets[0]).code;
}

const { NEW_APPLICATION, RE_REVIEW } = EvaluationPurpose;

/** Published little-giant batches: public notice, then the list. */
export interface LittleGiantBatch {
  number: number;
  noticeStart: Day;
  noticeEnd: Day;
  certified: Day;
  /** Firms on the published list (domain.md §1). */
  size: number;
}

export const LITTLE_GIANT_BATCHES: readonly LittleGiantBatch[] = [
  { number: 1, noticeStart: day('2019-05-10'), noticeEnd: day('2019-05-24'), certified: day('2019-06-06'), size: 248 },
  { number: 2, noticeStart: day('2020-11-03'), noticeEnd: day('2020-11-17'), certified: day('2020-12-01'), size: 1744 },
  { number: 3, noticeStart: day('2021-07-05'), noticeEnd: day('2021-07-19'), certified: day('2021-07-30'), size: 2930 },
  { number: 4, noticeStart: day('2022-07-29'), noticeEnd: day('2022-08-12'), certified: day('2022-08-26'), size: 4357 },
  { number: 5, noticeStart: day('2023-07-14'), noticeEnd: day('2023-07-28'), certified: day('2023-08-10'), size: 3671 },
  { number: 6, noticeStart: day('2024-08-20'), noticeEnd: day('2024-09-03'), certified: day('2024-09-14'), size: 3012 },
  { number: 7, noticeStart: day('2025-08-15'), noticeEnd: day('2025-08-29'), certified: day('2025-09-12'), size: 3482 },
];

export function littleGiantBatch(n: number): LittleGiantBatch {
  const b = LITTLE_GIANT_BATCHES[n - 1];
  if (!b) throw new RangeError(`no little-giant batch ${n}`);
  return b;
}

const REASONS = WeightedPicker.of<RevocationReason>([
  [RevocationReason.FALSE_DECLARATION, 25],
  [RevocationReason.MAJOR_SAFETY_ACCIDENT, 10],
  [RevocationReason.MAJOR_QUALITY_ACCIDENT, 10],
  [RevocationReason.MAJOR_POLLUTION_ACCIDENT, 8],
  [RevocationReason.TAX_EVASION, 12],
  [RevocationReason.ABNORMAL_OPERATIONS_LIST, 20],
  [RevocationReason.SERIOUS_DISHONESTY_LIST, 15],
]);

/** What a generated certification looks like, plus the dates its audit trail needs. */
export interface CertificationTimeline {
  tier: Tier;
  status: CertificationStatus;
  batchNumber: number | null;
  ruleSetCode: string;
  noticeStart: Day;
  noticeEnd: Day;
  certifiedOn: Day | null;
  validUntil: Day | null;
  revokedOn: Day | null;
  revocationReason: RevocationReason | null;
  /** Dates of completed re-reviews that renewed it. */
  renewals: Day[];
  /** When the re-review under way started (UNDER_REVIEW). */
  reviewStarted: Day | null;
  /** When it lapsed (EXPIRED). */
  expiredOn: Day | null;
  /** The latest judgement: the grant, a renewal or the failed re-review. */
  judgedOn: Day;
  lastChange: Day;
}

/** Live titles that lapse by date are generated valid at least this long after the reference day. */
const LAPSE_MARGIN_DAYS = 60;

/** Re-review j of a title granted on `certified` falls due 3·j years later. */
const due = (certified: Day, j: number): Day => addYears(certified, 3 * j);

export interface TimelineRequest {
  tier: Tier;
  status: CertificationStatus;
  certified: Day;
  noticeStart: Day;
  noticeEnd: Day;
  batchNumber: number | null;
  /** Revocations happen after this day (e.g. after an award was granted). */
  revokeAfter?: Day;
  /** The ground for a revocation (default: drawn by weight). */
  revocationReason?: RevocationReason;
}

/**
 * The dates for a title granted on `certified` that is in `status` on the
 * reference day, or null when that status is impossible for that grant date
 * (say, EXPIRED for a title not yet due for re-review). Judgements are never
 * placed before the 2022 rules took effect, so every row names a rule set
 * that existed when it was judged.
 */
export function timeline(rng: Rng, req: TimelineRequest): CertificationTimeline | null {
  const R = REFERENCE_DAY;
  const { tier, status, certified } = req;
  const base = {
    tier,
    status,
    batchNumber: req.batchNumber,
    noticeStart: req.noticeStart,
    noticeEnd: req.noticeEnd,
    revokedOn: null,
    revocationReason: null,
    renewals: [] as Day[],
    reviewStarted: null,
    expiredOn: null,
  };
  // Completed re-reviews by the reference day.
  let k = 0;
  while (due(certified, k + 1) <= R) k++;
  const renewalsUpTo = (n: number) => Array.from({ length: n }, (_, i) => due(certified, i + 1));

  switch (status) {
    case CertificationStatus.PUBLIC_NOTICE: {
      if (req.noticeEnd < R) return null;
      return {
        ...base,
        batchNumber: null,
        certifiedOn: null,
        validUntil: null,
        ruleSetCode: ruleSetFor(tier, req.noticeStart),
        judgedOn: req.noticeStart,
        lastChange: req.noticeStart,
      };
    }
    case CertificationStatus.CERTIFIED: {
      if (k !== 0 || certified > R || certified < RULES_2022_IN_FORCE) return null;
      if (due(certified, 1) - R <= Math.max(120, LAPSE_MARGIN_DAYS)) return null; // its re-review would already be under way
      return {
        ...base,
        certifiedOn: certified,
        validUntil: due(certified, 1) - 1,
        ruleSetCode: ruleSetFor(tier, certified),
        judgedOn: certified,
        lastChange: certified,
      };
    }
    case CertificationStatus.RENEWED: {
      if (k === 0 || due(certified, k) < RULES_2022_IN_FORCE) return null;
      // The API shows a CERTIFIED or RENEWED title whose valid_until has passed as EXPIRED; keep a
      // margin so the data reads the same for a good while after the reference day.
      if (due(certified, k + 1) - 1 < R + LAPSE_MARGIN_DAYS) return null;
      const renewals = renewalsUpTo(k);
      const last = renewals[k - 1];
      return {
        ...base,
        renewals,
        certifiedOn: certified,
        validUntil: due(certified, k + 1) - 1,
        ruleSetCode: ruleSetFor(tier, last, RE_REVIEW),
        judgedOn: last,
        lastChange: last,
      };
    }
    case CertificationStatus.UNDER_REVIEW: {
      // Either the next re-review has begun (due within ~6 months) or the last one is running late (due ≤ 4 months ago).
      let j: number;
      if (due(certified, k + 1) - R <= 180) j = k + 1;
      else if (k >= 1 && R - due(certified, k) <= 120) j = k;
      else return null;
      const renewals = renewalsUpTo(j - 1);
      const judged = j === 1 ? certified : renewals[j - 2];
      if (judged < RULES_2022_IN_FORCE) return null;
      const started = Math.min(R - rng.int(5, 60), due(certified, j) - rng.int(30, 120));
      return {
        ...base,
        renewals,
        reviewStarted: started,
        certifiedOn: certified,
        validUntil: due(certified, j) - 1,
        ruleSetCode: ruleSetFor(tier, judged, j === 1 ? NEW_APPLICATION : RE_REVIEW),
        judgedOn: judged,
        lastChange: started,
      };
    }
    case CertificationStatus.EXPIRED: {
      const failed: number[] = [];
      for (let j = 1; j <= k; j++) if (due(certified, j) >= RULES_2022_IN_FORCE) failed.push(j);
      if (failed.length === 0) return null;
      const j = rng.pick(failed);
      const end = due(certified, j);
      return {
        ...base,
        renewals: renewalsUpTo(j - 1),
        expiredOn: end,
        certifiedOn: certified,
        validUntil: end - 1,
        ruleSetCode: ruleSetFor(tier, end, RE_REVIEW),
        judgedOn: end,
        lastChange: end,
      };
    }
    case CertificationStatus.REVOKED: {
      const after = req.revokeAfter ?? certified;
      // Cycles that began under the 2022 rules, and are long enough in the past to revoke in.
      const cycles: number[] = [];
      for (let j = 0; j <= k; j++) {
        const start = due(certified, j);
        const from = Math.max(start + 30, after + 1);
        const to = Math.min(due(certified, j + 1) - 1, R - 1);
        if (start >= RULES_2022_IN_FORCE && from <= to) cycles.push(j);
      }
      if (cycles.length === 0) return null;
      const j = rng.pick(cycles);
      const start = due(certified, j);
      const revokedOn = rng.int(Math.max(start + 30, after + 1), Math.min(due(certified, j + 1) - 1, R - 1));
      return {
        ...base,
        renewals: renewalsUpTo(j),
        certifiedOn: certified,
        validUntil: due(certified, j + 1) - 1,
        revokedOn,
        revocationReason: req.revocationReason ?? REASONS.pick(rng),
        ruleSetCode: ruleSetFor(tier, start, j === 0 ? NEW_APPLICATION : RE_REVIEW),
        judgedOn: start,
        lastChange: revokedOn,
      };
    }
  }
}

/** A little-giant title from a published batch in the given status, or null if that batch cannot be in it. */
export function littleGiantTimeline(
  rng: Rng,
  batch: number | null,
  status: CertificationStatus,
  revokeAfter?: Day,
  revocationReason?: RevocationReason,
): CertificationTimeline | null {
  if (batch === null) return publicNotice(rng, Tier.LITTLE_GIANT);
  const b = littleGiantBatch(batch);
  return timeline(rng, {
    tier: Tier.LITTLE_GIANT,
    status,
    certified: b.certified,
    noticeStart: b.noticeStart,
    noticeEnd: b.noticeEnd,
    batchNumber: b.number,
    revokeAfter,
    revocationReason,
  });
}

/** A title in public notice now: the list of the current round, objections still open. */
export function publicNotice(rng: Rng, tier: Tier): CertificationTimeline {
  const start = REFERENCE_DAY - rng.int(1, 8);
  const end = start + (tier === Tier.LITTLE_GIANT ? 14 : 9);
  return timeline(rng, { tier, status: CertificationStatus.PUBLIC_NOTICE, certified: end, noticeStart: start, noticeEnd: end, batchNumber: null })!;
}

const PROVINCIAL_EARLIEST: Readonly<Record<Tier, Day>> = {
  [Tier.SRDI_SME]: day('2019-08-01'),
  // The innovative-SME tier began with its first rules.
  [Tier.INNOVATIVE_SME]: firstRulesInForce(Tier.INNOVATIVE_SME),
  [Tier.LITTLE_GIANT]: day('2019-06-06'),
};

/**
 * A provincial title (SRDI SME or innovative SME) in `status`: provinces
 * publish their own lists through the year, each after a 7-working-day notice.
 * The grant date is drawn from the window that status allows.
 */
export function provincialTimeline(rng: Rng, tier: Tier, status: CertificationStatus, revokeAfter?: Day): CertificationTimeline {
  if (status === CertificationStatus.PUBLIC_NOTICE) return publicNotice(rng, tier);
  const R = REFERENCE_DAY;
  const earliest = PROVINCIAL_EARLIEST[tier];
  for (let attempt = 0; attempt < 40; attempt++) {
    let certified: Day;
    switch (status) {
      case CertificationStatus.CERTIFIED:
        certified = rng.int(addYears(R, -3) + 125, R - 30);
        break;
      case CertificationStatus.UNDER_REVIEW: {
        const j = addYears(R, -6) - 120 >= earliest && rng.chance(0.3) ? 2 : 1;
        certified = addYears(R, -3 * j) + rng.int(-120, 180);
        break;
      }
      default:
        certified = rng.int(earliest, addYears(R, -3) - 1);
    }
    if (status === CertificationStatus.REVOKED) certified = rng.int(earliest, R - 90);
    if (certified < earliest) continue;
    const noticeEnd = certified - rng.int(5, 20);
    const t = timeline(rng, { tier, status, certified, noticeStart: noticeEnd - 9, noticeEnd, batchNumber: null, revokeAfter });
    if (t) return t;
  }
  throw new Error(`could not place a ${tier} title in status ${status}`);
}
