import { EntityManager, ObjectLiteral } from 'typeorm';
import { SubjectName } from '../authz/policy';
import { entityOfSubject } from '../authz/subjects';
import { isUuid } from '../core/global-id';
import { aliasOf } from './visible-row';

/**
 * Locks one row FOR UPDATE and returns it as it is now, or null when there
 * is none the handle may update: under row-level security FOR UPDATE sees
 * only rows the caller may update, so take it only once the policy allowed
 * the caller's action (see loadForAction).
 */
export async function lockedRow<T extends ObjectLiteral>(db: EntityManager, subject: SubjectName, id: string): Promise<T | null> {
  if (!isUuid(id)) return null;
  const alias = aliasOf(subject);
  return db
    .getRepository<T>(entityOfSubject(subject))
    .createQueryBuilder(alias)
    .setLock('pessimistic_write')
    .where(`${alias}.id = :id`, { id })
    .getOne();
}

/**
 * Locks a row the mutation changes or sums over for a reason other than the
 * caller's own action on it: the batch whose awards are summed, the
 * programme whose batches are, the enterprise whose tier follows a title.
 * The row is known to exist (a check or a foreign key said so); one that
 * is gone is a bug, not a caller's mistake.
 */
export async function lockRow<T extends ObjectLiteral>(db: EntityManager, subject: SubjectName, id: string): Promise<T> {
  const row = await lockedRow<T>(db, subject, id);
  if (!row) throw new Error(`${subject} ${id} vanished under its lock`);
  return row;
}
