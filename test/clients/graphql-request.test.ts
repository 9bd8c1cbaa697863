import type * as GraphQLRequest from 'graphql-request' with { 'resolution-mode': 'import' };
import { TestServer } from '../support/server';
import { recordingFetch, Sent, startWithEnterprises } from './support';

/*
 * graphql-request 7 against the running server: POST with JSON (so CSRF
 * prevention never asks for anything), the token as a header, a page-by-page
 * loop over first/after, and errors as ClientError with the server's codes.
 */
let t: TestServer;
let token: string;
let names: string[];
beforeAll(async () => {
  ({ t, token, names } = await startWithEnterprises());
});
afterAll(() => t.close());

// graphql-request ships CommonJS code (what jest runs here) but types for ESM imports only; an app written as
// ESM imports it as usual (docs/clients.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- its types are for ESM imports only (above), so this CommonJS test loads the CommonJS code itself
const { ClientError, gql, GraphQLClient }: typeof GraphQLRequest = require('graphql-request');
type ClientError = GraphQLRequest.ClientError;

const PAGE = gql`
  query RequestEnterprisePage($first: Int!, $after: String) {
    enterprises(first: $first, after: $after, orderBy: [{ field: NAME }]) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          name
        }
      }
    }
  }
`;

interface Page {
  enterprises: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string } }[] };
}

describe('graphql-request', () => {
  it('reads a whole list page by page with the token, by POST', async () => {
    const sent: Sent[] = [];
    const client = new GraphQLClient(`${t.url}/graphql`, { headers: { authorization: `Bearer ${token}` }, fetch: recordingFetch(sent) });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = await client.request<Page>(PAGE, { first: 2, after });
      seen.push(...page.enterprises.edges.map((e) => e.node.name));
      after = page.enterprises.pageInfo.hasNextPage ? page.enterprises.pageInfo.endCursor : null;
    } while (after && seen.length <= names.length);
    expect(seen).toEqual(names);
    expect(sent.map((s) => s.method)).toEqual(sent.map(() => 'POST'));
    expect(sent.every((s) => s.headers.authorization === `Bearer ${token}`)).toBe(true);
  });

  it('throws ClientError carrying the server’s extensions.code, and no stack', async () => {
    const client = new GraphQLClient(`${t.url}/graphql`, { headers: { authorization: `Bearer ${token}` } });
    const error = await client.request(PAGE, { first: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    const [first] = (error as ClientError).response.errors!;
    expect(first.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(JSON.stringify((error as ClientError).response)).not.toMatch(/stacktrace|\bat \w+ \(/);
  });

  it('without a token is the public; a bad one is 401 UNAUTHENTICATED', async () => {
    const viewer = gql`
      query RequestViewer {
        viewer {
          role
        }
      }
    `;
    const anonymous = await new GraphQLClient(`${t.url}/graphql`).request<{ viewer: { role: string } }>(viewer);
    expect(anonymous.viewer.role).toBe('PUBLIC');
    const error = (await new GraphQLClient(`${t.url}/graphql`, { headers: { authorization: 'Bearer x.y.z' } })
      .request(viewer)
      .catch((e: unknown) => e)) as ClientError;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.response.status).toBe(401);
    expect(error.response.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
