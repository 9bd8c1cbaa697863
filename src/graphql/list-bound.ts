import {
  defaultFieldResolver,
  getNullableType,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { RequestContext } from '../core/context';
import { QueryTooComplexError } from '../core/errors';

/**
 * The items of a connection's page: the connection field counts them by its
 * `first`, so its `edges` add no factor of their own.
 */
export const PAGE = 'PAGE';

/** At most how many items a list field returns: a number, or one worked out from the field's arguments. */
export type ListBoundValue = number | ((args: Record<string, unknown>) => number) | typeof PAGE;

const KEY = 'listBound';

/**
 * Declares how many items a list field can return, for the query-cost
 * estimate (listAwareEstimator multiplies the field's selection by it). Put
 * it beside the list's `@Field`, `@FieldResolver` or `@Query`; the schema
 * does not build with a list that lacks one. Where the data caps the list,
 * give that cap; where nothing does, give an honest estimate and say so.
 * The response-size limit (MAX_RESPONSE_ITEMS) stands behind the estimates.
 */
export function ListBound(bound: ListBoundValue): MethodDecorator & PropertyDecorator {
  return Extensions({ [KEY]: bound });
}

/** The bound a list field declared, if any. */
export function listBoundOf(field: GraphQLField<unknown, unknown>): ListBoundValue | undefined {
  return field.extensions?.[KEY] as ListBoundValue | undefined;
}

/** Rows a list field is counted as, with this request's arguments. */
export function listRows(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const bound = listBoundOf(field);
  if (bound === undefined) throw new Error(`${field.name} is a list without @ListBound`);
  if (bound === PAGE) return 1;
  return typeof bound === 'function' ? bound(args) : bound;
}

export function isListField(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

/** Every list field of the schema's own object and interface types (not introspection's), as `Type.field`. */
export function listFields(schema: GraphQLSchema): { coordinate: string; field: GraphQLField<unknown, unknown> }[] {
  const found: { coordinate: string; field: GraphQLField<unknown, unknown> }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListField(field)) found.push({ coordinate: `${type.name}.${field.name}`, field });
    }
  }
  return found;
}

/**
 * Items this request may put in lists of its response. A backstop behind the
 * cost estimate, for lists whose declared bound is an estimate the data
 * outgrew: once passed, the request stops instead of serialising for as long
 * as the data lasts.
 */
export class ResponseItems {
  count = 0;
  /** The error of the list that went over; the response is that error alone. */
  exceeded: QueryTooComplexError | null = null;

  constructor(
    readonly max: number,
    private readonly explain: boolean,
  ) {}

  add(n: number): void {
    this.count += n;
    if (this.count > this.max && !this.exceeded) {
      this.exceeded = new QueryTooComplexError(
        'RESPONSE_SIZE',
        this.explain ? `The response is too large: more than ${this.max} list items.` : 'The response is too large.',
      );
      throw this.exceeded;
    }
  }
}

/**
 * Checks that every list field declared its bound, and wraps only the list
 * fields' resolvers so that each adds its list's length to the request's
 * ResponseItems. Once the limit is passed, lists resolve empty without
 * running their resolver, so the rest of the operation costs next to nothing.
 * Scalar and object fields are left alone: no per-field work is added.
 */
export function limitListFields(schema: GraphQLSchema): void {
  const fields = listFields(schema);
  const missing = fields.filter((f) => listBoundOf(f.field) === undefined).map((f) => f.coordinate);
  if (missing.length > 0) throw new Error(`list fields without @ListBound: ${missing.join(', ')}`);
  for (const { field } of fields) {
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context, info) => {
      const items = (context as Partial<RequestContext> | undefined)?.responseItems;
      if (!items) return resolve(source, args, context, info);
      if (items.exceeded) return [];
      const result = resolve(source, args, context, info);
      if (result instanceof Promise) return result.then((list) => counted(items, list));
      return counted(items, result);
    };
  }
}

function counted(items: ResponseItems, list: unknown): unknown {
  if (Array.isArray(list)) items.add(list.length);
  return list;
}
