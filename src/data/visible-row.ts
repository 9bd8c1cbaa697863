import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SubjectName } from '../authz/policy';
import { entityOfSubject } from '../authz/subjects';
import { RequestContext } from '../core/context';
import { isUuid } from '../core/global-id';

/** The alias a subject's rows go by in the data layer's queries ('fundingBatch' for FundingBatch). */
export const aliasOf = (subject: SubjectName): string => subject.charAt(0).toLowerCase() + subject.slice(1);

export interface ScopedReadOptions {
  /**
   * FOR SHARE: a write of this mutation relies on what it read (a title that
   * makes an enterprise eligible), so a concurrent change of those rows
   * waits for this transaction instead of slipping in between.
   */
  forShare?: boolean;
}

/**
 * A query over `subject` limited to the rows the caller may read, on the
 * mutation's own handle (so it sees the savepoint's writes and takes part
 * in its locks); null when the caller may read none.
 */
export function scopedRead<T extends ObjectLiteral>(
  ctx: RequestContext,
  db: EntityManager,
  subject: SubjectName,
  options: ScopedReadOptions = {},
): SelectQueryBuilder<T> | null {
  const qb = db.getRepository<T>(entityOfSubject(subject)).createQueryBuilder(aliasOf(subject));
  if (options.forShare) qb.setLock('pessimistic_read');
  return ctx.authz.scope(qb, subject, 'read');
}

/**
 * One row the caller may read, or null when it is missing, invisible, or
 * the id is not a uuid at all (which Postgres would reject mid-savepoint):
 * all three read as "not found", as visibleById has them.
 */
export async function visibleRow<T extends ObjectLiteral>(
  ctx: RequestContext,
  db: EntityManager,
  subject: SubjectName,
  id: string,
): Promise<T | null> {
  if (!isUuid(id)) return null;
  const qb = scopedRead<T>(ctx, db, subject);
  return qb ? qb.andWhere(`${qb.alias}.id = :id`, { id }).getOne() : null;
}
