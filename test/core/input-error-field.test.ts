import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLScalarType } from 'graphql';
import { GraphQLDate } from 'graphql-scalars';
import { GraphQLISODateTime } from 'type-graphql';
import { formatError } from '../../src/core/errors';
import { MoneyScalar } from '../../src/graphql/scalars/money';

/**
 * Every refused input value names its field (issue 13, item 4): variables
 * that do not coerce and literals that fail validation, through Apollo and
 * our formatError, as a client sees them. A small schema of every kind of
 * input (the real one has no DateTime or Date inputs; input-errors.e2e.test.ts
 * runs the same through the real schema and server).
 */
const schema = buildSchema(`
  scalar Money
  scalar DateTimeISO
  scalar Date
  enum Level { PROVINCE CITY }
  input Figures { revenue: Money, staff: Int }
  input ReportInput { year: Int!, amount: Money, figures: Figures, items: [Money!], on: Date, active: Boolean }
  input Assessment { key: String!, value: String! }
  input Filter { since: DateTimeISO, level: Level, ids: [ID!] }
  type Query {
    regions(level: Level, first: Int): Int
    events(filter: Filter): Int
    evaluate(enterpriseId: ID!, assessments: [Assessment!]): Int
    node(id: ID!): Int
  }
  type Mutation { report(input: ReportInput!): Int, flag(value: Boolean!): Int }
`);
for (const [name, real] of [
  ['Money', MoneyScalar],
  ['DateTimeISO', GraphQLISODateTime],
  ['Date', GraphQLDate],
] as const) {
  Object.assign(schema.getType(name) as GraphQLScalarType, {
    parseValue: real.parseValue,
    parseLiteral: real.parseLiteral,
    serialize: real.serialize,
  });
}

const server = new ApolloServer({
  schema,
  rootValue: { regions: () => 1, events: () => 1, evaluate: () => 1, node: () => 1, report: () => 1, flag: () => 1 },
  formatError: (formatted, error) => formatError(formatted, error, false, false),
});

beforeAll(() => server.start());
afterAll(() => server.stop());

async function errorsOf(query: string, variables?: Record<string, unknown>) {
  const res = await server.executeOperation({ query, variables });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult.errors ?? [];
}

/** The one error's code and field, and that nothing else leaks (no stack trace). */
async function refusal(query: string, variables?: Record<string, unknown>) {
  const errors = await errorsOf(query, variables);
  expect(errors).toHaveLength(1);
  expect(errors[0].extensions).not.toHaveProperty('stacktrace');
  return { code: errors[0].extensions?.code, field: errors[0].extensions?.field };
}

const REPORT = 'mutation($input: ReportInput!) { report(input: $input) }';

describe('a variable that does not coerce names its argument path', () => {
  it.each([
    ['a negative Money in a mutation input', REPORT, { input: { year: 2025, amount: '-1.00' } }, 'amount'],
    ['Money sent as a JSON number', REPORT, { input: { year: 2025, amount: 12.5 } }, 'amount'],
    ['an Int sent as a string', REPORT, { input: { year: '2025' } }, 'year'],
    ['a Boolean sent as a string', REPORT, { input: { year: 2025, active: 'yes' } }, 'active'],
    ['a Date that is no date', REPORT, { input: { year: 2025, on: '2026-02-30' } }, 'on'],
    ['Money in a nested input object', REPORT, { input: { year: 2025, figures: { revenue: '1,000.00' } } }, 'figures.revenue'],
    ['an Int in a nested input object', REPORT, { input: { year: 2025, figures: { staff: 1.5 } } }, 'figures.staff'],
    ['an item of a list', REPORT, { input: { year: 2025, items: ['1.00', '2.00', '-3.00'] } }, 'items[2]'],
    ['a required input field left out', REPORT, { input: { amount: '1.00' } }, 'year'],
    ['an input field the type does not define', REPORT, { input: { year: 2025, bogus: 1 } }, 'bogus'],
    ['a required input left out', REPORT, {}, 'input'],
    ['a whole input of the wrong type', REPORT, { input: 5 }, 'input'],
    ['an enum value that does not exist', 'query($l: Level) { regions(level: $l) }', { l: 'PLANET' }, 'level'],
    ['an Int argument', 'query($n: Int) { regions(first: $n) }', { n: 'ten' }, 'first'],
    ['an ID argument', 'query($id: ID!) { node(id: $id) }', { id: true }, 'id'],
    ['a Boolean argument', 'mutation($v: Boolean!) { flag(value: $v) }', { v: 'true' }, 'value'],
    ['a DateTimeISO inside a filter', 'query($f: Filter) { events(filter: $f) }', { f: { since: 'yesterday' } }, 'filter.since'],
    ['a variable standing for a value inside a literal', 'query($s: DateTimeISO) { events(filter: { since: $s }) }', { s: 'soon' }, 'filter.since'],
    ['an ID item of a list inside a filter', 'query($f: Filter) { events(filter: $f) }', { f: { ids: ['a', 1.5] } }, 'filter.ids[1]'],
    [
      'a list item of objects',
      'query($a: [Assessment!]) { evaluate(enterpriseId: "e", assessments: $a) }',
      {
        a: [
          { key: 'k', value: 'v' },
          { key: 'k', value: 5 },
        ],
      },
      'assessments[1].value',
    ],
    ['a variable used in a list', 'query($id: ID!) { events(filter: { ids: ["a", $id] }) }', { id: false }, 'filter.ids[1]'],
  ])('%s', async (_what, query, variables, field) => {
    await expect(refusal(query, variables)).resolves.toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('a literal that fails validation names its argument path, and is BAD_USER_INPUT', () => {
  it.each([
    ['a negative Money in a mutation input', 'mutation { report(input: { year: 2025, amount: "-1.00" }) }', 'amount'],
    ['Money written as a number', 'mutation { report(input: { year: 2025, amount: 12.5 }) }', 'amount'],
    ['an Int written as a string', 'mutation { report(input: { year: "2025" }) }', 'year'],
    ['null for a non-null Int', 'mutation { report(input: { year: null }) }', 'year'],
    ['a Boolean written as a string', 'mutation { report(input: { year: 2025, active: "yes" }) }', 'active'],
    ['a Date that is no date', 'mutation { report(input: { year: 2025, on: "2026-02-30" }) }', 'on'],
    ['Money in a nested input object', 'mutation { report(input: { year: 2025, figures: { revenue: "1e5" } }) }', 'figures.revenue'],
    ['an item of a list', 'mutation { report(input: { year: 2025, items: ["1.00", 2] }) }', 'items[1]'],
    ['a required input field left out', 'mutation { report(input: { amount: "1.00" }) }', 'year'],
    ['an input field the type does not define', 'mutation { report(input: { year: 2025, bogus: 1 }) }', 'bogus'],
    ['a required argument left out', 'mutation { report }', 'input'],
    ['a required argument of a query left out', '{ evaluate(assessments: []) }', 'enterpriseId'],
    ['an enum value that does not exist', '{ regions(level: PLANET) }', 'level'],
    ['an enum written as a string', '{ regions(level: "CITY") }', 'level'],
    ['an Int argument', '{ regions(first: "ten") }', 'first'],
    ['an ID argument', '{ node(id: true) }', 'id'],
    ['a Boolean argument', 'mutation { flag(value: 1) }', 'value'],
    ['a DateTimeISO inside a filter', '{ events(filter: { since: "yesterday" }) }', 'filter.since'],
    ['an enum inside a filter', '{ events(filter: { level: PLANET }) }', 'filter.level'],
    ['an ID item of a list inside a filter', '{ events(filter: { ids: ["a", 1.5] }) }', 'filter.ids[1]'],
    [
      'a list item of objects',
      '{ evaluate(enterpriseId: "e", assessments: [{ key: "k", value: "v" }, { key: "k", value: 5 }]) }',
      'assessments[1].value',
    ],
    ['a variable’s default value', 'query($l: Level = PLANET) { regions(level: $l) }', 'level'],
    ['in a fragment on Mutation', 'mutation { ...R } fragment R on Mutation { report(input: { year: "x" }) }', 'year'],
    ['not a root mutation’s input: the argument stays in the path', '{ a: regions(first: 1) b: events(filter: { since: 5 }) }', 'filter.since'],
  ])('%s', async (_what, query, field) => {
    await expect(refusal(query)).resolves.toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('names each of several refused values in one document', async () => {
    const errors = await errorsOf('{ regions(level: PLANET, first: "x") events(filter: { since: 1 }) }');
    expect(errors.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'level'],
      ['BAD_USER_INPUT', 'first'],
      ['BAD_USER_INPUT', 'filter.since'],
    ]);
  });

  it('leaves errors about the document itself GRAPHQL_VALIDATION_FAILED, without a field', async () => {
    for (const query of [
      '{ regions(planet: 1) }',
      '{ nothing }',
      'query($x: Int) { node(id: $x) }',
      '{ events(filter: { since: "2026-01-01T00:00:00Z", since: "2026-01-01T00:00:00Z" }) }',
    ]) {
      const [error] = await errorsOf(query);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.extensions).not.toHaveProperty('field');
    }
  });
});
