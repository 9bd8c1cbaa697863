import { EntityManager, ObjectLiteral } from 'typeorm';
import { subjectOf } from '../../authz/ability';
import { Action, SubjectName } from '../../authz/policy';
import { SUBJECT_ENTITIES } from '../../authz/subjects';
import { RequestContext } from '../../graphql/context';
import { ForbiddenError } from '../../graphql/errors';

/**
 * The steps every funding mutation takes, in the order of
 * EnterpriseMutations: load through the policy, check the action, then lock.
 */

/**
 * Like Authorizer.assertCanCreate for a workflow step that creates a row
 * (propose, grant): the caller must hold the action at all, and on this draft.
 */
export function assertMayOnDraft(ctx: RequestContext, action: Action, subject: SubjectName, draft: object, what: string): void {
  if (!ctx.authz.can(action, subject)) throw new ForbiddenError(`${ctx.viewer.role} may not ${action} ${what}`);
  if (!ctx.authz.can(action, subjectOf(subject, { ...draft }))) {
    throw new ForbiddenError(`${ctx.viewer.role} may not ${action} ${what} there`);
  }
}

/** One row the caller may read, through the mutation's handle; null if missing or invisible. */
export async function loadVisible<T extends ObjectLiteral>(ctx: RequestContext, db: EntityManager, subject: SubjectName, id: string): Promise<T | null> {
  const alias = subject.charAt(0).toLowerCase() + subject.slice(1);
  const qb = ctx.authz.scope(db.getRepository<T>(SUBJECT_ENTITIES[subject]).createQueryBuilder(alias), subject, 'read');
  return qb ? qb.andWhere(`${alias}.id = :id`, { id }).getOne() : null;
}

/**
 * Locks a row FOR UPDATE and returns it as it is now. Called only after the
 * policy allowed the action: under row-level security FOR UPDATE sees only
 * updatable rows, which would turn FORBIDDEN into NOT_FOUND. The row read
 * before the lock may be stale; every rule is checked on this one.
 */
export async function lockRow<T extends ObjectLiteral>(db: EntityManager, entity: { new (): T }, id: string): Promise<T> {
  const row = await db.getRepository(entity).createQueryBuilder('locked').setLock('pessimistic_write').where('locked.id = :id', { id }).getOne();
  if (!row) throw new Error(`row ${id} vanished under its lock`);
  return row;
}

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

export function pgCode(err: unknown): { code?: string; constraint?: string } {
  return err as { code?: string; constraint?: string };
}

/** An entity as it goes into the audit trail: its columns, without the bookkeeping timestamps. */
export function snapshot(row: object): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row as Record<string, unknown>;
  return rest;
}
