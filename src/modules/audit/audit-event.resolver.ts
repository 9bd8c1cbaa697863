import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../graphql/connection-args';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { toGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventFilter, AuditEventOrder, AuditEventOrderField } from './audit-event.input';
import { auditEventService } from './audit-event.service';
import { AuditEvent, AuditEventConnection } from './audit-event.type';

registerNode('AuditEvent', AuditEventEntity, (ctx, key) => auditEventService.byId(ctx, key));

@ArgsType()
class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  filter?: AuditEventFilter | null;

  @Field(() => [AuditEventOrder], { nullable: true, description: 'Sort keys, most significant first; in order of recording if omitted.' })
  orderBy?: OrderInput<AuditEventOrderField>[] | null;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver extends NodeIdResolver(AuditEvent) {
  @Query(() => AuditEventConnection, {
    description: 'The audit trail the caller may see, a page at a time. Empty for the public.',
  })
  auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return auditEventService.list(ctx, args, info);
  }

  @FieldResolver(() => ID, { nullable: true })
  enterpriseId(@Root() e: AuditEventEntity): string | null {
    return e.enterpriseId ? toGlobalId('Enterprise', e.enterpriseId) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  platformId(@Root() e: AuditEventEntity): string | null {
    return e.platformId ? toGlobalId('Platform', e.platformId) : null;
  }
}
