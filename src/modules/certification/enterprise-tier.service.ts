import { EntityManager } from 'typeorm';
import { lockRow } from '../../data/row-lock';
import { storeDerivedTier } from '../enterprise/derived-tier.service';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationEntity } from './certification.entity';
import { highestHeldTier } from './certification.rules';

/**
 * Brings enterprise.tier in line with the titles the enterprise holds today,
 * through the mutation's own handle, so the tier and the certification
 * change that caused it commit or roll back together. The caller has locked
 * the enterprise row (lockEnterprise); taking the lock again reads the row
 * as it is under that lock, without waiting. Returns the tier before and after.
 */
export async function syncEnterpriseTier(
  db: EntityManager,
  enterpriseId: string,
  today: string,
): Promise<{ before: Tier | null; after: Tier | null }> {
  const enterprise = await lockEnterprise(db, enterpriseId);
  const certifications = await db.getRepository(CertificationEntity).findBy({ enterpriseId });
  const after = highestHeldTier(certifications, today);
  if (enterprise.tier !== after) await storeDerivedTier(db, enterpriseId, after);
  return { before: enterprise.tier, after };
}

/**
 * Locks the enterprise row against concurrent tier changes, for the title
 * change the caller's policy check already allowed (not an update of the
 * enterprise by the caller), and returns it as it is now.
 */
export function lockEnterprise(db: EntityManager, enterpriseId: string): Promise<EnterpriseEntity> {
  return lockRow<EnterpriseEntity>(db, 'Enterprise', enterpriseId);
}
