import { SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { visibleById, visibleChildren } from '../../authz/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { uuidFromGlobalId } from '../../graphql/global-id';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { isRegionCode } from '../region/region-code';
import { AwardEntity } from './award.entity';
import { ClawBackEntity } from './claw-back.entity';
import { DisbursementEntity } from './disbursement.entity';
import { ExpenditureEntity } from './expenditure.entity';
import {
  AwardFilter,
  AwardOrderField,
  DisbursementFilter,
  DisbursementOrderField,
  ExpenditureFilter,
  ExpenditureOrderField,
} from './funding.input';
import { visibleSums } from './visible-sums';

const AWARDS: ListSpec<AwardEntity, AwardFilter, AwardOrderField> = {
  subject: 'Award',
  sortKeys: {
    AMOUNT: { property: 'amount', field: 'amount' },
    GRANTED_ON: { property: 'grantedOn', field: 'grantedOn' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: AwardOrderField.GRANTED_ON, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<AwardEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Award', field, `filter.${arg}`);
    if (f.batchId != null) {
      check('batch', 'batchId');
      qb.andWhere(`${qb.alias}.batchId = :f_batch`, { f_batch: uuidFromGlobalId(f.batchId, 'FundingBatch', 'filter.batchId') });
    }
    if (f.enterpriseId != null) {
      check('enterprise', 'enterpriseId');
      qb.andWhere(`${qb.alias}.enterpriseId = :f_ent`, { f_ent: uuidFromGlobalId(f.enterpriseId, 'Enterprise', 'filter.enterpriseId') });
    }
    if (f.platformId != null) {
      check('platform', 'platformId');
      qb.andWhere(`${qb.alias}.platformId = :f_plat`, { f_plat: uuidFromGlobalId(f.platformId, 'Platform', 'filter.platformId') });
    }
    if (f.regionCode != null) {
      // The region is the recipient's: filtering by it reveals who the recipient is.
      check('enterprise', 'regionCode');
      check('platform', 'regionCode');
      if (!isRegionCode(f.regionCode)) throw new BadUserInputError('filter.regionCode must be a six-digit region code', 'filter.regionCode');
      const { lo, hi } = regionRange(f.regionCode);
      qb.andWhere(`${qb.alias}.regionCode BETWEEN :f_lo AND :f_hi`, { f_lo: lo, f_hi: hi });
    }
    if (f.status != null) {
      check('status', 'status');
      qb.andWhere(`${qb.alias}.status = :f_status`, { f_status: f.status });
    }
    if (f.usageRestriction != null) {
      check('usageRestriction', 'usageRestriction');
      qb.andWhere(`${qb.alias}.usageRestriction = :f_usage`, { f_usage: f.usageRestriction });
    }
  },
};

const DISBURSEMENTS: ListSpec<DisbursementEntity, DisbursementFilter, DisbursementOrderField> = {
  subject: 'Disbursement',
  sortKeys: {
    PAID_ON: { property: 'paidOn', field: 'paidOn' },
    AMOUNT: { property: 'amount', field: 'amount' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: DisbursementOrderField.PAID_ON, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<DisbursementEntity>, f) {
    if (f.awardId != null) {
      ctx.authz.assertReadableOnEveryRow('Disbursement', 'award', 'filter.awardId');
      qb.andWhere(`${qb.alias}.awardId = :f_award`, { f_award: uuidFromGlobalId(f.awardId, 'Award', 'filter.awardId') });
    }
  },
};

const EXPENDITURES: ListSpec<ExpenditureEntity, ExpenditureFilter, ExpenditureOrderField> = {
  subject: 'Expenditure',
  sortKeys: {
    SPENT_ON: { property: 'spentOn', field: 'spentOn' },
    AMOUNT: { property: 'amount', field: 'amount' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: ExpenditureOrderField.SPENT_ON, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<ExpenditureEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Expenditure', field, `filter.${arg}`);
    if (f.awardId != null) {
      check('award', 'awardId');
      qb.andWhere(`${qb.alias}.awardId = :f_award`, { f_award: uuidFromGlobalId(f.awardId, 'Award', 'filter.awardId') });
    }
    if (f.category != null) {
      check('category', 'category');
      qb.andWhere(`${qb.alias}.category = :f_category`, { f_category: f.category });
    }
  },
};

/**
 * Awards and the money that moves under them. Every read is scoped by the
 * policy: lists, lookups, children and sums alike.
 */
export class AwardService {
  list(ctx: RequestContext, args: ListArgs<AwardFilter, AwardOrderField>) {
    return listConnection(ctx, AWARDS, args);
  }

  disbursementList(ctx: RequestContext, args: ListArgs<DisbursementFilter, DisbursementOrderField>) {
    return listConnection(ctx, DISBURSEMENTS, args);
  }

  expenditureList(ctx: RequestContext, args: ListArgs<ExpenditureFilter, ExpenditureOrderField>) {
    return listConnection(ctx, EXPENDITURES, args);
  }

  byId(ctx: RequestContext, id: string): Promise<AwardEntity | null> {
    return visibleById<AwardEntity>(ctx, 'Award').load(id);
  }

  disbursementById(ctx: RequestContext, id: string): Promise<DisbursementEntity | null> {
    return visibleById<DisbursementEntity>(ctx, 'Disbursement').load(id);
  }

  expenditureById(ctx: RequestContext, id: string): Promise<ExpenditureEntity | null> {
    return visibleById<ExpenditureEntity>(ctx, 'Expenditure').load(id);
  }

  clawBackById(ctx: RequestContext, id: string): Promise<ClawBackEntity | null> {
    return visibleById<ClawBackEntity>(ctx, 'ClawBack').load(id);
  }

  ofEnterprise(ctx: RequestContext, enterpriseId: string): Promise<AwardEntity[]> {
    return visibleChildren<AwardEntity>(ctx, 'Award', 'enterpriseId').load(enterpriseId);
  }

  ofPlatform(ctx: RequestContext, platformId: string): Promise<AwardEntity[]> {
    return visibleChildren<AwardEntity>(ctx, 'Award', 'platformId').load(platformId);
  }

  ofBatch(ctx: RequestContext, batchId: string): Promise<AwardEntity[]> {
    return visibleChildren<AwardEntity>(ctx, 'Award', 'batchId').load(batchId);
  }

  /** Sum of the amounts of the batch's awards the caller may see (not the batch total unless it may see them all). */
  granted(ctx: RequestContext, batchId: string): Promise<string> {
    return visibleSums(ctx, 'Award', 'batchId').load(batchId);
  }

  disbursements(ctx: RequestContext, awardId: string): Promise<DisbursementEntity[]> {
    return visibleChildren<DisbursementEntity>(ctx, 'Disbursement', 'awardId', 'tranche').load(awardId);
  }

  expenditures(ctx: RequestContext, awardId: string): Promise<ExpenditureEntity[]> {
    return visibleChildren<ExpenditureEntity>(ctx, 'Expenditure', 'awardId', 'spentOn').load(awardId);
  }

  clawBacks(ctx: RequestContext, awardId: string): Promise<ClawBackEntity[]> {
    return visibleChildren<ClawBackEntity>(ctx, 'ClawBack', 'awardId').load(awardId);
  }

  disbursed(ctx: RequestContext, awardId: string): Promise<string> {
    return visibleSums(ctx, 'Disbursement', 'awardId').load(awardId);
  }

  spent(ctx: RequestContext, awardId: string): Promise<string> {
    return visibleSums(ctx, 'Expenditure', 'awardId').load(awardId);
  }

  clawedBack(ctx: RequestContext, awardId: string): Promise<string> {
    return visibleSums(ctx, 'ClawBack', 'awardId').load(awardId);
  }
}

export const awardService = new AwardService();
