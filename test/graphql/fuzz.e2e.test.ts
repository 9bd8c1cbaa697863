import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { toGlobalId } from '../../src/core/global-id';
import { findDemoTenants, seedDemoData } from '../../src/seed/demo';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * No input makes the API fail (issue 14, item 5): generated values for every
 * argument of every query and mutation (filters, orders, cursors, ids and
 * global ids of other types, money, dates, codes, huge strings, odd Unicode,
 * nulls and wrong shapes), sent as variables by every role against the demo
 * data. Whatever comes back is a client error or an answer: never
 * INTERNAL_SERVER_ERROR, never HTTP 5xx, never a PostgreSQL message, and a
 * refused mutation writes nothing (every table's row count, the audit trail
 * included, is unchanged).
 *
 * FUZZ_RUNS sets the operations tried per role and kind (default 60: about
 * 700 requests in all).
 */

jest.setTimeout(600_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let t: TestServer;
const tokens: Record<string, string | undefined> = {};
/** Global ids of real rows, of every node type, to send where an ID is asked (and where another type's is). */
let knownIds: string[] = [];
let tables: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  await seedDemoData(t.db.dataSource);
  const demo = (await findDemoTenants(t.db.dataSource))!;
  tokens.PUBLIC = undefined;
  tokens.ENTERPRISE = await tokenFor({ role: 'ENTERPRISE', enterpriseId: demo.enterprise.id });
  tokens.PLATFORM = await tokenFor({ role: 'PLATFORM', platformId: demo.platform.id });
  tokens.LOCAL_GOV = await tokenFor({ role: 'LOCAL_GOV', regionCode: demo.regionCode });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
  const sample = async (table: string, type: string) =>
    (await t.db.dataSource.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id LIMIT 3`)).map((r) => toGlobalId(type, r.id));
  knownIds = (
    await Promise.all([
      sample('enterprise', 'Enterprise'),
      sample('application', 'Application'),
      sample('certification', 'Certification'),
      sample('award', 'Award'),
      sample('disbursement', 'Disbursement'),
      sample('platform', 'Platform'),
      sample('funding_batch', 'FundingBatch'),
      sample('funding_program', 'FundingProgram'),
      sample('assessment', 'Assessment'),
      sample('key_support_proposal', 'KeySupportProposal'),
      sample('public_objection', 'PublicObjection'),
    ])
  ).flat();
  knownIds.push(toGlobalId('Enterprise', demo.enterprise.id), toGlobalId('Platform', demo.platform.id));
  tables = (
    await t.db.dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('migrations', 'rate_limit', 'upkeep_run') ORDER BY table_name`,
    )
  ).map((r) => r.table_name);
}, 300_000);
afterAll(() => t.close());

// ---------------------------------------------------------------- values

const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '\ud800',
  "'; DROP TABLE enterprise; --",
  '%_\\',
  '🀄'.repeat(300),
  '一'.repeat(5_000),
  'a'.repeat(60_000),
  '320000',
  '9132050574371952XF',
  'null',
  '{}',
];
const wrongShape = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...ODD_TEXT));
const decimal = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`),
  fc.constantFrom(
    '0',
    '0.00',
    '-0.01',
    '1e3',
    'NaN',
    'Infinity',
    '12,5',
    ' 1.00',
    '1.001',
    '9'.repeat(200),
    '0.' + '1'.repeat(30),
    '+1',
    '¥100',
    '1_000',
  ),
);
const isoDay = fc
  .date({ min: new Date(-62_135_596_800_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dates = fc.oneof(isoDay, fc.constantFrom('2025-02-30', '2024-02-29', '0000-01-01', '99999-01-01', '2025-1-1', '2025-13-01', 'today'));
const timestamps = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2025-01-01T25:00:00Z', 'yesterday', '2025-01-01'),
);
const ints = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, 1.5), fc.integer());
const uuidLike = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', ''));
const TYPES = ['Enterprise', 'Application', 'Award', 'Region', 'Platform', 'Nope', ''];
const ids = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TYPES), uuidLike).map(([type, id]) => toGlobalId(type, id)) },
    { weight: 1, arbitrary: uuidLike },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
  );

function scalarValue(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return ids();
    case 'Int':
      return ints;
    case 'Float':
      return fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'Money':
      return decimal;
    case 'Date':
    case 'LocalDate':
      return dates;
    case 'DateTimeISO':
      return timestamps;
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    default:
      return fc.oneof(text, decimal, dates);
  }
}

/** A value for an input of `type`: mostly of its shape, sometimes null, missing or of another shape. */
function inputValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 12, arbitrary: inputValue(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: wrongShape },
    );
  const shaped = (): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(inputValue(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
    if (isEnumType(type))
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.constantFrom('NOPE', 'asc', '') },
      );
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    if (isScalarType(type)) return scalarValue(type.name);
    return wrongShape;
  };
  return fc.oneof({ weight: 10, arbitrary: shaped() }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongShape });
}

// ---------------------------------------------------------------- operations

/** A shallow selection of `type`: its typename, id and a few plain fields, one level into objects. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields
    .filter((f) => isLeafType(getNamedType(f.type)))
    .slice(0, 8)
    .map((f) => f.name);
  const nested =
    depth < 1
      ? fields
          .filter((f) => !isLeafType(getNamedType(f.type)))
          .slice(0, 4)
          .map((f) => `${f.name} ${selection(f.type, depth + 1)}`)
      : [];
  return `{ __typename ${[...leaves, ...nested].join(' ')} }`;
}

interface Operation {
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

function operations(kind: 'query' | 'mutation'): fc.Arbitrary<Operation> {
  const root = kind === 'query' ? t.server.schema.getQueryType()! : t.server.schema.getMutationType()!;
  const fields = Object.values(root.getFields()) as GraphQLField<unknown, unknown>[];
  return fc.oneof(
    ...fields.map((f) => {
      const params = f.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${kind} Fuzz${params ? `(${params})` : ''} { ${f.name}${args ? `(${args})` : ''} ${selection(f.type)} }`;
      const values = fc.record(Object.fromEntries(f.args.map((a) => [a.name, inputValue(a.type)])), { requiredKeys: [] });
      return values.map((variables) => ({ field: f.name, document, variables: variables }));
    }),
  );
}

// ---------------------------------------------------------------- the checks

/** What no response may contain: PostgreSQL's and the driver's words. */
const DATABASE_WORDS =
  /invalid input syntax|violates|duplicate key|syntax error at|relation "|column "|operator does not exist|out of range for type|QueryFailedError|SQLSTATE|current transaction is aborted|pg_catalog|could not serialize/i;

interface Outcome {
  status: number;
  codes: string[];
  leaks: string[];
}

async function send(op: Operation, token: string | undefined): Promise<Outcome & { ok: boolean }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: op.document, variables: op.variables }),
  });
  const raw = await res.text();
  let body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(raw);
  } catch {
    // a non-JSON answer (413 for a huge body) has no GraphQL errors to judge
  }
  return {
    status: res.status,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
    leaks: DATABASE_WORDS.test(raw) ? [raw.slice(0, 300)] : [],
    ok: !!body.data?.[op.field] && !body.errors?.length,
  };
}

async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await t.db.dataSource.query(`SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}")::int AS "${n}"`).join(', ')}`);
  return row as Record<string, number>;
}

const ROLES = ['PUBLIC', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF'];
const tally = { requests: 0, answered: 0, clientErrors: 0, mutationsRefused: 0, mutationsApplied: 0 };

afterAll(() => {
  // The figures the closing note reports.
  console.log(`fuzz: ${JSON.stringify(tally)}`);
});

describe.each(ROLES)('as %s', (role) => {
  it('answers generated queries with data or client errors, never an internal error or a database message', async () => {
    await fc.assert(
      fc.asyncProperty(operations('query'), async (op) => {
        const out = await send(op, tokens[role]);
        tally.requests++;
        if (out.codes.length) tally.clientErrors++;
        else tally.answered++;
        expect({ field: op.field, status: out.status < 500, internal: out.codes.includes('INTERNAL_SERVER_ERROR'), leaks: out.leaks }).toEqual({
          field: op.field,
          status: true,
          internal: false,
          leaks: [],
        });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('refuses generated mutations cleanly and writes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(operations('mutation'), async (op) => {
        const before = await rowCounts();
        const out = await send(op, tokens[role]);
        const after = await rowCounts();
        tally.requests++;
        if (out.ok) tally.mutationsApplied++;
        else tally.mutationsRefused++;
        const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
        expect({
          field: op.field,
          status: out.status < 500,
          internal: out.codes.includes('INTERNAL_SERVER_ERROR'),
          leaks: out.leaks,
          writtenWhenRefused: out.ok ? [] : changed,
        }).toEqual({ field: op.field, status: true, internal: false, leaks: [], writtenWhenRefused: [] });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
