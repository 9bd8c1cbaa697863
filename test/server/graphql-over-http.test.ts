import { serverAudits } from 'graphql-http';
import { startTestServer, TestServer } from '../support/server';
import { send } from './support';

/**
 * The GraphQL-over-HTTP spec, checked by graphql-http's own audit suite
 * against the real server, plus the edges around it that the suite does not
 * cover: CSRF prevention, the body limit, JSON errors instead of HTML.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MAX_BODY_BYTES: '2048' });
});
afterAll(() => t.close());

/** "SHOULD use 200 on parse / validation / variable coercion failure when accepting application/json". */
const LEGACY_200 = ['572B', '7B9B', 'FDE2'];

async function audit(fetchFn?: typeof fetch) {
  const results: { id: string; name: string; status: string; reason?: string }[] = [];
  for (const a of serverAudits({ url: `${t.url}/graphql`, fetchFn })) {
    const r = await a.fn();
    results.push({ id: a.id, name: a.name, status: r.status, reason: r.status === 'ok' ? undefined : r.reason });
  }
  return results;
}

describe('graphql-http audit suite', () => {
  it('passes every MUST, and every SHOULD but the 200-on-error ones for legacy application/json', async () => {
    const results = await audit();
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')).toEqual([]);
    // Apollo answers parse, validation and variable errors with 400 for application/json too
    // (the spec recommends 200 there, for clients from before application/graphql-response+json).
    expect(
      results
        .filter((r) => r.name.startsWith('SHOULD') && r.status !== 'ok')
        .map((r) => r.id)
        .sort(),
    ).toEqual(LEGACY_200);
    // The optional GET forms are refused by CSRF prevention unless a preflight header is sent (below).
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });

  it('with the CSRF preflight header a client sends for GET, the optional GET forms pass too', async () => {
    const withPreflight: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'apollo-require-preflight': '1' } });
    const results = await audit(withPreflight);
    expect(results.filter((r) => !LEGACY_200.includes(r.id) && r.status !== 'ok')).toEqual([]);
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ regions(level: PROVINCE) { code } }');

  it('refuses a GET without a preflight-forcing header, as a cross-site <img> or form would send it', async () => {
    const res = await send(`${t.url}/graphql?query=${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('runs a GET query with apollo-require-preflight, or with a JSON content type', async () => {
    const variants: Record<string, string>[] = [
      { 'apollo-require-preflight': 'true' },
      { 'x-apollo-operation-name': 'Provinces' },
      { 'content-type': 'application/json' },
    ];
    for (const headers of variants) {
      const res = await send(`${t.url}/graphql?query=${query}`, { headers });
      expect(res.status).toBe(200);
      expect(res.body.data.regions).toHaveLength(31);
    }
  });

  it('refuses a POST a form could send (text/plain, form-urlencoded)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await send(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(res.status).toBe(400);
    }
  });

  it('grants no cross-origin access: a preflight gets no Access-Control-Allow-Origin', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses a mutation over GET with 405', async () => {
    const mutation = encodeURIComponent('mutation { __typename }');
    const res = await send(`${t.url}/graphql?query=${mutation}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('request bodies', () => {
  it('refuses a body over MAX_BODY_BYTES with 413 QUERY_TOO_COMPLEX, as JSON', async () => {
    const res = await send(`${t.url}/graphql`, { json: { query: '{ viewer { role } }', variables: { pad: 'x'.repeat(3000) } } });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'BODY_SIZE' } }],
    });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers malformed JSON with 400 BAD_REQUEST in GraphQL’s shape, not an HTML page with a stack', async () => {
    const res = await send(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"query": "{ viewer { role } }"',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(res.body).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(res.text).not.toMatch(/<html|at \w+ \(/i);
  });
});
