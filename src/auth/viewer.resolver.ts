import { packRules } from '@casl/ability/extra';
import { GraphQLJSON } from 'graphql-scalars';
import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { clientRulesFor } from '../authz/client-rules';
import { RequestContext } from '../graphql/context';
import { EnterpriseEntity } from '../modules/enterprise/enterprise.entity';
import { enterpriseService } from '../modules/enterprise/enterprise.service';
import { RegionAnswer, regionService } from '../modules/region/region.service';
import { Enterprise } from '../modules/enterprise/enterprise.type';
import { PlatformEntity } from '../modules/platform/platform.entity';
import { platformService } from '../modules/platform/platform.service';
import { Platform } from '../modules/platform/platform.type';
import { Region } from '../modules/region/region.type';
import { Viewer } from './viewer';
import { ViewerType } from './viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The caller: role, tenant and permissions.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return ctx.viewer;
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() v: Viewer, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> | null {
    return v.enterpriseId ? enterpriseService.byId(ctx, v.enterpriseId) : null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() v: Viewer, @Ctx() ctx: RequestContext): RegionAnswer {
    return v.regionCode ? regionService.byCode(ctx, v.regionCode) : null;
  }

  @FieldResolver(() => Platform, { nullable: true })
  platform(@Root() v: Viewer, @Ctx() ctx: RequestContext): Promise<PlatformEntity | null> | null {
    return v.platformId ? platformService.byId(ctx, v.platformId) : null;
  }

  @FieldResolver(() => GraphQLJSON)
  permissions(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): unknown {
    return packRules(clientRulesFor(ctx.viewer, info.schema));
  }
}
