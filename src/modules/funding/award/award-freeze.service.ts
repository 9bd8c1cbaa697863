import { EntityManager } from 'typeorm';
import { AwardEntity } from './award.entity';
import { AwardStatus } from './award.enums';

/**
 * Freezes an enterprise's open (GRANTED) awards, as a revocation of its
 * title does (certification-mutations.service.ts, through the hook it
 * declares in certification.hooks.ts; src/modules/hooks.ts wires this
 * function to it), in the revocation's own savepoint; returns their ids for
 * its audit event. The awards are the funding module's rows, so the write
 * lives here.
 */
export async function freezeOpenAwards(db: EntityManager, enterpriseId: string): Promise<string[]> {
  const frozen = await db
    .createQueryBuilder()
    .update(AwardEntity)
    .set({ status: AwardStatus.FROZEN })
    .where('enterprise_id = :enterpriseId AND status = :granted', { enterpriseId, granted: AwardStatus.GRANTED })
    .returning('id')
    .execute();
  return (frozen.raw as { id: string }[]).map((r) => r.id);
}
