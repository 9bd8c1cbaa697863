import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../core/context';
import { fromGlobalId } from '../core/global-id';
import { Node, nodeKind } from './node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global ID. Returns null when the ID is unknown, malformed, or names an object the caller may not see.',
  })
  async node(
    @Arg('id', () => ID, { description: "A global ID as returned in any object's `id` field." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const kind = parsed && nodeKind(parsed.type);
    if (!parsed || !kind) return null;
    return kind.fetch(ctx, parsed.key);
  }
}
