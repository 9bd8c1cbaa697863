import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { OrderDirection, OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { ApplicationEntity } from './application.entity';
import { ApplicationFilter, ApplicationOrderField } from './application.input';
import { ReviewEntity } from './review.entity';
import { evaluateEnterprise, EligibilityEvaluation } from '../eligibility/eligibility.service';
import { ruleSetByCode } from '../rule-set';
import { applicationYear } from './report-use.rules';

/** Newest first, for callers who may sort by createdAt on every row they see. */
const NEWEST_FIRST: OrderInput<ApplicationOrderField>[] = [{ field: ApplicationOrderField.CREATED_AT, direction: OrderDirection.DESC }];

const LIST: ListSpec<ApplicationEntity, ApplicationFilter, ApplicationOrderField> = {
  subject: 'Application',
  sortKeys: {
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
    UPDATED_AT: { property: 'updatedAt', field: 'updatedAt' },
  },
  // By ID alone: used only by callers who may not sort by createdAt (they see no applications today).
  defaultOrder: [],
  applyFilter(ctx, qb: SelectQueryBuilder<ApplicationEntity>, f) {
    // The region is the applicant's: whoever may see the applicant on every row may filter by it.
    new ListFilter(ctx, qb, 'Application')
      .globalId('enterpriseId', f.enterpriseId, 'Enterprise', 'enterpriseId', 'enterprise')
      .regionSubtree('regionCode', f.regionCode, 'enterprise')
      .equals('tier', f.tier, 'tier')
      .equals('status', f.status, 'status');
  },
};

export class ApplicationService {
  list(ctx: RequestContext, args: ListArgs<ApplicationFilter, ApplicationOrderField>, info?: GraphQLResolveInfo) {
    const orderBy = args.orderBy?.length ? args.orderBy : ctx.authz.readableOnEveryRow('Application', 'createdAt') ? NEWEST_FIRST : LIST.defaultOrder;
    return listConnection(ctx, LIST, { ...args, orderBy }, info);
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

  /**
   * The applicant judged by the application's rule set now, for the year of
   * assessment of its self-assessment (else the year it would be submitted
   * in today), so the two compare like for like. Null for a rule set the
   * eligibility module does not know, or a caller who may not read the facts.
   */
  currentEvaluation(ctx: RequestContext, a: ApplicationEntity): Promise<EligibilityEvaluation | null> | null {
    if (!ruleSetByCode(a.ruleSetCode)) return null;
    const year = a.selfAssessment?.asOfYear ?? applicationYear({ submittedAt: a.submittedAt ?? new Date(), createdAt: a.createdAt });
    return evaluateEnterprise(ctx, a.enterpriseId, a.ruleSetCode, year);
  }
}

export const applicationService = new ApplicationService();
