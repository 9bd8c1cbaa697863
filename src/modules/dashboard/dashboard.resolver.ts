import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { ApplicationStatus } from '../application/application.enums';
import { Tier } from '../enterprise/enterprise.enums';
import { RequestContext } from '../../core/context';
import { FundingBatchEntity } from '../funding/programme/funding-batch.entity';
import { FundingBatch } from '../funding/programme/funding-batch.type';
import { fundingService } from '../funding/programme/funding.service';
import { RegionAnswer, regionService } from '../region/region.service';
import { Region, REGIONS_PER_LEVEL } from '../region/region.type';
import { dashboardService } from './dashboard.service';
import { ApplicationFigure, AwardFigure, AwardFigureGrouping, CertifiedEnterpriseFigure } from './dashboard.type';

@Resolver()
export class DashboardResolver {
  @Query(() => [CertifiedEnterpriseFigure], {
    description:
      'Enterprises per province and tier, counted in the caller’s jurisdiction: a local government its region, everyone else what the policy lets it read (the published lists are national).',
  })
  // One row per province and tier.
  @ListBound(REGIONS_PER_LEVEL.PROVINCE * Object.keys(Tier).length)
  certifiedEnterpriseFigures(@Ctx() ctx: RequestContext): Promise<CertifiedEnterpriseFigure[]> {
    return dashboardService.certifiedEnterprises(ctx);
  }

  @Query(() => [AwardFigure], {
    description:
      'Award money per batch or per province, over the awards the caller may see (a local government those of its region, the ministries all); empty for the public.',
  })
  // Per province: 31. Per batch an estimate, not a cap: the batches of a few programmes.
  @ListBound((args) => (args.groupBy === AwardFigureGrouping.PROVINCE ? REGIONS_PER_LEVEL.PROVINCE : 100))
  awardFigures(
    @Arg('groupBy', () => AwardFigureGrouping, { description: 'One row per batch or per province.' }) groupBy: AwardFigureGrouping,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardFigure[]> {
    return dashboardService.awards(ctx, groupBy);
  }

  @Query(() => [ApplicationFigure], {
    description: 'Applications per status, over those the caller may see (a local government those of its region, the ministries all).',
  })
  // One row per status.
  @ListBound(Object.keys(ApplicationStatus).length)
  applicationFigures(@Ctx() ctx: RequestContext): Promise<ApplicationFigure[]> {
    return dashboardService.applications(ctx);
  }
}

@Resolver(() => CertifiedEnterpriseFigure)
export class CertifiedEnterpriseFigureResolver {
  @FieldResolver(() => Region, { nullable: true })
  province(@Root() f: CertifiedEnterpriseFigure, @Ctx() ctx: RequestContext): RegionAnswer {
    return regionService.byCode(ctx, f.provinceCode);
  }
}

@Resolver(() => AwardFigure)
export class AwardFigureResolver {
  @FieldResolver(() => FundingBatch, { nullable: true })
  batch(@Root() f: AwardFigure, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity | null> | null {
    return f.grouping === AwardFigureGrouping.BATCH ? fundingService.batchById(ctx, f.key) : null;
  }

  @FieldResolver(() => Region, { nullable: true })
  province(@Root() f: AwardFigure, @Ctx() ctx: RequestContext): RegionAnswer {
    return f.grouping === AwardFigureGrouping.PROVINCE ? regionService.byCode(ctx, f.key) : null;
  }
}
