import { ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { createHash } from 'node:crypto';
import { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BadUserInputError } from './errors';
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

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionValue<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A getter: counted only when the client asks for it. */
  readonly totalCount: Promise<number>;
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

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follow.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter in all pages together (only those the caller may see).' })
    totalCount: Promise<number>;
  }
  return ConnectionType as unknown as ClassType<ConnectionValue<T>>;
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
 * A cursor: the sort values of the last row (`v`) and a signature of the list
 * and its ordering (`o`). The signature makes a cursor from another list or
 * another orderBy a client error instead of a wrong page.
 */
interface CursorValue {
  o: string;
  v: (string | number)[];
}

type OrderKey = { key: SortKey; direction: OrderDirection };

/** The longest text value a cursor may carry (a registered name is at most 200 characters). */
const MAX_CURSOR_TEXT = 1000;

/** Eight characters that change with the entity, the sort keys and their directions. */
function orderSignature(metadata: EntityMetadata, keys: OrderKey[]): string {
  const order = keys.map((k) => `${k.key.property}:${k.direction}`).join(',');
  return createHash('sha256').update(`${metadata.name}|${order}`).digest('base64url').slice(0, 8);
}

function encodeCursor(signature: string, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify({ o: signature, v: values } satisfies CursorValue)).toString('base64url');
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

function decodeCursor(cursor: string, metadata: EntityMetadata, keys: OrderKey[]): (string | number)[] {
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
    parsed.o === orderSignature(metadata, keys) &&
    Array.isArray(values) &&
    values.length === keys.length &&
    keys.every((k, i) => {
      const column = metadata.findColumnWithPropertyName(k.key.property);
      return column !== undefined && isCursorValueOf(columnTypeOf(column), values[i]);
    });
  if (!fits) throw new BadUserInputError('after is not a cursor from this list with this orderBy', 'after');
  return values!;
}

function cursorValue(row: ObjectLiteral, property: string): string | number {
  const v = row[property];
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`cannot page by ${property}: value ${String(v)}`);
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  /** Already validated sort keys with directions, most significant first. */
  order: { key: SortKey; direction: OrderDirection }[];
  /** The entity's unique key, the final tie-breaker. */
  idProperty?: string;
  /** The listed entity, whose column types a cursor's values must have; needed when `qb` is null. */
  metadata?: EntityMetadata;
  /**
   * Runs the finished page query; `qb.getMany()` when absent. Given `count`
   * (the page's query without cursor, order or limit, when the client asked
   * for totalCount), it may count in the same statement and return `total`.
   */
  fetch?: (qb: SelectQueryBuilder<ObjectLiteral>, count: SelectQueryBuilder<ObjectLiteral> | null) => Promise<{ rows: ObjectLiteral[]; total?: number | null }>;
  /** The client selected totalCount. */
  withTotal?: boolean;
}

/**
 * Keyset pagination over an already scoped and filtered query. The cursor
 * holds the sort values of the last row, so pages stay stable while rows are
 * added, and it only ever compares against rows the caller may see (the
 * policy's WHERE is already on `qb`).
 */
export async function paginate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T> | null, page: PageRequest): Promise<ConnectionValue<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  const idProperty = page.idProperty ?? 'id';
  // The id breaks ties, unless the order already has a unique key. It runs
  // the way the last key runs, so that an order in one direction is served
  // by one (key, id) index, read forwards or backwards.
  const settled = page.order.some((o) => o.key.property === idProperty || o.key.unique);
  const tieBreak = page.order.at(-1)?.direction ?? OrderDirection.ASC;
  const keys = settled ? page.order : [...page.order, { key: { property: idProperty, field: 'id' }, direction: tieBreak }];
  const metadata = qb?.expressionMap.mainAlias!.metadata ?? page.metadata;
  if (!metadata) throw new Error('paginate needs the entity metadata when there is no query');
  const signature = orderSignature(metadata, keys);
  // Checked before any SQL, so a forged cursor is the client's error and aborts nothing.
  const values = page.after ? decodeCursor(page.after, metadata, keys) : null;
  if (qb === null) {
    return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: Promise.resolve(0) };
  }
  const countQuery = qb.clone();
  const a = qb.alias;
  const col = (property: string) => `"${a}"."${qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyName(property)!.databaseName}"`;

  if (values && keys.every((k) => k.direction === keys[0].direction)) {
    // One direction: a row comparison, which an index on the keys serves as a range.
    const params = Object.fromEntries(values.map((v, i) => [`cur_${i}`, v]));
    const op = keys[0].direction === OrderDirection.ASC ? '>' : '<';
    qb.andWhere(`(${keys.map((k) => col(k.key.property)).join(', ')}) ${op} (${keys.map((_k, i) => `:cur_${i}`).join(', ')})`, params);
  } else if (values) {
    // (k1, k2, …) after (v1, v2, …) with per-key directions, as an OR of prefixes.
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      const ands = keys.slice(0, i).map((p, j) => {
        params[`cur_${j}`] = values[j];
        return `${col(p.key.property)} = :cur_${j}`;
      });
      params[`cur_${i}`] = values[i];
      ands.push(`${col(k.key.property)} ${k.direction === OrderDirection.ASC ? '>' : '<'} :cur_${i}`);
      ors.push(`(${ands.join(' AND ')})`);
    });
    qb.andWhere(`(${ors.join(' OR ')})`, params);
  }
  for (const k of keys) qb.addOrderBy(col(k.key.property), k.direction);
  qb.limit(first + 1);
  const fetched = first === 0 ? { rows: [] } : page.fetch ? await page.fetch(qb, page.withTotal ? countQuery : null) : { rows: await qb.getMany() };
  const rows = fetched.rows as T[];
  const total = 'total' in fetched && fetched.total != null ? fetched.total : null;
  const hasNextPage = rows.length > first;
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(signature, keys.map((k) => cursorValue(node, k.key.property))) }));
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      return (counted ??= total !== null ? Promise.resolve(total) : countQuery.getCount());
    },
  };
}
