import { isRegionCode, prefectureCodeOf, provinceCodeOf, regionLevelOfCode } from '../../src/core/region-code';

describe('region code', () => {
  it.each(['110000', '320102', '441900', '419001'])('accepts %s', (code) => {
    expect(isRegionCode(code)).toBe(true);
  });

  it.each(['', '11000', '1100000', '011000', '000000', '11000A', ' 110000', '110000 ', '１１００００', '11.000'])('refuses %j', (s) => {
    expect(isRegionCode(s)).toBe(false);
  });

  it('reads the level from trailing zeros', () => {
    expect(regionLevelOfCode('110000')).toBe('PROVINCE'); // Beijing
    expect(regionLevelOfCode('320100')).toBe('PREFECTURE'); // Nanjing
    expect(regionLevelOfCode('320102')).toBe('COUNTY'); // Xuanwu district, Nanjing
    // Dongguan is a prefecture-level city without counties; its code reads as a prefecture.
    expect(regionLevelOfCode('441900')).toBe('PREFECTURE');
  });

  it('finds the province', () => {
    expect(provinceCodeOf('110000')).toBe('110000');
    expect(provinceCodeOf('320102')).toBe('320000');
    expect(provinceCodeOf('441900')).toBe('440000');
  });

  it('finds the prefecture, null for a province', () => {
    expect(prefectureCodeOf('110000')).toBeNull();
    expect(prefectureCodeOf('320102')).toBe('320100');
    expect(prefectureCodeOf('320100')).toBe('320100');
    expect(prefectureCodeOf('441900')).toBe('441900');
  });

  it('throws on malformed codes rather than guessing', () => {
    expect(() => regionLevelOfCode('32010')).toThrow(RangeError);
    expect(() => provinceCodeOf('032010')).toThrow(RangeError);
    expect(() => prefectureCodeOf('abcdef')).toThrow(RangeError);
  });
});
