import { ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';
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
}

export interface OrderInput<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

export function orderInputType<F extends string>(fieldEnum: object, name: string): ClassType<OrderInput<F>> {
  @InputType(`${name}Order`, { description: `A sort key for ${name} lists.` })
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

interface CursorValue {
  v: (string | number)[];
}

function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify({ v: values } satisfies CursorValue)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (Array.isArray(parsed.v) && parsed.v.length === length && parsed.v.every((x) => ['string', 'number'].includes(typeof x))) {
      return parsed.v;
    }
  } catch {
    // fall through
  }
  throw new BadUserInputError('after is not a cursor from this list with this orderBy', 'after');
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
  if (qb === null) {
    if (page.after) decodeCursor(page.after, page.order.length + 1);
    return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: Promise.resolve(0) };
  }
  const idProperty = page.idProperty ?? 'id';
  // The id breaks ties, unless the order already ends on it.
  const hasId = page.order.some((o) => o.key.property === idProperty);
  const keys = hasId ? page.order : [...page.order, { key: { property: idProperty, field: 'id' }, direction: OrderDirection.ASC }];
  const countQuery = qb.clone();
  const a = qb.alias;
  const col = (property: string) => `"${a}"."${qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyName(property)!.databaseName}"`;

  if (page.after) {
    const values = decodeCursor(page.after, keys.length);
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
  const rows = first === 0 ? [] : await qb.getMany();
  const hasNextPage = rows.length > first;
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => cursorValue(node, k.key.property))) }));
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      return (counted ??= countQuery.getCount());
    },
  };
}
