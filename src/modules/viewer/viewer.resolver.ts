import { packRules } from '@casl/ability/extra';
import { GraphQLJSON } from 'graphql-scalars';
import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { clientRulesFor } from '../../authz/client-rules';
import { RequestContext } from '../../core/context';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { RegionAnswer, regionService } from '../region/region.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { PlatformEntity } from '../platform/platform.entity';
import { platformService } from '../platform/platform.service';
import { Platform } from '../platform/platform.type';
import { Region } from '../region/region.type';
import { Viewer } from '../../auth/viewer';
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
