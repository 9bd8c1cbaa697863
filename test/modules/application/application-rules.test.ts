import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { mayRecommend } from '../../../src/modules/application/application.rules';

describe('who may recommend a little giant', () => {
  it.each([
    ['320000', '320102', true], // Jiangsu for a Nanjing firm
    ['650000', '650102', true], // Xinjiang for an Urumqi firm
    ['330200', '330203', true], // Ningbo, plan-listed, for its own firm
    ['330000', '330203', false], // Zhejiang may not: Ningbo recommends its own firms
    ['330000', '330106', true], // Zhejiang for a Hangzhou firm
    ['210200', '210202', true],
    ['370200', '370202', true],
    ['350200', '350203', true],
    ['440300', '440304', true],
    ['440000', '440304', false], // Guangdong may not recommend for Shenzhen
    ['320100', '320102', false], // Nanjing, a prefecture
    ['320102', '320102', false], // Xuanwu, a county
    ['330100', '330106', false], // Hangzhou, a provincial capital but not plan-listed
    ['330203', '330203', false], // a district of Ningbo
  ])('%s recommending a firm in %s → %s', (region, firm, allowed) => {
    expect(mayRecommend(region, Tier.LITTLE_GIANT, firm)).toBe(allowed);
  });

  it('lets any level recommend a lower tier', () => {
    expect(mayRecommend('320102', Tier.SRDI_SME, '320102')).toBe(true);
  });
});
