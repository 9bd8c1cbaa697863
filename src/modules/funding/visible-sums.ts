import DataLoader from 'dataloader';
import { scopedQuery } from '../../data/scoped-reader';
import { SubjectName } from '../../authz/policy';
import { loader, RequestContext } from '../../core/context';

const ZERO = '0.00';

/**
 * Batched sums of a money column by a foreign key (an award's disbursements,
 * a batch's awards…), over the rows the caller may read: one GROUP BY
 * statement per page, whatever the number of parents. A caller who may see
 * only some of the children gets the sum of those, never a total that would
 * reveal the others. NUMERIC sums come back from pg as exact decimal strings.
 */
export function visibleSums(ctx: RequestContext, subject: SubjectName, foreignKey: string, amount: string = 'amount'): DataLoader<string, string> {
  return loader(
    ctx,
    `sum:${subject}.${foreignKey}.${amount}`,
    () =>
      new DataLoader<string, string>(async (keys) => {
        const qb = scopedQuery(ctx, subject);
        if (!qb) return keys.map(() => ZERO);
        const a = qb.alias;
        const rows = await qb
          .select(`${a}.${foreignKey}`, 'key')
          .addSelect(`SUM(${a}.${amount})`, 'total')
          .andWhere(`${a}.${foreignKey} = ANY(:sum_keys)`, { sum_keys: [...keys] })
          .groupBy(`${a}.${foreignKey}`)
          .getRawMany<{ key: string; total: string }>();
        const totals = new Map(rows.map((r) => [String(r.key), String(r.total)]));
        return keys.map((k) => totals.get(k) ?? ZERO);
      }),
  );
}
