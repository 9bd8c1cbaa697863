import { ArgLimits, TEXT_LIMITS } from '../../graphql/input-limits';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { RegionEntity, RegionLevel } from './region.entity';
import { RegionAnswer, regionService } from './region.service';
import { ListBound } from '../../graphql/list-bound';
import { Region, regionsBound } from './region.type';

registerNode(
  'Region',
  RegionEntity,
  async (ctx, key) => regionService.byCode(ctx, key),
  (region) => region.code,
);

@Resolver(() => Region)
export class RegionResolver extends NodeIdResolver(Region) {
  @ArgLimits({ parentCode: { maxLength: TEXT_LIMITS.code } })
  @Query(() => [Region], {
    description:
      'Regions, ordered by code. With no arguments, all 3,348 regions; `level: PROVINCE` gives the 31 provinces; `parentCode` gives the regions directly below one.',
  })
  @ListBound(regionsBound)
  regions(
    @Ctx() ctx: RequestContext,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only regions directly below this code.' })
    parentCode?: string | null,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only regions of this level.' })
    level?: RegionLevel | null,
  ): Promise<readonly RegionEntity[]> {
    return regionService.list(ctx, { parentCode, level });
  }

  @ArgLimits({ code: { maxLength: TEXT_LIMITS.code } })
  @Query(() => Region, { nullable: true, description: 'One region by its six-digit code; null if there is none.' })
  region(
    @Arg('code', () => String, { description: 'Six-digit GB/T 2260 code, e.g. "320102".' }) code: string,
    @Ctx() ctx: RequestContext,
  ): RegionAnswer {
    return regionService.byCode(ctx, code);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: RegionEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return region.parentCode ? regionService.byCode(ctx, region.parentCode) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() region: RegionEntity, @Ctx() ctx: RequestContext): Promise<readonly RegionEntity[]> {
    return regionService.children(ctx, region.code);
  }
}
