import { EntityManager } from 'typeorm';
import { Tier } from './enterprise.enums';
import { EnterpriseEntity } from './enterprise.entity';

/**
 * enterprise.tier is derived: the highest title the enterprise holds today,
 * kept by the certification module (enterprise-tier.service.ts) as titles change.
 * The caller never chooses the value, so this is no caller's update of the
 * enterprise and no policy check applies; the enterprise module still owns
 * the row, so the write lives here. The caller holds the row's lock.
 */
export async function storeDerivedTier(db: EntityManager, enterpriseId: string, tier: Tier | null): Promise<void> {
  await db.getRepository(EnterpriseEntity).update({ id: enterpriseId }, { tier });
}
