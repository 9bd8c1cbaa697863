import DataLoader from 'dataloader';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { loader, RequestContext } from '../core/context';
import { isUuid } from '../core/global-id';
import { SubjectName } from '../authz/policy';
import { entityOfSubject } from '../authz/subjects';
import type { LatestRelation } from './relations';

/**
 * Reads that already obey the policy. Services build on these instead of
 * raw repositories, so a list, a lookup by id and a nested field can only
 * return rows the caller may read.
 */

const alias = (subject: SubjectName) => subject.charAt(0).toLowerCase() + subject.slice(1);

/** A query over `subject` limited to the rows the caller may read; null when there are none. */
export function scopedQuery<T extends ObjectLiteral>(ctx: RequestContext, subject: SubjectName): SelectQueryBuilder<T> | null {
  const qb = ctx.db.getRepository<T>(entityOfSubject(subject)).createQueryBuilder(alias(subject));
  return ctx.authz.scope(qb, subject, 'read');
}

/** Batched lookup by primary key; invisible and missing rows are both null. */
export function visibleById<T extends ObjectLiteral>(ctx: RequestContext, subject: SubjectName): DataLoader<string, T | null> {
  return loader(
    ctx,
    `byId:${subject}`,
    () =>
      new DataLoader<string, T | null>(async (ids) => {
        const valid = ids.filter(isUuid);
        const qb = scopedQuery<T>(ctx, subject);
        const rows = qb && valid.length ? await qb.andWhere(`${qb.alias}.id = ANY(:ids)`, { ids: valid }).getMany() : [];
        const byId = new Map(rows.map((r) => [r.id as string, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/**
 * Batched children by a foreign key (an enterprise's awards, an award's
 * expenditures…), scoped like any list, in a stable order.
 */
export function visibleChildren<T extends ObjectLiteral>(
  ctx: RequestContext,
  subject: SubjectName,
  foreignKey: string,
  orderBy: string = 'createdAt',
): DataLoader<string, T[]> {
  return loader(
    ctx,
    `children:${subject}.${foreignKey}`,
    () =>
      new DataLoader<string, T[]>(async (keys) => {
        const qb = scopedQuery<T>(ctx, subject);
        if (!qb) return keys.map(() => []);
        const rows = await qb
          .andWhere(`${qb.alias}.${foreignKey} = ANY(:keys)`, { keys: [...keys] })
          .orderBy(`${qb.alias}.${orderBy}`, 'ASC')
          .addOrderBy(`${qb.alias}.id`, 'ASC')
          .getMany();
        const grouped = new Map<string, T[]>();
        for (const r of rows) {
          const k = String(r[foreignKey]);
          grouped.set(k, [...(grouped.get(k) ?? []), r]);
        }
        return keys.map((k) => grouped.get(k) ?? []);
      }),
  );
}

/**
 * Batched newest child by a foreign key among those matching `where` (an
 * enterprise's latest approved key-support proposal), scoped like any list;
 * null when the caller sees none. Agrees with the `latest` relation of
 * relations.ts, which reads the same row inside a list's statement.
 */
export function visibleLatestChild<T extends ObjectLiteral>(ctx: RequestContext, relation: LatestRelation): DataLoader<string, T | null> {
  const { subject, foreignKey, where, orderBy } = relation;
  const key = `latest:${subject}.${foreignKey}:${JSON.stringify(where)}:${orderBy}`;
  return loader(
    ctx,
    key,
    () =>
      new DataLoader<string, T | null>(async (keys) => {
        const qb = scopedQuery<T>(ctx, subject);
        if (!qb) return keys.map(() => null);
        qb.andWhere(`${qb.alias}.${foreignKey} = ANY(:keys)`, { keys: [...keys] });
        for (const [property, value] of Object.entries(where))
          qb.andWhere(`${qb.alias}.${property} = :latest_${property}`, { [`latest_${property}`]: value });
        const rows = await qb.orderBy(`${qb.alias}.${orderBy}`, 'DESC', 'NULLS LAST').addOrderBy(`${qb.alias}.id`, 'DESC').getMany();
        const newest = new Map<string, T>();
        for (const r of rows) if (!newest.has(String(r[foreignKey]))) newest.set(String(r[foreignKey]), r);
        return keys.map((k) => newest.get(k) ?? null);
      }),
  );
}
