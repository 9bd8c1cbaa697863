import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql, type ExecutionResult } from 'graphql';
import { MoneyScalar, SignedMoneyScalar } from '../../../src/graphql/scalars/money';
import { MoneyFormatError, addMoney, centsToMoney, compareMoney, moneyToCents, parseMoney, subtractMoney } from '../../../src/core/money';

describe('parseMoney', () => {
  it.each([
    ['6000000', '6000000.00'],
    ['12.5', '12.50'],
    ['12.50', '12.50'],
    ['0.1', '0.10'],
    ['0.01', '0.01'],
    ['0', '0.00'],
    ['0.00', '0.00'],
    ['-0', '0.00'],
    ['-0.00', '0.00'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each([
    [12.5, /not as a number/],
    [6000000, /not as a number/],
    [10n, /not as a number/],
    [null, /decimal string/],
    [undefined, /decimal string/],
    [{}, /decimal string/],
    [true, /decimal string/],
    ['', /empty/],
    [' ', /spaces/],
    [' 12.50', /spaces/],
    ['12.50\n', /spaces/],
    ['1 000', /spaces/],
    ['1e5', /exponent/],
    ['1.5E3', /exponent/],
    ['1e-2', /exponent/],
    ['1e55', /exponent/],
    // Exponent notation is the whole amount, not a part of something else malformed.
    ['x1e5', /decimal number/],
    ['1e5x', /decimal number/],
    ['12.345', /two decimal places/],
    ['0.001', /two decimal places/],
    ['+12', /"\+"/],
    ['1,000', /thousands separators/],
    ['1,000.00', /thousands separators/],
    ['1_000', /thousands separators/],
    ["1'000", /thousands separators/],
    ['007', /leading zeros/],
    ['00.50', /leading zeros/],
    ['-007', /leading zeros/],
    ['-1', /negative/],
    ['-0.01', /negative/],
    ['12345678901234567', /at most 16 digits/],
    ['10000000000000000.00', /at most 16 digits/],
    ['.5', /before the decimal point/],
    ['12.', /after the decimal point/],
    ['abc', /decimal number/],
    ['12.5.0', /decimal number/],
    ['NaN', /decimal number/],
    ['Infinity', /decimal number/],
    ['０.５', /decimal number/],
    ['¥12', /decimal number/],
  ])('refuses %p', (input, message) => {
    expect(() => parseMoney(input)).toThrow(MoneyFormatError);
    expect(() => parseMoney(input)).toThrow(message);
  });

  it('accepts negatives only with allowNegative', () => {
    expect(parseMoney('-12.5', { allowNegative: true })).toBe('-12.50');
    expect(parseMoney('-9999999999999999.99', { allowNegative: true })).toBe('-9999999999999999.99');
    expect(parseMoney('-0', { allowNegative: true })).toBe('0.00');
    expect(() => parseMoney('-12.5')).toThrow(/negative/);
    // the other rules still apply to negatives
    expect(() => parseMoney('-1e5', { allowNegative: true })).toThrow(/exponent/);
    expect(() => parseMoney('-12.345', { allowNegative: true })).toThrow(/two decimal places/);
    expect(() => parseMoney('--1', { allowNegative: true })).toThrow(MoneyFormatError);
  });

  it('MoneyFormatError is an Error with its own name', () => {
    try {
      parseMoney('1e5');
      throw new Error('expected parseMoney to throw');
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect(e).toBeInstanceOf(MoneyFormatError);
      expect((e as Error).name).toBe('MoneyFormatError');
    }
  });
});

describe('money arithmetic', () => {
  it('converts to and from cents exactly', () => {
    expect(moneyToCents('12.5')).toBe(1250n);
    expect(moneyToCents('0.01')).toBe(1n);
    expect(moneyToCents('-3.07')).toBe(-307n);
    expect(moneyToCents('9999999999999999.99')).toBe(999999999999999999n);
    expect(centsToMoney(0n)).toBe('0.00');
    expect(centsToMoney(5n)).toBe('0.05');
    expect(centsToMoney(-5n)).toBe('-0.05');
    expect(centsToMoney(-1250n)).toBe('-12.50');
    expect(centsToMoney(600000000n)).toBe('6000000.00');
    expect(() => moneyToCents('1e5')).toThrow(MoneyFormatError);
  });

  it('adds without float error', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the reason this module exists
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('12.5', '-20')).toBe('-7.50');
  });

  it('is exact near 10^16, where floats cannot even hold cents', () => {
    expect(Number('9999999999999999.99')).toBe(1e16); // a float rounds this away
    expect(addMoney('9999999999999999.98', '0.01')).toBe('9999999999999999.99');
    expect(subtractMoney('9999999999999999.99', '0.01')).toBe('9999999999999999.98');
    // sums may exceed the storage limit; arithmetic stays exact
    expect(addMoney('9999999999999999.99', '0.01')).toBe('10000000000000000.00');
    expect(subtractMoney('0.00', '9999999999999999.99')).toBe('-9999999999999999.99');
  });

  it('subtracts and compares', () => {
    expect(subtractMoney('100', '0.01')).toBe('99.99');
    expect(subtractMoney('0.30', '0.10')).toBe('0.20');
    expect(compareMoney('0.10', '0.1')).toBe(0);
    expect(compareMoney('9999999999999999.98', '9999999999999999.99')).toBe(-1);
    expect(compareMoney('10', '2')).toBe(1); // numeric, not string, order
    expect(compareMoney('2', '10')).toBe(-1);
    expect(compareMoney('-1', '0')).toBe(-1);
  });
});

describe('MoneyScalar and SignedMoneyScalar', () => {
  it('are named and described', () => {
    expect(MoneyScalar.name).toBe('Money');
    expect(MoneyScalar.description).toMatch(/yuan \(CNY\).*Never a float.*Negative amounts are refused/);
    expect(SignedMoneyScalar.name).toBe('SignedMoney');
    expect(SignedMoneyScalar.description).toMatch(/negative/);
  });

  it('serialize canonicalises NUMERIC strings', () => {
    expect(MoneyScalar.serialize('6000000.00')).toBe('6000000.00');
    expect(MoneyScalar.serialize('12.5')).toBe('12.50');
    expect(MoneyScalar.serialize('7')).toBe('7.00');
    expect(MoneyScalar.serialize('12.500')).toBe('12.50'); // unscaled NUMERIC
    expect(MoneyScalar.serialize('12.5000')).toBe('12.50');
    expect(SignedMoneyScalar.serialize('-3.1000')).toBe('-3.10');
    expect(SignedMoneyScalar.serialize('-12.5')).toBe('-12.50');
  });

  it('serialize refuses numbers and anything inexact or out of range', () => {
    for (const bad of [12.5, 6000000, 10n, null, {}, 'NaN', '12.345', '1e5']) {
      expect(() => MoneyScalar.serialize(bad)).toThrow(GraphQLError);
    }
    expect(() => MoneyScalar.serialize(12.5)).toThrow(/NUMERIC strings/);
    expect(() => MoneyScalar.serialize('-1.00')).toThrow(/negative/);
  });

  it('serialize names the value it refuses, shortened when long', () => {
    expect(() => MoneyScalar.serialize(12.5)).toThrow('Money cannot represent 12.5: amounts must reach the API as NUMERIC strings, not numbers.');
    expect(() => MoneyScalar.serialize(10n)).toThrow('Money cannot represent 10n: amounts must reach the API as NUMERIC strings, not bigints.');
    expect(() => MoneyScalar.serialize('12.345')).toThrow(/^Money cannot represent "12\.345": /);
    const forty = `1.${'2'.repeat(38)}`;
    expect(() => MoneyScalar.serialize(forty)).toThrow(`Money cannot represent "${forty}": `);
    const fortyOne = `${forty}3`;
    expect(() => MoneyScalar.serialize(fortyOne)).toThrow(`Money cannot represent "${forty}…": `);
  });

  it('parseValue canonicalises and refuses with BAD_USER_INPUT', () => {
    expect(MoneyScalar.parseValue('12.5')).toBe('12.50');
    expect(SignedMoneyScalar.parseValue('-12.5')).toBe('-12.50');
    for (const [scalar, bad] of [
      [MoneyScalar, '-1'],
      [MoneyScalar, 12.5],
      [SignedMoneyScalar, 12.5],
      [SignedMoneyScalar, '1e5'],
    ] as const) {
      try {
        scalar.parseValue(bad);
        throw new Error(`expected ${scalar.name} to refuse ${String(bad)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(GraphQLError);
        expect((e as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      }
    }
  });
});

describe('Money through a real schema', () => {
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: MoneyScalar,
        args: { amount: { type: new GraphQLNonNull(MoneyScalar) } },
        resolve: (_root, args: { amount: string }) => args.amount,
      },
      difference: {
        type: SignedMoneyScalar,
        args: {
          a: { type: new GraphQLNonNull(MoneyScalar) },
          b: { type: new GraphQLNonNull(MoneyScalar) },
        },
        resolve: (_root, args: { a: string; b: string }) => subtractMoney(args.a, args.b),
      },
      // what a resolver returning a JS number would look like
      floaty: { type: MoneyScalar, resolve: () => 0.1 + 0.2 },
      // what a NUMERIC column comes back as
      fromDb: { type: MoneyScalar, resolve: () => '6000000.00' },
      greeting: { type: GraphQLString, resolve: () => 'hi' },
    },
  });
  const schema = new GraphQLSchema({ query: Query });

  const run = (source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> => graphql({ schema, source, variableValues });

  const codes = (r: ExecutionResult) => (r.errors ?? []).map((e) => e.extensions.code);

  it('takes a string literal and returns the canonical form', async () => {
    const r = await run('{ echo(amount: "12.5") }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ echo: '12.50' });
  });

  it('takes a variable and returns the canonical form', async () => {
    const r = await run('query ($m: Money!) { echo(amount: $m) }', { m: '6000000' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ echo: '6000000.00' });
  });

  it('computes a signed difference exactly', async () => {
    const r = await run('{ difference(a: "0.10", b: "0.30") }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ difference: '-0.20' });
  });

  it.each(['12.5', '6000000', '0.1'])('refuses the float/int literal %s and asks for a string', async (lit) => {
    const r = await run(`{ echo(amount: ${lit}) }`);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].message).toMatch(/quoted string/);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].locations).toEqual([{ line: 1, column: 16 }]);
  });

  it.each(['"12.345"', '"-1"', '"1e5"', '"1,000"', '"007"', '""'])('refuses the literal %s', async (lit) => {
    const r = await run(`{ echo(amount: ${lit}) }`);
    expect(r.data).toBeUndefined();
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a non-scalar literal', async () => {
    const r = await run('{ echo(amount: true) }');
    expect(r.data).toBeUndefined();
    expect(r.errors![0].message).toMatch(/string literal/);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a number sent as a variable, telling the client to send a string', async () => {
    const r = await run('query ($m: Money!) { echo(amount: $m) }', { m: 12.5 });
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].message).toMatch(/as a string/);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['-1', '12.345', ' 12', '1e5', '+1', '12345678901234567'])('refuses the variable %j', async (m) => {
    const r = await run('query ($m: Money!) { echo(amount: $m) }', { m });
    expect(r.data).toBeUndefined();
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('serialises NUMERIC strings and refuses a float from a resolver', async () => {
    const r = await run('{ fromDb floaty greeting }');
    expect(r.data).toEqual({ fromDb: '6000000.00', floaty: null, greeting: 'hi' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].path).toEqual(['floaty']);
    expect(r.errors![0].extensions.code).toBeUndefined(); // a server bug, not the client's input
  });
});
