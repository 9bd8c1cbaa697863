import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { CertificationStatus as S } from '../../../src/modules/certification/certification.enums';
import { EvaluationPurpose } from '../../../src/modules/rule-set/rule-set.enums';
import {
  addDays,
  addYears,
  daysBetween,
  highestHeldTier,
  renewedValidUntil,
  reReviewOpensOn,
  ruleSetProblem,
  validUntilFor,
} from '../../../src/modules/certification/certification.rules';
import { isIsoDate } from '../../../src/core/calendar';

const { NEW_APPLICATION, RE_REVIEW } = EvaluationPurpose;

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
    expect(
      highestHeldTier(
        [c(Tier.LITTLE_GIANT, S.CERTIFIED, '2026-05-31'), c(Tier.SRDI_SME, S.EXPIRED), c(Tier.INNOVATIVE_SME, S.PUBLIC_NOTICE, null)],
        today,
      ),
    ).toBeNull();
    expect(highestHeldTier([c(Tier.LITTLE_GIANT, S.CERTIFIED, today)], today)).toBe(Tier.LITTLE_GIANT);
  });
});

describe('rule sets', () => {
  it('knows each code and the tier it judges', () => {
    expect(ruleSetProblem('MIIT-2026-2', Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-12-05')).toBeNull();
    expect(ruleSetProblem('SRDI-PROVINCIAL-2026', Tier.SRDI_SME, NEW_APPLICATION, '2026-12-05')).toBeNull();
    expect(ruleSetProblem('INNOVATIVE-SME-2022', Tier.INNOVATIVE_SME, NEW_APPLICATION, '2026-12-05')).toBeNull();
    expect(ruleSetProblem('MIIT-2026-2', Tier.SRDI_SME, NEW_APPLICATION, '2026-12-05')).toMatch(/judges LITTLE_GIANT/);
    expect(ruleSetProblem('miit-2026-2', Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-12-05')).toMatch(/must be one of INNOVATIVE-SME-2022, /);
  });

  it('refuses a rule set not in force for the purpose that day, naming the one that is', () => {
    expect(ruleSetProblem('MIIT-2022-63', Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-03-31')).toBeNull();
    expect(ruleSetProblem('MIIT-2022-63', Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-04-01')).toBe(
      'rule set MIIT-2022-63 is not in force for new applications on 2026-04-01; in force: MIIT-2026-2',
    );
    expect(ruleSetProblem('MIIT-2026-2', Tier.LITTLE_GIANT, NEW_APPLICATION, '2026-03-31')).toMatch(/not in force .* in force: MIIT-2022-63$/);
    // The 2026 re-reviews still follow the 2022 standard.
    expect(ruleSetProblem('MIIT-2022-63', Tier.LITTLE_GIANT, RE_REVIEW, '2026-12-05')).toBeNull();
    expect(ruleSetProblem('MIIT-2026-2', Tier.LITTLE_GIANT, RE_REVIEW, '2026-12-05')).toBe(
      'rule set MIIT-2026-2 is not in force for re-reviews on 2026-12-05; in force: MIIT-2022-63',
    );
    expect(ruleSetProblem('SRDI-PROVINCIAL-2022', Tier.SRDI_SME, NEW_APPLICATION, '2026-12-05')).toMatch(/in force: SRDI-PROVINCIAL-2026$/);
  });
});
