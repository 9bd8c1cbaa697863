import { sumMoney } from '../../../src/modules/funding/funding.rules';

describe('funding rules', () => {
  it('sum money exactly, in cents', () => {
    expect(sumMoney(['0.10', '0.20', '9999999999999999.99'])).toBe('10000000000000000.29');
  });
});
