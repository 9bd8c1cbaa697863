import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { CertificationStatus as S } from '../../../src/modules/certification/certification.enums';
import {
  addDays, addYears, daysBetween, highestHeldTier, isIsoDate, renewedValidUntil, reReviewOpensOn, validUntilFor,
} from '../../../src/modules/certification/certification.rules';

describe('calendar', () => {
  it('reads only real dates', () => {
    for (const s of ['2028-02-29', '2024-02-29']) expect(isIsoDate(s)).toBe(true);
    for (const s of ['2026-02-29', '2023-02-29', '2026-13-01', '2026-1-01', '20260101', '2026-01-01T00:00:00Z', '']) expect(isIsoDate(s)).toBe(false);
  });

  it('adds days and years, and counts days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addYears('2028-02-29', 3)).toBe('2031-03-01');
    expect(daysBetween('2026-05-01', '2026-05-15')).toBe(14);
    expect(daysBetween('2026-05-15', '2026-05-01')).toBe(-14);
  });

  it('makes a title valid for 3 years, re-reviewable in the third, renewable for a contiguous cycle', () => {
    expect(validUntilFor('2026-07-01')).toBe('2029-06-30');
    expect(validUntilFor('2028-02-29')).toBe('2031-02-28');
    expect(reReviewOpensOn('2029-06-30')).toBe('2028-07-01');
    expect(renewedValidUntil('2029-06-30')).toBe('2032-06-30');
  });
});

describe('highestHeldTier', () => {
  const today = '2026-06-01';
  const c = (tier: Tier, status: S, validUntil: string | null = '2027-01-01') => ({ tier, status, validUntil });
  it('is the highest tier held today', () => {
    expect(highestHeldTier([c(Tier.SRDI_SME, S.CERTIFIED), c(Tier.LITTLE_GIANT, S.UNDER_REVIEW)], today)).toBe(Tier.LITTLE_GIANT);
    expect(highestHeldTier([c(Tier.SRDI_SME, S.RENEWED), c(Tier.LITTLE_GIANT, S.REVOKED)], today)).toBe(Tier.SRDI_SME);
  });
  it('ignores lapsed, expired, revoked titles and those still in notice', () => {
    expect(highestHeldTier([c(Tier.LITTLE_GIANT, S.CERTIFIED, '2026-05-31'), c(Tier.SRDI_SME, S.EXPIRED), c(Tier.INNOVATIVE_SME, S.PUBLIC_NOTICE, null)], today)).toBeNull();
    expect(highestHeldTier([c(Tier.LITTLE_GIANT, S.CERTIFIED, today)], today)).toBe(Tier.LITTLE_GIANT);
  });
});
