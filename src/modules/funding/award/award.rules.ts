import { moneyToCents, centsToMoney } from '../../../core/money';
import { AwardStatus, ExpenditureCategory, SERVICE_CATEGORIES, UsageRestriction } from './award.enums';

/**
 * The award rules that need no database: pure functions over amounts,
 * categories and dates, unit-tested on their own. The services call them
 * under the row locks that make the amounts they compare current.
 */

/**
 * Why a platform award may not be spent on `category`, or null if it may.
 * Enterprise awards are unrestricted; platform awards pay for services to
 * SMEs only, never for the platform's own construction or running costs.
 */
export function spendingRuleViolation(usage: UsageRestriction, category: ExpenditureCategory): string | null {
  if (usage === UsageRestriction.UNRESTRICTED || SERVICE_CATEGORIES.has(category)) return null;
  const what =
    category === ExpenditureCategory.PLATFORM_CONSTRUCTION
      ? 'the platform’s own construction'
      : category === ExpenditureCategory.PLATFORM_OPERATING_COSTS
        ? 'the platform’s own running costs'
        : `${category}, which is not a service to SMEs`;
  return `category ${category} refused: platform awards may only be spent on services to SMEs (the *_SERVICE categories), ` + `never on ${what}`;
}

/** Award states that refuse further disbursement, with the reason a refusal names. */
const NO_DISBURSEMENT: Partial<Record<AwardStatus, string>> = {
  [AwardStatus.FROZEN]: 'the award is FROZEN: no further disbursements',
  [AwardStatus.CLAWED_BACK]: 'the award is CLAWED_BACK: no further disbursements',
  [AwardStatus.CLOSED]: 'the award is CLOSED: its support period is over',
};

export function disbursementRefusal(status: AwardStatus): string | null {
  return NO_DISBURSEMENT[status] ?? null;
}

/**
 * Why the recipient may not record spending on an award in this state, or
 * null if it may. Only a GRANTED award (paid in full or in part) is spent
 * from: a FROZEN one belongs to a revoked title, a CLOSED one's support
 * period is over, and a CLAWED_BACK one holds no money.
 */
export function spendingRefusal(status: AwardStatus): string | null {
  if (status === AwardStatus.GRANTED) return null;
  const why: Record<Exclude<AwardStatus, AwardStatus.GRANTED>, string> = {
    [AwardStatus.FROZEN]: 'the award is FROZEN (its recipient’s title was revoked): no spending may be recorded against it',
    [AwardStatus.CLOSED]: 'the award is CLOSED: its support period is over',
    [AwardStatus.CLAWED_BACK]: 'the award is CLAWED_BACK: nothing is left to spend',
  };
  return why[status];
}

/**
 * Why `spentOn` is not a day the money could have been spent, or null: not
 * before the first tranche reached the recipient (money it did not hold) and
 * not after today. Dates are YYYY-MM-DD, so they compare as strings.
 */
export function spendingDateRefusal(spentOn: string, firstPaidOn: string | null, today: string): string | null {
  if (spentOn > today) return `spentOn must not be in the future (today is ${today})`;
  if (firstPaidOn != null && spentOn < firstPaidOn) {
    return `spentOn must not be before the first disbursement of the award (${firstPaidOn}): the recipient held none of its money then`;
  }
  return null;
}

/** The money of one award, as sums under its row lock. */
export interface AwardLedger {
  granted: string;
  disbursed: string;
  clawedBack: string;
  spent: string;
  /** Day of the first tranche; null while nothing was paid. */
  firstPaidOn: string | null;
}

/** What may still be paid out: granted minus clawed back minus what was already disbursed. */
export function disbursable(l: AwardLedger): string {
  return centsToMoney(moneyToCents(l.granted) - moneyToCents(l.clawedBack) - moneyToCents(l.disbursed));
}

/** What may still be recovered: disbursed and not yet clawed back. */
export function recoverable(l: AwardLedger): string {
  return centsToMoney(moneyToCents(l.disbursed) - moneyToCents(l.clawedBack));
}

/**
 * What the recipient may still record as spent: the money it holds from the
 * award (disbursed, net of claw-backs) minus what it already spent.
 */
export function spendable(l: AwardLedger): string {
  return centsToMoney(moneyToCents(l.disbursed) - moneyToCents(l.clawedBack) - moneyToCents(l.spent));
}
