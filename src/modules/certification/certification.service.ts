import { SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { visibleById, visibleChildren } from '../../authz/scoped-reader';
import { OrderDirection, OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { uuidFromGlobalId } from '../../graphql/global-id';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { isRegionCode } from '../region/region-code';
import { CertificationEntity } from './certification.entity';
import { CertificationStatus } from './certification.enums';
import { CertificationFilter, CertificationOrderField } from './certification.input';
import { effectiveStatus, effectiveStatusCondition, programmeToday } from './certification-status';

/** Newest first, for callers who may sort by createdAt on every row they see. */
const NEWEST_FIRST: OrderInput<CertificationOrderField>[] = [
  { field: CertificationOrderField.CREATED_AT, direction: OrderDirection.DESC },
];

const LIST: ListSpec<CertificationEntity, CertificationFilter, CertificationOrderField> = {
  subject: 'Certification',
  sortKeys: {
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  // By ID alone: the one order every caller may use (the public may not sort by createdAt).
  defaultOrder: [],
  applyFilter(ctx, qb: SelectQueryBuilder<CertificationEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Certification', field, `filter.${arg}`);
    if (f.enterpriseId != null) {
      check('enterprise', 'enterpriseId');
      const id = uuidFromGlobalId(f.enterpriseId, 'Enterprise', 'filter.enterpriseId');
      qb.andWhere(`${qb.alias}.enterpriseId = :f_enterprise`, { f_enterprise: id });
    }
    if (f.regionCode != null) {
      // The region is the holder's: whoever may see the holder on every row may filter by it.
      check('enterprise', 'regionCode');
      if (!isRegionCode(f.regionCode)) throw new BadUserInputError('filter.regionCode must be a six-digit region code', 'filter.regionCode');
      const { lo, hi } = regionRange(f.regionCode);
      qb.andWhere(`${qb.alias}.regionCode BETWEEN :f_lo AND :f_hi`, { f_lo: lo, f_hi: hi });
    }
    if (f.tier != null) {
      check('tier', 'tier');
      qb.andWhere(`${qb.alias}.tier = :f_tier`, { f_tier: f.tier });
    }
    if (f.status != null) {
      check('status', 'status');
      const { sql, params } = effectiveStatusCondition(qb.alias, f.status, programmeToday());
      qb.andWhere(sql, params);
    }
    if (f.batchNumber != null) {
      check('batchNumber', 'batchNumber');
      qb.andWhere(`${qb.alias}.batchNumber = :f_batch`, { f_batch: f.batchNumber });
    }
    if (f.revocationReason != null) {
      check('revocationReason', 'revocationReason');
      qb.andWhere(`${qb.alias}.revocationReason = :f_reason`, { f_reason: f.revocationReason });
    }
  },
};

export class CertificationService {
  list(ctx: RequestContext, args: ListArgs<CertificationFilter, CertificationOrderField>) {
    const orderBy = args.orderBy?.length
      ? args.orderBy
      : ctx.authz.readableOnEveryRow('Certification', 'createdAt')
        ? NEWEST_FIRST
        : LIST.defaultOrder;
    return listConnection(ctx, LIST, { ...args, orderBy });
  }

  byId(ctx: RequestContext, id: string): Promise<CertificationEntity | null> {
    return visibleById<CertificationEntity>(ctx, 'Certification').load(id);
  }

  /** An enterprise's certifications the caller may see, oldest first. */
  ofEnterprise(ctx: RequestContext, enterpriseId: string): Promise<CertificationEntity[]> {
    return visibleChildren<CertificationEntity>(ctx, 'Certification', 'enterpriseId', 'createdAt').load(enterpriseId);
  }

  /** The status the certification has today (see certification-status.ts). */
  status(_ctx: RequestContext, c: CertificationEntity): CertificationStatus {
    return effectiveStatus(c);
  }
}

export const certificationService = new CertificationService();
