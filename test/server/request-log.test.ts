import { createEnterprise } from '../support/factories';
import { tokenFor } from '../support/tokens';
import { send, startLoggedServer } from './support';

/**
 * One JSON line per request to /graphql, whatever became of it, with the
 * request id, the caller's role and tenant, the operation, the duration and
 * the error codes; an unexpected error is in that same line with its stack,
 * and nowhere else.
 */
let t: Awaited<ReturnType<typeof startLoggedServer>>;
beforeAll(async () => {
  t = await startLoggedServer({ MAX_BODY_BYTES: '1024', MAX_QUERY_TOKENS: '100' });
});
afterAll(() => t.close());

/** Sends, then waits for the request's line (written when the response closes). */
async function logged(init: Parameters<typeof send>[1], requestId: string) {
  const res = await send(`${t.url}/graphql`, { ...init, headers: { ...init?.headers, 'x-request-id': requestId } });
  for (let i = 0; i < 50 && !t.requests().some((l) => l.requestId === requestId); i++) await new Promise((r) => setTimeout(r, 10));
  const lines = t.lines.filter((l) => l.requestId === requestId);
  expect(lines).toHaveLength(1);
  return { res, line: lines[0] };
}

describe('the request log line', () => {
  it('names the request, the caller, the operation and how long it took', async () => {
    const token = await tokenFor({ role: 'MIIT' });
    const { res, line } = await logged(
      { json: { query: 'query Provinces { regions(level: PROVINCE) { code } }' }, headers: { authorization: `Bearer ${token}` } },
      'log-ok-1',
    );
    expect(res.headers.get('x-request-id')).toBe('log-ok-1');
    expect(line).toMatchObject({
      level: 30,
      service: 'srdi-api',
      msg: 'graphql request',
      requestId: 'log-ok-1',
      method: 'POST',
      status: 200,
      role: 'MIIT',
      tenant: null,
      subject: 'test:MIIT:ministry',
      operationName: 'Provinces',
      operationType: 'query',
      errorCode: null,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(line)).not.toContain(token);
  });

  it('has the tenant, and each error with its code and path', async () => {
    const own = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
    const other = await createEnterprise(t.db.dataSource, { regionCode: '330203' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const { line } = await logged(
      {
        json: { query: `query Other($c: String) { enterprise(creditCode: $c) { name sizeClass } }`, variables: { c: other.creditCode } },
        headers: { authorization: `Bearer ${token}` },
      },
      'log-forbidden-1',
    );
    expect(line).toMatchObject({
      role: 'ENTERPRISE',
      tenant: `enterprise:${own.id}`,
      operationName: 'Other',
      errorCode: 'FORBIDDEN',
      errors: [{ code: 'FORBIDDEN', path: ['enterprise', 'sizeClass'] }],
    });
  });

  it('is written for requests refused before GraphQL runs: a bad token, a limit, a body too large, bad JSON', async () => {
    expect((await logged({ json: { query: '{ viewer { role } }' }, headers: { authorization: 'Bearer a.b.c' } }, 'log-401')).line).toMatchObject({
      status: 401,
      role: null,
      errorCode: 'UNAUTHENTICATED',
    });
    expect((await logged({ json: { query: `{ viewer { ${'role '.repeat(150)} } }` } }, 'log-tokens')).line).toMatchObject({
      status: 400,
      errorCode: 'QUERY_TOO_COMPLEX',
    });
    expect((await logged({ json: { query: '{ viewer { role } }', variables: { pad: 'x'.repeat(2000) } } }, 'log-413')).line).toMatchObject({
      status: 413,
      errorCode: 'QUERY_TOO_COMPLEX',
    });
    expect((await logged({ method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }, 'log-json')).line).toMatchObject({
      status: 400,
      errorCode: 'BAD_REQUEST',
    });
    expect((await logged({ json: { query: '{ nope }' } }, 'log-invalid')).line).toMatchObject({
      status: 400,
      role: 'PUBLIC',
      operationName: null,
      errorCode: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('logs an unexpected error once, at error level, with its stack and SQL; the client learns nothing of it', async () => {
    await t.db.dataSource.query('ALTER TABLE funding_program RENAME TO funding_program_moved');
    let result;
    try {
      result = await logged({ json: { query: 'query Programmes { fundingPrograms(first: 1) { edges { node { id } } } }' } }, 'log-500');
    } finally {
      await t.db.dataSource.query('ALTER TABLE funding_program_moved RENAME TO funding_program');
    }
    const { res, line } = result;
    expect(res.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 20 }],
        path: ['fundingPrograms'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(line).toMatchObject({
      level: 50,
      msg: 'graphql request failed',
      requestId: 'log-500',
      role: 'PUBLIC',
      errorCode: 'INTERNAL_SERVER_ERROR',
    });
    expect(line.err.stack).toMatch(/relation "funding_program" does not exist/);
    // Once: no other line mentions it.
    expect(t.lines.filter((l) => JSON.stringify(l).includes('does not exist'))).toHaveLength(1);
  });

  it('writes exactly one line per request', async () => {
    const before = t.requests().length;
    await Promise.all(Array.from({ length: 5 }, () => send(`${t.url}/graphql`, { json: { query: '{ viewer { role } }' } })));
    for (let i = 0; i < 50 && t.requests().length < before + 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.requests().length).toBe(before + 5);
  });
});
