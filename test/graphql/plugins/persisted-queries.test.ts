import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { EXAMPLES_FILE, parseExamples } from '../../../src/graphql/graphiql/graphiql.router';
import { loadPersistedQueryList, sha256 } from '../../../src/graphql/plugins/persisted-queries';
import { buildAppSchema } from '../../../src/graphql/schema';
import { createAppServer } from '../../../src/server/app';
import { createLogger } from '../../../src/server/logger';
import { createTestDatabase } from '../../support/database';
import { TEST_JWT_SECRET, tokenFor } from '../../support/tokens';
import { Probe, send, startProbedServer } from '../../server/support';
import { TestServer } from '../../support/server';

const PROVINCES = '{ regions(level: PROVINCE) { code } }';
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('automatic persisted queries (the default)', () => {
  let t: TestServer & { probe: Probe };
  beforeAll(async () => {
    t = await startProbedServer();
  });
  afterAll(() => t.close());

  it('a hash the server has not seen is PERSISTED_QUERY_NOT_FOUND; sent with its text it runs and is kept; then the hash alone runs it', async () => {
    const query = `query ProvincesApq ${PROVINCES}`;
    const hash = sha256(query);
    const miss = await send(`${t.url}/graphql`, { json: { extensions: apq(hash) } });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(t.probe.executions).toBe(0);

    const register = await send(`${t.url}/graphql`, { json: { query, extensions: apq(hash) } });
    expect(register.status).toBe(200);
    expect(register.body.data.regions).toHaveLength(31);

    const hit = await send(`${t.url}/graphql`, { json: { extensions: apq(hash) } });
    expect(hit.status).toBe(200);
    expect(hit.body.data.regions).toHaveLength(31);

    // GET with the hash alone is what CDNs cache; it needs the CSRF preflight header like any GET.
    const get = await send(`${t.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(apq(hash)))}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(200);
    expect(get.body.data.regions).toHaveLength(31);
  });

  it('refuses a hash that does not match the text', async () => {
    const res = await send(`${t.url}/graphql`, { json: { query: PROVINCES, extensions: apq(sha256('something else')) } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('provided sha does not match query');
  });

  it('a registered text still passes the limits each time it runs', async () => {
    const query = `query Deep($n: Int) { enterprises(first: $n) { edges { node { financials { year } certifications { tier } applications { reviews { kind } } } } } }`;
    const hash = sha256(query);
    expect((await send(`${t.url}/graphql`, { json: { query, variables: { n: 1 }, extensions: apq(hash) } })).status).toBe(200);
    const costly = await send(`${t.url}/graphql`, { json: { variables: { n: 100 }, extensions: apq(hash) } });
    expect(costly.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
  });
});

describe('PERSISTED_QUERIES=allowlist', () => {
  const examples = parseExamples(readFileSync(EXAMPLES_FILE, 'utf8'));
  let t: TestServer & { probe: Probe };
  let token: string;
  beforeAll(async () => {
    t = await startProbedServer({ PERSISTED_QUERIES: 'allowlist' });
    token = await tokenFor({ role: 'MIIT' });
  });
  afterAll(() => t.close());
  beforeEach(() => t.probe.reset());

  it('runs every example of docs/examples.graphql by its text (as a GraphiQL tab sends it) and by its hash alone', async () => {
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['Viewer', 'JiangsuLittleGiants', 'NodeById']));
    for (const example of examples) {
      for (const body of [{ query: example.query }, { extensions: apq(sha256(example.query)) }]) {
        for (const auth of [{}, { authorization: `Bearer ${token}` }]) {
          const res = await send(`${t.url}/graphql`, { json: body, headers: auth });
          expect({ example: example.name, status: res.status, errors: res.body.errors }).toEqual({ example: example.name, status: 200, errors: undefined });
        }
      }
    }
  });

  it('the examples return what they promise', async () => {
    const run = async (name: string, auth = {}) => {
      const example = examples.find((e) => e.name === name)!;
      return (await send(`${t.url}/graphql`, { json: { query: example.query }, headers: auth })).body.data;
    };
    expect((await run('Viewer', { authorization: `Bearer ${token}` })).viewer).toMatchObject({ role: 'MIIT', permissions: expect.anything() });
    expect((await run('JiangsuLittleGiants')).enterprises).toMatchObject({ totalCount: 0, pageInfo: { hasNextPage: false } });
    expect((await run('NodeById')).node).toEqual({ __typename: 'Region', id: 'UmVnaW9uOjMyMDAwMA', code: '320000', name: '江苏省', level: 'PROVINCE' });
  });

  it('refuses anything else with PERSISTED_QUERY_NOT_IN_LIST before it runs, even a reformatted example', async () => {
    for (const query of [PROVINCES, examples[0].query.replace(/\s+/g, ' ')]) {
      const res = await send(`${t.url}/graphql`, { json: { query } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          message: 'This server runs only the operations on its persisted query list; this one is not on it.',
          extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
        },
      ]);
    }
    // A hash it does not know is not found, and cannot be registered.
    const unknown = { query: PROVINCES, extensions: apq(sha256(PROVINCES)) };
    expect((await send(`${t.url}/graphql`, { json: unknown })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect((await send(`${t.url}/graphql`, { json: { extensions: apq(sha256(PROVINCES)) } })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(t.probe.executions).toBe(0);
  });
});

describe('the allow-list file', () => {
  let dir: string;
  let schema: Awaited<ReturnType<typeof buildAppSchema>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'srdi-pq-'));
    schema = await buildAppSchema();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };

  it('reads an Apollo manifest, with its own ids next to the hashes, and a Relay-style id → text map', () => {
    const manifest = loadPersistedQueryList(
      file('apollo.json', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'provinces-v1', name: 'P', type: 'query', body: PROVINCES }] })),
      schema,
    );
    expect(manifest.get('provinces-v1')?.body).toBe(PROVINCES);
    expect(manifest.get(sha256(PROVINCES))?.name).toBe('P');
    const relay = loadPersistedQueryList(file('relay.json', JSON.stringify({ abc123: PROVINCES })), schema);
    expect(relay.has('abc123')).toBe(true);
  });

  it.each([
    ['missing.graphql', null, /no such file/],
    ['broken.graphql', 'query {', /Syntax Error/],
    ['stale.graphql', 'query Gone { enterprize { id } }', /Gone: Cannot query field "enterprize"/],
    ['empty.json', '[]', /expected an Apollo persisted query manifest/],
    ['bad.json', '{"x": 1}', /the entry "x" is not a document/],
  ])('refuses %s at start-up, naming PERSISTED_QUERIES_FILE', (name, content, why) => {
    const f = content === null ? path.join(dir, name) : file(name, content);
    let error: unknown;
    try {
      loadPersistedQueryList(f, schema);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('PERSISTED_QUERIES_FILE');
    expect((error as ConfigError).message).toMatch(why);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('a server with a JSON manifest runs its operations by id', async () => {
    const db = await createTestDatabase();
    const f = file('server.json', JSON.stringify({ operations: [{ id: 'provinces', body: PROVINCES }] }));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PERSISTED_QUERIES: 'allowlist', PERSISTED_QUERIES_FILE: f });
    const server = await createAppServer(config, db.dataSource, createLogger(config));
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.httpServer.address() as { port: number }).port}/graphql`;
      expect((await send(url, { json: { extensions: apq('provinces') } })).body.data.regions).toHaveLength(31);
      expect((await send(url, { json: { query: PROVINCES } })).body.data.regions).toHaveLength(31);
    } finally {
      await server.apollo.stop();
      await db.drop();
    }
  });
});
