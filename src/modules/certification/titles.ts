import { EntityManager } from 'typeorm';
import { scopedRead } from '../../data/visible-row';
import { RequestContext } from '../../core/context';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationEntity } from './certification.entity';
import { CertificationStatus } from './certification.enums';
import { LAPSING_STATUSES } from './certification-status';
import { programmeToday } from '../../core/calendar';

/**
 * What other modules' workflows ask of an enterprise's titles (the
 * application workflow grants them, funding needs a valid one); the
 * certification module owns the rows, so the queries live here.
 */

/**
 * The little giant title that makes an enterprise eligible as a key little
 * giant: LITTLE_GIANT, CERTIFIED or RENEWED, valid today, and readable by
 * the caller. Read FOR SHARE so a revocation cannot slip in between this
 * check and the write that relies on it; the revocation waits for this
 * transaction and then freezes what it must.
 */
export async function validLittleGiantTitle(ctx: RequestContext, db: EntityManager, enterpriseId: string): Promise<CertificationEntity | null> {
  const qb = scopedRead<CertificationEntity>(ctx, db, 'Certification', { forShare: true });
  if (!qb) return null;
  return qb
    .andWhere(`${qb.alias}.enterpriseId = :enterpriseId`, { enterpriseId })
    .andWhere(`${qb.alias}.tier = :tier`, { tier: Tier.LITTLE_GIANT })
    .andWhere(`${qb.alias}.status = ANY(:statuses)`, { statuses: [...LAPSING_STATUSES] })
    .andWhere(`${qb.alias}.validUntil >= :today`, { today: programmeToday() })
    .getOne();
}

/**
 * Every title of one tier the enterprise has had, whatever the caller may
 * read of them: the one-live-title-per-tier rule judges them all. Call it
 * with the enterprise row locked, so none is granted in between.
 */
export function titlesOfTier(db: EntityManager, enterpriseId: string, tier: Tier): Promise<CertificationEntity[]> {
  return db.getRepository(CertificationEntity).findBy({ enterpriseId, tier });
}

/** Records as EXPIRED titles that lapsed by date alone, so the unique index on live titles admits a new one. */
export async function recordLapsedTitles(db: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db
    .getRepository(CertificationEntity)
    .createQueryBuilder()
    .update()
    .set({ status: CertificationStatus.EXPIRED })
    .where('id IN (:...ids)', { ids })
    .execute();
}

/** Inserts a newly granted title and returns it as stored (its region comes from a trigger). */
export async function insertTitle(
  db: EntityManager,
  title: Pick<
    CertificationEntity,
    'enterpriseId' | 'tier' | 'batchNumber' | 'ruleSetCode' | 'status' | 'publicNoticeStartsOn' | 'publicNoticeEndsOn' | 'certifiedOn' | 'validUntil'
  >,
): Promise<CertificationEntity> {
  const repo = db.getRepository(CertificationEntity);
  const { identifiers } = await repo.insert(title as never);
  return repo.findOneByOrFail({ id: identifiers[0].id as string });
}
