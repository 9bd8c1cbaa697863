/**
 * Money: exact sums in yuan (CNY), carried as decimal strings and computed in
 * bigint cents. Never a JS number: a float cannot hold 0.10 exactly, and
 * amounts above 2^53 cents (about ¥90 trillion) lose precision altogether.
 *
 * Storage is NUMERIC(18,2): at most 16 integer digits and 2 decimals.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Most integer digits a stored amount may have: NUMERIC(18,2) leaves 16 before the point. */
export const MONEY_MAX_INTEGER_DIGITS = 16;

export class MoneyFormatError extends Error {
  override name = 'MoneyFormatError';
}

export interface ParseMoneyOptions {
  /** Accept amounts below zero (differences, adjustments). Default false. */
  allowNegative?: boolean;
}

const EXAMPLE = 'such as "12.50"';

/**
 * Validates an amount and returns its canonical form with exactly two decimals
 * ("12.5" -> "12.50", "-0" -> "0.00"). Strict on purpose: anything a person
 * might mean two ways (separators, exponents, leading zeros) is refused rather
 * than guessed at. Throws MoneyFormatError.
 */
export function parseMoney(input: unknown, opts: ParseMoneyOptions = {}): string {
  if (typeof input === 'number' || typeof input === 'bigint') {
    throw new MoneyFormatError(
      `An amount must be sent as a string ${EXAMPLE}, not as a number: JSON numbers are floating point and cannot carry exact amounts.`,
    );
  }
  if (typeof input !== 'string') {
    throw new MoneyFormatError(`An amount must be a decimal string ${EXAMPLE}.`);
  }
  if (input === '') {
    throw new MoneyFormatError('An amount must not be empty.');
  }
  if (/\s/.test(input)) {
    throw new MoneyFormatError(`An amount must not contain spaces; send it ${EXAMPLE}.`);
  }
  if (/^[+-]?[0-9.]*[eE][+-]?[0-9]*$/.test(input)) {
    throw new MoneyFormatError(`An amount must not use exponent notation; write the digits out, ${EXAMPLE}.`);
  }
  if (/[0-9][,_'][0-9]/.test(input)) {
    throw new MoneyFormatError(`An amount must not contain thousands separators; send "1234567.00", not "1,234,567.00".`);
  }
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(input);
  if (!m) {
    throw new MoneyFormatError(`An amount must be a decimal number ${EXAMPLE}.`);
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

const BAD_USER_INPUT = { code: 'BAD_USER_INPUT' } as const;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function makeMoneyScalar(name: string, description: string, allowNegative: boolean) {
  const parseInput = (value: unknown, node?: ValueNode): string => {
    try {
      return parseMoney(value, { allowNegative });
    } catch (e) {
      if (!(e instanceof MoneyFormatError)) throw e;
      throw new GraphQLError(`${name}: ${e.message}`, {
        nodes: node,
        originalError: e,
        extensions: BAD_USER_INPUT,
      });
    }
  };

  return new GraphQLScalarType<string, string>({
    name,
    description,
    // Outgoing values come from NUMERIC columns, which node-postgres returns as
    // strings. A JS number here means precision may already be lost: refuse it.
    serialize(output: unknown): string {
      if (typeof output !== 'string') {
        throw new GraphQLError(
          `${name} cannot represent ${show(output)}: amounts must reach the API as NUMERIC strings, not ${typeof output}s.`,
        );
      }
      // An unscaled NUMERIC may come back as "12.500"; trailing zeros past the
      // second decimal change nothing, so drop them. A non-zero third decimal still fails.
      const trimmed = output.replace(/^(-?[0-9]+\.[0-9]{2})0+$/, '$1');
      try {
        return parseMoney(trimmed, { allowNegative });
      } catch (e) {
        if (!(e instanceof MoneyFormatError)) throw e;
        throw new GraphQLError(`${name} cannot represent ${show(output)}: ${e.message}`, {
          originalError: e,
        });
      }
    },
    parseValue(input: unknown): string {
      return parseInput(input);
    },
    parseLiteral(ast: ValueNode): string {
      if (ast.kind === Kind.STRING) return parseInput(ast.value, ast);
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
        throw new GraphQLError(
          `${name}: write the amount as a quoted string ${EXAMPLE}; a bare number such as ${ast.value} is read as a float.`,
          { nodes: ast, extensions: BAD_USER_INPUT },
        );
      }
      throw new GraphQLError(`${name}: an amount must be a string literal ${EXAMPLE}.`, {
        nodes: ast,
        extensions: BAD_USER_INPUT,
      });
    },
  });
}

export const MoneyScalar = makeMoneyScalar(
  'Money',
  'A sum in yuan (CNY) as a decimal string with at most two decimals, e.g. "6000000.00". Never a float. Negative amounts are refused.',
  false,
);

export const SignedMoneyScalar = makeMoneyScalar(
  'SignedMoney',
  'A sum in yuan (CNY) that may be negative, such as a difference between two amounts, as a decimal string with at most two decimals, e.g. "-1250.50". Never a float.',
  true,
);
