import { GraphQLResolveInfo } from 'graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { scopedQuery } from '../data/scoped-reader';
import { readCompiled } from '../data/compiled-read';
import { selectionOf } from '../data/selection';
import { SubjectName } from '../authz/policy';
import { entityOfSubject } from '../authz/subjects';
import { canonicalFilter, ConnectionValue, OrderDirection, OrderInput, PageExtras, paginate, SortKey } from './connection';
import { RequestContext } from '../core/context';

export interface ListArgs<F, O extends string> {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: F | null;
  orderBy?: OrderInput<O>[] | null;
}

/** How one entity's list is filtered and sorted. */
export interface ListSpec<T extends ObjectLiteral, F, O extends string> {
  subject: SubjectName;
  sortKeys: Record<O, SortKey>;
  defaultOrder: OrderInput<O>[];
  /** Adds the filter's conditions; must check each filtered field with assertReadableOnEveryRow. */
  applyFilter(ctx: RequestContext, qb: SelectQueryBuilder<T>, filter: F): void;
}

/**
 * A Relay connection over the rows the caller may see, filtered and sorted.
 * Sorting by a field is refused when the caller may not read it on every
 * visible row, because the order itself would leak the values.
 */
export async function listConnection<T extends ObjectLiteral, F, O extends string>(
  ctx: RequestContext,
  spec: ListSpec<T, F, O>,
  args: ListArgs<F, O>,
  /** The connection field's resolve info: what of each row to read (see readCompiled); every column without it. */
  info?: GraphQLResolveInfo,
): Promise<ConnectionValue<T>> {
  // A caller who may read none of these rows gets an empty page, as if there
  // were none; only the sort keys and filters it asks for itself are checked.
  const readsAny = ctx.authz.can('read', spec.subject);
  const explicit = args.orderBy?.length ? args.orderBy : null;
  const order = (explicit ?? spec.defaultOrder).map((o, i) => {
    const key = spec.sortKeys[o.field];
    if (readsAny || explicit) ctx.authz.assertReadableOnEveryRow(spec.subject, key.field, `orderBy[${i}]`);
    return { key, direction: o.direction ?? OrderDirection.ASC };
  });
  const qb = readsAny ? scopedQuery<T>(ctx, spec.subject) : null;
  const repository = ctx.db.getRepository<T>(entityOfSubject(spec.subject));
  if (args.filter) {
    // Without rows to see the query never runs, but the filter is still checked and validated.
    spec.applyFilter(ctx, qb ?? repository.createQueryBuilder('unused'), args.filter);
  }
  // What the request selects of the connection, walked once.
  const selected = info ? selectionOf(info) : null;
  const fetch = async (page: SelectQueryBuilder<ObjectLiteral>, extra: PageExtras) => {
    const shape = {
      subject: spec.subject,
      selection: selected ? (selected.get('edges')?.get('node') ?? new Map()) : null,
      // A cursor is made of the sort keys' values.
      alsoRead: order.map((o) => o.key.property),
    };
    // The total and the flags beyond the cursors in the page's own statement: PostgreSQL runs each uncorrelated sub-select once.
    return readCompiled(ctx, info?.schema ?? null, page, shape, extra);
  };
  const pageInfo = selected?.get('pageInfo');
  const selects = {
    totalCount: selected?.has('totalCount') ?? false,
    hasPreviousPage: pageInfo?.has('hasPreviousPage') ?? false,
    hasNextPage: pageInfo?.has('hasNextPage') ?? false,
  };
  // A cursor is bound to this list and this filter as well as to the order (see paginate).
  const binding = `${spec.subject}|${canonicalFilter(args.filter)}`;
  const { first, after, last, before } = args;
  return paginate(qb, { first, after, last, before, order, metadata: repository.metadata, binding, fetch, selects });
}
