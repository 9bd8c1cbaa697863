import { ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BadUserInputError } from '../core/errors';
import { OrderKey } from './input-limits';
import { ListBound, PAGE } from './list-bound';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Smallest first.' }, DESC: { description: 'Largest first.' } },
});

@ObjectType({ description: 'Where a page sits in its list (Relay PageInfo), exact in both directions.' })
export class PageInfo {
  @Field({
    description:
      'Whether the list (under the same filter, as the caller sees it) holds items after this page: read them with `first` and `after: endCursor`.',
  })
  hasNextPage: boolean;

  @Field({
    description:
      'Whether the list (under the same filter, as the caller sees it) holds items before this page: read them with `last` and `before: startCursor`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of this page; pass it as `before` for the page before. Null when the page is empty.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; pass it as `after` for the page after. Null when the page is empty.',
  })
  endCursor: string | null;
}

/**
 * PageInfo as paginate() answers it: a flag the page's own statement did not
 * settle is a promise, and its query runs only when the field is read.
 */
export interface PageInfoValue {
  readonly hasNextPage: boolean | Promise<boolean>;
  readonly hasPreviousPage: boolean | Promise<boolean>;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionValue<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoValue;
  /** A getter: counted only when the client asks for it. */
  readonly totalCount: Promise<number>;
}

/**
 * The fields paginate() may answer with a promise (a getter that runs its
 * query only when read) get a resolver that reads the property. graphql-js
 * awaits a promise wherever it finds one, but compiled queries
 * (compiled-execution.ts) read a field without a resolver as a plain value.
 */
export function resolvePromisedPageFields(schema: GraphQLSchema): GraphQLSchema {
  const read = (name: string) => (source: Record<string, unknown>) => source[name];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    const promised = type.name === 'PageInfo' ? ['hasNextPage', 'hasPreviousPage'] : type.name.endsWith('Connection') ? ['totalCount'] : [];
    for (const name of promised) if (fields[name] && !fields[name].resolve) fields[name].resolve = read(name);
  }
  return schema;
}

/** `XConnection` and `XEdge` types for a node type, Relay style. */
export function connectionType<T extends object>(node: ClassType<T>, name: string): ClassType<ConnectionValue<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items the caller may see.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    @ListBound(PAGE)
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page starts and ends, and whether more precede or follow.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter in all pages together (only those the caller may see).' })
    totalCount: Promise<number>;
  }
  return ConnectionType;
}

/** An order key: the API's name, the entity property, and the policy field guarding it. */
export interface SortKey {
  property: string;
  /** The policy field a client learns about by sorting on this key. */
  field: string;
  /** No two rows share a value (a unique column): the order needs no tie-breaker after it. */
  unique?: boolean;
}

export interface OrderInput<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

export function orderInputType<F extends string>(fieldEnum: object, name: string): ClassType<OrderInput<F>> {
  @InputType(`${name}Order`, { description: `A sort key for ${name} lists.` })
  @OrderKey('field')
  class Order {
    @Field(() => fieldEnum, { description: 'What to sort by.' })
    field: F;

    @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Direction; ascending by default.' })
    direction?: OrderDirection | null;
  }
  return Order as ClassType<OrderInput<F>>;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * A cursor: the sort values of one row (`v`) and a signature (`o`) of what
 * they are positions in: the entity, the sort keys with their directions, and
 * the list and its filter. A cursor from another list, orderBy or filter would
 * point into another sequence of rows and give a page that silently skips or
 * repeats some; the signature makes it a client error instead.
 */
interface CursorValue {
  o: string;
  v: (string | number)[];
}

type OrderKey = { key: SortKey; direction: OrderDirection };

/** The longest text value a cursor may carry (a registered name is at most 200 characters). */
const MAX_CURSOR_TEXT = 1000;

/** Twelve characters that change with the entity, the sort keys and their directions, and the binding (list and filter). */
function cursorSignature(metadata: EntityMetadata, keys: OrderKey[], binding: string): string {
  const order = keys.map((k) => `${k.key.property}:${k.direction}`).join(',');
  return createHash('sha256').update(`${metadata.name}|${order}|${binding}`).digest('base64url').slice(0, 12);
}

function encodeCursor(signature: string, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify({ o: signature, v: values } satisfies CursorValue)).toString('base64url');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return String(value);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      // An absent or null condition adds nothing (ListFilter), so it must not change the binding either.
      if (v != null && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) out[key] = v;
    }
    return out;
  }
  return value;
}

/**
 * A filter argument as a cursor is bound to it: the same conditions give the
 * same text however the client spelled them (member order, explicit nulls,
 * `{}` for no filter).
 */
export function canonicalFilter(filter: unknown): string {
  return JSON.stringify(canonical(filter ?? {}));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const DECIMAL = /^-?\d{1,40}(\.\d{1,20})?$/;
const BIGINT = /^-?\d{1,19}$/;
const INT32 = 2 ** 31;

/**
 * Whether a cursor value is a value of the column's type, as this module
 * writes it: checked before it becomes a query parameter, since PostgreSQL
 * would otherwise fail the statement (and with it the request's transaction).
 */
export function isCursorValueOf(columnType: string, value: unknown): boolean {
  switch (columnType) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'int':
    case 'int4':
    case 'integer':
    case 'smallint':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= -INT32 && value < INT32;
    case 'bigint':
    case 'int8':
      return typeof value === 'string' && BIGINT.test(value) && BigInt(value) >= -(2n ** 63n) && BigInt(value) < 2n ** 63n;
    case 'numeric':
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      return m !== null && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === value;
    }
    case 'timestamptz':
    case 'timestamp with time zone':
      return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
    case 'text':
    case 'varchar':
    case 'character varying':
    case 'char':
    case 'character':
      return typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !value.includes('\u0000');
    default:
      return false;
  }
}

function columnTypeOf(column: ColumnMetadata): string {
  return typeof column.type === 'string' ? column.type : String((column.type as { name?: string }).name).toLowerCase();
}

type CursorArg = 'after' | 'before';

function decodeCursor(cursor: string, arg: CursorArg, signature: string, metadata: EntityMetadata, keys: OrderKey[]): (string | number)[] {
  let parsed: Partial<CursorValue> | null = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorValue>;
  } catch {
    // not JSON: refused below
  }
  const values = parsed?.v;
  const fits =
    parsed !== null &&
    typeof parsed === 'object' &&
    parsed.o === signature &&
    Array.isArray(values) &&
    values.length === keys.length &&
    keys.every((k, i) => {
      const column = metadata.findColumnWithPropertyName(k.key.property);
      return column !== undefined && isCursorValueOf(columnTypeOf(column), values[i]);
    });
  if (!fits) throw new BadUserInputError(`${arg} is not a cursor from this list with this orderBy and filter`, arg);
  return values;
}

function cursorValue(row: ObjectLiteral, property: string): string | number {
  const v: unknown = row[property];
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`cannot page by ${property}: value ${String(v)}`);
}

function pageSize(value: number | null | undefined, arg: 'first' | 'last'): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)
    throw new BadUserInputError(`${arg} must be between 0 and ${MAX_PAGE_SIZE}`, arg);
  return value;
}

const flip = (d: OrderDirection) => (d === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC);

/**
 * The rows strictly on one side of a cursor's position in the list's order
 * (`later` or `earlier`), or also the cursor's own row (`orAt`), as SQL over
 * the parameters `${prefix}_0…`. The sort keys are NOT NULL columns.
 */
function keysetCondition(
  keys: OrderKey[],
  col: (property: string) => string,
  values: (string | number)[],
  side: 'later' | 'earlier',
  orAt: boolean,
  prefix: string,
): { sql: string; params: Record<string, unknown> } {
  const params = Object.fromEntries(values.map((v, i) => [`${prefix}_${i}`, v]));
  const op = (d: OrderDirection) => ((d === OrderDirection.ASC) === (side === 'later') ? '>' : '<');
  if (keys.every((k) => k.direction === keys[0].direction)) {
    // One direction: a row comparison, which an index on the keys serves as a range (read either way).
    const sql = `(${keys.map((k) => col(k.key.property)).join(', ')}) ${op(keys[0].direction)}${orAt ? '=' : ''} (${keys.map((_k, i) => `:${prefix}_${i}`).join(', ')})`;
    return { sql, params };
  }
  // Per-key directions: an OR of prefixes, each equal up to one key that is on the side wanted.
  const equal = (n: number) => keys.slice(0, n).map((p, j) => `${col(p.key.property)} = :${prefix}_${j}`);
  const ors = keys.map((k, i) => `(${[...equal(i), `${col(k.key.property)} ${op(k.direction)} :${prefix}_${i}`].join(' AND ')})`);
  if (orAt) ors.push(`(${equal(keys.length).join(' AND ')})`);
  return { sql: `(${ors.join(' OR ')})`, params };
}

/** Sub-selects the page's statement may carry, by the column name they come back as. */
export type PageExtras = Partial<Record<'total' | 'has_previous' | 'has_next', string>>;

export interface PageRequest {
  /** The first N items (after `after`, if given); 20 when neither `first` nor `last` is given. */
  first?: number | null;
  after?: string | null;
  /** The last N items (before `before`, if given), read backwards. */
  last?: number | null;
  before?: string | null;
  /** Already validated sort keys with directions, most significant first. */
  order: { key: SortKey; direction: OrderDirection }[];
  /** The entity's unique key, the final tie-breaker. */
  idProperty?: string;
  /** The listed entity, whose column types a cursor's values must have; needed when `qb` is null. */
  metadata?: EntityMetadata;
  /** What else a cursor is bound to besides the entity and order: the list and its filter (see canonicalFilter). */
  binding?: string;
  /**
   * Runs the finished page query; `qb.getMany()` when absent. Given `extra`
   * sub-selects (over `qb`'s own parameters), it may run them in the same
   * statement and return their values by name; what it does not return is
   * queried on its own when it is read.
   */
  fetch?: (qb: SelectQueryBuilder<ObjectLiteral>, extra: PageExtras) => Promise<{ rows: ObjectLiteral[]; extra?: ObjectLiteral | null }>;
  /** What the client selected besides the edges: these are asked of the page's own statement, the rest only when read. */
  selects?: { totalCount?: boolean; hasPreviousPage?: boolean; hasNextPage?: boolean };
}

/**
 * Keyset pagination over an already scoped and filtered query, in both
 * directions. A cursor holds the sort values of its row, so pages stay stable
 * while rows are added, and it only ever compares against rows the caller may
 * see (the policy's WHERE is already on `qb`). `last` reads the keyset
 * backwards (every key's direction flipped, so the same index serves it read
 * the other way) and turns the rows round, so edges are always in the list's
 * order. hasPreviousPage and hasNextPage say whether a row the caller may see
 * lies beyond the page on that side: the row past the limit tells on the side
 * the read runs to, an EXISTS beyond the cursor on the other.
 */
export async function paginate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T> | null, page: PageRequest): Promise<ConnectionValue<T>> {
  const first = pageSize(page.first, 'first');
  const last = pageSize(page.last, 'last');
  if (first !== null && last !== null) throw new BadUserInputError('give first or last, not both', 'last');
  const backward = last !== null;
  const size = last ?? first ?? DEFAULT_PAGE_SIZE;
  const idProperty = page.idProperty ?? 'id';
  // The id breaks ties, unless the order already has a unique key. It runs
  // the way the last key runs, so that an order in one direction is served
  // by one (key, id) index, read forwards or backwards.
  const settled = page.order.some((o) => o.key.property === idProperty || o.key.unique);
  const tieBreak = page.order.at(-1)?.direction ?? OrderDirection.ASC;
  const keys = settled ? page.order : [...page.order, { key: { property: idProperty, field: 'id' }, direction: tieBreak }];
  const metadata = qb?.expressionMap.mainAlias!.metadata ?? page.metadata;
  if (!metadata) throw new Error('paginate needs the entity metadata when there is no query');
  const signature = cursorSignature(metadata, keys, page.binding ?? '');
  // Checked before any SQL, so a forged cursor is the client's error and aborts nothing.
  const after = page.after ? decodeCursor(page.after, 'after', signature, metadata, keys) : null;
  const before = page.before ? decodeCursor(page.before, 'before', signature, metadata, keys) : null;
  if (qb === null) {
    return {
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: Promise.resolve(0),
    };
  }
  const base = qb.clone();
  const col = (property: string) => `"${qb.alias}"."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
  const where = (values: (string | number)[], side: 'later' | 'earlier', orAt: boolean, prefix: string) =>
    keysetCondition(keys, col, values, side, orAt, prefix);

  if (after) {
    const c = where(after, 'later', false, 'after');
    qb.andWhere(c.sql, c.params);
  }
  if (before) {
    const c = where(before, 'earlier', false, 'before');
    qb.andWhere(c.sql, c.params);
  }
  for (const k of keys) qb.addOrderBy(col(k.key.property), backward ? flip(k.direction) : k.direction);
  // One row past the page says whether more follow on the side the read runs to.
  qb.limit(size + 1);

  // Beyond a cursor: the rows at or past it on the far side from the page, with the cursor's own parameters.
  const beyond = (values: (string | number)[] | null, side: 'later' | 'earlier', prefix: string) => {
    if (!values) return null;
    const c = where(values, side, true, prefix);
    return base.clone().andWhere(c.sql, c.params);
  };
  const probes = { has_previous: beyond(after, 'earlier', 'after'), has_next: beyond(before, 'later', 'before') };
  const extra: PageExtras = {};
  if (page.selects?.totalCount) extra.total = `(${base.clone().select('count(*)').orderBy().getQuery()})`;
  if (page.selects?.hasPreviousPage && probes.has_previous)
    extra.has_previous = `EXISTS (${probes.has_previous.clone().select('1').orderBy().getQuery()})`;
  if (page.selects?.hasNextPage && probes.has_next) extra.has_next = `EXISTS (${probes.has_next.clone().select('1').orderBy().getQuery()})`;
  if (extra.has_previous) qb.setParameters(probes.has_previous!.getParameters());
  if (extra.has_next) qb.setParameters(probes.has_next!.getParameters());

  const fetched = page.fetch ? await page.fetch(qb, extra) : { rows: await qb.getMany(), extra: null };
  const rows = fetched.rows as T[];
  // An empty page has no row to carry the extra columns: those are queried on their own when read.
  const known = rows.length > 0 ? (fetched.extra ?? null) : null;
  const overflow = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backward) pageRows.reverse();
  const edges = pageRows.map((node) => ({
    node,
    cursor: encodeCursor(
      signature,
      keys.map((k) => cursorValue(node, k.key.property)),
    ),
  }));

  const flag = (name: 'has_previous' | 'has_next', past: boolean): (() => boolean | Promise<boolean>) => {
    const probe = probes[name];
    if (past) return () => true;
    if (!probe) return () => false;
    if (known && name in extra) return () => known[name] === true;
    let asked: Promise<boolean> | null = null;
    return () => (asked ??= probe.getExists());
  };
  const previous = flag('has_previous', backward && overflow);
  const next = flag('has_next', !backward && overflow);
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: {
      get hasPreviousPage() {
        return previous();
      },
      get hasNextPage() {
        return next();
      },
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return (counted ??= known && extra.total ? Promise.resolve(Number(known.total)) : base.getCount());
    },
  };
}
