import { startTestServer, TestServer } from '../support/server';

/**
 * Issue 13, item 4, through the real server and schema: a value graphql-js
 * refuses, sent as a variable or written into the query, is BAD_USER_INPUT
 * naming its field the way the services name theirs (a mutation's input
 * fields by their own names, other arguments by their path). Refused before
 * any resolver runs, so no token is needed.
 */
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

const AWARD = 'QXdhcmQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw';
const DISBURSE = 'mutation($input: DisburseAwardInput!) { disburseAward(input: $input) { disbursement { id } } }';
const REPORT = 'mutation($input: ReportFinancialsInput!) { reportFinancials(input: $input) { __typename } }';
const DECLARE = 'mutation($input: DeclareAssessmentInput!) { declareAssessment(input: $input) { __typename } }';
const EVALUATE =
  'query($id: ID!, $a: [IndicatorAssessmentInput!]) { evaluateEligibility(enterpriseId: $id, ruleSet: "MIIT-2026-2", assessments: $a) { __typename } }';
const ENTERPRISES = 'query($f: EnterpriseFilter, $o: [EnterpriseOrder!]) { enterprises(filter: $f, orderBy: $o) { totalCount } }';
const disburse = (amount: unknown) => ({ input: { awardId: AWARD, amount, idempotencyKey: 'k1' } });

async function refusal(query: string, variables?: Record<string, unknown>) {
  const res = await t.graphql(query, variables);
  expect(res.status).toBe(400);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).not.toHaveProperty('stacktrace');
  expect(res.errors![0].extensions).not.toHaveProperty('exception');
  return { code: res.errors![0].extensions?.code, field: res.errors![0].extensions?.field };
}

describe('as a variable', () => {
  it.each([
    ['a negative Money', DISBURSE, disburse('-5.00'), 'amount'],
    ['Money as a JSON number', DISBURSE, disburse(5.5), 'amount'],
    ['Money with thousands separators', DISBURSE, disburse('1,000.00'), 'amount'],
    ['an Int as a string', REPORT, { input: { enterpriseId: AWARD, year: '2025' } }, 'year'],
    ['an Int field given a fraction', REPORT, { input: { enterpriseId: AWARD, year: 2025, employees: 1.5 } }, 'employees'],
    ['a Boolean as a string', DECLARE, { input: { enterpriseId: AWARD, indicatorKey: 'k', evidence: 'e', year: 2025, value: 'yes' } }, 'value'],
    ['an ID given a boolean', EVALUATE, { id: true }, 'enterpriseId'],
    ['an enum value that does not exist', 'query($l: RegionLevel) { regions(level: $l) { code } }', { l: 'PLANET' }, 'level'],
    ['an enum in a nested filter', ENTERPRISES, { f: { tier: 'GIANT' } }, 'filter.tier'],
    ['an enum in an item of a list', ENTERPRISES, { o: [{ field: 'NAME' }, { field: 'SIZE' }] }, 'orderBy[1].field'],
    [
      'a String in an item of a list of input objects',
      EVALUATE,
      {
        id: AWARD,
        a: [
          { key: 'a', value: '1' },
          { key: 'b', value: 5 },
        ],
      },
      'assessments[1].value',
    ],
    ['a required input field left out', DISBURSE, { input: { awardId: AWARD, idempotencyKey: 'k1' } }, 'amount'],
    ['an input field the type does not define', DISBURSE, { input: { ...disburse('1.00').input, currency: 'CNY' } }, 'currency'],
    ['the whole input left out', DISBURSE, {}, 'input'],
  ])('%s', async (_what, query, variables, field) => {
    await expect(refusal(query, variables)).resolves.toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('as a literal', () => {
  const awardInput = (amount: string) => `{ awardId: "${AWARD}", amount: ${amount}, idempotencyKey: "k1" }`;
  it.each([
    ['a negative Money', `mutation { disburseAward(input: ${awardInput('"-5.00"')}) { __typename } }`, 'amount'],
    ['Money written as a number', `mutation { disburseAward(input: ${awardInput('5.5')}) { __typename } }`, 'amount'],
    ['Money with thousands separators', `mutation { disburseAward(input: ${awardInput('"1,000.00"')}) { __typename } }`, 'amount'],
    ['an Int as a string', `mutation { reportFinancials(input: { enterpriseId: "${AWARD}", year: "2025" }) { __typename } }`, 'year'],
    [
      'a Boolean as a string',
      `mutation { declareAssessment(input: { enterpriseId: "${AWARD}", indicatorKey: "k", evidence: "e", year: 2025, value: "yes" }) { __typename } }`,
      'value',
    ],
    ['an ID given a boolean', '{ evaluateEligibility(enterpriseId: true, ruleSet: "MIIT-2026-2") { __typename } }', 'enterpriseId'],
    ['an enum value that does not exist', '{ regions(level: PLANET) { code } }', 'level'],
    ['an enum written as a string', '{ regions(level: "PROVINCE") { code } }', 'level'],
    ['an enum in a nested filter', '{ enterprises(filter: { tier: GIANT }) { totalCount } }', 'filter.tier'],
    ['an enum in an item of a list', '{ enterprises(orderBy: [{ field: NAME }, { field: SIZE }]) { totalCount } }', 'orderBy[1].field'],
    [
      'a String in an item of a list of input objects',
      `{ evaluateEligibility(enterpriseId: "${AWARD}", ruleSet: "x", assessments: [{ key: "a", value: "1" }, { key: "b", value: 5 }]) { __typename } }`,
      'assessments[1].value',
    ],
    ['a required input field left out', `mutation { disburseAward(input: { awardId: "${AWARD}", idempotencyKey: "k1" }) { __typename } }`, 'amount'],
    [
      'an input field the type does not define',
      `mutation { disburseAward(input: { awardId: "${AWARD}", amount: "1.00", idempotencyKey: "k1", currency: "CNY" }) { __typename } }`,
      'currency',
    ],
    ['a required argument left out', '{ evaluateEligibility(ruleSet: "MIIT-2026-2") { __typename } }', 'enterpriseId'],
  ])('%s', async (_what, query, field) => {
    await expect(refusal(query)).resolves.toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('leaves a field the schema does not have GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.graphql('{ regions(planet: 1) { code } }');
    expect(res.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
