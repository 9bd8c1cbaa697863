import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { scopedQuery } from '../authz/scoped-reader';
import { SubjectName } from '../authz/policy';
import { SUBJECT_ENTITIES } from '../authz/subjects';
import { ConnectionValue, OrderDirection, OrderInput, paginate, SortKey } from './connection';
import { RequestContext } from './context';

export interface ListArgs<F, O extends string> {
  first?: number | null;
  after?: string | null;
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
  const repository = ctx.db.getRepository<T>(SUBJECT_ENTITIES[spec.subject]);
  if (args.filter) {
    // Without rows to see the query never runs, but the filter is still checked and validated.
    spec.applyFilter(ctx, qb ?? repository.createQueryBuilder('unused'), args.filter);
  }
  return paginate(qb, { first: args.first, after: args.after, order, metadata: repository.metadata });
}
