import { EntityManager } from 'typeorm';
import { scopedRead } from '../../data/visible-row';
import { RequestContext } from '../../core/context';
import { ApplicationEntity } from './application.entity';
import { applicationUsesYear, applicationYear, LOCKING_STATUSES } from './report-use.rules';

/**
 * The recommended (or further) applications of an enterprise that used its
 * report of `year` (see report-use.rules.ts for which years an application
 * uses): they lock the report, and the enterprise module asks for them
 * through its hook (enterprise/financial-report.hooks.ts). Read FOR SHARE: a recommendation taking place meanwhile
 * waits for the revision to commit, or the revision waits for it and then
 * sees the application as recommended, so a report never changes under a
 * recommendation that has just judged it.
 */
export async function recommendedApplicationsUsing(
  ctx: RequestContext,
  db: EntityManager,
  enterpriseId: string,
  year: number,
): Promise<ApplicationEntity[]> {
  const qb = scopedRead<ApplicationEntity>(ctx, db, 'Application', { forShare: true });
  if (!qb) return [];
  const applications = await qb.andWhere(`${qb.alias}.enterpriseId = :enterpriseId`, { enterpriseId }).getMany();
  return applications.filter((a) => LOCKING_STATUSES.includes(a.status) && applicationUsesYear(applicationYear(a), year));
}
