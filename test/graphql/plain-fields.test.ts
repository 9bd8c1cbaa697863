import 'reflect-metadata';
import { graphql, GraphQLResolveInfo } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, Info, MiddlewareFn, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { callFieldResolversDirectly, directFieldResolversOf } from '../../src/graphql/plain-fields';
import { buildAppSchema } from '../../src/server/schema';

@ObjectType()
class Gadget {
  @Field()
  name: string;
}

const shout: MiddlewareFn = async (_data, next) => String(await next()).toUpperCase();

@Resolver(() => Gadget)
class GadgetResolver {
  private readonly suffix = '!';

  @Query(() => Gadget)
  gadget(): Gadget {
    // A plain object: type-graphql hands a @Root() parameter an instance of its class all the same.
    return { name: 'lathe' };
  }

  @FieldResolver(() => String)
  rootThenContext(@Root() g: Gadget, @Ctx() ctx: { who: string }): string {
    return `${g.name}/${ctx.who}${this.suffix}`;
  }

  @FieldResolver(() => String)
  contextThenRoot(@Ctx() ctx: { who: string }, @Root() g: Gadget): string {
    return `${ctx.who}/${g.name}`;
  }

  @FieldResolver(() => String)
  withInfo(@Root() g: Gadget, @Info() info: GraphQLResolveInfo): string {
    return `${g instanceof Gadget}:${info.fieldName}`;
  }

  @FieldResolver(() => String)
  withArgument(@Root() g: Gadget, @Arg('times') times: number): string {
    return g.name.repeat(times);
  }

  @FieldResolver(() => String)
  @UseMiddleware(shout)
  withMiddleware(@Root() g: Gadget): string {
    return g.name;
  }
}

describe('callFieldResolversDirectly', () => {
  it('calls root/context/info-only field resolvers itself, with the same values type-graphql would pass, and leaves the rest', async () => {
    const schema = callFieldResolversDirectly(await buildSchema({ resolvers: [GadgetResolver], validate: false }));
    expect([...directFieldResolversOf(schema)].sort()).toEqual(['Gadget.contextThenRoot', 'Gadget.rootThenContext', 'Gadget.withInfo']);
    const result = await graphql({
      schema,
      source: '{ gadget { rootThenContext contextThenRoot withInfo withArgument(times: 2) withMiddleware } }',
      contextValue: { who: 'ann' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      gadget: {
        rootThenContext: 'lathe/ann!',
        contextThenRoot: 'ann/lathe',
        withInfo: 'true:withInfo',
        withArgument: 'lathelathe',
        withMiddleware: 'LATHE',
      },
    });
  });

  it('takes type-graphql out of the per-row fields of the read path', async () => {
    const direct = directFieldResolversOf(await buildAppSchema());
    for (const field of ['Enterprise.id', 'Enterprise.region', 'Certification.id', 'Award.id']) expect(direct.has(field)).toBe(true);
    expect(direct.has('Enterprise.assessments')).toBe(false); // takes arguments
  });
});
