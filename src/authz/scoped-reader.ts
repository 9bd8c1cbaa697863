import DataLoader from 'dataloader';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { loader, RequestContext } from '../graphql/context';
import { isUuid } from '../graphql/global-id';
import { SubjectName } from './policy';
import { SUBJECT_ENTITIES } from './subjects';

/**
 * Reads that already obey the policy. Services build on these instead of
 * raw repositories, so a list, a lookup by id and a nested field can only
 * return rows the caller may read.
 */

const alias = (subject: SubjectName) => subject.charAt(0).toLowerCase() + subject.slice(1);

/** A query over `subject` limited to the rows the caller may read; null when there are none. */
export function scopedQuery<T extends ObjectLiteral>(ctx: RequestContext, subject: SubjectName): SelectQueryBuilder<T> | null {
  const qb = ctx.db.getRepository<T>(SUBJECT_ENTITIES[subject]).createQueryBuilder(alias(subject));
  return ctx.authz.scope(qb, subject, 'read');
}

/** Batched lookup by primary key; invisible and missing rows are both null. */
export function visibleById<T extends ObjectLiteral>(ctx: RequestContext, subject: SubjectName): DataLoader<string, T | null> {
  return loader(ctx, `byId:${subject}`, () =>
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
  return loader(ctx, `children:${subject}.${foreignKey}`, () =>
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

/** A child list of a row: the arguments of visibleChildren that read it. */
export interface ChildList {
  subject: SubjectName;
  foreignKey: string;
  orderBy?: string;
}

const NUMERIC_TEXT = new Set(['numeric', 'decimal', 'bigint', 'int8']);
const TIMESTAMP = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);

/**
 * Reads child lists with their parents, in the parents' statement: one
 * column per list, each row's visible children as a JSON array, under the
 * same policy condition and in the same order as visibleChildren — whose
 * loader is then primed, so the child fields resolve without a statement of
 * their own. Returns what to call with the raw rows and their entities once
 * the statement ran. Money and big integers travel as text (exact), times
 * as ISO strings turned back into Dates, as the ORM itself hydrates them.
 */
export function withChildren<T extends ObjectLiteral>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  lists: ChildList[],
): (raws: ObjectLiteral[], rows: T[]) => void {
  const parent = qb.alias;
  const hydrators = lists.map((list, i) => {
    const metadata = qb.connection.getMetadata(SUBJECT_ENTITIES[list.subject]);
    const a = `${alias(list.subject)}_pf${i}`;
    const col = (property: string) => `"${a}"."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
    const fields = metadata.columns.map((c) => `'${c.propertyName}', ${col(c.propertyName)}${NUMERIC_TEXT.has(String(c.type)) ? '::text' : ''}`);
    if (metadata.columns.some((c) => typeof c.type === 'function')) throw new Error(`${metadata.name}: every column needs an explicit type to be read as JSON`);
    const order = `${col(list.orderBy ?? 'createdAt')}, ${col('id')}`;
    qb.addSelect((sq) => {
      sq.select(`coalesce(json_agg(json_build_object(${fields.join(', ')}) ORDER BY ${order}), '[]'::json)`)
        .from(SUBJECT_ENTITIES[list.subject], a)
        .where(`${col(list.foreignKey)} = "${parent}"."id"`);
      // No child the caller may read: an empty list, as visibleChildren gives.
      return ctx.authz.scope(sq, list.subject) ?? sq.andWhere('false');
    }, `${parent}_pf${i}`);
    const dates = metadata.columns.filter((c) => TIMESTAMP.has(String(c.type))).map((c) => c.propertyName);
    return (json: ObjectLiteral[]) =>
      json.map((values) => {
        for (const d of dates) if (values[d] != null) values[d] = new Date(values[d] as string);
        return Object.assign(metadata.create() as ObjectLiteral, values);
      });
  });
  return (raws, rows) => {
    const byId = new Map(raws.map((r) => [String(r[`${parent}_id`]), r]));
    lists.forEach((list, i) => {
      const children = visibleChildren(ctx, list.subject, list.foreignKey, list.orderBy);
      for (const row of rows) {
        const raw = byId.get(String(row.id));
        if (raw) children.clear(String(row.id)).prime(String(row.id), hydrators[i](raw[`${parent}_pf${i}`] as ObjectLiteral[]));
      }
    });
  };
}
