import { isDeepStrictEqual } from 'node:util';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { DomainError, ForbiddenError, NotFoundError } from '../core/errors';
import { abilityFor, AppAbility, AppRule, policyScopeOf, rulesFor } from './ability';
import { SqlCondition, sqlConditionFor, sqlFieldConditionFor } from './casl-to-sql';

/**
 * What a compiled read decided in SQL about one row it read under the
 * caller's row condition: the row is readable, and each listed field is
 * readable or not. Carried by the row under ROW_ACCESS.
 */
export interface RowAccess {
  fields: Record<string, boolean>;
}
export const ROW_ACCESS = Symbol('srdi.rowAccess');

/** Compiled policy conditions per ability, by action, subject and the query's alias. */
const compiledConditions = new WeakMap<AppAbility, Map<string, SqlCondition>>();
import { Action, SubjectName } from './policy';
import { entityOfSubject, subjectOfEntity } from './subjects';

/**
 * Whether every row matching `narrow` also matches `broad`, judged only by
 * form: each condition is a conjunction of its keys, so `broad` covers
 * `narrow` when each of its keys stands in `narrow` with the same value.
 */
function covers(broad: unknown, narrow: unknown): boolean {
  if (broad == null) return true;
  if (narrow == null || typeof broad !== 'object' || typeof narrow !== 'object') return false;
  return Object.entries(broad).every(([k, v]) => k in narrow && isDeepStrictEqual((narrow as Record<string, unknown>)[k], v));
}

/**
 * The policy applied to one request: every scoped read, field check and
 * mutation check goes through here, so a list, a lookup, a nested field, a
 * count, a filter, a cursor and a mutation all obey the same rules.
 */
export class Authorizer {
  readonly ability: AppAbility;
  /** Per subject and field: readable on every row the caller may see (decided once per request). */
  private readonly fieldOnEveryRow = new Map<SubjectName, Map<string, boolean>>();
  /** Per row: whether the caller may read it at all (checked once per object). */
  private readonly readableRows = new WeakMap<object, boolean>();
  /**
   * Names the caller's policy scope: two authorizers with the same key get
   * the same rules and the same SQL, so what is compiled for one may be
   * reused for the other (see data/compiled-read.ts).
   */
  readonly cacheKey: string;

  constructor(
    readonly viewer: Viewer,
    /**
     * Test-only: leave the policy out of SQL to prove that row-level security
     * alone still keeps other tenants' rows out. Never set in a running server.
     */
    private readonly filterInSql = true,
  ) {
    this.ability = abilityFor(viewer);
    this.cacheKey = `${filterInSql ? 'sql' : 'rls-only'}:${policyScopeOf(viewer)}`;
  }

  rules(): AppRule[] {
    return rulesFor(this.viewer);
  }

  can(action: Action, subject: SubjectName | object, field?: string): boolean {
    return this.ability.can(action, subject as never, field);
  }

  /**
   * Adds the policy's row condition for `action` to a query over `subject`.
   * Returns null when no row can match, so the caller skips the query.
   */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, subject: SubjectName, action: Action = 'read'): SelectQueryBuilder<T> | null {
    const condition = this.conditionFor(qb, subject, action);
    if (condition.kind === 'none') return null;
    if (condition.kind === 'where' && this.filterInSql) qb.andWhere(condition.sql, condition.params);
    return qb;
  }

  /**
   * The policy's SQL condition, compiled once per ability (abilities are
   * shared by callers of one policy scope) and kept read-only: TypeORM copies
   * the parameters into each query.
   */
  private conditionFor(qb: SelectQueryBuilder<ObjectLiteral>, subject: SubjectName, action: Action): SqlCondition {
    let conditions = compiledConditions.get(this.ability);
    if (!conditions) compiledConditions.set(this.ability, (conditions = new Map<string, SqlCondition>()));
    const key = `${action}:${subject}:${qb.alias}`;
    let condition = conditions.get(key);
    if (!condition) {
      const metadata = qb.connection.getMetadata(entityOfSubject(subject));
      condition = sqlConditionFor(this.ability, action, subject, qb.alias, metadata, `authz_${qb.alias}_${action}_`);
      if (condition.kind === 'where') Object.freeze(condition.params);
      conditions.set(key, condition);
    }
    return condition;
  }

  /**
   * A field is safe to filter, sort or page by only if the caller may read it
   * on every row it can see; otherwise the order or the filter would reveal
   * values that field masking hides.
   */
  readableOnEveryRow(subject: SubjectName, field: string): boolean {
    const rules = this.ability.rulesFor('read', subject);
    const granting = rules.filter((r) => !r.inverted);
    const withField = granting.filter((r) => !r.fields || r.fields.includes(field));
    // A rule that does not grant the field is harmless when a rule that does
    // covers all of its rows (the audit trail's actor rule narrows its base rule).
    return granting.length > 0 && granting.every((r) => withField.includes(r) || withField.some((w) => covers(w.conditions, r.conditions)));
  }

  /**
   * Whether `field` of `subject` must be judged row by row for this caller:
   * some rule withholds it on some row the caller may see (decided once per
   * request). A field that need not be is readable wherever its row is.
   */
  fieldNeedsRowCheck(subject: SubjectName, field: string): boolean {
    let fields = this.fieldOnEveryRow.get(subject);
    if (!fields) this.fieldOnEveryRow.set(subject, (fields = new Map<string, boolean>()));
    let everyRow = fields.get(field);
    if (everyRow === undefined) {
      everyRow = this.readableOnEveryRow(subject, field) && !this.ability.rulesFor('read', subject).some((r) => r.inverted);
      fields.set(field, everyRow);
    }
    return !everyRow;
  }

  /**
   * The SQL condition under which the caller may read `field` of a row of
   * `subject`: the policy's rules that grant or withhold that field, read as
   * rules for the whole row, through the same CASL→SQL step as the row
   * condition. A compiled read selects it per row, so the field guard needs
   * no `can()` for rows read that way.
   */
  fieldCondition(qb: Pick<SelectQueryBuilder<ObjectLiteral>, 'alias' | 'connection'>, subject: SubjectName, field: string): SqlCondition {
    const key = `field:${subject}:${field}:${qb.alias}`;
    let conditions = compiledConditions.get(this.ability);
    if (!conditions) compiledConditions.set(this.ability, (conditions = new Map<string, SqlCondition>()));
    let condition = conditions.get(key);
    if (!condition) {
      const metadata = qb.connection.getMetadata(entityOfSubject(subject));
      condition = sqlFieldConditionFor(this.rules(), 'read', subject, field, qb.alias, metadata, `authz_${qb.alias}_${field}_`);
      if (condition.kind === 'where') Object.freeze(condition.params);
      conditions.set(key, condition);
    }
    return condition;
  }

  /**
   * Whether the caller may read `field` of `row` (an entity; anything else is
   * not the policy's business). A field readable on every row the caller may
   * see needs only the row itself checked, once per row; only fields that some
   * rule withholds are judged row by row. A row from a compiled read carries
   * both answers, decided in its statement (see RowAccess).
   */
  canReadField(row: unknown, field: string): boolean {
    if (row === null || typeof row !== 'object') return true;
    const subject = subjectOfEntity(row.constructor);
    if (!subject) return true;
    const decided = (row as { [ROW_ACCESS]?: RowAccess })[ROW_ACCESS];
    if (this.fieldNeedsRowCheck(subject, field)) return decided?.fields[field] ?? this.can('read', row, field);
    if (decided) return true;
    let rowReadable = this.readableRows.get(row);
    if (rowReadable === undefined) {
      rowReadable = this.can('read', row);
      this.readableRows.set(row, rowReadable);
    }
    return rowReadable;
  }

  /** Whether what a compiled read decides in SQL stands in for `can()`: only when the policy's conditions are in the SQL. */
  get decidesInSql(): boolean {
    return this.filterInSql;
  }

  assertReadableOnEveryRow(subject: SubjectName, field: string, argument: string): void {
    if (!this.readableOnEveryRow(subject, field)) {
      throw new ForbiddenError(`${argument}: you may not filter or sort ${subject} by ${field}`);
    }
  }

  /**
   * Mutation check on a loaded row: a row the caller cannot even read is
   * NOT_FOUND (indistinguishable from a missing one); a readable row the
   * caller may not change is FORBIDDEN.
   */
  assertCan(action: Action, subject: SubjectName, row: object | null, what: string, field?: string): asserts row is object {
    if (!row || !this.can('read', row)) throw new NotFoundError(what);
    if (!this.can(action, row, field)) {
      throw new ForbiddenError(`${this.viewer.role} may not ${action} this ${subject}${field ? ` (${field})` : ''}`);
    }
  }

  /** A create check before a row exists: the draft must satisfy the rule's conditions. */
  assertCanCreate(subject: SubjectName, draft: object, what: string): void {
    if (!this.can('create', subject)) throw new ForbiddenError(`${this.viewer.role} may not create ${what}`);
    if (!this.can('create', draft)) throw new DomainError('FORBIDDEN', `${this.viewer.role} may not create ${what} there`);
  }
}
