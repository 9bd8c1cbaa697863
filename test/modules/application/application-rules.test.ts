import { Tier } from '../../../src/modules/enterprise/enterprise.enums';
import { mayRecommend, parseScore, ruleSetProblem, RULE_SETS } from '../../../src/modules/application/application.rules';

describe('rule sets', () => {
  it('knows each code and the tier it judges', () => {
    expect(RULE_SETS).toEqual({ 'MIIT-2022-63': Tier.LITTLE_GIANT, 'MIIT-2026-2': Tier.LITTLE_GIANT, 'SRDI-PROVINCIAL-2022': Tier.SRDI_SME });
    expect(ruleSetProblem('MIIT-2026-2', Tier.LITTLE_GIANT)).toBeNull();
    expect(ruleSetProblem('SRDI-PROVINCIAL-2022', Tier.SRDI_SME)).toBeNull();
    expect(ruleSetProblem('MIIT-2026-2', Tier.SRDI_SME)).toMatch(/judges LITTLE_GIANT/);
    expect(ruleSetProblem('miit-2026-2', Tier.LITTLE_GIANT)).toMatch(/must be one of/);
  });
});

describe('who may recommend a little giant', () => {
  it.each([
    ['320000', true], // Jiangsu
    ['650000', true], // Xinjiang
    ['330200', true], // Ningbo, plan-listed
    ['210200', true], ['370200', true], ['350200', true], ['440300', true],
    ['320100', false], // Nanjing, a prefecture
    ['320102', false], // Xuanwu, a county
    ['330100', false], // Hangzhou, a provincial capital but not plan-listed
    ['330203', false], // a district of Ningbo
  ])('%s → %s', (region, allowed) => {
    expect(mayRecommend(region, Tier.LITTLE_GIANT)).toBe(allowed);
  });

  it('lets any level recommend a lower tier', () => {
    expect(mayRecommend('320102', Tier.SRDI_SME)).toBe(true);
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
