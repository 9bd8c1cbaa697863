import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckCharacter,
  creditCodeProblemMessage,
  creditCodeProvince,
  makeCreditCode,
  normalizeCreditCode,
  type CreditCodeProblem,
} from '../../../src/modules/enterprise/credit-code.rules';

const VALID = ['91350200776049653A', '91440101MA5CJQ4N59', '913502000728319549'];

describe('credit code', () => {
  it('has the 31-character alphabet without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
  });

  it.each(VALID)('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(VALID)('refuses every single-character change of %s', (code) => {
    let changes = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === code[pos]) continue;
        const altered = code.slice(0, pos) + c + code.slice(pos + 1);
        // A non-digit in the region segment fails earlier than the check, which is fine:
        // what matters is that no altered code passes.
        const problem = checkCreditCode(altered);
        expect(problem).not.toBeNull();
        if (pos < 2 || pos >= 8 || /[0-9]/.test(c)) expect(problem).toBe('CHECK_CHARACTER');
        changes++;
      }
    }
    expect(changes).toBe(18 * 30);
  });

  it.each<[string, CreditCodeProblem]>([
    ['91350200776049653a', 'LOWER_CASE'],
    ['91440101ma5cjq4n59', 'LOWER_CASE'],
    ['91350200776049653I', 'ALPHABET'],
    ['9135020077604965O3', 'ALPHABET'],
    ['913502007760S9653A', 'ALPHABET'],
    ['91350200V76049653A', 'ALPHABET'],
    ['Z1350200776049653A', 'ALPHABET'],
    ['91350200776049653-', 'ALPHABET'],
    ['91350200776049653', 'LENGTH'],
    ['91350200776049653A0', 'LENGTH'],
    ['', 'LENGTH'],
    [' 91350200776049653A', 'LENGTH'],
    ['91350A00776049653A', 'REGION_FORMAT'],
    ['91XY0200776049653A', 'REGION_FORMAT'],
    ['91350200776049653B', 'CHECK_CHARACTER'],
  ])('refuses %j with %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('does not upper-case silently, but normalizeCreditCode does for callers who want it', () => {
    expect(checkCreditCode('91440101ma5cjq4n59')).not.toBeNull();
    expect(normalizeCreditCode('  91440101ma5cjq4n59\n')).toBe('91440101MA5CJQ4N59');
    expect(checkCreditCode(normalizeCreditCode(' 91440101ma5cjq4n59 '))).toBeNull();
  });

  it('has a distinct English sentence for each problem', () => {
    const problems: CreditCodeProblem[] = ['LENGTH', 'LOWER_CASE', 'ALPHABET', 'REGION_FORMAT', 'CHECK_CHARACTER'];
    const messages = problems.map(creditCodeProblemMessage);
    expect(new Set(messages).size).toBe(problems.length);
    for (const m of messages) expect(m).toMatch(/^[A-Z].*\.$/);
    expect(creditCodeProblemMessage('LENGTH')).toContain('18');
  });

  it('reads the province from characters 3–4', () => {
    expect(creditCodeProvince('91350200776049653A')).toBe('350000');
    expect(creditCodeProvince('91440101MA5CJQ4N59')).toBe('440000');
    // still works when only the check character is wrong (authorised overrides)
    expect(creditCodeProvince('91320102776049653B')).toBe('320000');
    expect(() => creditCodeProvince('91XY0200776049653A')).toThrow(RangeError);
    expect(() => creditCodeProvince('9135')).toThrow(RangeError);
    // A six-digit region segment is not enough: the code must have all 18 characters.
    expect(() => creditCodeProvince('91350200776049653')).toThrow(
      'Expected an 18-character credit code with a six-digit region segment, got "91350200776049653".',
    );
  });

  it('makeCreditCode reproduces the known codes', () => {
    for (const code of VALID) {
      expect(makeCreditCode(code.slice(0, 2), code.slice(2, 8), code.slice(8, 17))).toBe(code);
    }
  });

  // Each refusal names the part that is wrong, before any of it reaches the check character.
  it.each([
    ['9', '350200', '776049653', 'registrationType must be 2 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY, got "9".'],
    ['9I', '350200', '776049653', 'registrationType must be 2 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY, got "9I".'],
    ['913', '350200', '77604965', 'registrationType must be 2 characters'],
    ['91', '35020', '776049653', 'regionCode must be 6 digits, got "35020".'],
    ['91', '3502AB', '776049653', 'regionCode must be 6 digits, got "3502AB".'],
    ['91', '350200', '77604965', 'organisationCode must be 9 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY, got "77604965".'],
    ['9', '350200', '7760496533', 'registrationType must be 2 characters'],
    ['91', '350200', '77604965O', 'organisationCode must be 9 characters'],
    ['91', '350200', 'ma5cjq4n5', 'organisationCode must be 9 characters'],
  ])('makeCreditCode refuses bad parts %j %j %j', (type, region, org, message) => {
    expect(() => makeCreditCode(type, region, org)).toThrow(RangeError);
    expect(() => makeCreditCode(type, region, org)).toThrow(message);
  });

  it('creditCodeCheckCharacter refuses input that is not 17 alphabet characters', () => {
    expect(() => creditCodeCheckCharacter('9135020077604965')).toThrow(
      'Expected 17 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY, got "9135020077604965".',
    );
    expect(() => creditCodeCheckCharacter('9135020077604965I')).toThrow(RangeError);
  });

  it('makeCreditCode always yields codes that pass (property)', () => {
    const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
    const chars = (n: number) => fc.array(alphabetChar, { minLength: n, maxLength: n }).map((a) => a.join(''));
    const digits = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 6, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(chars(2), digits, chars(9), (type, region, org) => {
        const code = makeCreditCode(type, region, org);
        expect(code).toHaveLength(18);
        expect(code.slice(0, 17)).toBe(type + region + org);
        expect(checkCreditCode(code)).toBeNull();
        expect(creditCodeProvince(code)).toBe(`${region.slice(0, 2)}0000`);
      }),
      { numRuns: 500 },
    );
  });
});
