import { EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
import { hook } from '../../core/hook';

/**
 * The applications that lock an enterprise's report of `year`: those
 * recommended (or further) that were judged on it. Applications are the
 * application module's rows, and that module sits above enterprise (an
 * application is an enterprise's), so it provides the answer and the
 * modules' wiring (src/modules/hooks.ts) hands it over. Read in the
 * revision's transaction, as the caller.
 */
export const applicationsLockingReport = hook<
  [ctx: RequestContext, db: EntityManager, enterpriseId: string, year: number],
  Promise<{ id: string }[]>
>('enterprise.applicationsLockingReport');
