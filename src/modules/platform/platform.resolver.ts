import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../graphql/connection-args';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { uuidFromGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { RegionAnswer, regionService } from '../region/region.service';
import { Region } from '../region/region.type';
import { PlatformEntity } from './platform.entity';
import { PlatformFilter, PlatformOrder, PlatformOrderField, RegisterPlatformInput, UpdatePlatformInput } from './platform.input';
import { platformMutations, platformService } from './platform.service';
import { Platform, PlatformConnection, PlatformPayload } from './platform.type';

registerNode('Platform', PlatformEntity, (ctx, key) => platformService.byId(ctx, key));

@ArgsType()
class PlatformsArgs extends ConnectionArgs {
  @Field(() => PlatformFilter, { nullable: true, description: 'Conditions the platforms must meet.' })
  filter?: PlatformFilter | null;

  @Field(() => [PlatformOrder], { nullable: true, description: 'Sort keys, most significant first; by name if omitted.' })
  orderBy?: OrderInput<PlatformOrderField>[] | null;
}

@Resolver(() => Platform)
export class PlatformResolver extends NodeIdResolver(Platform) {
  @Query(() => PlatformConnection, { description: 'Service platforms and development zones, a page at a time. Published: anyone may list them.' })
  platforms(@Args() args: PlatformsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return platformService.list(ctx, args, info);
  }

  @Mutation(() => PlatformPayload, {
    description: 'Registers a platform: a provincial one of the caller’s region (LOCAL_GOV) or a national one (MIIT).',
  })
  async registerPlatform(
    @Arg('input', () => RegisterPlatformInput, { description: 'The platform to register.' }) input: RegisterPlatformInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PlatformPayload> {
    return { platform: await platformMutations.register(ctx, input) };
  }

  @Mutation(() => PlatformPayload, {
    description:
      'Changes a platform’s record: the platform itself (its name and operator), the local government of its region (a provincial platform) or MIIT (a national one).',
  })
  async updatePlatform(
    @Arg('input', () => UpdatePlatformInput, { description: 'The changes.' }) input: UpdatePlatformInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PlatformPayload> {
    return { platform: await platformMutations.update(ctx, uuidFromGlobalId(input.id, 'Platform', 'id'), input) };
  }

  @FieldResolver(() => Region)
  region(@Root() p: PlatformEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return regionService.byCode(ctx, p.regionCode);
  }
}
