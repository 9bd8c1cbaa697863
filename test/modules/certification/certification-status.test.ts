import { CertificationStatus as S } from '../../../src/modules/certification/certification.enums';
import { effectiveStatus, effectiveStatusCondition } from '../../../src/modules/certification/certification-status.rules';
import { programmeToday } from '../../../src/core/calendar';

describe('programmeToday', () => {
  it('is the calendar day in China Standard Time', () => {
    expect(programmeToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(programmeToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01'); // midnight in Beijing
  });
});

describe('effectiveStatus', () => {
  const today = '2026-07-01';
  it('lapses CERTIFIED and RENEWED titles the day after validUntil', () => {
    expect(effectiveStatus({ status: S.CERTIFIED, validUntil: '2026-06-30' }, today)).toBe(S.EXPIRED);
    expect(effectiveStatus({ status: S.RENEWED, validUntil: '2026-06-30' }, today)).toBe(S.EXPIRED);
    expect(effectiveStatus({ status: S.CERTIFIED, validUntil: '2026-07-01' }, today)).toBe(S.CERTIFIED);
    expect(effectiveStatus({ status: S.RENEWED, validUntil: '2029-07-01' }, today)).toBe(S.RENEWED);
  });

  it('leaves every other status as stored', () => {
    for (const status of [S.PUBLIC_NOTICE, S.UNDER_REVIEW, S.EXPIRED, S.REVOKED]) {
      expect(effectiveStatus({ status, validUntil: '2020-01-01' }, today)).toBe(status);
    }
    expect(effectiveStatus({ status: S.CERTIFIED, validUntil: null }, today)).toBe(S.CERTIFIED);
  });
});

describe('effectiveStatusCondition', () => {
  it('matches stored EXPIRED or lapsed titles for EXPIRED, and excludes lapsed ones for CERTIFIED', () => {
    const expired = effectiveStatusCondition('c', S.EXPIRED, '2026-07-01');
    expect(expired.sql).toContain('c.validUntil < :f_today');
    expect(expired.params).toMatchObject({ f_status: 'EXPIRED', f_today: '2026-07-01', f_lapsing: ['CERTIFIED', 'RENEWED'] });
    const certified = effectiveStatusCondition('c', S.CERTIFIED, '2026-07-01');
    expect(certified.sql).toContain('c.validUntil >= :f_today');
    expect(effectiveStatusCondition('c', S.REVOKED, '2026-07-01')).toEqual({ sql: 'c.status = :f_status', params: { f_status: 'REVOKED' } });
  });
});
