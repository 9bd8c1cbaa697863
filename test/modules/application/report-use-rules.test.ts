import { applicationUsesYear, applicationYear } from '../../../src/modules/application/report-use.rules';

describe('which reports an application uses', () => {
  it('judges an application in the year (China Standard Time) it was submitted, else created', () => {
    expect(applicationYear({ submittedAt: new Date('2025-12-31T16:30:00Z'), createdAt: new Date('2020-01-01T00:00:00Z') })).toBe(2026);
    expect(applicationYear({ submittedAt: null, createdAt: new Date('2024-06-01T00:00:00Z') })).toBe(2024);
  });
  it('uses the three years before its own', () => {
    expect([2022, 2023, 2024, 2025, 2026].filter((y) => applicationUsesYear(2026, y))).toEqual([2023, 2024, 2025]);
  });
});
