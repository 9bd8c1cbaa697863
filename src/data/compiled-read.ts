import { GraphQLSchema } from 'graphql';
import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Authorizer } from '../authz/authorizer';
import { SubjectName } from '../authz/policy';
import { SUBJECT_ENTITIES } from '../authz/subjects';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../graphql/context';
import { scopedQuery } from './scoped-reader';
import { selectionOf } from './selection';
import { plainFieldsOf } from '../graphql/plain-fields';
import { COLUMNS_FOR, preloaded, RELATIONS } from './relations';
import type { Selection } from './selection';

/**
 * Compiles what a request selects from a policy subject's rows into the one
 * statement that reads them: only the columns the selection (and the
 * policy's field checks) need, and every selected relation, at any depth, as
 * a JSON sub-select under that relation's own policy condition. Each row
 * comes back as one JSON value and becomes an instance of its entity class
 * (so the field guard and the resolvers see what they always saw), carrying
 * its relations for servePreloaded. Row-level security stays behind it all.
 */

const NUMERIC_TEXT = new Set(['numeric', 'decimal', 'bigint', 'int8']);
const TIMESTAMP = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);

export interface ReadShape {
  subject: SubjectName;
  /** What the request selects on each row; null: every column, no relation. */
  selection: Selection | null;
  /** Properties the caller needs on every row besides the selection (sort keys for cursors). */
  alsoRead?: string[];
}

/** Turns one row's JSON into its entity. */
type Hydrate = (json: ObjectLiteral) => ObjectLiteral;

/** Field names the policy's read conditions test: a row must carry them for the field guard's `can()`. */
const conditionFieldsCache = new WeakMap<Authorizer, Map<SubjectName, string[]>>();
function conditionFields(authz: Authorizer, subject: SubjectName): string[] {
  let bySubject = conditionFieldsCache.get(authz);
  if (!bySubject) conditionFieldsCache.set(authz, (bySubject = new Map()));
  let fields = bySubject.get(subject);
  if (!fields) {
    const found = new Set<string>();
    const walk = (c: unknown) => {
      if (Array.isArray(c)) c.forEach(walk);
      else if (c && typeof c === 'object') {
        for (const [k, v] of Object.entries(c)) {
          if (k.startsWith('$')) walk(v);
          else found.add(k);
        }
      }
    };
    for (const rule of authz.ability.rulesFor('read', subject)) walk(rule.conditions);
    fields = [...found];
    bySubject.set(subject, fields);
  }
  return fields;
}

class Compiler {
  private aliases = 0;

  constructor(
    private readonly ctx: RequestContext,
    private readonly schema: GraphQLSchema | null,
    /** The statement that receives every sub-select's parameters. */
    private readonly root: SelectQueryBuilder<ObjectLiteral>,
  ) {}

  /** The columns of `subject` to read for `selection`: null means all of them. */
  private columns(subject: SubjectName, metadata: EntityMetadata, selection: Selection | null, alsoRead: string[]): ColumnMetadata[] {
    if (!selection) return metadata.columns;
    const wanted = new Set(['id', ...conditionFields(this.ctx.authz, subject), ...alsoRead]);
    const plain = this.schema ? plainFieldsOf(this.schema) : new Set<string>();
    const relations = RELATIONS[subject] ?? {};
    for (const field of selection.keys()) {
      const relation = relations[field];
      if (relation) {
        if (relation.kind === 'one') wanted.add(relation.key);
      } else if (field === 'id') {
        // Every id resolver reads the id column alone (toGlobalId).
      } else if (COLUMNS_FOR[subject]?.[field]) {
        for (const c of COLUMNS_FOR[subject]![field]) wanted.add(c);
      } else if (plain.has(`${subject}.${field}`) && metadata.findColumnWithPropertyName(field)) {
        wanted.add(field);
      } else {
        // A computed field: whatever its resolver reads is there.
        return metadata.columns;
      }
    }
    return metadata.columns.filter((c) => wanted.has(c.propertyName));
  }

  /** A `json_build_object(…)` of one row of `subject` under `alias`, and how to hydrate it. */
  object(shape: ReadShape, alias: string): { sql: string; hydrate: Hydrate } {
    const entity = SUBJECT_ENTITIES[shape.subject];
    const metadata = this.root.connection.getMetadata(entity);
    const columns = this.columns(shape.subject, metadata, shape.selection, shape.alsoRead ?? []);
    const parts: string[] = [];
    const dates: string[] = [];
    for (const c of columns) {
      if (typeof c.type === 'function') throw new Error(`${metadata.name}.${c.propertyName}: every column needs an explicit type to be read as JSON`);
      const type = String(c.type);
      parts.push(`'${c.propertyName}', "${alias}"."${c.databaseName}"${NUMERIC_TEXT.has(type) ? '::text' : ''}`);
      if (TIMESTAMP.has(type)) dates.push(c.propertyName);
    }
    const nested: { field: string; key: string; hydrate: (v: unknown) => unknown }[] = [];
    const relations = RELATIONS[shape.subject] ?? {};
    for (const [field, below] of shape.selection ?? []) {
      const relation = relations[field];
      if (!relation) continue;
      const key = `@${field}`;
      const child = { subject: relation.subject, selection: below };
      const a = `r${++this.aliases}`;
      const inner = this.object(child, a);
      const childMetadata = this.root.connection.getMetadata(SUBJECT_ENTITIES[relation.subject]);
      const col = (property: string) => `"${a}"."${childMetadata.findColumnWithPropertyName(property)!.databaseName}"`;
      const parentCol = (property: string) => `"${alias}"."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
      const sub = this.root.subQuery().from(SUBJECT_ENTITIES[relation.subject], a);
      if (relation.kind === 'many') {
        sub.select(`coalesce(json_agg(${inner.sql} ORDER BY ${col(relation.orderBy)}, ${col('id')}), '[]'::json)`).where(`${col(relation.foreignKey)} = ${parentCol('id')}`);
      } else if (relation.kind === 'latest') {
        sub.select(inner.sql).where(`${col(relation.foreignKey)} = ${parentCol('id')}`);
        for (const [property, value] of Object.entries(relation.where)) sub.andWhere(`${col(property)} = :${a}_${property}`, { [`${a}_${property}`]: value });
        sub.orderBy(col(relation.orderBy), 'DESC', 'NULLS LAST').addOrderBy(col('id'), 'DESC').limit(1);
      } else {
        sub.select(inner.sql).where(`${col('id')} = ${parentCol(relation.key)}`);
      }
      // Nothing of it the caller may read: an empty list or null, as the resolver gives.
      const scoped = this.ctx.authz.scope(sub, relation.subject) ?? sub.andWhere('false');
      this.root.setParameters(scoped.getParameters());
      parts.push(`'${key}', ${scoped.getQuery()}`);
      nested.push({
        field,
        key,
        hydrate:
          relation.kind === 'many' ? (v) => (v as ObjectLiteral[]).map(inner.hydrate) : (v) => (v == null ? null : inner.hydrate(v as ObjectLiteral)),
      });
    }
    const prototype = (entity as { prototype: object }).prototype;
    const hydrate: Hydrate = (json) => {
      const row = Object.create(prototype) as ObjectLiteral;
      for (const c of columns) row[c.propertyName] = json[c.propertyName];
      for (const d of dates) if (row[d] != null) row[d] = new Date(row[d] as string);
      if (nested.length) preloaded(row, new Map(nested.map((n) => [n.field, n.hydrate(json[n.key])])));
      return row;
    };
    // json_build_object takes at most 100 arguments; a wide row is built in pieces and joined.
    const chunks: string[] = [];
    for (let i = 0; i < parts.length; i += 50) chunks.push(`json_build_object(${parts.slice(i, i + 50).join(', ')})`);
    const sql = chunks.length === 1 ? chunks[0] : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
    return { sql, hydrate };
  }
}

/**
 * Reads the rows of a finished query (scoped, filtered, ordered, limited)
 * as `shape` selects them, in one statement: the query's own select list is
 * replaced by one JSON value a row, plus `extra` scalar columns (e.g. a total).
 */
export async function readCompiled(
  ctx: RequestContext,
  /** The schema the request runs: which fields read their column directly. */
  schema: GraphQLSchema | null,
  qb: SelectQueryBuilder<ObjectLiteral>,
  shape: ReadShape,
  extra: Record<string, string> = {},
): Promise<{ rows: ObjectLiteral[]; extra: ObjectLiteral | null }> {
  const compiled = new Compiler(ctx, schema, qb).object(shape, qb.alias);
  qb.select(compiled.sql, 'row');
  for (const [name, sql] of Object.entries(extra)) qb.addSelect(sql, name);
  const [sql, params] = qb.getQueryAndParameters();
  const raw: ObjectLiteral[] = await ctx.db.query(sql, params);
  return { rows: raw.map((r) => compiled.hydrate(r.row as ObjectLiteral)), extra: raw[0] ?? null };
}

/**
 * The one row of `subject` matching `match` (property → value) that the
 * caller may read, read as the field `info` resolves selects it, in one
 * statement; null when there is none (or the caller may not see it).
 */
export async function readOneCompiled(
  ctx: RequestContext,
  subject: SubjectName,
  match: Record<string, string | number>,
  info: GraphQLResolveInfo,
): Promise<ObjectLiteral | null> {
  const qb = scopedQuery<ObjectLiteral>(ctx, subject);
  if (!qb) return null;
  for (const [property, value] of Object.entries(match)) qb.andWhere(`${qb.alias}.${property} = :match_${property}`, { [`match_${property}`]: value });
  const { rows } = await readCompiled(ctx, info.schema, qb, { subject, selection: selectionOf(info) });
  return rows[0] ?? null;
}
