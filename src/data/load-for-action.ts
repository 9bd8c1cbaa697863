import { EntityManager, ObjectLiteral } from 'typeorm';
import { Action, SubjectName } from '../authz/policy';
import { RequestContext } from '../core/context';
import { NotFoundError } from '../core/errors';
import { lockedRow } from './row-lock';
import { visibleRow } from './visible-row';

export interface LoadForActionOptions<T> {
  /** The field the action changes, for a field-level rule. */
  field?: string;
  /** A further refusal of the caller (FORBIDDEN) that needs the row, judged before the lock like the policy's own. */
  check?: (row: T) => void;
}

/**
 * The row a mutation is about to act on, in the order row-level security
 * needs: read it through the read policy; a row the caller cannot read is
 * NOT_FOUND (indistinguishable from a missing one), a readable one it may
 * not act on is FORBIDDEN; only then lock it FOR UPDATE, since under RLS
 * that lock sees only rows the caller may update and, taken first, would
 * turn FORBIDDEN into NOT_FOUND. Returns the locked row: the one read
 * before the lock may be stale, so every later rule judges this one.
 */
export async function loadForAction<T extends ObjectLiteral>(
  ctx: RequestContext,
  db: EntityManager,
  subject: SubjectName,
  id: string,
  action: Action,
  what: string,
  options: LoadForActionOptions<T> = {},
): Promise<T> {
  const row = await visibleRow<T>(ctx, db, subject, id);
  ctx.authz.assertCan(action, subject, row, what, options.field);
  options.check?.(row);
  const locked = await lockedRow<T>(db, subject, id);
  if (!locked) throw new NotFoundError(what);
  return locked;
}
