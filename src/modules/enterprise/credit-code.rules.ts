/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout (1-based positions):
 *   1–2   registration authority and organisation type ("91" = enterprise)
 *   3–8   region code (GB/T 2260) at the time of registration
 *   9–17  organisation code
 *   18    check character
 *
 * This module is purely syntactic. Whether the province named by positions 3–4
 * exists needs the region table and is the caller's job; so is the authorised
 * override for real registered codes that fail the check (domain.md §5).
 */

/** The 31 characters a credit code may use: digits and upper-case letters without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const CREDIT_CODE_LENGTH = 18;

const MODULUS = CREDIT_CODE_ALPHABET.length; // 31, a prime

/** Weights for positions 1–17: 3^(i−1) mod 31 = 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
const WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
});

const ALPHABET_RE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]*$/;
const SIX_DIGITS_RE = /^[0-9]{6}$/;

export type CreditCodeProblem = 'LENGTH' | 'LOWER_CASE' | 'ALPHABET' | 'REGION_FORMAT' | 'CHECK_CHARACTER';

/**
 * Trims and upper-cases user input. Validation itself never does this, so a
 * stored code is always exactly what was checked; callers that want to be
 * lenient with what people type call this first.
 */
export function normalizeCreditCode(s: string): string {
  return s.trim().toUpperCase();
}

/** The check character (position 18) for the first 17 characters. Throws on malformed input. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1 || !ALPHABET_RE.test(first17)) {
    throw new RangeError(`Expected 17 characters from ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(first17)}.`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(MODULUS - (sum % MODULUS)) % MODULUS];
}

/** The first problem found with `code`, or null if it is a well-formed code with a correct check character. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== CREDIT_CODE_LENGTH) return 'LENGTH';
  if (!ALPHABET_RE.test(code)) {
    // Report lower case separately: the fix ("use capitals") differs from a wrong character.
    return ALPHABET_RE.test(code.toUpperCase()) ? 'LOWER_CASE' : 'ALPHABET';
  }
  if (!SIX_DIGITS_RE.test(code.slice(2, 8))) return 'REGION_FORMAT';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'CHECK_CHARACTER';
  return null;
}

export function creditCodeProblemMessage(problem: CreditCodeProblem): string {
  switch (problem) {
    case 'LENGTH':
      return 'A unified social credit code has exactly 18 characters.';
    case 'LOWER_CASE':
      return 'A unified social credit code uses upper-case letters only.';
    case 'ALPHABET':
      return 'A unified social credit code may contain only digits and the upper-case letters A–Y except I, O, S, V and Z.';
    case 'REGION_FORMAT':
      return 'Characters 3 to 8 of a unified social credit code must be a six-digit region code.';
    case 'CHECK_CHARACTER':
      return 'The last character of this unified social credit code does not match its check character; the code is probably mistyped.';
  }
}

/**
 * The six-digit province code ("320000") named by positions 3–4. Only the
 * province is meaningful to check: the full region segment is the region at
 * registration time and may since have been abolished or renumbered.
 * Works on codes that fail only the check character (overridden codes still have a province).
 */
export function creditCodeProvince(code: string): string {
  if (code.length !== CREDIT_CODE_LENGTH || !SIX_DIGITS_RE.test(code.slice(2, 8))) {
    throw new RangeError(`Expected an 18-character credit code with a six-digit region segment, got ${JSON.stringify(code)}.`);
  }
  return `${code.slice(2, 4)}0000`;
}

/**
 * Builds a code from its parts and appends the check character (used by seed generators).
 * Parts are taken as given (no upper-casing) and must already be well-formed.
 */
export function makeCreditCode(registrationType: string, regionCode: string, organisationCode: string): string {
  if (registrationType.length !== 2 || !ALPHABET_RE.test(registrationType)) {
    throw new RangeError(`registrationType must be 2 characters from ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(registrationType)}.`);
  }
  if (!SIX_DIGITS_RE.test(regionCode)) {
    throw new RangeError(`regionCode must be 6 digits, got ${JSON.stringify(regionCode)}.`);
  }
  if (organisationCode.length !== 9 || !ALPHABET_RE.test(organisationCode)) {
    throw new RangeError(`organisationCode must be 9 characters from ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(organisationCode)}.`);
  }
  const first17 = registrationType + regionCode + organisationCode;
  return first17 + creditCodeCheckCharacter(first17);
}
