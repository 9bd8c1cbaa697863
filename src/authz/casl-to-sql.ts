import { createMongoAbility, subject } from '@casl/ability';
import { rulesToAST } from '@casl/ability/extra';
import { CompoundCondition, Condition, FieldCondition } from '@ucast/mongo2js';
import { EntityMetadata } from 'typeorm';
import { AppAbility, AppRule } from './ability';
import { Action, SubjectName } from './policy';

/**
 * Our CASL → SQL step (CASL 7 has no TypeORM adapter). The rules an ability
 * has for (action, subject) become one SQL boolean expression over the
 * entity's columns, to be ANDed into the WHERE clause of a list, a count or a
 * lookup — so pages, totals and cursors only ever see permitted rows.
 *
 * It must agree exactly with `ability.can()` (a property test checks this on
 * generated rows). SQL's NULL logic differs from JavaScript's, so every leaf
 * is written to be true or false, never NULL, and NOT then behaves as in JS.
 * Fields and operators are allow-listed: anything else throws, failing closed.
 */

export type SqlCondition =
  | { kind: 'none' } // no rule grants anything: skip the query, return nothing
  | { kind: 'all' } // an unconditional rule: no filter
  | { kind: 'where'; sql: string; params: Record<string, unknown> };

const COMPARISONS: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

export class UnsupportedConditionError extends Error {}

interface Emitter {
  alias: string;
  metadata: EntityMetadata;
  params: Record<string, unknown>;
  prefix: string;
}

function column(e: Emitter, field: string): { sql: string; nullable: boolean } {
  const col = e.metadata.columns.find((c) => c.propertyName === field);
  if (!col) throw new UnsupportedConditionError(`policy condition on unknown field ${e.metadata.name}.${field}`);
  return { sql: `"${e.alias}"."${col.databaseName}"`, nullable: col.isNullable };
}

function param(e: Emitter, value: unknown): string {
  const name = `${e.prefix}${Object.keys(e.params).length}`;
  e.params[name] = value;
  return `:${name}`;
}

function scalar(value: unknown, field: string): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return value;
  }
  throw new UnsupportedConditionError(`unsupported value in policy condition on ${field}: ${JSON.stringify(value)}`);
}

function leaf(e: Emitter, c: FieldCondition): string {
  const col = column(e, c.field);
  // `x = v AND x IS NOT NULL` is false, not NULL, when x is NULL (and stays indexable).
  const notNull = (expr: string) => (col.nullable ? `(${expr} AND ${col.sql} IS NOT NULL)` : expr);
  switch (c.operator) {
    case 'eq':
      if (c.value === null) return `${col.sql} IS NULL`;
      return notNull(`${col.sql} = ${param(e, scalar(c.value, c.field))}`);
    case 'ne':
      if (c.value === null) return `${col.sql} IS NOT NULL`;
      return `${col.sql} IS DISTINCT FROM ${param(e, scalar(c.value, c.field))}`;
    case 'in':
    case 'nin': {
      if (!Array.isArray(c.value)) throw new UnsupportedConditionError(`$${c.operator} needs an array on ${c.field}`);
      const values = c.value.filter((v) => v !== null).map((v) => scalar(v, c.field));
      const withNull = values.length !== c.value.length;
      const parts: string[] = [];
      if (values.length) parts.push(notNull(`${col.sql} = ANY(${param(e, values)})`));
      if (withNull) parts.push(`${col.sql} IS NULL`);
      const matches = parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
      return c.operator === 'in' ? matches : `NOT ${matches}`;
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const value = scalar(c.value, c.field);
      const compare = `${col.sql} ${COMPARISONS[c.operator]} ${param(e, value)}`;
      if (!col.nullable) return compare;
      // JavaScript compares null as if it were 0 (null <= "329999" is true);
      // SQL says NULL. Ask CASL itself what a null field gives, and say the same.
      return nullMatches(c.operator, value) ? `(${col.sql} IS NULL OR ${compare})` : notNull(compare);
    }
    default:
      throw new UnsupportedConditionError(`policy operator $${c.operator} is not supported in SQL`);
  }
}

/** What ability.can() decides for a row whose field is null, under `$op: value`. */
function nullMatches(operator: string, value: string | number | boolean): boolean {
  const probe = createMongoAbility([{ action: 'read', subject: 'Probe', conditions: { f: { [`$${operator}`]: value } } }]);
  return probe.can('read', subject('Probe', { f: null }));
}

function emit(e: Emitter, c: Condition): string {
  if (c instanceof CompoundCondition) {
    const parts = (c.value as Condition[]).map((v) => emit(e, v));
    switch (c.operator) {
      case 'and':
        return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
      case 'or':
        return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
      case 'not':
        return `NOT ${parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`}`;
      default:
        throw new UnsupportedConditionError(`policy operator ${c.operator} is not supported in SQL`);
    }
  }
  if (c instanceof FieldCondition) return leaf(e, c);
  throw new UnsupportedConditionError(`unsupported policy condition ${JSON.stringify(c)}`);
}

/**
 * The SQL condition under which `ability` may `action` rows of `subject`,
 * with parameters named `${prefix}N` (distinct prefixes let several
 * conditions share one query).
 */
export function sqlConditionFor(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias: string,
  metadata: EntityMetadata,
  prefix = 'authz_',
): SqlCondition {
  const ast = rulesToAST(ability, action, subject);
  if (ast === null) return { kind: 'none' };
  if (ast instanceof CompoundCondition && ast.operator === 'and' && (ast.value as Condition[]).length === 0) {
    return { kind: 'all' };
  }
  const e: Emitter = { alias, metadata, params: {}, prefix };
  return { kind: 'where', sql: emit(e, ast), params: e.params };
}

/**
 * The SQL condition under which `rules` let a caller `action` the field
 * `field` of a row of `subject`, as `ability.can(action, row, field)` decides.
 * CASL lets a rule with `fields` speak for those fields only, and asked
 * without a field it ignores inverted rules that name fields; so the rules
 * that apply to `field` are kept, their `fields` dropped, and the result is
 * the row condition of those rules alone.
 */
export function sqlFieldConditionFor(
  rules: AppRule[],
  action: Action,
  subject: SubjectName,
  field: string,
  alias: string,
  metadata: EntityMetadata,
  prefix: string,
): SqlCondition {
  const applying = rules
    .filter((r) => !r.fields || (Array.isArray(r.fields) ? r.fields.includes(field) : r.fields === field))
    .map(({ fields: _fields, ...rule }) => rule);
  return sqlConditionFor(createMongoAbility<AppAbility>(applying), action, subject, alias, metadata, prefix);
}
