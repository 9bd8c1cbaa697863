import { GraphQLSchema, isInputObjectType, isNonNullType, isObjectType } from 'graphql';
import { Operation, OPERATIONS } from '../../src/authz/operations';
import { Action, POLICY, RuleTemplate, SubjectName } from '../../src/authz/policy';
import { buildAppSchema } from '../../src/server/schema';

/**
 * Every grant of the policy has an operation, and every operation has a
 * grant (issue 12, item 2). The rule, precisely:
 *
 * - A grant is one (role, action, subject) of a rule whose action is not
 *   `read`, and, where the rule names fields, one (role, action, subject,
 *   field) per field. Reads are served by queries and field masking, not here.
 * - OPERATIONS (src/authz/operations.ts) says, for each mutation of the schema, which subject it
 *   writes and under which policy actions, and for those that write a
 *   record's own fields ("writes"), which arguments of its input are not
 *   fields of the record. The record fields it writes are then read from the
 *   schema: every other field of its input type, named as the policy names
 *   it (regionCode → region, ruleSet → ruleSetCode, enterpriseId → enterprise).
 *   So a field added to an input is counted without anyone updating this file.
 * - Operation → grant: every (subject, action) of an operation is granted to
 *   some role, and every record field it writes is granted for that action
 *   by some rule (one naming the field, or one naming no fields: a rule
 *   without fields grants them all).
 * - Grant → operation: every (action, subject) granted is exercised by some
 *   operation, and every field a rule names is written by an operation with
 *   that subject and action.
 * - An operation without "writes" takes workflow parameters, not record
 *   fields (submit, grant, disburse …); it is held to (subject, action), and
 *   the test fails if a rule ever names fields for that subject and action,
 *   so the entry must then say what it writes.
 *
 * What it cannot see: that a service really checks the action named here.
 * OPERATIONS is the one hand-kept part; it is held to the schema (no
 * mutation missing, none extra), and each mutation's e2e tests show its
 * refusals (FORBIDDEN for the roles without the grant).
 */

/** Input names that differ from the policy's (GraphQL output) field names. */
const POLICY_NAME: Record<string, string> = { regionCode: 'region', ruleSet: 'ruleSetCode', enterpriseId: 'enterprise' };

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

interface Grant {
  role: string;
  action: Action;
  subject: SubjectName;
  fields?: string[];
}

const GRANTS: Grant[] = Object.entries(POLICY).flatMap(([role, rules]: [string, RuleTemplate[]]) =>
  rules.flatMap((rule) =>
    list(rule.action)
      .filter((action) => action !== 'read')
      .flatMap((action) => list(rule.subject).map((subject) => ({ role, action, subject, fields: rule.fields }))),
  ),
);

const grantsFor = (subject: SubjectName, action: Action) => GRANTS.filter((g) => g.subject === subject && g.action === action);

/** The record fields an operation writes, from its input type in the schema. */
function writtenFields(schema: GraphQLSchema, mutation: string, op: Operation): string[] {
  if (!op.writes) return [];
  const arg = schema
    .getMutationType()!
    .getFields()
    [mutation].args.find((a) => a.name === 'input')!;
  const type = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
  if (!isInputObjectType(type)) throw new Error(`${mutation}(input) is not an input object`);
  return Object.keys(type.getFields())
    .filter((f) => !op.writes!.parameters.includes(f))
    .map((f) => POLICY_NAME[f] ?? f);
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('the policy and the mutations', () => {
  it('lists every mutation of the schema, and none that is not there', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  it('writes only fields of the record, as the schema names them, and its parameters are input fields (else the mapping here is wrong)', () => {
    const strays: string[] = [];
    for (const [mutation, op] of Object.entries(OPERATIONS)) {
      const type = schema.getType(op.subject);
      if (!isObjectType(type)) throw new Error(`no object type ${op.subject}`);
      for (const f of writtenFields(schema, mutation, op)) if (!type.getFields()[f]) strays.push(`${mutation} → ${op.subject}.${f}`);
      const input = schema
        .getMutationType()!
        .getFields()
        [mutation].args.find((a) => a.name === 'input');
      const inputType = input && (isNonNullType(input.type) ? input.type.ofType : input.type);
      // A parameter no longer in the input would let a record field of that name slip by uncounted.
      for (const p of op.writes?.parameters ?? []) {
        if (!isInputObjectType(inputType) || !inputType.getFields()[p]) strays.push(`${mutation}: no input field ${p}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it('has a grant for every action of every mutation, and for every field it writes', () => {
    const ungranted: string[] = [];
    for (const [mutation, op] of Object.entries(OPERATIONS)) {
      for (const action of op.actions) {
        const grants = grantsFor(op.subject, action);
        if (!grants.length) ungranted.push(`${mutation}: ${action} ${op.subject}`);
        for (const f of writtenFields(schema, mutation, op)) {
          if (!grants.some((g) => !g.fields || g.fields.includes(f))) ungranted.push(`${mutation}: ${action} ${op.subject}.${f}`);
        }
      }
    }
    expect(ungranted).toEqual([]);
  });

  it('has a mutation for every granted action, and one writing every field a rule grants', () => {
    const unused: string[] = [];
    for (const g of GRANTS) {
      const ops = Object.entries(OPERATIONS).filter(([, op]) => op.subject === g.subject && op.actions.includes(g.action));
      if (!ops.length) unused.push(`${g.role}: ${g.action} ${g.subject}`);
      for (const f of g.fields ?? []) {
        if (!ops.some(([mutation, op]) => writtenFields(schema, mutation, op).includes(f))) unused.push(`${g.role}: ${g.action} ${g.subject}.${f}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('knows what every mutation writes wherever a rule grants fields one by one', () => {
    const blind = Object.entries(OPERATIONS)
      .filter(([, op]) => !op.writes && op.actions.some((a) => grantsFor(op.subject, a).some((g) => g.fields)))
      .map(([mutation]) => mutation);
    expect(blind).toEqual([]);
  });
});
