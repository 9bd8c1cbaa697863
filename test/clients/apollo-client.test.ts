import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { createHash } from 'node:crypto';
import { TestServer } from '../support/server';
import { recordingFetch, Sent, startWithEnterprises } from './support';

/*
 * Apollo Client 4 against the running server, set up as docs/clients.md shows:
 * a bearer token from a context link, automatic persisted queries (hashed
 * GETs), and Relay-style pagination over first/after merged in the cache.
 */
let t: TestServer;
let token: string;
let names: string[];
beforeAll(async () => {
  ({ t, token, names } = await startWithEnterprises());
});
afterAll(() => t.close());

const ENTERPRISES = gql`
  query EnterprisePage($first: Int!, $after: String) {
    enterprises(first: $first, after: $after, orderBy: [{ field: NAME }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`;

/** The set-up of docs/clients.md, with a recording fetch. */
function makeClient(sent: Sent[], getToken: () => string | null) {
  const auth = new SetContextLink((prev) => {
    const current = getToken();
    return current ? { headers: { ...prev.headers, authorization: `Bearer ${current}` } } : {};
  });
  const persisted = new PersistedQueryLink({
    sha256: (query: string) => createHash('sha256').update(query).digest('hex'),
    useGETForHashedQueries: true,
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, persisted, new HttpLink({ uri: `${t.url}/graphql`, fetch: recordingFetch(sent) })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Every page of one list (same filter and order) lands in one cached connection.
        Query: { fields: { enterprises: relayStylePagination(['filter', 'orderBy']) } },
      },
    }),
  });
}

describe('Apollo Client', () => {
  it('pages through a connection with fetchMore over first/after, relayStylePagination merging the pages', async () => {
    const sent: Sent[] = [];
    const client = makeClient(sent, () => token);
    // As a list component would: watch the first page, then fetchMore the next ones into the same list.
    const observable = client.watchQuery<any>({ query: ENTERPRISES, variables: { first: 2 } });
    let firstPage!: (page: any) => void;
    const firstPageSeen = new Promise<any>((resolve) => (firstPage = resolve));
    const subscription = observable.subscribe(({ data, dataState }) => {
      if (dataState === 'complete') firstPage(data.enterprises);
    });
    const endCursors: string[] = [];
    let latest: any;
    try {
      latest = await firstPageSeen;
      expect(latest.edges.map((e: any) => e.node.name)).toEqual(names.slice(0, 2));
      while (latest.pageInfo.hasNextPage) {
        endCursors.push(latest.pageInfo.endCursor);
        if (endCursors.length > names.length) throw new Error('the list never ends: the pages are not merged');
        await observable.fetchMore({ variables: { after: latest.pageInfo.endCursor } });
        // The cached list, as the watching component renders it: all pages so far, merged by relayStylePagination.
        latest = client.readQuery<any>({ query: ENTERPRISES, variables: { first: 2 } })!.enterprises;
      }
    } finally {
      subscription.unsubscribe();
    }
    expect(latest.edges.map((e: any) => e.node.name)).toEqual(names);
    expect(latest.totalCount).toBe(names.length);
    // Each page after the previous page's endCursor; the first one twice: its hash alone, not yet known
    // to the server (persisted queries, below), then with its text.
    expect(endCursors).toHaveLength(Math.ceil(names.length / 2) - 1);
    expect(sent.map((s) => variablesOf(s).after ?? null)).toEqual([null, null, ...endCursors]);
    expect(sent.map((s) => s.status)).toEqual(sent.map(() => 200));
  });

  it('sends a hashed GET with the token; the first time the server asks for the text, after that the hash alone runs', async () => {
    const sent: Sent[] = [];
    const client = makeClient(sent, () => token);
    const query = gql`
      query ApqProvinces {
        regions(level: PROVINCE) {
          code
        }
      }
    `;
    const once = await client.query<any>({ query, fetchPolicy: 'network-only' });
    expect(once.data!.regions).toHaveLength(31);
    const again = await client.query<any>({ query, fetchPolicy: 'network-only' });
    expect(again.data!.regions).toHaveLength(31);

    const [hashOnly, withText, hashAgain] = sent;
    expect(sent).toHaveLength(3);
    // 1. GET with the hash alone, signed: the server does not know it yet (PERSISTED_QUERY_NOT_FOUND).
    expect(hashOnly.method).toBe('GET');
    expect(hashOnly.url.searchParams.get('query')).toBeNull();
    expect(JSON.parse(hashOnly.url.searchParams.get('extensions')!).persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOnly.headers.authorization).toBe(`Bearer ${token}`);
    // Apollo Client sends a JSON content type even on GET, which CSRF prevention accepts as well.
    expect(hashOnly.headers['content-type']).toBe('application/json');
    // 2. The text with its hash, by POST.
    expect(withText.method).toBe('POST');
    expect(withText.body.query).toMatch(/query ApqProvinces/);
    expect(withText.status).toBe(200);
    // 3. The hash alone now runs, as a GET a CDN could cache.
    expect(hashAgain.method).toBe('GET');
    expect(hashAgain.url.searchParams.get('query')).toBeNull();
    expect(hashAgain.status).toBe(200);
  });

  it('hands the server’s stable extensions.code to the app, in CombinedGraphQLErrors', async () => {
    const client = makeClient([], () => token);
    const result = await client.query<any>({ query: ENTERPRISES, variables: { first: 1000 }, errorPolicy: 'all' });
    expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
    const [error] = (result.error as CombinedGraphQLErrors).errors;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(JSON.stringify(error)).not.toMatch(/\bat \w+ \(|stacktrace/);
  });

  it('without a token is the public, and a bad token is UNAUTHENTICATED, not a quiet downgrade', async () => {
    const viewer = gql`
      query WhoAmI {
        viewer {
          role
        }
      }
    `;
    const anonymous = await makeClient([], () => null).query<any>({ query: viewer });
    expect(anonymous.data!.viewer.role).toBe('PUBLIC');
    const bad = await makeClient([], () => 'not.a.token').query<any>({ query: viewer, errorPolicy: 'all' });
    expect(CombinedGraphQLErrors.is(bad.error)).toBe(true);
    expect((bad.error as CombinedGraphQLErrors).errors[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

function variablesOf(s: Sent): Record<string, unknown> {
  if (s.method === 'GET') return JSON.parse(s.url.searchParams.get('variables') ?? '{}');
  return s.body?.variables ?? {};
}
