import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById, visibleChildren } from '../../../data/scoped-reader';
import { OrderDirection } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { ListFilter } from '../../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../../graphql/list';
import { AwardEntity } from './award.entity';
import { ClawBackEntity } from './claw-back.entity';
import { DisbursementEntity } from './disbursement.entity';
import { ExpenditureEntity } from './expenditure.entity';
import { AwardFilter, AwardOrderField, DisbursementFilter, DisbursementOrderField, ExpenditureFilter, ExpenditureOrderField } from './award.input';
import { visibleSums } from '../visible-sums';

const AWARDS: ListSpec<AwardEntity, AwardFilter, AwardOrderField> = {
  subject: 'Award',
  sortKeys: {
    AMOUNT: { property: 'amount', field: 'amount' },
    GRANTED_ON: { property: 'grantedOn', field: 'grantedOn' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: AwardOrderField.GRANTED_ON, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<AwardEntity>, f) {
    new ListFilter(ctx, qb, 'Award')
      .globalId('batchId', f.batchId, 'FundingBatch', 'batchId', 'batch')
      .globalId('enterpriseId', f.enterpriseId, 'Enterprise', 'enterpriseId', 'enterprise')
      .globalId('platformId', f.platformId, 'Platform', 'platformId', 'platform')
      // The region is the recipient's: filtering by it reveals who the recipient is.
      .regionSubtree('regionCode', f.regionCode, ['enterprise', 'platform'])
      .equals('status', f.status, 'status')
      .equals('usageRestriction', f.usageRestriction, 'usageRestriction');
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
    new ListFilter(ctx, qb, 'Disbursement').globalId('awardId', f.awardId, 'Award', 'awardId', 'award');
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
    new ListFilter(ctx, qb, 'Expenditure').globalId('awardId', f.awardId, 'Award', 'awardId', 'award').equals('category', f.category, 'category');
  },
};

/**
 * Awards and the money that moves under them. Every read is scoped by the
 * policy: lists, lookups, children and sums alike.
 */
export class AwardService {
  list(ctx: RequestContext, args: ListArgs<AwardFilter, AwardOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, AWARDS, args, info);
  }

  disbursementList(ctx: RequestContext, args: ListArgs<DisbursementFilter, DisbursementOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, DISBURSEMENTS, args, info);
  }

  expenditureList(ctx: RequestContext, args: ListArgs<ExpenditureFilter, ExpenditureOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, EXPENDITURES, args, info);
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
