import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../../src/core/context';
import { startProbedServer, send, Probe } from './support';
import { TestServer } from '../support/server';

/**
 * The shape guard must see the same document Apollo runs. Over GET, Apollo
 * reads the raw query string with URLSearchParams, while Express's own query
 * parser stops after 1,000 parameters: a document placed after 1,000 junk
 * parameters used to reach validation unchecked.
 */
let t: TestServer & { probe: Probe };
/** Documents that reached validation, the step a hostile document aims at. */
let validations = 0;
const countValidations: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async validationDidStart() {
        validations += 1;
      },
    };
  },
};
beforeAll(async () => {
  t = await startProbedServer({}, { extraPlugins: [countValidations] });
});
afterAll(() => t.close());
beforeEach(() => {
  t.probe.reset();
  validations = 0;
});

const PREFLIGHT = { 'apollo-require-preflight': '1' };
/**
 * One field selected 30 times (the limit is 20), and once more as a scalar:
 * validation, had it run, would compare them pairwise and report a conflict.
 */
const REPEATED = `{ ${'viewer { role } '.repeat(30)} viewer: __typename }`;
const junk = (n: number) => Array.from({ length: n }, (_, i) => `j${i}=${i}`).join('&');
const get = (search: string) => send(`${t.url}/graphql?${search}`, { headers: PREFLIGHT });

describe('GET requests meet the same limits as POST', () => {
  it('refuses a hostile document placed after 1,000 junk parameters before it is validated', async () => {
    const res = await get(`${junk(1000)}&query=${encodeURIComponent(REPEATED)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'REPEATED_FIELDS' });
    expect({ validations, executions: t.probe.executions }).toEqual({ validations: 0, executions: 0 });
  });

  it('refuses the same document sent as the only parameter, as over POST', async () => {
    for (const res of [await get(`query=${encodeURIComponent(REPEATED)}`), await send(`${t.url}/graphql`, { json: { query: REPEATED } })]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'REPEATED_FIELDS' });
    }
    expect(validations).toBe(0);
  });

  it('refuses more search parameters than a GraphQL request has any use for, whatever the document', async () => {
    const res = await get(`query=${encodeURIComponent('{ __typename }')}&${junk(100)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/too many search parameters/);
    expect(t.probe.executions).toBe(0);
  });

  it('refuses a repeated query parameter instead of guessing which one runs', async () => {
    const res = await get(`query=${encodeURIComponent('{ __typename }')}&query=${encodeURIComponent(REPEATED)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/'query' search parameter may only be specified once/);
    expect(t.probe.executions).toBe(0);
  });

  it('still runs an ordinary GET query, with a few unrelated parameters', async () => {
    const res = await get(`query=${encodeURIComponent('query Provinces { regions(level: PROVINCE) { code } }')}&operationName=Provinces&v=2`);
    expect(res.status).toBe(200);
    expect(res.body.data.regions).toHaveLength(31);
  });
});
