import { createMongoAbility, subject } from '@casl/ability';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppAbility, AppRule } from '../../src/authz/ability';
import { SqlCondition, sqlConditionFor, sqlFieldConditionFor, UnsupportedConditionError } from '../../src/authz/casl-to-sql';
import { EnterpriseEntity } from '../../src/modules/enterprise/enterprise.entity';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The converter must agree with ability.can() on every row. Rows are random,
 * rules are random (conditions, several rules, `cannot` rules), and the SQL
 * runs against a real PostgreSQL table with the Enterprise columns' types
 * and nullability.
 */

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = db.dataSource;
  await ds.query(`CREATE TABLE probe (
    id uuid PRIMARY KEY, region_code char(6) NOT NULL, tier text, size_class text NOT NULL, has_own_brand boolean, name text NOT NULL)`);
});
afterAll(() => db.drop());

const IDS = Array.from({ length: 6 }, () => randomUUID());
const REGIONS = ['110000', '320000', '320102', '320505', '329999', '330203', '440300'];
const TIERS = [null, 'INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT'];
const SIZES = ['MICRO', 'SMALL', 'MEDIUM'];

interface Row {
  id: string;
  regionCode: string;
  tier: string | null;
  sizeClass: string;
  hasOwnBrand: boolean | null;
  name: string;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  id: fc.constantFrom(...IDS),
  regionCode: fc.constantFrom(...REGIONS),
  tier: fc.constantFrom(...TIERS),
  sizeClass: fc.constantFrom(...SIZES),
  hasOwnBrand: fc.constantFrom(true, false, null),
  name: fc.constant('x'),
});

const fieldCondition = fc.oneof(
  fc.record({ id: fc.oneof(fc.constantFrom(...IDS), fc.record({ $ne: fc.constantFrom(...IDS) }), fc.record({ $in: fc.subarray(IDS) })) }),
  fc.record({
    regionCode: fc.oneof(
      fc.constantFrom(...REGIONS),
      fc.record({ $gte: fc.constantFrom(...REGIONS), $lte: fc.constantFrom(...REGIONS) }),
      fc.record({ $lt: fc.constantFrom(...REGIONS) }),
      fc.record({ $gt: fc.constantFrom(...REGIONS) }),
      fc.record({ $nin: fc.subarray(REGIONS) }),
    ),
  }),
  fc.record({
    tier: fc.oneof(
      fc.constantFrom(...TIERS),
      fc.record({ $ne: fc.constantFrom(...TIERS) }),
      fc.record({ $in: fc.subarray(TIERS) }),
      fc.record({ $nin: fc.subarray(TIERS) }),
    ),
  }),
  fc.record({
    tier: fc.oneof(
      fc.record({ $lt: fc.constantFrom('LITTLE_GIANT', 'SRDI_SME', 'A', 'Z') }),
      fc.record({ $lte: fc.constantFrom('LITTLE_GIANT', 'SRDI_SME', 'A', 'Z') }),
      fc.record({ $gt: fc.constantFrom('LITTLE_GIANT', 'SRDI_SME', 'A', 'Z') }),
      fc.record({ $gte: fc.constantFrom('LITTLE_GIANT', 'SRDI_SME', 'A', 'Z') }),
    ),
  }),
  fc.record({ hasOwnBrand: fc.oneof(fc.constantFrom(true, false, null), fc.record({ $ne: fc.constantFrom(true, false, null) })) }),
  fc.record({ sizeClass: fc.oneof(fc.constantFrom(...SIZES), fc.record({ $in: fc.subarray(SIZES) })) }),
);

// JSON round trip: fast-check's records are not plain objects, which CASL's parser needs.
const conditionsArb = fc
  .array(fieldCondition, { minLength: 1, maxLength: 3 })
  .map((parts) => JSON.parse(JSON.stringify(Object.assign({}, ...parts))) as Record<string, unknown>);

const ruleArb: fc.Arbitrary<AppRule> = fc.record(
  {
    action: fc.constant('read' as const),
    subject: fc.constant('Enterprise' as const),
    conditions: conditionsArb,
    inverted: fc.boolean(),
  },
  { requiredKeys: ['action', 'subject', 'inverted'] },
);

async function sqlMatches(ability: AppAbility, rows: Row[]): Promise<Set<string>> {
  return rowsMatching(sqlConditionFor(ability, 'read', 'Enterprise', 'enterprise', ds.getMetadata(EnterpriseEntity)), rows);
}

async function rowsMatching(cond: SqlCondition, rows: Row[]): Promise<Set<string>> {
  await ds.query('DELETE FROM probe');
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  for (const r of unique) {
    await ds.query(`INSERT INTO probe VALUES ($1, $2, $3, $4, $5, $6)`, [r.id, r.regionCode, r.tier, r.sizeClass, r.hasOwnBrand, r.name]);
  }
  if (cond.kind === 'none') return new Set();
  const qb = ds.createQueryBuilder().select('enterprise.id', 'id').from('probe', 'enterprise');
  if (cond.kind === 'where') qb.where(cond.sql, cond.params);
  const found: { id: string }[] = await qb.getRawMany();
  return new Set(found.map((f) => f.id));
}

function canMatches(ability: AppAbility, rows: Row[]): Set<string> {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return new Set(unique.filter((r) => ability.can('read', subject('Enterprise', { ...r }) as never)).map((r) => r.id));
}

describe('CASL → SQL', () => {
  it('returns exactly the rows ability.can() accepts, for random rules and rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), fc.array(rowArb, { minLength: 1, maxLength: 12 }), async (rules, rows) => {
        // An unconditional `can` first makes `cannot` rules meaningful on their own.
        const ability = createMongoAbility<AppAbility>(rules);
        expect(await sqlMatches(ability, rows)).toEqual(canMatches(ability, rows));
      }),
      { numRuns: 150 },
    );
  });

  // Rules that grant or withhold some fields only, as the policy's published-fields rules do.
  const FIELDS = ['name', 'tier', 'hasOwnBrand'];
  const fieldRuleArb: fc.Arbitrary<AppRule> = fc.record(
    {
      action: fc.constant('read' as const),
      subject: fc.constant('Enterprise' as const),
      conditions: conditionsArb,
      fields: fc.subarray(FIELDS, { minLength: 1 }),
      inverted: fc.boolean(),
    },
    { requiredKeys: ['action', 'subject', 'inverted'] },
  );

  it('decides a field of a row exactly as ability.can(action, row, field), for random rules with and without fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(ruleArb, fieldRuleArb), { minLength: 1, maxLength: 5 }),
        fc.array(rowArb, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...FIELDS),
        async (rules, rows, field) => {
          const ability = createMongoAbility<AppAbility>(rules);
          const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
          const canRead = new Set(unique.filter((r) => ability.can('read', subject('Enterprise', { ...r }) as never, field)).map((r) => r.id));
          const cond = sqlFieldConditionFor(rules, 'read', 'Enterprise', field, 'enterprise', ds.getMetadata(EnterpriseEntity), 'f_');
          expect(await rowsMatching(cond, rows)).toEqual(canRead);
        },
      ),
      { numRuns: 150 },
    );
  });

  // Shapes the random rules reach only now and then, fixed so every run judges them: several conditions in
  // one rule (AND), several rules (OR), `cannot` rules (NOT), $in with null, $nin, comparisons on a nullable
  // column, and field rules naming one field or several.
  const ROWS: Row[] = IDS.map((id, i) => ({
    id,
    regionCode: REGIONS[i],
    tier: TIERS[i % TIERS.length],
    sizeClass: SIZES[i % SIZES.length],
    hasOwnBrand: [true, false, null][i % 3],
    name: 'x',
  }));
  const FIXED: AppRule[][] = [
    [{ action: 'read', subject: 'Enterprise', conditions: { regionCode: { $gte: '320000', $lte: '329999' }, tier: { $ne: null } } }],
    [
      { action: 'read', subject: 'Enterprise', conditions: { tier: 'LITTLE_GIANT' } },
      { action: 'read', subject: 'Enterprise', conditions: { hasOwnBrand: true } },
    ],
    [
      { action: 'read', subject: 'Enterprise' },
      { action: 'read', subject: 'Enterprise', conditions: { tier: { $in: [null, 'SRDI_SME'] } }, inverted: true },
    ],
    [{ action: 'read', subject: 'Enterprise', conditions: { regionCode: { $nin: ['110000', '440300'] }, sizeClass: { $in: ['SMALL', 'MEDIUM'] } } }],
    [
      { action: 'read', subject: 'Enterprise', conditions: { tier: { $lt: 'M' } } },
      { action: 'read', subject: 'Enterprise', conditions: { hasOwnBrand: { $ne: false } }, inverted: true },
    ],
    [{ action: 'read', subject: 'Enterprise', conditions: { tier: { $gte: 'SRDI_SME' }, hasOwnBrand: null } }],
  ];

  it.each(FIXED.map((rules, i) => [i, rules] as const))(
    'returns exactly the rows ability.can() accepts, for fixed rule set %i',
    async (_i, rules) => {
      const ability = createMongoAbility<AppAbility>(rules);
      const expected = canMatches(ability, ROWS);
      expect(await sqlMatches(ability, ROWS)).toEqual(expected);
      // Each set keeps some rows and drops others, so a condition that kept all or none would be seen.
      expect(expected.size).toBeGreaterThan(0);
      expect(expected.size).toBeLessThan(ROWS.length);
    },
  );

  it.each([
    [
      [
        { action: 'read', subject: 'Enterprise' },
        { action: 'read', subject: 'Enterprise', fields: 'tier', inverted: true, conditions: { hasOwnBrand: true } },
      ],
      'tier',
    ],
    [
      [
        { action: 'read', subject: 'Enterprise', fields: ['name', 'tier'], conditions: { tier: { $ne: null } } },
        { action: 'read', subject: 'Enterprise', fields: 'hasOwnBrand' },
      ],
      'tier',
    ],
    [
      [
        { action: 'read', subject: 'Enterprise', fields: ['name', 'tier'], conditions: { tier: { $ne: null } } },
        { action: 'read', subject: 'Enterprise', fields: 'hasOwnBrand' },
      ],
      'hasOwnBrand',
    ],
  ] as [AppRule[], string][])('decides a field exactly as ability.can(), for rules naming fields as a string or a list', async (rules, field) => {
    const ability = createMongoAbility<AppAbility>(rules);
    const canRead = new Set(ROWS.filter((r) => ability.can('read', subject('Enterprise', { ...r }) as never, field)).map((r) => r.id));
    const cond = sqlFieldConditionFor(rules, 'read', 'Enterprise', field, 'enterprise', ds.getMetadata(EnterpriseEntity), 'f_');
    expect(await rowsMatching(cond, ROWS)).toEqual(canRead);
  });

  it('an empty rule set is "none": no query at all', () => {
    const ability = createMongoAbility<AppAbility>([]);
    expect(sqlConditionFor(ability, 'read', 'Enterprise', 'e', ds.getMetadata(EnterpriseEntity))).toEqual({ kind: 'none' });
  });

  it('an unconditional rule is "all"', () => {
    const ability = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Enterprise' }]);
    expect(sqlConditionFor(ability, 'read', 'Enterprise', 'e', ds.getMetadata(EnterpriseEntity))).toEqual({ kind: 'all' });
  });

  it('fails closed on fields and operators it does not know', () => {
    const meta = ds.getMetadata(EnterpriseEntity);
    const unknownField = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Enterprise', conditions: { secret: 1 } }]);
    expect(() => sqlConditionFor(unknownField, 'read', 'Enterprise', 'e', meta)).toThrow(UnsupportedConditionError);
    expect(() => sqlConditionFor(unknownField, 'read', 'Enterprise', 'e', meta)).toThrow(/unknown field EnterpriseEntity\.secret/);
    const regex = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Enterprise', conditions: { name: { $regex: '^a' } } }]);
    expect(() => sqlConditionFor(regex, 'read', 'Enterprise', 'e', meta)).toThrow(UnsupportedConditionError);
    expect(() => sqlConditionFor(regex, 'read', 'Enterprise', 'e', meta)).toThrow(/regex/);
    const object = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Enterprise', conditions: { name: { a: 1 } } }]);
    expect(() => sqlConditionFor(object, 'read', 'Enterprise', 'e', meta)).toThrow(UnsupportedConditionError);
  });

  it('binds strings, booleans and finite numbers as they are, and refuses any other value', () => {
    const meta = ds.getMetadata(EnterpriseEntity);
    const where = (conditions: Record<string, unknown>) => {
      const ability = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Enterprise', conditions } as never]);
      const condition = sqlConditionFor(ability, 'read', 'Enterprise', 'e', meta);
      if (condition.kind !== 'where') throw new Error(`expected a WHERE, got ${condition.kind}`);
      return Object.values(condition.params);
    };
    expect(where({ name: 'Acme' })).toEqual(['Acme']);
    expect(where({ hasOwnBrand: false })).toEqual([false]);
    expect(where({ nicheSinceYear: { $gte: 2015 } })).toEqual([2015]);
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(() => where({ nicheSinceYear: { $gt: value } })).toThrow(UnsupportedConditionError);
      expect(() => where({ nicheSinceYear: { $gt: value } })).toThrow('unsupported value in policy condition on nicheSinceYear: null');
    }
    expect(() => where({ foundedOn: { $lt: new Date('2020-01-01') } })).toThrow(
      /unsupported value in policy condition on foundedOn: "2020-01-01T00:00:00\.000Z"/,
    );
  });
});
