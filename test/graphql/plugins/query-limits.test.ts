import { getIntrospectionQuery, Kind, OperationDefinitionNode, parse } from 'graphql';
import { buildAppSchema } from '../../../src/server/schema';
import { loadConfig } from '../../../src/config/config';
import {
  cachedQueryLimits,
  checkQueryLimits,
  countDirectives,
  maxRepeatedField,
  measureOperation,
  operationCost,
  usesIntrospection,
} from '../../../src/graphql/plugins/query-limits';
import { send, startProbedServer } from '../../server/support';
import { TestServer } from '../../support/server';
import { Probe } from '../../server/support';

const op = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation };
};

describe('measuring an operation', () => {
  it('counts depth and aliases through fragments, each fragment as often as it is spread', () => {
    const { document, operation } = op(`
      query { a: viewer { role } b: viewer { ...V } ...Q }
      fragment V on Viewer { region { parent { x: code y: name } } }
      fragment Q on Query { c: viewer { ...V } }`);
    // viewer > region > parent > code
    expect(measureOperation(document, operation)).toEqual({ depth: 4, aliases: 3 + 2 * 2 });
  });

  it('stays linear on a fragment bomb', () => {
    const levels = 40;
    let source = `query { ...F0 }\n`;
    for (let i = 0; i < levels; i++) source += `fragment F${i} on Query { a${i}: viewer { role } ...F${i + 1} ...F${i + 1} }\n`;
    source += `fragment F${levels} on Query { viewer { role } }`;
    const { document, operation } = op(source);
    const t = Date.now();
    const shape = measureOperation(document, operation);
    expect(Date.now() - t).toBeLessThan(100);
    expect(shape.aliases).toBe(2 ** levels - 1); // counted, not walked
  });

  it('leaves introspection nesting to graphql-js, and finds introspection behind fragments', () => {
    const { document, operation } = op(getIntrospectionQuery());
    expect(measureOperation(document, operation).depth).toBe(1);
    expect(usesIntrospection(document, operation)).toBe(true);
    const hidden = op(`query { ...A } fragment A on Query { ... on Query { __type(name: "Tier") { name } } }`);
    expect(usesIntrospection(hidden.document, hidden.operation)).toBe(true);
    const typename = op(`query { __typename viewer { __typename } }`);
    expect(usesIntrospection(typename.document, typename.operation)).toBe(false);
  });

  it('counts repeated response names per selection set, through fragments', () => {
    expect(maxRepeatedField(parse(`{ viewer { role } viewer { subject } ...Q } fragment Q on Query { viewer { role } a: viewer { role } }`))).toBe(3);
    expect(maxRepeatedField(parse(`{ viewer { role role role } }`))).toBe(3);
  });

  it('counts every directive in the document', () => {
    expect(
      countDirectives(parse(`query($a: Boolean!) @x { viewer @include(if: $a) { role @skip(if: $a) } } fragment F on Viewer { role @y @z }`)),
    ).toBe(5);
  });
});

describe('cost', () => {
  let schema: Awaited<ReturnType<typeof buildAppSchema>>;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });
  const cost = (source: string, variables?: Record<string, unknown>) => {
    const { document, operation } = op(source);
    return operationCost(schema, document, operation, variables);
  };

  it('multiplies a connection’s selection by first (20 when absent), with the variables’ values', () => {
    const q = `query($n: Int) { enterprises(first: $n) { edges { node { id name } } } }`;
    // node: 1 + (1 + 1); edges: 1 + node; enterprises: 1 + first × edges
    expect(cost(q, { n: 10 })).toBe(1 + 10 * 4);
    expect(cost(q, {})).toBe(1 + 20 * 4);
    expect(cost(q, { n: 100 })).toBe(1 + 100 * 4);
    expect(cost(`{ enterprises(first: 0) { totalCount } }`)).toBe(1);
    expect(cost(`{ enterprises(first: 100) { edges { node { name region { name } } } } }`)).toBe(501); // the README's example
  });

  it('multiplies a connection’s selection by last as by first, from a variable too', () => {
    const q = `query($n: Int) { enterprises(last: $n) { edges { node { id name } } } }`;
    expect(cost(q, { n: 100 })).toBe(1 + 100 * 4);
    expect(cost(q, { n: 3 })).toBe(1 + 3 * 4);
    expect(cost(q, {})).toBe(1 + 20 * 4);
    // Refused by paginate, but never cheaper than the larger of the two.
    expect(cost(`{ enterprises(first: 1, last: 100) { edges { node { id name } } } }`)).toBe(1 + 100 * 4);
  });

  it('counts a list without first as the most items it can return, from its arguments; nested lists multiply', () => {
    expect(cost(`{ regions { code } }`)).toBe(1 + 3348 * 1);
    expect(cost(`{ regions(level: PROVINCE) { code } }`)).toBe(1 + 31 * 1);
    expect(cost(`{ regions(level: PREFECTURE) { code } }`)).toBe(1 + 342 * 1);
    expect(cost(`{ regions(level: COUNTY) { code } }`)).toBe(1 + 2975 * 1);
    expect(cost(`{ regions(parentCode: "320000", level: COUNTY) { code } }`)).toBe(1 + 26 * 1);
    // children: the most any region has (26).
    expect(cost(`{ regions(level: PROVINCE) { children { children { code } } } }`)).toBe(1 + 31 * (1 + 26 * (1 + 26)));
    // A rule set's indicators and their parts come from the rule-set data.
    expect(cost(`{ ruleSets { code } }`)).toBeLessThan(20);
  });

  it('prices the outside probe of issue 10 at what it would really return', () => {
    // children: 1 + 26 × 1; parent: 1 + that; regions: 1 + 3348 × (parent, children, parent, children).
    const probe = `{ regions { parent { children { parent { children { code } } } } } }`;
    const estimate = cost(probe);
    expect(estimate).toBe(1 + 3348 * (1 + (1 + 26 * (1 + (1 + 26 * 1)))));
    console.log(`issue 10 probe ${probe}: estimated cost ${estimate}`);
  });

  it('costs nothing for introspection', () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
  });

  it('stops walking a document that expands to more than 10,000 selections', () => {
    // parent/children twice at each level: 2^14 selections, none repeated, no aliases.
    let source = `query { region(code: "320000") { ...R0 } }\n`;
    for (let i = 0; i < 14; i++) source += `fragment R${i} on Region { parent { ...R${i + 1} } children { ...R${i + 1} } }\n`;
    source += `fragment R14 on Region { code }`;
    const { document, operation } = op(source);
    const limits = { ...loadConfig({}).limits, maxDepth: 100 };
    expect(() => checkQueryLimits({ schema, document, operation, variables: {}, limits, explain: true })).toThrow(
      'The query is too expensive: more than 10000 selections once fragments are expanded',
    );
  });
});

/**
 * Each limit refuses an abusive request with QUERY_TOO_COMPLEX (400) before
 * execution: no operation reached execution, no field resolved, and no
 * connection was taken from the pool.
 */
describe('limits at the endpoint', () => {
  let t: TestServer & { probe: Probe };
  beforeAll(async () => {
    t = await startProbedServer();
  });
  afterAll(() => t.close());
  beforeEach(() => t.probe.reset());

  async function refused(body: object, limit: string) {
    const res = await send(`${t.url}/graphql`, { json: body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(res.body.data).toBeUndefined();
    expect({ executions: t.probe.executions, resolved: t.probe.resolvedFields, runners: t.probe.queryRunners }).toEqual({
      executions: 0,
      resolved: 0,
      runners: 0,
    });
    return res.body.errors[0].message as string;
  }

  it('depth: 13 levels of region.parent are refused, 12 are allowed', async () => {
    const nest = (n: number) => `{ region(code: "320102") ${'{ parent '.repeat(n - 2)}{ code }${' }'.repeat(n - 2)} }`;
    expect(await refused({ query: nest(13) }, 'DEPTH')).toBe('The query is nested too deeply: 13 levels, at most 12');
    const ok = await send(`${t.url}/graphql`, { json: { query: nest(12) } });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect(t.probe.executions).toBe(1);
  });

  it('cost: computed with the variables, so first: $n is what $n is', async () => {
    const query = `query Nested($n: Int) {
      enterprises(first: $n) { edges { node { name financials { year } certifications { tier } applications { reviews { kind } } } } }
    }`;
    const message = await refused({ query, variables: { n: 100 } }, 'COST');
    expect(message).toMatch(/^The query is too expensive: estimated cost \d+, at most 10000/);
    const ok = await send(`${t.url}/graphql`, { json: { query, variables: { n: 5 } } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.enterprises.edges).toEqual([]);
  });

  it('cost: the outside probe of issue 10 (68 bytes, no token) is refused at once, with its estimated cost', async () => {
    const probe = `{ regions { parent { children { parent { children { code } } } } } }`;
    const started = performance.now();
    const message = await refused({ query: probe }, 'COST');
    const elapsed = performance.now() - started;
    expect(message).toBe(
      'The query is too expensive: estimated cost 2444041, at most 10000 (a list costs the items it can return times its selection)',
    );
    expect(elapsed).toBeLessThan(500);
    console.log(`issue 10 probe refused over HTTP in ${elapsed.toFixed(1)} ms: ${message}`);
  });

  it('cost: aliased copies add up, so eight copies of a cheaper query are refused', async () => {
    const copies = (selection: string, n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: ${selection}`).join(' ')} }`;
    expect(await refused({ query: copies('regions { parent { children { code } } }', 8) }, 'COST')).toMatch(/estimated cost \d+, at most 10000/);
    // One copy of all counties fits; four do not.
    const counties = 'regions(level: COUNTY) { code }';
    expect(await refused({ query: copies(counties, 4) }, 'COST')).toMatch(/estimated cost 11904, at most 10000/);
    const one = await send(`${t.url}/graphql`, { json: { query: copies(counties, 1) } });
    expect(one.status).toBe(200);
    expect(one.body.data.c0).toHaveLength(2975);
  });

  it('repeated fields: a fragment bomb, or hundreds of one field, is refused before validation compares them pairwise', async () => {
    let bomb = `query { ...F0 }\n`;
    for (let i = 0; i < 30; i++) bomb += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
    bomb += `fragment F30 on Query { __typename }`;
    const started = Date.now();
    expect(await refused({ query: bomb }, 'REPEATED_FIELDS')).toMatch(/at most 20$/);
    const overlapping = `{ viewer { ${'region { code } '.repeat(400)} } }`;
    expect(await refused({ query: overlapping }, 'REPEATED_FIELDS')).toBe(
      'The query selects the same field too often: a field selected 400 times in one selection set, at most 20',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('aliases: 51 aliased node lookups are refused', async () => {
    const query = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: node(id: "x${i}") { id }`).join(' ')} }`;
    expect(await refused({ query }, 'ALIASES')).toBe('The query uses too many aliases: 51, at most 50');
  });

  it('directives: 51 directives are refused', async () => {
    const query = `{ viewer { ${'role @skip(if: false) '.repeat(51)} } }`;
    expect(await refused({ query }, 'DIRECTIVES')).toBe('The query uses too many directives: 51, at most 50');
  });

  it('tokens: a document over 2000 tokens is refused while parsing', async () => {
    const query = `{ ${'viewer { role } '.repeat(500)} }`;
    expect(await refused({ query }, 'TOKENS')).toBe('The query is too long: more than 2000 tokens.');
  });

  it('the same limits hold for GET', async () => {
    const query = `{ viewer { ${'role @skip(if: false) '.repeat(51)} } }`;
    const res = await send(`${t.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'DIRECTIVES' });
    expect(t.probe.executions).toBe(0);
  });

  it('a variable of the wrong type is BAD_USER_INPUT, still before anything runs', async () => {
    const res = await send(`${t.url}/graphql`, {
      json: { query: `query($n: Int) { enterprises(first: $n) { totalCount } }`, variables: { n: 'many' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(t.probe.executions).toBe(0);
  });
});

/**
 * A backstop behind the cost estimate: a response that would hold more list
 * items than MAX_RESPONSE_ITEMS is stopped while it runs, with one error and
 * no data, instead of being built and streamed for as long as the data lasts.
 */
describe('response size', () => {
  let t: TestServer & { probe: Probe };
  beforeAll(async () => {
    t = await startProbedServer({ MAX_RESPONSE_ITEMS: '100' });
  });
  afterAll(() => t.close());
  beforeEach(() => t.probe.reset());

  it('stops a request whose lists pass the limit, with QUERY_TOO_COMPLEX RESPONSE_SIZE and nothing else', async () => {
    // 31 provinces and their 342 prefectures: well within the cost limit, over 100 items.
    const res = await send(`${t.url}/graphql`, { json: { query: `{ regions(level: PROVINCE) { code children { code } } }` } });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toBe('The response is too large: more than 100 list items.');
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'RESPONSE_SIZE' });
  });

  it('stops the work too: once over, no further list is resolved', async () => {
    const res = await send(`${t.url}/graphql`, { json: { query: `{ regions(level: PREFECTURE) { code children { code } } }` } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ limit: 'RESPONSE_SIZE' });
    // The 342 prefectures are one list over the limit: none of their fields, nor their children, resolved.
    expect(t.probe.resolvedFields).toBeLessThan(10);
  });

  it('answers a response within the limit as usual', async () => {
    const res = await send(`${t.url}/graphql`, { json: { query: `{ regions(level: PROVINCE) { code } }` } });
    expect(res.status).toBe(200);
    expect(res.body.data.regions).toHaveLength(31);
  });
});

describe('limits in production', () => {
  let t: TestServer & { probe: Probe };
  beforeAll(async () => {
    t = await startProbedServer({ NODE_ENV: 'production', MAX_QUERY_DEPTH: '4', MAX_QUERY_TOKENS: '100' });
  });
  afterAll(() => t.close());

  it('refuses without echoing the numbers', async () => {
    const deep = await send(`${t.url}/graphql`, { json: { query: `{ region(code: "320102") { parent { parent { parent { code } } } } }` } });
    expect(deep.body.errors[0]).toEqual({ message: 'The query is nested too deeply.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'DEPTH' } });
    const long = await send(`${t.url}/graphql`, { json: { query: `{ viewer { ${'role '.repeat(100)} } }` } });
    expect(long.body.errors[0]).toEqual({ message: 'The query is too long.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' } });
    expect(t.probe.executions).toBe(0);
  });
});

describe('the limits remembered per operation', () => {
  const limits = loadConfig({ NODE_ENV: 'test' }).limits;
  const refusedWith = (fn: () => void): string | null => {
    try {
      fn();
      return null;
    } catch (e) {
      return String((e as { extensions?: { limit?: string } }).extensions?.limit);
    }
  };

  it('recomputes the cost when a variable it depends on changes, through fragments and directives too', async () => {
    const schema = await buildAppSchema();
    const check = cachedQueryLimits(limits, true);
    const { document, operation } = op(`
      query($n: Int, $after: String, $all: Boolean!, $level: RegionLevel) {
        enterprises(first: $n, after: $after) { edges { node { ...E } } }
        regions(level: $level) @include(if: $all) { code name }
      }
      fragment E on Enterprise { name awards { amount disbursements { amount } } }`);
    const run = (variables: Record<string, unknown>) => refusedWith(() => check({ schema, document, operation, variables }));
    expect(run({ n: 10, all: false })).toBeNull();
    // The cursor is not in the key: the same cost is reused; `first` is, and 100 enterprises × 20 awards × 10 tranches is too many.
    expect(run({ n: 10, after: 'x', all: false })).toBeNull();
    expect(run({ n: 100, all: false })).toBe('COST');
    expect(run({ n: 100, all: false })).toBe('COST');
    expect(run({ n: 20, all: true, level: 'PROVINCE' })).toBeNull();
    expect(run({ n: 20, all: true })).toBe('COST'); // all 3,348 regions on top of the page
  });

  it('recomputes the cost when last changes', async () => {
    const schema = await buildAppSchema();
    const check = cachedQueryLimits(limits, true);
    const { document, operation } = op(
      `query($n: Int) { enterprises(last: $n) { edges { node { name awards { amount disbursements { amount } } } } } }`,
    );
    const run = (variables: Record<string, unknown>) => refusedWith(() => check({ schema, document, operation, variables }));
    expect(run({ n: 10 })).toBeNull();
    expect(run({ n: 100 })).toBe('COST');
  });

  it('still refuses a document over a shape limit every time', async () => {
    const schema = await buildAppSchema();
    const check = cachedQueryLimits({ ...limits, maxDepth: 3 }, true);
    const { document, operation } = op(`{ viewer { region { parent { code } } } }`);
    for (let i = 0; i < 2; i++) expect(refusedWith(() => check({ schema, document, operation, variables: {} }))).toBe('DEPTH');
  });
});
