import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { EXAMPLES_FILE, parseExamples } from '../../../src/graphql/example-operations';
import { loadPersistedQueryList, sha256 } from '../../../src/graphql/plugins/persisted-queries';
import { buildAppSchema } from '../../../src/server/schema';
import { createAppServer } from '../../../src/server/app';
import { createLogger } from '../../../src/core/logger';
import { createTestDatabase } from '../../support/database';
import { TEST_JWT_SECRET, tokenFor } from '../../support/tokens';
import { Probe, send, startProbedServer } from '../../server/support';
import { TestServer } from '../../support/server';
import { Kind, OperationDefinitionNode, parse, valueFromASTUntyped } from 'graphql';
import { createEnterprise } from '../../support/factories';
import { insertApplication } from '../../modules/application/application-factories';
import { toGlobalId } from '../../../src/core/global-id';

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

    // GET with the hash alone is what CDNs cache; without a token it needs the CSRF preflight header, like any GET.
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

const isMutation = (query: string) => /^\s*mutation\b/.test(query);

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
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['Viewer', 'JiangsuLittleGiants', 'NodeById', 'KeyLittleGiants']));
    for (const example of examples.filter((e) => !isMutation(e.query))) {
      for (const body of [{ query: example.query }, { extensions: apq(sha256(example.query)) }]) {
        for (const auth of [{}, { authorization: `Bearer ${token}` }]) {
          const res = await send(`${t.url}/graphql`, { json: body, headers: auth });
          expect({ example: example.name, status: res.status, errors: res.body.errors }).toEqual({
            example: example.name,
            status: 200,
            errors: undefined,
          });
        }
      }
    }
  });

  it('runs the mutation examples as they stand to a refusal by the policy: their placeholder IDs name nothing, and the public and MIIT may not make these changes', async () => {
    const mutations = examples.filter((e) => isMutation(e.query));
    expect(mutations.map((e) => e.name)).toEqual([
      'ReportFinancials',
      'DeclareAssessment',
      'UpdateApplication',
      'RegisterPlatform',
      'RaisePublicObjection',
    ]);
    for (const example of mutations) {
      for (const body of [{ query: example.query }, { extensions: apq(sha256(example.query)) }]) {
        for (const auth of [{}, { authorization: `Bearer ${token}` }]) {
          const res = await send(`${t.url}/graphql`, { json: body, headers: auth });
          const codes = (res.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
          expect({ example: example.name, status: res.status, refused: codes.length === 1 && ['NOT_FOUND', 'FORBIDDEN'].includes(codes[0]) }).toEqual(
            {
              example: example.name,
              status: 200,
              refused: true,
            },
          );
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
    expect((await run('KeyLittleGiants')).keyLittleGiants).toEqual({ totalCount: 0, edges: [] });
    expect((await run('NodeById')).node).toEqual({
      __typename: 'Region',
      id: 'UmVnaW9uOjMyMDAwMA',
      code: '320000',
      name: '江苏省',
      level: 'PROVINCE',
    });
  });

  it('the mutation examples do what they say with the right token once their IDs are replaced, as their comments tell', async () => {
    const ds = t.db.dataSource;
    const firm = await createEnterprise(ds, { regionCode: '320102' });
    const draft = await insertApplication(ds, firm.id, { status: 'DRAFT', ruleSetCode: 'MIIT-2022-63' });
    const onNotice = await insertApplication(ds, firm.id, {
      tier: 'SRDI_SME',
      ruleSetCode: 'SRDI-PROVINCIAL-2022',
      status: 'PUBLIC_NOTICE',
      publicNoticeEndsOn: '2099-12-31',
    });
    const ids: Record<string, string> = {
      enterpriseId: toGlobalId('Enterprise', firm.id),
      applicationId: toGlobalId('Application', draft),
    };
    const enterprise = { authorization: `Bearer ${await tokenFor({ role: 'ENTERPRISE', enterpriseId: firm.id })}` };
    const jiangsu = { authorization: `Bearer ${await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' })}` };
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['ReportFinancials', enterprise, {}],
      ['DeclareAssessment', enterprise, {}],
      ['UpdateApplication', enterprise, {}],
      ['RegisterPlatform', jiangsu, {}],
      ['RaisePublicObjection', {}, { applicationId: toGlobalId('Application', onNotice) }],
    ];
    for (const [name, auth, override] of cases) {
      const example = examples.find((e) => e.name === name)!;
      const operation = parse(example.query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const input = valueFromASTUntyped(operation.variableDefinitions![0].defaultValue!) as Record<string, unknown>;
      for (const key of Object.keys(input)) if (ids[key]) input[key] = ids[key];
      const res = await send(`${t.url}/graphql`, { json: { query: example.query, variables: { input: { ...input, ...override } } }, headers: auth });
      expect({ name, status: res.status, errors: res.body.errors }).toEqual({ name, status: 200, errors: undefined });
    }
    const [report] = await ds.query(`SELECT revenue::text AS revenue FROM financial_report WHERE enterprise_id = $1 AND year = 2024`, [firm.id]);
    expect(report.revenue).toBe('186000000.00');
    const [declared] = await ds.query(
      `SELECT flag, status FROM assessment WHERE enterprise_id = $1 AND indicator_key = 'notOnAbnormalOrDishonestLists' AND year = 2026`,
      [firm.id],
    );
    expect(declared).toEqual({ flag: true, status: 'DECLARED' });
    const [app] = await ds.query(`SELECT rule_set_code FROM application WHERE id = $1`, [draft]);
    expect(app.rule_set_code).toBe('MIIT-2026-2');
    const [objection] = await ds.query(`SELECT objector_name FROM public_objection WHERE application_id = $1`, [onNotice]);
    expect(objection.objector_name).toBe('张三');
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
    expect((await send(`${t.url}/graphql`, { json: { extensions: apq(sha256(PROVINCES)) } })).body.errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
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
      file(
        'apollo.json',
        JSON.stringify({
          format: 'apollo-persisted-query-manifest',
          version: 1,
          operations: [{ id: 'provinces-v1', name: 'P', type: 'query', body: PROVINCES }],
        }),
      ),
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
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PERSISTED_QUERIES: 'allowlist',
      PERSISTED_QUERIES_FILE: f,
    });
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
