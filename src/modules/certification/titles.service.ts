import { EntityManager } from 'typeorm';
import { scopedRead } from '../../data/visible-row';
import { RequestContext } from '../../core/context';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationEntity } from './certification.entity';
import { CertificationStatus } from './certification.enums';
import { LIVE_STORED_STATUSES, validUntilFor } from './certification.rules';
import { effectiveStatus, LAPSING_STATUSES } from './certification-status.rules';
import { programmeToday } from '../../core/calendar';

/**
 * What other modules' workflows ask of an enterprise's titles (the
 * application workflow grants them, funding needs a valid one); the
 * certification module owns the rows, so the queries and writes live here.
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
 * The status of the title of `tier` the enterprise holds or has in public
 * notice today, or null: while it has one, it may neither open an
 * application for that tier nor be granted a second title of it (the title
 * is renewed by re-review). Every title counts, whatever the caller may read
 * of them; call it with the enterprise row locked, so none is granted in between.
 */
export async function liveTitleStatus(db: EntityManager, enterpriseId: string, tier: Tier, today: string): Promise<CertificationStatus | null> {
  const titles = await db.getRepository(CertificationEntity).findBy({ enterpriseId, tier });
  const live = titles.find((c) => LIVE_STORED_STATUSES.includes(effectiveStatus(c, today)));
  return live ? effectiveStatus(live, today) : null;
}

/** What the workflow that certifies an enterprise decides about the title it grants. */
export type TitleGrant = Pick<
  CertificationEntity,
  'enterpriseId' | 'tier' | 'batchNumber' | 'ruleSetCode' | 'publicNoticeStartsOn' | 'publicNoticeEndsOn'
>;

/**
 * Grants a title: CERTIFIED `today`, valid for 3 years. A title of the same
 * tier that lapsed by date alone still has a live stored status; it is
 * recorded as EXPIRED first, so the one-live-title-per-tier index admits the
 * new one. The caller has locked the enterprise row and found no live title
 * (liveTitleStatus). Returns the title as stored (its region comes from a
 * trigger) and the ids of the titles recorded as expired.
 */
export async function grantTitle(
  db: EntityManager,
  grant: TitleGrant,
  today: string,
): Promise<{ certification: CertificationEntity; expiredIds: string[] }> {
  const repo = db.getRepository(CertificationEntity);
  const same = await repo.findBy({ enterpriseId: grant.enterpriseId, tier: grant.tier });
  const expiredIds = same
    .filter((c) => c.status !== CertificationStatus.EXPIRED && effectiveStatus(c, today) === CertificationStatus.EXPIRED)
    .map((c) => c.id);
  if (expiredIds.length) {
    await repo.createQueryBuilder().update().set({ status: CertificationStatus.EXPIRED }).where('id IN (:...ids)', { ids: expiredIds }).execute();
  }
  const { identifiers } = await repo.insert({
    ...grant,
    status: CertificationStatus.CERTIFIED,
    certifiedOn: today,
    validUntil: validUntilFor(today),
  });
  return { certification: await repo.findOneByOrFail({ id: identifiers[0].id as string }), expiredIds };
}
