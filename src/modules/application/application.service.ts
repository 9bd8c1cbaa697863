import { SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { visibleById, visibleChildren } from '../../authz/scoped-reader';
import { OrderDirection, OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { uuidFromGlobalId } from '../../graphql/global-id';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { isRegionCode } from '../region/region-code';
import { ApplicationEntity } from './application.entity';
import { ApplicationFilter, ApplicationOrderField } from './application.input';
import { ReviewEntity } from './review.entity';

/** Newest first, for callers who may sort by createdAt on every row they see. */
const NEWEST_FIRST: OrderInput<ApplicationOrderField>[] = [
  { field: ApplicationOrderField.CREATED_AT, direction: OrderDirection.DESC },
];

const LIST: ListSpec<ApplicationEntity, ApplicationFilter, ApplicationOrderField> = {
  subject: 'Application',
  sortKeys: {
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
    UPDATED_AT: { property: 'updatedAt', field: 'updatedAt' },
  },
  // By ID alone: used only by callers who may not sort by createdAt (they see no applications today).
  defaultOrder: [],
  applyFilter(ctx, qb: SelectQueryBuilder<ApplicationEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Application', field, `filter.${arg}`);
    if (f.enterpriseId != null) {
      check('enterprise', 'enterpriseId');
      const id = uuidFromGlobalId(f.enterpriseId, 'Enterprise', 'filter.enterpriseId');
      qb.andWhere(`${qb.alias}.enterpriseId = :f_enterprise`, { f_enterprise: id });
    }
    if (f.regionCode != null) {
      // The region is the applicant's: whoever may see the applicant on every row may filter by it.
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
      qb.andWhere(`${qb.alias}.status = :f_status`, { f_status: f.status });
    }
  },
};

export class ApplicationService {
  list(ctx: RequestContext, args: ListArgs<ApplicationFilter, ApplicationOrderField>) {
    const orderBy = args.orderBy?.length
      ? args.orderBy
      : ctx.authz.readableOnEveryRow('Application', 'createdAt')
        ? NEWEST_FIRST
        : LIST.defaultOrder;
    return listConnection(ctx, LIST, { ...args, orderBy });
  }

  byId(ctx: RequestContext, id: string): Promise<ApplicationEntity | null> {
    return visibleById<ApplicationEntity>(ctx, 'Application').load(id);
  }

  /** An enterprise's applications the caller may see, oldest first. */
  ofEnterprise(ctx: RequestContext, enterpriseId: string): Promise<ApplicationEntity[]> {
    return visibleChildren<ApplicationEntity>(ctx, 'Application', 'enterpriseId', 'createdAt').load(enterpriseId);
  }

  reviewById(ctx: RequestContext, id: string): Promise<ReviewEntity | null> {
    return visibleById<ReviewEntity>(ctx, 'Review').load(id);
  }

  /** An application's reviews the caller may see, oldest first. */
  reviews(ctx: RequestContext, applicationId: string): Promise<ReviewEntity[]> {
    return visibleChildren<ReviewEntity>(ctx, 'Review', 'applicationId', 'createdAt').load(applicationId);
  }
}

export const applicationService = new ApplicationService();
