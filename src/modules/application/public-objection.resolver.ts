import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../graphql/connection-args';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { toGlobalId, uuidFromGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { ApplicationEntity } from './application.entity';
import { applicationService } from './application.service';
import { Application } from './application.type';
import { PublicObjectionEntity } from './public-objection.entity';
import {
  PublicObjectionFilter,
  PublicObjectionOrder,
  PublicObjectionOrderField,
  RaisePublicObjectionInput,
  ResolvePublicObjectionInput,
} from './public-objection.input';
import { publicObjectionMutations, publicObjectionService } from './public-objection.service';
import { PublicObjection, PublicObjectionConnection, PublicObjectionPayload, PublicObjectionReceipt } from './public-objection.type';

registerNode('PublicObjection', PublicObjectionEntity, (ctx, key) => publicObjectionService.byId(ctx, key));

@ArgsType()
class PublicObjectionsArgs extends ConnectionArgs {
  @Field(() => PublicObjectionFilter, { nullable: true, description: 'Conditions the objections must meet.' })
  filter?: PublicObjectionFilter | null;

  @Field(() => [PublicObjectionOrder], { nullable: true, description: 'Sort keys, most significant first; by time raised if omitted.' })
  orderBy?: OrderInput<PublicObjectionOrderField>[] | null;
}

@Resolver(() => PublicObjection)
export class PublicObjectionResolver extends NodeIdResolver(PublicObjection) {
  @Query(() => PublicObjectionConnection, {
    description:
      'Objections raised during public notice that the caller may see, a page at a time: MIIT all, a local government those to applications of its region, an enterprise those to its own (without who objected). Empty for everyone else.',
  })
  publicObjections(@Args() args: PublicObjectionsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return publicObjectionService.list(ctx, args, info);
  }

  @Mutation(() => PublicObjectionReceipt, {
    description:
      'Objects (异议) to an application on public notice, up to the notice’s last day; anyone may, as the notice invites. Without a token give a name and a contact (limited per client address and hour); signed in, the objection is under your identity. After the notice: CONFLICT.',
  })
  async raisePublicObjection(
    @Arg('input', () => RaisePublicObjectionInput, { description: 'The application and the objection.' }) input: RaisePublicObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PublicObjectionReceipt> {
    const raised = await publicObjectionMutations.raise(ctx, uuidFromGlobalId(input.applicationId, 'Application', 'applicationId'), input);
    return { objectionId: toGlobalId('PublicObjection', raised.id), raisedAt: raised.raisedAt };
  }

  @Mutation(() => PublicObjectionPayload, {
    description:
      'Rules on one objection raised during public notice, with a reason (MIIT): UPHELD rejects an application still on notice, DISMISSED leaves it there.',
  })
  async resolvePublicObjection(
    @Arg('input', () => ResolvePublicObjectionInput, { description: 'The objection, the ruling and why.' }) input: ResolvePublicObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PublicObjectionPayload> {
    const { objection, application } = await publicObjectionMutations.resolve(
      ctx,
      uuidFromGlobalId(input.objectionId, 'PublicObjection', 'objectionId'),
      input,
    );
    return { publicObjection: objection, application };
  }

  @FieldResolver(() => Application, { nullable: true })
  application(@Root() o: PublicObjectionEntity, @Ctx() ctx: RequestContext): Promise<ApplicationEntity | null> {
    return applicationService.byId(ctx, o.applicationId);
  }

  @FieldResolver(() => Date)
  raisedAt(@Root() o: PublicObjectionEntity): Date {
    return o.createdAt;
  }
}
