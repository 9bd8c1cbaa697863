/**
 * Money: exact sums in yuan (CNY), carried as decimal strings and computed in
 * bigint cents. Never a JS number: a float cannot hold 0.10 exactly, and
 * amounts above 2^53 cents (about ¥90 trillion) lose precision altogether.
 *
 * Storage is NUMERIC(18,2): at most 16 integer digits and 2 decimals.
 */

/** Most integer digits a stored amount may have: NUMERIC(18,2) leaves 16 before the point. */
export const MONEY_MAX_INTEGER_DIGITS = 16;

export class MoneyFormatError extends Error {
  override name = 'MoneyFormatError';
}

export interface ParseMoneyOptions {
  /** Accept amounts below zero (differences, adjustments). Default false. */
  allowNegative?: boolean;
}

/** How error messages show a valid amount; the scalars reuse it. */
export const AMOUNT_EXAMPLE = 'such as "12.50"';

/**
 * Validates an amount and returns its canonical form with exactly two decimals
 * ("12.5" -> "12.50", "-0" -> "0.00"). Strict on purpose: anything a person
 * might mean two ways (separators, exponents, leading zeros) is refused rather
 * than guessed at. Throws MoneyFormatError.
 */
export function parseMoney(input: unknown, opts: ParseMoneyOptions = {}): string {
  if (typeof input === 'number' || typeof input === 'bigint') {
    throw new MoneyFormatError(
      `An amount must be sent as a string ${AMOUNT_EXAMPLE}, not as a number: JSON numbers are floating point and cannot carry exact amounts.`,
    );
  }
  if (typeof input !== 'string') {
    throw new MoneyFormatError(`An amount must be a decimal string ${AMOUNT_EXAMPLE}.`);
  }
  if (input === '') {
    throw new MoneyFormatError('An amount must not be empty.');
  }
  if (/\s/.test(input)) {
    throw new MoneyFormatError(`An amount must not contain spaces; send it ${AMOUNT_EXAMPLE}.`);
  }
  if (/^[+-]?[0-9.]*[eE][+-]?[0-9]*$/.test(input)) {
    throw new MoneyFormatError(`An amount must not use exponent notation; write the digits out, ${AMOUNT_EXAMPLE}.`);
  }
  if (/[0-9][,_'][0-9]/.test(input)) {
    throw new MoneyFormatError(`An amount must not contain thousands separators; send "1234567.00", not "1,234,567.00".`);
  }
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(input);
  if (!m) {
    throw new MoneyFormatError(`An amount must be a decimal number ${AMOUNT_EXAMPLE}.`);
  }
  const [, sign, intPart, fracPart] = m;
  if (sign === '+') {
    throw new MoneyFormatError('An amount must not start with "+".');
  }
  if (intPart === '') {
    throw new MoneyFormatError('An amount must have a digit before the decimal point (write "0.50", not ".50").');
  }
  if (fracPart === '') {
    throw new MoneyFormatError('An amount must have digits after the decimal point, or no decimal point.');
  }
  if (fracPart !== undefined && fracPart.length > 2) {
    throw new MoneyFormatError('An amount may have at most two decimal places (fen).');
  }
  if (intPart.length > 1 && intPart.startsWith('0')) {
    throw new MoneyFormatError('An amount must not have leading zeros.');
  }
  if (intPart.length > MONEY_MAX_INTEGER_DIGITS) {
    throw new MoneyFormatError(`An amount may have at most ${MONEY_MAX_INTEGER_DIGITS} digits before the decimal point.`);
  }
  const magnitude = BigInt(intPart) * 100n + BigInt((fracPart ?? '').padEnd(2, '0'));
  // bigint has no negative zero, so "-0" and "-0.00" come out as 0n here.
  const cents = sign === '-' ? -magnitude : magnitude;
  if (cents < 0n && !opts.allowNegative) {
    throw new MoneyFormatError('A negative amount is not allowed here.');
  }
  return centsToMoney(cents);
}

/** Exact value in fen. Accepts any valid amount, negative included; throws MoneyFormatError otherwise. */
export function moneyToCents(s: string): bigint {
  const canonical = parseMoney(s, { allowNegative: true });
  const negative = canonical.startsWith('-');
  const digits = (negative ? canonical.slice(1) : canonical).replace('.', '');
  const cents = BigInt(digits);
  return negative ? -cents : cents;
}

/**
 * Canonical two-decimal string for a number of fen. Pure formatting: it does not
 * enforce the 16-digit storage limit, so sums may exceed it; parseMoney and the
 * scalars do.
 */
export function centsToMoney(c: bigint): string {
  const negative = c < 0n;
  const digits = (negative ? -c : c).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function addMoney(a: string, b: string): string {
  return centsToMoney(moneyToCents(a) + moneyToCents(b));
}

export function subtractMoney(a: string, b: string): string {
  return centsToMoney(moneyToCents(a) - moneyToCents(b));
}

export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const d = moneyToCents(a) - moneyToCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
