import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../../graphql/connection-args';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { uuidFromGlobalId } from '../../../core/global-id';
import { NodeIdResolver, registerNode } from '../../../graphql/node';
import { ListBound } from '../../../graphql/list-bound';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingBatch, FundingBatchConnection, FundingBatchPayload } from './funding-batch.type';
import { FundingProgramEntity } from './funding-program.entity';
import { FundingProgram, FundingProgramConnection, FundingProgramPayload } from './funding-program.type';
import {
  CreateFundingBatchInput,
  CreateFundingProgramInput,
  FundingBatchFilter,
  FundingBatchOrder,
  FundingBatchOrderField,
  FundingProgramFilter,
  FundingProgramOrder,
  FundingProgramOrderField,
} from './funding.input';
import { fundingMutations } from './funding-mutations.service';
import { fundingService } from './funding.service';

registerNode('FundingProgram', FundingProgramEntity, (ctx, key) => fundingService.programById(ctx, key));
registerNode('FundingBatch', FundingBatchEntity, (ctx, key) => fundingService.batchById(ctx, key));

@ArgsType()
class FundingProgramsArgs extends ConnectionArgs {
  @Field(() => FundingProgramFilter, { nullable: true, description: 'Conditions the programmes must meet.' })
  filter?: FundingProgramFilter | null;

  @Field(() => [FundingProgramOrder], { nullable: true, description: 'Sort keys, most significant first; by start year if omitted.' })
  orderBy?: OrderInput<FundingProgramOrderField>[] | null;
}

@ArgsType()
class FundingBatchesArgs extends ConnectionArgs {
  @Field(() => FundingBatchFilter, { nullable: true, description: 'Conditions the batches must meet.' })
  filter?: FundingBatchFilter | null;

  @Field(() => [FundingBatchOrder], { nullable: true, description: 'Sort keys, most significant first; by year, then number, if omitted.' })
  orderBy?: OrderInput<FundingBatchOrderField>[] | null;
}

@Resolver(() => FundingProgram)
export class FundingProgramResolver extends NodeIdResolver(FundingProgram) {
  @Query(() => FundingProgramConnection, { description: 'Funding programmes, a page at a time. Published: anyone may list them.' })
  fundingPrograms(@Args() args: FundingProgramsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return fundingService.programs(ctx, args, info);
  }

  @Mutation(() => FundingProgramPayload, { description: 'Creates a funding programme with its total budget (MOF).' })
  async createFundingProgram(
    @Arg('input', () => CreateFundingProgramInput, { description: 'The programme.' }) input: CreateFundingProgramInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FundingProgramPayload> {
    return { fundingProgram: await fundingMutations.createProgram(ctx, input) };
  }

  // Declared here, not in funding-program.type.ts, so the programme's type does not import the batch's type, which imports it.
  @FieldResolver(() => [FundingBatch], { description: 'The programme’s batches, by number.' })
  // An estimate, not a cap: a five-year programme runs a batch or two a year (财建〔2021〕2号 ran 3).
  @ListBound(20)
  batches(@Root() p: FundingProgramEntity, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity[]> {
    return fundingService.batchesOfProgram(ctx, p.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  allocated(@Root() p: FundingProgramEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return fundingService.allocated(ctx, p.id);
  }
}

@Resolver(() => FundingBatch)
export class FundingBatchResolver extends NodeIdResolver(FundingBatch) {
  @Query(() => FundingBatchConnection, { description: 'Funding batches, a page at a time. Published: anyone may list them.' })
  fundingBatches(@Args() args: FundingBatchesArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return fundingService.batches(ctx, args, info);
  }

  @Mutation(() => FundingBatchPayload, {
    description:
      'Creates a batch of a programme (MOF): its budget must fit in what the programme’s other batches leave of its total; support lasts 1 to 3 years.',
  })
  async createFundingBatch(
    @Arg('input', () => CreateFundingBatchInput, { description: 'The batch.' }) input: CreateFundingBatchInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FundingBatchPayload> {
    const programId = uuidFromGlobalId(input.programId, 'FundingProgram', 'input.programId');
    return { fundingBatch: await fundingMutations.createBatch(ctx, programId, input) };
  }

  @FieldResolver(() => FundingProgram, { nullable: true })
  program(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<FundingProgramEntity | null> {
    return fundingService.programById(ctx, b.programId);
  }
}
