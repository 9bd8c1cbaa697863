import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ChildList, scopedQuery, withChildren } from '../authz/scoped-reader';
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
  /**
   * The node's child lists (GraphQL field → how visibleChildren reads it),
   * read in the page's own statement when the request selects them.
   */
  children?: Record<string, ChildList>;
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
  /** The connection field's resolve info: which child lists of the node to read with the page. */
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
  const repository = ctx.db.getRepository<T>(SUBJECT_ENTITIES[spec.subject]);
  if (args.filter) {
    // Without rows to see the query never runs, but the filter is still checked and validated.
    spec.applyFilter(ctx, qb ?? repository.createQueryBuilder('unused'), args.filter);
  }
  const selected = info && spec.children ? nodeFields(info) : null;
  const children = selected ? Object.entries(spec.children!).filter(([field]) => selected.has(field)).map(([, list]) => list) : [];
  const fetch = children.length
    ? async (page: SelectQueryBuilder<ObjectLiteral>) => {
        const prime = withChildren(ctx, page, children);
        const { raw, entities } = await page.getRawAndEntities();
        prime(raw, entities);
        return entities;
      }
    : undefined;
  return paginate(qb, { first: args.first, after: args.after, order, metadata: repository.metadata, fetch });
}

/** The fields selected on a connection's `edges { node { … } }`, through fragments, whatever their directives. */
function nodeFields(info: GraphQLResolveInfo): Set<string> {
  const found = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, path: string[], seen: Set<string>) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (path.length === 0) found.add(selection.name.value);
        else if (selection.name.value === path[0]) walk(selection.selectionSet, path.slice(1), seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, path, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        walk(fragment?.selectionSet, path, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) walk(node.selectionSet, ['edges', 'node'], new Set());
  return found;
}
