import { parseScore } from '../../src/core/score';

describe('parseScore', () => {
  it.each([
    ['0', '0.00'],
    ['86.5', '86.50'],
    ['86.50', '86.50'],
    ['100', '100.00'],
    ['100.00', '100.00'],
    [' 7.25 ', '7.25'],
    ['100.01', null],
    ['101', null],
    ['-1', null],
    ['86.505', null],
    ['1e2', null],
    ['', null],
    ['.5', null],
    ['abc', null],
  ])('%j → %j', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });
});
