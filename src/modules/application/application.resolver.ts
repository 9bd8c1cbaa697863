import { ConnectionArgs } from '../../graphql/connection-args';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { uuidFromGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { CertificationEntity } from '../certification/certification.entity';
import { certificationService } from '../certification/certification.service';
import { Certification } from '../certification/certification.type';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { RegionAnswer, regionService } from '../region/region.service';
import { Region } from '../region/region.type';
import { ApplicationEntity } from './application.entity';
import {
  ApplicationCommentInput,
  ApplicationFilter,
  ApplicationOrder,
  ApplicationOrderField,
  ApplicationStepInput,
  CertifyEnterpriseInput,
  CreateApplicationInput,
  OpenPublicNoticeInput,
  RecommendApplicationInput,
  ResolveObjectionInput,
  ReviewApplicationInput,
  UpdateApplicationInput,
} from './application.input';
import { applicationService } from './application.service';
import { Application, ApplicationConnection, ApplicationPayload, CertifyEnterprisePayload } from './application.type';
import { applicationMutations } from './application-mutations.service';
import { ReviewEntity } from './review.entity';
import { Review } from './review.type';
import { SelfAssessment } from './self-assessment.type';
import { EligibilityEvaluation } from '../eligibility/eligibility.type';
import type { EligibilityEvaluation as Evaluation } from '../eligibility';

registerNode('Application', ApplicationEntity, (ctx, key) => applicationService.byId(ctx, key));
registerNode('Review', ReviewEntity, (ctx, key) => applicationService.reviewById(ctx, key));

const appId = (id: string) => uuidFromGlobalId(id, 'Application', 'input.applicationId');

@ArgsType()
class ApplicationsArgs extends ConnectionArgs {
  @Field(() => ApplicationFilter, { nullable: true, description: 'Conditions the applications must meet.' })
  filter?: ApplicationFilter | null;

  @Field(() => [ApplicationOrder], { nullable: true, description: 'Sort keys, most significant first; newest first if omitted.' })
  orderBy?: OrderInput<ApplicationOrderField>[] | null;
}

@Resolver(() => Application)
export class ApplicationResolver extends NodeIdResolver(Application) {
  @Query(() => ApplicationConnection, { description: 'Applications the caller may see, a page at a time.' })
  applications(@Args() args: ApplicationsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return applicationService.list(ctx, args, info);
  }

  @Mutation(() => ApplicationPayload, {
    description: 'Opens a DRAFT application of the caller’s own enterprise for a tier, under a named rule set (ENTERPRISE).',
  })
  async createApplication(
    @Arg('input', () => CreateApplicationInput, { description: 'The enterprise, tier and rule set.' }) input: CreateApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    const enterpriseId = uuidFromGlobalId(input.enterpriseId, 'Enterprise', 'input.enterpriseId');
    return { application: await applicationMutations.create(ctx, enterpriseId, input), review: null };
  }

  @Mutation(() => ApplicationPayload, {
    description: 'Changes the tier or rule set of a DRAFT or RETURNED application of the caller’s own enterprise (ENTERPRISE).',
  })
  updateApplication(
    @Arg('input', () => UpdateApplicationInput, { description: 'The application and its changes.' }) input: UpdateApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.update(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, { description: 'Sends a DRAFT or RETURNED application to the local government: SUBMITTED (ENTERPRISE).' })
  submitApplication(
    @Arg('input', () => ApplicationStepInput, { description: 'The application.' }) input: ApplicationStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.submit(ctx, appId(input.applicationId));
  }

  @Mutation(() => ApplicationPayload, {
    description: 'Withdraws a DRAFT, SUBMITTED or RETURNED application, i.e. before recommendation: WITHDRAWN (ENTERPRISE).',
  })
  withdrawApplication(
    @Arg('input', () => ApplicationStepInput, { description: 'The application.' }) input: ApplicationStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.withdraw(ctx, appId(input.applicationId));
  }

  @Mutation(() => ApplicationPayload, {
    description:
      'Recommends a SUBMITTED application of an enterprise in the caller’s region: RECOMMENDED (LOCAL_GOV). Little giants are recommended only by a provincial-level authority or a plan-listed city (Dalian, Qingdao, Ningbo, Xiamen, Shenzhen).',
  })
  recommendApplication(
    @Arg('input', () => RecommendApplicationInput, { description: 'The application and remarks.' }) input: RecommendApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.recommend(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, {
    description: 'Returns a SUBMITTED application to the enterprise for changes, with the reason: RETURNED (LOCAL_GOV).',
  })
  returnApplication(
    @Arg('input', () => ApplicationCommentInput, { description: 'The application and the reason.' }) input: ApplicationCommentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.returnForChanges(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, { description: 'Takes a RECOMMENDED application into expert review: UNDER_REVIEW (MIIT).' })
  startReview(
    @Arg('input', () => ApplicationStepInput, { description: 'The application.' }) input: ApplicationStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.startReview(ctx, appId(input.applicationId));
  }

  @Mutation(() => ApplicationPayload, {
    description:
      'Records the expert review of an application UNDER_REVIEW, with its score and the rule-set evaluation as evidence: APPROVED or REJECTED (MIIT).',
  })
  reviewApplication(
    @Arg('input', () => ReviewApplicationInput, { description: 'The decision, score and comment.' }) input: ReviewApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.review(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, { description: 'Lists an APPROVED application for objections until a given day: PUBLIC_NOTICE (MIIT).' })
  openPublicNotice(
    @Arg('input', () => OpenPublicNoticeInput, { description: 'The application and the last day of the notice.' }) input: OpenPublicNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.openPublicNotice(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, {
    description:
      'Raises an objection to an application in PUBLIC_NOTICE, up to the notice’s last day (the local government of the enterprise’s region, or MIIT).',
  })
  raiseObjection(
    @Arg('input', () => ApplicationCommentInput, { description: 'The application and the objection.' }) input: ApplicationCommentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.raiseObjection(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => ApplicationPayload, {
    description: 'Rules on every open objection to an application in PUBLIC_NOTICE: UPHELD → REJECTED, DISMISSED → stays in notice (MIIT).',
  })
  resolveObjection(
    @Arg('input', () => ResolveObjectionInput, { description: 'The application, ruling and reasons.' }) input: ResolveObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationPayload> {
    return applicationMutations.resolveObjection(ctx, appId(input.applicationId), input);
  }

  @Mutation(() => CertifyEnterprisePayload, {
    description:
      'Certifies the enterprise of an application whose public notice has ended with no open objection: the application is CERTIFIED, a 3-year title is granted in the given batch, and the enterprise’s tier follows (MIIT).',
  })
  certifyEnterprise(
    @Arg('input', () => CertifyEnterpriseInput, { description: 'The application and the batch number.' }) input: CertifyEnterpriseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertifyEnterprisePayload> {
    return applicationMutations.certify(ctx, appId(input.applicationId), input);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, a.enterpriseId);
  }

  @FieldResolver(() => Region, { nullable: true })
  recommendedBy(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return a.recommendedByRegionCode ? regionService.byCode(ctx, a.recommendedByRegionCode) : null;
  }

  @FieldResolver(() => Certification, { nullable: true })
  certification(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<CertificationEntity | null> | null {
    return a.certificationId ? certificationService.byId(ctx, a.certificationId) : null;
  }

  @FieldResolver(() => [Review], { nullable: true })
  reviews(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<ReviewEntity[]> {
    return applicationService.reviews(ctx, a.id);
  }

  @FieldResolver(() => SelfAssessment, { nullable: true })
  selfAssessment(@Root() a: ApplicationEntity): SelfAssessment | null {
    return a.selfAssessment && { ...a.selfAssessment, evaluatedAt: new Date(a.selfAssessment.evaluatedAt) };
  }

  @FieldResolver(() => EligibilityEvaluation, { nullable: true })
  currentEvaluation(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<Evaluation | null> | null {
    return applicationService.currentEvaluation(ctx, a);
  }
}

@Resolver(() => Review)
export class ReviewResolver extends NodeIdResolver(Review) {
  @FieldResolver(() => Application, { nullable: true })
  application(@Root() r: ReviewEntity, @Ctx() ctx: RequestContext): Promise<ApplicationEntity | null> {
    return applicationService.byId(ctx, r.applicationId);
  }

  @FieldResolver(() => Region, { nullable: true })
  reviewerRegion(@Root() r: ReviewEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return r.reviewerRegionCode ? regionService.byCode(ctx, r.reviewerRegionCode) : null;
  }
}

/** Enterprise.applications lives here, beside the applications it reads. */
@Resolver(() => Enterprise)
export class EnterpriseApplicationsResolver {
  @FieldResolver(() => [Application], {
    nullable: true,
    description: 'Applications the caller may see, oldest first (not for the public).',
  })
  // An estimate, not a cap: about one per tier per three-year review cycle, with the odd withdrawn draft.
  @ListBound(20)
  applications(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<ApplicationEntity[]> {
    return applicationService.ofEnterprise(ctx, e.id);
  }
}
