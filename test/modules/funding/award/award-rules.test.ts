import { AwardStatus, ExpenditureCategory, UsageRestriction } from '../../../../src/modules/funding/award/award.enums';
import {
  disbursable,
  disbursementRefusal,
  recoverable,
  spendable,
  spendingDateRefusal,
  spendingRefusal,
  spendingRuleViolation,
} from '../../../../src/modules/funding/award/award.rules';

describe('award rules', () => {
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

  it('let spending be recorded on GRANTED awards only, naming the status that refuses it', () => {
    expect(spendingRefusal(AwardStatus.GRANTED)).toBeNull();
    for (const s of [AwardStatus.FROZEN, AwardStatus.CLAWED_BACK, AwardStatus.CLOSED]) expect(spendingRefusal(s)).toContain(s);
  });

  it('date spending between the first disbursement and today, both days included', () => {
    expect(spendingDateRefusal('2024-01-02', '2024-01-02', '2026-12-05')).toBeNull();
    expect(spendingDateRefusal('2026-12-05', '2024-01-02', '2026-12-05')).toBeNull();
    expect(spendingDateRefusal('2024-01-01', '2024-01-02', '2026-12-05')).toContain('before the first disbursement of the award (2024-01-02)');
    expect(spendingDateRefusal('1990-01-01', '2024-01-02', '2026-12-05')).toContain('before the first disbursement');
    expect(spendingDateRefusal('2026-12-06', '2024-01-02', '2026-12-05')).toContain('future');
    // Nothing paid yet: the date alone cannot be judged; the amount rule refuses it (nothing to spend).
    expect(spendingDateRefusal('2020-01-01', null, '2026-12-05')).toBeNull();
  });

  it('compute what is left exactly, in cents', () => {
    const l = { granted: '6000000.00', disbursed: '3000000.10', clawedBack: '0.20', spent: '2999999.85', firstPaidOn: '2024-01-02' };
    expect(disbursable(l)).toBe('2999999.70');
    expect(recoverable(l)).toBe('2999999.90');
    expect(spendable(l)).toBe('0.05');
  });
});
