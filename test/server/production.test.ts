import { getIntrospectionQuery } from 'graphql';
import { ConfigError, loadConfig } from '../../src/config/config';
import { TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { Probe, send, startProbedServer } from './support';

/** NODE_ENV=production: what changes for callers. */
let t: TestServer & { probe: Probe };
let dev: TestServer & { probe: Probe };
beforeAll(async () => {
  [t, dev] = await Promise.all([startProbedServer({ NODE_ENV: 'production' }), startProbedServer({ NODE_ENV: 'development', DEMO_DATA: '0' })]);
});
afterAll(() => Promise.all([t.close(), dev.close()]));
beforeEach(() => t.probe.reset());

it('needs a JWT secret (or a JWKS), and never generates one', () => {
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET: /);
});

describe('introspection', () => {
  it('is refused to the public, before anything runs, also behind a fragment', async () => {
    for (const query of [
      getIntrospectionQuery(),
      '{ __type(name: "Tier") { name } }',
      '{ ...Q } fragment Q on Query { __schema { queryType { name } } }',
    ]) {
      const res = await send(`${t.url}/graphql`, { json: { query } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ errors: [{ message: 'Introspection is available to signed-in callers only.', extensions: { code: 'FORBIDDEN' } }] });
    }
    expect(t.probe.executions).toBe(0);
  });

  it('is open to a signed-in caller; __typename is open to all', async () => {
    const miit = await tokenFor({ role: 'MIIT' });
    const res = await send(`${t.url}/graphql`, { json: { query: getIntrospectionQuery() }, headers: { authorization: `Bearer ${miit}` } });
    expect(res.status).toBe(200);
    expect(res.body.data.__schema.queryType.name).toBe('Query');
    const typename = await send(`${t.url}/graphql`, { json: { query: '{ __typename }' } });
    expect(typename.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('is open to the public outside production', async () => {
    const res = await send(`${dev.url}/graphql`, { json: { query: '{ __type(name: "Tier") { name } }' } });
    expect(res.body).toEqual({ data: { __type: { name: 'Tier' } } });
  });
});

describe('error messages', () => {
  it('leave out "Did you mean …" in production, for fields and enum values alike', async () => {
    const field = { query: '{ enterprize { id } }' };
    const value = { query: 'query($t: Tier) { enterprises(filter: { tier: $t }) { totalCount } }', variables: { t: 'LITTLE_GIANTS' } };
    const [prodField, prodValue, devField, devValue] = await Promise.all([
      send(`${t.url}/graphql`, { json: field }),
      send(`${t.url}/graphql`, { json: value }),
      send(`${dev.url}/graphql`, { json: field }),
      send(`${dev.url}/graphql`, { json: value }),
    ]);
    expect(devField.body.errors[0].message).toMatch(/Did you mean "enterprise"/);
    expect(devValue.body.errors[0].message).toMatch(/Did you mean the enum value "LITTLE_GIANT"/);
    expect(prodField.body.errors[0].message).toBe('Cannot query field "enterprize" on type "Query".');
    expect(prodValue.body.errors[0].message).not.toMatch(/Did you mean|LITTLE_GIANT"/);
    expect(prodValue.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('mask an unexpected error completely in production, and keep its message (never a stack) in development', async () => {
    // Regions are held in memory; programmes are read from the database on every request.
    const query = '{ fundingPrograms(first: 1) { edges { node { id } } } }';
    await t.db.dataSource.query('ALTER TABLE funding_program RENAME TO funding_program_moved');
    await dev.db.dataSource.query('ALTER TABLE funding_program RENAME TO funding_program_moved');
    let prod, devRes;
    try {
      [prod, devRes] = await Promise.all([send(`${t.url}/graphql`, { json: { query } }), send(`${dev.url}/graphql`, { json: { query } })]);
    } finally {
      await t.db.dataSource.query('ALTER TABLE funding_program_moved RENAME TO funding_program');
      await dev.db.dataSource.query('ALTER TABLE funding_program_moved RENAME TO funding_program');
    }
    expect(prod.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['fundingPrograms'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(prod.text).not.toMatch(/funding_program_moved|relation|SELECT|stack|\.ts:/i);
    expect(devRes.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(devRes.body.errors[0].message).toMatch(/relation "funding_program" does not exist/);
    expect(devRes.body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

it('serves no GraphiQL in production unless GRAPHIQL=1', async () => {
  expect((await send(`${t.url}/graphiql`)).status).toBe(404);
  expect((await send(`${dev.url}/graphiql`)).status).toBe(200);
});
