import { randomUUID } from 'node:crypto';
import { GraphQLSchema, isObjectType } from 'graphql';
import { Viewer } from '../../src/auth/viewer';
import { abilityFor, regionRange, subjectOf } from '../../src/authz/ability';
import { AppRule } from '../../src/authz/ability';
import { clientRulesFor, isApiPath, translateRules } from '../../src/authz/client-rules';
import { hasOperation } from '../../src/authz/operations';
import { POLICY, SubjectName } from '../../src/authz/policy';
import { fromGlobalId, isUuid, toGlobalId } from '../../src/core/global-id';
import { buildAppSchema } from '../../src/server/schema';
import { mayRecommend } from '../../src/modules/application/application.rules';
import { Tier } from '../../src/modules/enterprise/enterprise.enums';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const VIEWERS: Viewer[] = [
  { role: 'PUBLIC', subject: 'anonymous' },
  { role: 'ENTERPRISE', subject: 'e', enterpriseId: randomUUID() },
  { role: 'PLATFORM', subject: 'p', platformId: randomUUID() },
  { role: 'LOCAL_GOV', subject: 'g', regionCode: '330000' },
  { role: 'LOCAL_GOV', subject: 'g', regionCode: '330200' },
  { role: 'LOCAL_GOV', subject: 'g', regionCode: '320102' },
  { role: 'MIIT', subject: 'm' },
  { role: 'MOF', subject: 'f' },
];

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Every string in a condition value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the rules a client gets speak the API’s language (issue 13, item 2)', () => {
  it.each(VIEWERS.map((v) => [`${v.role} ${v.regionCode ?? ''}`, v] as const))(
    '%s: GraphQL types, fields and paths, global IDs, actions with a mutation',
    (_, viewer) => {
      const rules = clientRulesFor(viewer, schema);
      expect(rules.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const rule of rules) {
        for (const subject of list(rule.subject as string | string[])) {
          if (!isObjectType(schema.getType(subject))) wrong.push(`subject ${subject} is no GraphQL type`);
          for (const action of list(rule.action)) {
            if (!hasOperation(subject as SubjectName, action)) wrong.push(`${action} ${subject} has no mutation`);
          }
          for (const field of list(rule.fields ?? [])) if (!isApiPath(schema, subject, field)) wrong.push(`field ${subject}.${field}`);
          for (const [path, value] of Object.entries(rule.conditions ?? {})) {
            if (!isApiPath(schema, subject, path)) wrong.push(`condition on ${subject}.${path}`);
            for (const s of strings(value)) {
              if (isUuid(s)) wrong.push(`raw uuid in ${subject}.${path}`);
              // A global ID in a condition is one of the type the path's field holds.
              const id = fromGlobalId(s);
              if (path.endsWith('id') && id?.type === undefined) wrong.push(`${subject}.${path}: ${s} is no global ID`);
              if (path === 'id' && id?.type !== subject) wrong.push(`${subject}.id: a global ID of ${id?.type}`);
              if (path.endsWith('enterprise.id') && id?.type !== 'Enterprise') wrong.push(`${subject}.${path}: a global ID of ${id?.type}`);
              if (path.endsWith('platform.id') && id?.type !== 'Platform') wrong.push(`${subject}.${path}: a global ID of ${id?.type}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('tests the owner through the API’s fields: scope columns only where the API has them as fields (AuditEvent)', () => {
    const rules = VIEWERS.flatMap((v) => clientRulesFor(v, schema));
    const paths = rules.flatMap((r) => Object.keys(r.conditions ?? {}));
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'enterprise.id', 'award.platform.id', 'enterprise.region.code', 'application.enterprise.region.code']),
    );
    const scopeColumns = rules
      .filter((r) => Object.keys(r.conditions ?? {}).some((p) => /^(regionCode|enterpriseId|platformId)$/.test(p)))
      .map((r) => r.subject);
    expect(scopeColumns.length).toBeGreaterThan(0);
    expect(new Set(scopeColumns)).toEqual(new Set(['AuditEvent']));
  });

  it('drops no rule of the server’s except for actions no mutation exercises', () => {
    // Every (role, action, subject) the policy grants and a mutation exercises reaches the client.
    for (const viewer of VIEWERS) {
      const ability = abilityFor(viewer);
      const told = clientRulesFor(viewer, schema);
      for (const rule of POLICY[viewer.role]) {
        for (const subject of list(rule.subject)) {
          for (const action of list(rule.action).filter((a) => hasOperation(subject, a))) {
            expect([viewer.role, action, subject, ability.can(action, subject)]).toEqual([viewer.role, action, subject, true]);
            const reaches = told.some((r) => list(r.subject as string | string[]).includes(subject) && list(r.action).includes(action));
            expect([viewer.role, action, subject, reaches]).toEqual([viewer.role, action, subject, true]);
          }
        }
      }
    }
  });
});

describe('the translation never widens a rule', () => {
  const uuid = '5f0c1a2e-6a44-4f43-9f1e-0a4b8e0a9c11';
  const translate = (rules: AppRule[]) => translateRules(schema, rules);

  it('drops actions no mutation exercises, and fields the GraphQL type does not have', () => {
    expect(translate([{ action: ['read', 'update', 'certify'], subject: 'Enterprise', fields: ['name', 'regionCode', 'noSuchField'] }])).toEqual([
      { action: ['read', 'update'], subject: 'Enterprise', fields: ['name'] },
    ]);
    expect(translate([{ action: 'update', subject: 'Enterprise', fields: ['noSuchField'] }])).toEqual([]);
  });

  it('turns uuids into global IDs of the type the path holds, and the owner’s columns into the owner’s fields', () => {
    expect(translate([{ action: 'read', subject: ['Review', 'Award', 'AuditEvent'], conditions: { id: uuid, enterpriseId: uuid } }])).toEqual([
      {
        action: 'read',
        subject: 'Review',
        conditions: { id: toGlobalId('Review', uuid), 'application.enterprise.id': toGlobalId('Enterprise', uuid) },
      },
      { action: 'read', subject: 'Award', conditions: { id: toGlobalId('Award', uuid), 'enterprise.id': toGlobalId('Enterprise', uuid) } },
      { action: 'read', subject: 'AuditEvent', conditions: { id: toGlobalId('AuditEvent', uuid), enterpriseId: toGlobalId('Enterprise', uuid) } },
    ]);
    expect(translate([{ action: 'update', subject: 'Platform', conditions: { id: uuid } }])).toEqual([
      { action: 'update', subject: 'Platform', conditions: { id: toGlobalId('Platform', uuid) } },
    ]);
  });

  it('reads a region through either owner as two rules, and keeps the rest of the condition in both', () => {
    const range = { $gte: '320000', $lte: '329999' };
    expect(translate([{ action: 'disburse', subject: 'Award', conditions: { regionCode: range, status: 'GRANTED' } }])).toEqual([
      { action: 'disburse', subject: 'Award', conditions: { 'enterprise.region.code': range, status: 'GRANTED' } },
      { action: 'disburse', subject: 'Award', conditions: { 'platform.region.code': range, status: 'GRANTED' } },
    ]);
  });

  it('leaves out an allowing rule it cannot express, and refuses to leave out an inverted one', () => {
    expect(translate([{ action: 'read', subject: 'Application', conditions: { recommendedByRegionCode: '320000' } }])).toEqual([]);
    expect(() => translate([{ action: 'read', subject: 'Application', inverted: true, conditions: { recommendedByRegionCode: '320000' } }])).toThrow(
      /inverted rule on Application/,
    );
    // An inverted rule it can express stays inverted.
    expect(translate([{ action: 'update', subject: 'Enterprise', inverted: true, conditions: { tier: 'LITTLE_GIANT' } }])).toEqual([
      { action: 'update', subject: 'Enterprise', inverted: true, conditions: { tier: 'LITTLE_GIANT' } },
    ]);
  });
});

describe('who recommends a little giant is the policy’s to say (so clients know it too)', () => {
  const GOVERNMENTS = ['320000', '320100', '320102', '330000', '330200', '330203', '440000', '440300', '110000', '210000', '210200'];
  const ENTERPRISES = ['320102', '320205', '330106', '330203', '330281', '339999', '440304', '440106', '110105', '210202', '211002'];
  it.each(GOVERNMENTS)('the local government of %s recommends exactly as the workflow rule says', (region) => {
    const ability = abilityFor({ role: 'LOCAL_GOV', subject: 'g', regionCode: region });
    for (const code of ENTERPRISES) {
      for (const tier of [Tier.LITTLE_GIANT, Tier.SRDI_SME]) {
        const { lo, hi } = regionRange(region);
        const inRegion = code >= lo && code <= hi;
        const expected = inRegion && mayRecommend(region, tier, code);
        const can = ability.can('recommend', subjectOf('Application', { tier, regionCode: code }));
        expect([region, code, tier, can]).toEqual([region, code, tier, expected]);
      }
    }
  });
});
