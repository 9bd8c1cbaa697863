import { isIsoDate, sumMoney } from '../../../src/modules/funding/funding.rules';

describe('funding rules', () => {
  it('sum money exactly, in cents', () => {
    expect(sumMoney(['0.10', '0.20', '9999999999999999.99'])).toBe('10000000000000000.29');
  });

  it('accept only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const d of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '']) expect(isIsoDate(d)).toBe(false);
  });
});
