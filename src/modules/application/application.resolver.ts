import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { registerNode } from '../../graphql/node';
import { CertificationEntity } from '../certification/certification.entity';
import { certificationService } from '../certification/certification.service';
import { Certification } from '../certification/certification.type';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { RegionEntity } from '../region/region.entity';
import { regionService } from '../region/region.service';
import { Region } from '../region/region.type';
import { ApplicationEntity } from './application.entity';
import { ApplicationFilter, ApplicationOrder, ApplicationOrderField } from './application.input';
import { applicationService } from './application.service';
import { Application, ApplicationConnection } from './application.type';
import { ReviewEntity } from './review.entity';
import { Review } from './review.type';

registerNode('Application', ApplicationEntity, (ctx, key) => applicationService.byId(ctx, key));
registerNode('Review', ReviewEntity, (ctx, key) => applicationService.reviewById(ctx, key));

@ArgsType()
class ApplicationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => ApplicationFilter, { nullable: true, description: 'Conditions the applications must meet.' })
  filter?: ApplicationFilter | null;

  @Field(() => [ApplicationOrder], { nullable: true, description: 'Sort keys, most significant first; newest first if omitted.' })
  orderBy?: OrderInput<ApplicationOrderField>[] | null;
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationConnection, { description: 'Applications the caller may see, a page at a time.' })
  applications(@Args() args: ApplicationsArgs, @Ctx() ctx: RequestContext) {
    return applicationService.list(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() a: ApplicationEntity): string {
    return toGlobalId('Application', a.id);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, a.enterpriseId);
  }

  @FieldResolver(() => Region, { nullable: true })
  recommendedBy(@Root() a: ApplicationEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> | null {
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
}

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => ID)
  id(@Root() r: ReviewEntity): string {
    return toGlobalId('Review', r.id);
  }

  @FieldResolver(() => Application, { nullable: true })
  application(@Root() r: ReviewEntity, @Ctx() ctx: RequestContext): Promise<ApplicationEntity | null> {
    return applicationService.byId(ctx, r.applicationId);
  }

  @FieldResolver(() => Region, { nullable: true })
  reviewerRegion(@Root() r: ReviewEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> | null {
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
  applications(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<ApplicationEntity[]> {
    return applicationService.ofEnterprise(ctx, e.id);
  }
}
