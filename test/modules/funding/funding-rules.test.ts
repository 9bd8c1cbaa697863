import { AwardStatus, ExpenditureCategory, UsageRestriction } from '../../../src/modules/funding/funding.enums';
import {
  disbursable,
  disbursementRefusal,
  isIsoDate,
  recoverable,
  spendable,
  spendingRuleViolation,
  sumMoney,
} from '../../../src/modules/funding/funding.rules';

describe('funding rules', () => {
  it('let enterprise awards be spent on anything and platform awards on services to SMEs only', () => {
    for (const c of Object.values(ExpenditureCategory)) {
      expect(spendingRuleViolation(UsageRestriction.UNRESTRICTED, c)).toBeNull();
      const v = spendingRuleViolation(UsageRestriction.SERVICES_ONLY, c);
      if (c.endsWith('_SERVICE')) expect(v).toBeNull();
      else expect(v).toContain(`category ${c} refused`);
    }
    expect(spendingRuleViolation(UsageRestriction.SERVICES_ONLY, ExpenditureCategory.PLATFORM_CONSTRUCTION)).toContain('own construction');
    expect(spendingRuleViolation(UsageRestriction.SERVICES_ONLY, ExpenditureCategory.PLATFORM_OPERATING_COSTS)).toContain('own running costs');
  });

  it('refuse disbursement for frozen, clawed-back and closed awards, naming the status', () => {
    expect(disbursementRefusal(AwardStatus.GRANTED)).toBeNull();
    for (const s of [AwardStatus.FROZEN, AwardStatus.CLAWED_BACK, AwardStatus.CLOSED]) expect(disbursementRefusal(s)).toContain(s);
  });

  it('compute what is left exactly, in cents', () => {
    const l = { granted: '6000000.00', disbursed: '3000000.10', clawedBack: '0.20', spent: '2999999.85' };
    expect(disbursable(l)).toBe('2999999.70');
    expect(recoverable(l)).toBe('2999999.90');
    expect(spendable(l)).toBe('0.05');
    expect(sumMoney(['0.10', '0.20', '9999999999999999.99'])).toBe('10000000000000000.29');
  });

  it('accept only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const d of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '']) expect(isIsoDate(d)).toBe(false);
  });
});
