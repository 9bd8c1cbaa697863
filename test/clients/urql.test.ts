import { cacheExchange, Client, CombinedError, fetchExchange, gql } from '@urql/core';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { recordingFetch, Sent } from './support';

/*
 * urql with its defaults (cacheExchange + fetchExchange; queries as GET when
 * the URL is short enough), against the running server. A client that sends
 * its bearer token needs nothing else: CSRF prevention takes the Authorization
 * header as proof of a preflight (src/server/app.ts says why that is sound).
 * Without a token, GET queries need a preflight header or POST, as
 * docs/clients.md says; and a CORS-simple GET, which a cross-site page can
 * make a browser send, is still refused before anything runs.
 */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = await tokenFor({ role: 'MIIT' });
});
afterAll(() => t.close());

const VIEWER = gql`
  query UrqlViewer {
    viewer {
      role
    }
  }
`;

/** docs/clients.md's set-up: urql's defaults, plus the token a signed-in app sends. */
function makeClient(sent: Sent[], options: { token?: string | null; preferGetMethod?: boolean; headers?: Record<string, string> } = {}) {
  return new Client({
    url: `${t.url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetch: recordingFetch(sent),
    requestPolicy: 'network-only',
    ...(options.preferGetMethod === undefined ? {} : { preferGetMethod: options.preferGetMethod }),
    fetchOptions: () => ({
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    }),
  });
}

describe('urql', () => {
  it('with its defaults and a token, runs queries as GET: no CSRF header needed', async () => {
    const sent: Sent[] = [];
    const result = await makeClient(sent, { token }).query(VIEWER, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.viewer.role).toBe('MIIT');
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('GET');
    expect(sent[0].status).toBe(200);
    // Nothing but the token: no content type, no apollo-require-preflight.
    expect(Object.keys(sent[0].headers).sort()).toEqual(['accept', 'authorization']);
  });

  it('sends mutations as POST, signed, and gets the server’s codes in result.error', async () => {
    const sent: Sent[] = [];
    const result = await makeClient(sent, { token })
      .mutation(
        gql`
          mutation UrqlRegisterPlatform($input: RegisterPlatformInput!) {
            registerPlatform(input: $input) {
              platform {
                id
              }
            }
          }
        `,
        { input: {} },
      )
      .toPromise();
    expect(sent[0].method).toBe('POST');
    expect(result.error).toBeInstanceOf(CombinedError);
    expect(result.error!.graphQLErrors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('without a token, a default GET query is refused with 400 and told which header to send', async () => {
    const sent: Sent[] = [];
    const result = await makeClient(sent).query(VIEWER, {}).toPromise();
    expect(sent[0].method).toBe('GET');
    expect(sent[0].status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.error!.message).toMatch(/Cross-Site Request Forgery/);
    expect(result.error!.message).toMatch(/apollo-require-preflight/);
    expect(result.error!.graphQLErrors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('without a token, the public runs queries with apollo-require-preflight, or with preferGetMethod: false', async () => {
    for (const options of [{ headers: { 'apollo-require-preflight': 'true' } }, { preferGetMethod: false }]) {
      const sent: Sent[] = [];
      const result = await makeClient(sent, options).query(VIEWER, {}).toPromise();
      expect(result.error).toBeUndefined();
      expect(result.data.viewer.role).toBe('PUBLIC');
      expect(sent[0].method).toBe(options.preferGetMethod === false ? 'POST' : 'GET');
    }
  });
});

describe('CSRF prevention, for what a cross-site page can make a browser send', () => {
  const url = (query: string) => `${t.url}/graphql?query=${encodeURIComponent(query)}`;

  it('refuses a CORS-simple GET (no token, no preflight header) before anything runs', async () => {
    const res = await fetch(url('{ viewer { role } }'), { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.data).toBeUndefined();
  });

  it('ambient HTTP credentials a browser could attach by itself (Basic) pass the header check but run nothing', async () => {
    const res = await fetch(url('{ viewer { role } }'), { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
    // A form's text/plain POST with them: refused the same way.
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Basic dXNlcjpwYXNz', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    expect(form.status).toBe(401);
    expect(JSON.stringify(await form.json())).not.toMatch(/"data"/);
  });

  it('refuses a mutation over GET with 405, even signed', async () => {
    const res = await fetch(url('mutation { __typename }'), { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
  });
});
