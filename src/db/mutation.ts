import { EntityManager } from 'typeorm';
import { RequestContext } from '../core/context';

/**
 * Runs one mutation's work as a unit: inside the request's transaction it is
 * a savepoint, so an error undoes exactly this mutation's writes (and its
 * audit event) while the request goes on.
 */
export function mutation<T>(ctx: RequestContext, work: (db: EntityManager) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
