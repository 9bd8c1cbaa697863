import { GraphQLSchema } from 'graphql';
import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Authorizer, ROW_ACCESS, RowAccess } from '../authz/authorizer';
import { SubjectName } from '../authz/policy';
import { entityOfSubject } from '../authz/subjects';
import { VIEWER_CAN } from '../authz/viewer-can';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../core/context';
import { scopedQuery } from './scoped-reader';
import { selectionOf } from './selection';
import { plainFieldsOf } from './plain-fields';
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

/**
 * Field names the policy's conditions test: a row must carry them for the
 * field guard's `can()` (read rules), and for `viewerCan` (the rules of every
 * action, `allActions`).
 */
const conditionFieldsCache = new WeakMap<object, Map<string, string[]>>();
function conditionFields(authz: Authorizer, subject: SubjectName, allActions = false): string[] {
  let bySubject = conditionFieldsCache.get(authz.ability);
  if (!bySubject) conditionFieldsCache.set(authz.ability, (bySubject = new Map<string, string[]>()));
  const key = `${allActions ? '*' : 'read'}:${subject}`;
  let fields = bySubject.get(key);
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
    const rules = allActions ? authz.ability.rules.filter((r) => [r.subject].flat().includes(subject)) : authz.ability.rulesFor('read', subject);
    for (const rule of rules) walk(rule.conditions);
    fields = [...found];
    bySubject.set(key, fields);
  }
  return fields;
}

class Compiler {
  private aliases = 0;
  /** Every sub-select's parameters, by name (names are unique per alias). */
  readonly params: ObjectLiteral = {};

  constructor(
    private readonly ctx: RequestContext,
    private readonly schema: GraphQLSchema | null,
    /** The statement the sub-selects are built from (its connection and metadata). */
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
      } else if (field === VIEWER_CAN) {
        // Judged in memory on the row: the columns every rule of the policy tests.
        for (const c of conditionFields(this.ctx.authz, subject, true)) wanted.add(c);
      } else if (field === 'id') {
        // Every id resolver reads the id column alone (toGlobalId).
      } else if (COLUMNS_FOR[subject]?.[field]) {
        for (const c of COLUMNS_FOR[subject][field]) wanted.add(c);
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
    const entity = entityOfSubject(shape.subject);
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
      const childMetadata = this.root.connection.getMetadata(entityOfSubject(relation.subject));
      const col = (property: string) => `"${a}"."${childMetadata.findColumnWithPropertyName(property)!.databaseName}"`;
      const parentCol = (property: string) => `"${alias}"."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
      const sub = this.root.subQuery().from(entityOfSubject(relation.subject), a);
      if (relation.kind === 'many') {
        sub
          .select(`coalesce(json_agg(${inner.sql} ORDER BY ${col(relation.orderBy)}, ${col('id')}), '[]'::json)`)
          .where(`${col(relation.foreignKey)} = ${parentCol('id')}`);
      } else if (relation.kind === 'latest') {
        sub.select(inner.sql).where(`${col(relation.foreignKey)} = ${parentCol('id')}`);
        for (const [property, value] of Object.entries(relation.where))
          sub.andWhere(`${col(property)} = :${a}_${property}`, { [`${a}_${property}`]: value });
        sub.orderBy(col(relation.orderBy), 'DESC', 'NULLS LAST').addOrderBy(col('id'), 'DESC').limit(1);
      } else {
        sub.select(inner.sql).where(`${col('id')} = ${parentCol(relation.key)}`);
      }
      // Nothing of it the caller may read: an empty list or null, as the resolver gives.
      const scoped = this.ctx.authz.scope(sub, relation.subject) ?? sub.andWhere('false');
      Object.assign(this.params, scoped.getParameters());
      parts.push(`'${key}', ${scoped.getQuery()}`);
      nested.push({
        field,
        key,
        hydrate: relation.kind === 'many' ? (v) => (v as ObjectLiteral[]).map(inner.hydrate) : (v) => (v == null ? null : inner.hydrate(v)),
      });
    }
    // Field masking decided in the statement: for each selected field the caller may read on some rows
    // only, whether it may on this one (the row itself is readable: it was read under the row condition).
    const decided = this.ctx.authz.decidesInSql && shape.selection != null;
    if (decided) {
      const access: string[] = [];
      for (const field of shape.selection!.keys()) {
        if (!this.ctx.authz.fieldNeedsRowCheck(shape.subject, field)) continue;
        const condition = this.ctx.authz.fieldCondition({ alias, connection: this.root.connection }, shape.subject, field);
        if (condition.kind === 'where') Object.assign(this.params, condition.params);
        access.push(`'${field}', ${condition.kind === 'where' ? condition.sql : condition.kind === 'all' ? 'true' : 'false'}`);
      }
      if (access.length) parts.push(`'#access', json_build_object(${access.join(', ')})`);
    }
    const prototype = (entity as { prototype: object }).prototype;
    const hydrate: Hydrate = (json) => {
      const row = Object.create(prototype) as ObjectLiteral;
      if (decided) (row as { [ROW_ACCESS]?: RowAccess })[ROW_ACCESS] = { fields: (json['#access'] as Record<string, boolean> | undefined) ?? {} };
      for (const c of columns) row[c.propertyName] = json[c.propertyName] as unknown;
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
 * A row's JSON expression, ready to be spliced into a finished statement:
 * the text split at its parameters, so binding them as `$n` after the
 * statement's own is a join, not a parse.
 */
interface CompiledRow {
  pieces: string[];
  values: unknown[];
  hydrate: Hydrate;
}

/** Where the row expression goes in the statement TypeORM finishes; replaced after. */
const ROW_SLOT = '__srdi_compiled_row__';
/** How many shapes are kept per request document, across callers (an LRU of viewers). */
const SHAPES_PER_SELECTION = 64;

/**
 * Compiled rows, by the selection they were compiled for: a selection lives
 * as long as Apollo keeps the request's parsed document, so a steady stream
 * of the same query compiles once per caller scope, not once per request.
 * The key holds the caller's whole policy scope (Authorizer.cacheKey): two
 * callers share an entry only when the policy gives them the same rules.
 */
const compiledRows = new WeakMap<Selection, Map<string, CompiledRow>>();

function compileRow(ctx: RequestContext, schema: GraphQLSchema | null, qb: SelectQueryBuilder<ObjectLiteral>, shape: ReadShape): CompiledRow {
  const compiler = new Compiler(ctx, schema, qb);
  const { sql, hydrate } = compiler.object(shape, qb.alias);
  // Parameters are `:name` (never `::type`, a cast); names come from the policy's SQL step, one per alias.
  const pieces: string[] = [];
  const values: unknown[] = [];
  let last = 0;
  for (const m of sql.matchAll(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!(m[1] in compiler.params)) continue;
    pieces.push(sql.slice(last, m.index));
    values.push(compiler.params[m[1]]);
    last = m.index + m[0].length;
  }
  pieces.push(sql.slice(last));
  return { pieces, values, hydrate };
}

function cachedRow(ctx: RequestContext, schema: GraphQLSchema | null, qb: SelectQueryBuilder<ObjectLiteral>, shape: ReadShape): CompiledRow {
  if (!shape.selection || !schema) return compileRow(ctx, schema, qb, shape);
  let bySelection = compiledRows.get(shape.selection);
  if (!bySelection) compiledRows.set(shape.selection, (bySelection = new Map<string, CompiledRow>()));
  const key = `${ctx.authz.cacheKey}\u0000${shape.subject}\u0000${qb.alias}\u0000${(shape.alsoRead ?? []).join(',')}`;
  let row = bySelection.get(key);
  if (row) {
    // Most recently used last, so the first key is the one to drop.
    bySelection.delete(key);
  } else {
    row = compileRow(ctx, schema, qb, shape);
    if (bySelection.size >= SHAPES_PER_SELECTION) bySelection.delete(bySelection.keys().next().value!);
  }
  bySelection.set(key, row);
  return row;
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
  const compiled = cachedRow(ctx, schema, qb, shape);
  // TypeORM finishes the outer statement (its filters, order, cursor, limit) around a slot; the row
  // expression, already compiled, goes in after, so TypeORM never re-reads its text.
  qb.select(ROW_SLOT, 'row');
  for (const [name, sql] of Object.entries(extra)) qb.addSelect(sql, name);
  const [outer, params] = qb.getQueryAndParameters() as [string, unknown[]];
  const at = outer.indexOf(ROW_SLOT);
  let row = compiled.pieces[0];
  for (let i = 1; i < compiled.pieces.length; i++) row += `$${params.length + i}${compiled.pieces[i]}`;
  const sql = outer.slice(0, at) + row + outer.slice(at + ROW_SLOT.length);
  const raw = await ctx.db.query<ObjectLiteral[]>(sql, compiled.values.length ? [...params, ...compiled.values] : params);
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
  for (const [property, value] of Object.entries(match))
    qb.andWhere(`${qb.alias}.${property} = :match_${property}`, { [`match_${property}`]: value });
  const { rows } = await readCompiled(ctx, info.schema, qb, { subject, selection: selectionOf(info) });
  return rows[0] ?? null;
}
