import { figuresProblem, parseShare } from '../../../src/modules/enterprise/financial-report.rules';

describe('figuresProblem', () => {
  const good = { revenue: '100.00', mainBusinessRevenue: '100.00', totalAssets: '10.00', totalLiabilities: '20.00', rdStaff: 5, employees: 5 };
  it('accepts consistent figures, liabilities above assets included, and a year up to the current one', () => {
    expect(figuresProblem(2026, good, 2026)).toBeNull();
    expect(figuresProblem(1990, {}, 2026)).toBeNull();
  });
  it.each([
    [2027, {}, 'year'],
    [1989, {}, 'year'],
    [2020.5, {}, 'year'],
    [2020, { ...good, mainBusinessRevenue: '100.01' }, 'mainBusinessRevenue'],
    [2020, { mainBusinessRevenue: '1.00' }, 'mainBusinessRevenue'],
    [2020, { totalAssets: '1.00' }, 'totalLiabilities'],
    [2020, { totalLiabilities: '1.00' }, 'totalAssets'],
    [2020, { rdStaff: 6, employees: 5 }, 'rdStaff'],
    [2020, { employees: -1 }, 'employees'],
    [2020, { class1IpCount: 1.5 }, 'class1IpCount'],
    [2020, { nicheMarketShare: '100.5' }, 'nicheMarketShare'],
  ])('refuses year %p with %p on %s', (year, figures, field) => {
    expect(figuresProblem(year, figures, 2026)?.field).toBe(field);
  });
});

describe('parseShare', () => {
  it.each([
    ['0', '0.00'],
    ['12.5', '12.50'],
    ['100', '100.00'],
    ['100.00', '100.00'],
    ['100.01', null],
    ['-1', null],
    ['012', null],
    ['1e1', null],
    ['12.505', null],
  ])('%s → %s', (share, expected) => expect(parseShare(share)).toBe(expected));
});
