import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { EvaluationPurpose } from '../../../src/modules/eligibility/eligibility.enums';
import { mayRecommend, parseScore, ruleSetProblem } from '../../../src/modules/application/application.rules';

const { NEW_APPLICATION, RE_REVIEW } = EvaluationPurpose;

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

describe('who may recommend a little giant', () => {
  it.each([
    ['320000', '320102', true], // Jiangsu for a Nanjing firm
    ['650000', '650102', true], // Xinjiang for an Urumqi firm
    ['330200', '330203', true], // Ningbo, plan-listed, for its own firm
    ['330000', '330203', false], // Zhejiang may not: Ningbo recommends its own firms
    ['330000', '330106', true], // Zhejiang for a Hangzhou firm
    ['210200', '210202', true], ['370200', '370202', true], ['350200', '350203', true], ['440300', '440304', true],
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

describe('parseScore', () => {
  it.each([
    ['0', '0.00'], ['86.5', '86.50'], ['86.50', '86.50'], ['100', '100.00'], ['100.00', '100.00'], [' 7.25 ', '7.25'],
    ['100.01', null], ['101', null], ['-1', null], ['86.505', null], ['1e2', null], ['', null], ['.5', null], ['abc', null],
  ])('%j → %j', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });
});
