import { EntityManager } from 'typeorm';
import { hook } from '../../core/hook';

/**
 * Revoking a title freezes the enterprise's open (GRANTED) awards. The awards
 * are the funding module's rows and funding sits above certification (an
 * award needs a valid title), so funding provides the freeze and the
 * modules' wiring (src/modules/hooks.ts) hands it over. Called in the
 * revocation's savepoint with its EntityManager, so the freeze commits or
 * rolls back with the revocation; returns the frozen awards' ids for its
 * audit event.
 */
export const freezeOpenAwards = hook<[db: EntityManager, enterpriseId: string], Promise<string[]>>('certification.freezeOpenAwards');
