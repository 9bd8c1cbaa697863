import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { registerNode } from '../../graphql/node';
import { MoneyScalar } from '../../graphql/scalars/money';
import { AwardEntity } from './award.entity';
import { awardService } from './award.service';
import { Award } from './award.type';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingBatch, FundingBatchConnection } from './funding-batch.type';
import { FundingProgramEntity } from './funding-program.entity';
import { FundingProgram, FundingProgramConnection } from './funding-program.type';
import {
  FundingBatchFilter,
  FundingBatchOrder,
  FundingBatchOrderField,
  FundingProgramFilter,
  FundingProgramOrder,
  FundingProgramOrderField,
} from './funding.input';
import { fundingService } from './funding.service';

registerNode('FundingProgram', FundingProgramEntity, (ctx, key) => fundingService.programById(ctx, key));
registerNode('FundingBatch', FundingBatchEntity, (ctx, key) => fundingService.batchById(ctx, key));

@ArgsType()
class FundingProgramsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => FundingProgramFilter, { nullable: true, description: 'Conditions the programmes must meet.' })
  filter?: FundingProgramFilter | null;

  @Field(() => [FundingProgramOrder], { nullable: true, description: 'Sort keys, most significant first; by start year if omitted.' })
  orderBy?: OrderInput<FundingProgramOrderField>[] | null;
}

@ArgsType()
class FundingBatchesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => FundingBatchFilter, { nullable: true, description: 'Conditions the batches must meet.' })
  filter?: FundingBatchFilter | null;

  @Field(() => [FundingBatchOrder], { nullable: true, description: 'Sort keys, most significant first; by year, then number, if omitted.' })
  orderBy?: OrderInput<FundingBatchOrderField>[] | null;
}

@Resolver(() => FundingProgram)
export class FundingProgramResolver {
  @Query(() => FundingProgramConnection, { description: 'Funding programmes, a page at a time. Published: anyone may list them.' })
  fundingPrograms(@Args() args: FundingProgramsArgs, @Ctx() ctx: RequestContext) {
    return fundingService.programs(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() p: FundingProgramEntity): string {
    return toGlobalId('FundingProgram', p.id);
  }

  @FieldResolver(() => [FundingBatch])
  batches(@Root() p: FundingProgramEntity, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity[]> {
    return fundingService.batchesOfProgram(ctx, p.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  allocated(@Root() p: FundingProgramEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return fundingService.allocated(ctx, p.id);
  }
}

@Resolver(() => FundingBatch)
export class FundingBatchResolver {
  @Query(() => FundingBatchConnection, { description: 'Funding batches, a page at a time. Published: anyone may list them.' })
  fundingBatches(@Args() args: FundingBatchesArgs, @Ctx() ctx: RequestContext) {
    return fundingService.batches(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() b: FundingBatchEntity): string {
    return toGlobalId('FundingBatch', b.id);
  }

  @FieldResolver(() => FundingProgram, { nullable: true })
  program(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<FundingProgramEntity | null> {
    return fundingService.programById(ctx, b.programId);
  }

  @FieldResolver(() => [Award], { nullable: true })
  awards(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofBatch(ctx, b.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  granted(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return awardService.granted(ctx, b.id);
  }
}
