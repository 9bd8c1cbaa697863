import { ConnectionArgs } from '../../../graphql/connection-args';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListBound } from '../../../graphql/list-bound';
import { OrderInput } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { uuidFromGlobalId } from '../../../core/global-id';
import { NodeIdResolver, registerNode } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { EnterpriseEntity } from '../../enterprise/enterprise.entity';
import { enterpriseService } from '../../enterprise/enterprise.service';
import { Enterprise } from '../../enterprise/enterprise.type';
import { PlatformEntity } from '../../platform/platform.entity';
import { platformService } from '../../platform/platform.service';
import { Platform } from '../../platform/platform.type';
import { AwardEntity } from './award.entity';
import { awardService } from './award.service';
import { awardMutations } from './award-mutations.service';
import { Award, AwardConnection, AwardPayload } from './award.type';
import { ClawBackEntity } from './claw-back.entity';
import { ClawBack, ClawBackPayload } from './claw-back.type';
import { DisbursementEntity } from './disbursement.entity';
import { Disbursement, DisbursementConnection, DisbursementPayload } from './disbursement.type';
import { ExpenditureEntity } from './expenditure.entity';
import { Expenditure, ExpenditureConnection, ExpenditurePayload } from './expenditure.type';
import { FundingBatchEntity } from '../programme/funding-batch.entity';
import { FundingBatch } from '../programme/funding-batch.type';
import {
  AwardFilter,
  AwardOrder,
  AwardOrderField,
  ClawBackAwardInput,
  DisburseAwardInput,
  DisbursementFilter,
  DisbursementOrder,
  DisbursementOrderField,
  ExpenditureFilter,
  ExpenditureOrder,
  ExpenditureOrderField,
  GrantAwardInput,
  RecordExpenditureInput,
} from './award.input';
import { fundingService } from '../programme/funding.service';

registerNode('Award', AwardEntity, (ctx, key) => awardService.byId(ctx, key));
registerNode('Disbursement', DisbursementEntity, (ctx, key) => awardService.disbursementById(ctx, key));
registerNode('Expenditure', ExpenditureEntity, (ctx, key) => awardService.expenditureById(ctx, key));
registerNode('ClawBack', ClawBackEntity, (ctx, key) => awardService.clawBackById(ctx, key));

@ArgsType()
class AwardsArgs extends ConnectionArgs {
  @Field(() => AwardFilter, { nullable: true, description: 'Conditions the awards must meet.' })
  filter?: AwardFilter | null;

  @Field(() => [AwardOrder], { nullable: true, description: 'Sort keys, most significant first; by date of the grant if omitted.' })
  orderBy?: OrderInput<AwardOrderField>[] | null;
}

@ArgsType()
class DisbursementsArgs extends ConnectionArgs {
  @Field(() => DisbursementFilter, { nullable: true, description: 'Conditions the disbursements must meet.' })
  filter?: DisbursementFilter | null;

  @Field(() => [DisbursementOrder], { nullable: true, description: 'Sort keys, most significant first; by date of payment if omitted.' })
  orderBy?: OrderInput<DisbursementOrderField>[] | null;
}

@ArgsType()
class ExpendituresArgs extends ConnectionArgs {
  @Field(() => ExpenditureFilter, { nullable: true, description: 'Conditions the expenditures must meet.' })
  filter?: ExpenditureFilter | null;

  @Field(() => [ExpenditureOrder], { nullable: true, description: 'Sort keys, most significant first; by date of the spending if omitted.' })
  orderBy?: OrderInput<ExpenditureOrderField>[] | null;
}

@Resolver(() => Award)
export class AwardResolver extends NodeIdResolver(Award) {
  @Query(() => AwardConnection, {
    description:
      'Awards the caller may see, a page at a time: an enterprise or a platform its own, a local government those to recipients in its region, the ministries all. Empty for the public.',
  })
  awards(@Args() args: AwardsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return awardService.list(ctx, args, info);
  }

  @Mutation(() => AwardPayload, {
    description:
      'Grants an award from a batch (MOF) to an approved key little giant of that batch (usage unrestricted) or to a platform (services to SMEs only). The batch’s awards never sum past its budget.',
  })
  async grantAward(
    @Arg('input', () => GrantAwardInput, { description: 'The award.' }) input: GrantAwardInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardPayload> {
    const award = await awardMutations.grant(ctx, {
      batchId: uuidFromGlobalId(input.batchId, 'FundingBatch', 'input.batchId'),
      enterpriseId: input.enterpriseId != null ? uuidFromGlobalId(input.enterpriseId, 'Enterprise', 'input.enterpriseId') : null,
      platformId: input.platformId != null ? uuidFromGlobalId(input.platformId, 'Platform', 'input.platformId') : null,
      amount: input.amount,
      grantedOn: input.grantedOn,
    });
    return { award };
  }

  @Mutation(() => DisbursementPayload, {
    description:
      'Pays the next tranche of an award (MOF). Idempotent by idempotencyKey. Refused for FROZEN, CLAWED_BACK and CLOSED awards and beyond the amount granted minus what was clawed back.',
  })
  disburseAward(
    @Arg('input', () => DisburseAwardInput, { description: 'The payment.' }) input: DisburseAwardInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementPayload> {
    return awardMutations.disburse(ctx, uuidFromGlobalId(input.awardId, 'Award', 'input.awardId'), input);
  }

  @Mutation(() => ClawBackPayload, {
    description:
      'Recovers funds from a recipient (MOF), at most what was disbursed and not yet clawed back; the award becomes CLAWED_BACK once all of it is recovered.',
  })
  clawBackAward(
    @Arg('input', () => ClawBackAwardInput, { description: 'The recovery.' }) input: ClawBackAwardInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClawBackPayload> {
    return awardMutations.clawBack(ctx, uuidFromGlobalId(input.awardId, 'Award', 'input.awardId'), input.amount, input.reason);
  }

  @FieldResolver(() => FundingBatch, { nullable: true })
  batch(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity | null> {
    return fundingService.batchById(ctx, a.batchId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> | null {
    return a.enterpriseId ? enterpriseService.byId(ctx, a.enterpriseId) : null;
  }

  @FieldResolver(() => Platform, { nullable: true })
  platform(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<PlatformEntity | null> | null {
    return a.platformId ? platformService.byId(ctx, a.platformId) : null;
  }

  // The award's lists are declared here, not in award.type.ts, so the award's type does not import its children's types, which import it.
  @FieldResolver(() => [Disbursement], { nullable: true, description: 'Tranches paid out, by tranche number.' })
  // An estimate, not a cap: tranches are numbered without limit; support lasts at most 3 years, paid in a few tranches.
  @ListBound(10)
  disbursements(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<DisbursementEntity[]> {
    return awardService.disbursements(ctx, a.id);
  }

  @FieldResolver(() => [Expenditure], { nullable: true, description: 'Spending recorded against the award, by date.' })
  // An estimate, not a cap: spending is recorded item by item over up to 3 years.
  @ListBound(100)
  expenditures(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<ExpenditureEntity[]> {
    return awardService.expenditures(ctx, a.id);
  }

  @FieldResolver(() => [ClawBack], { nullable: true, description: 'Funds recovered from the recipient, oldest first.' })
  // An estimate, not a cap: recoveries are rare, a few per award at most.
  @ListBound(10)
  clawBacks(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<ClawBackEntity[]> {
    return awardService.clawBacks(ctx, a.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  disbursed(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return awardService.disbursed(ctx, a.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  spent(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return awardService.spent(ctx, a.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  clawedBack(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return awardService.clawedBack(ctx, a.id);
  }
}

@Resolver(() => Disbursement)
export class DisbursementResolver extends NodeIdResolver(Disbursement) {
  @Query(() => DisbursementConnection, { description: 'Disbursements the caller may see (those of awards it may see), a page at a time.' })
  disbursements(@Args() args: DisbursementsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return awardService.disbursementList(ctx, args, info);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() d: DisbursementEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, d.awardId);
  }
}

@Resolver(() => Expenditure)
export class ExpenditureResolver extends NodeIdResolver(Expenditure) {
  @Query(() => ExpenditureConnection, { description: 'Expenditures the caller may see (those of awards it may see), a page at a time.' })
  expenditures(@Args() args: ExpendituresArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return awardService.expenditureList(ctx, args, info);
  }

  @Mutation(() => ExpenditurePayload, {
    description:
      'Records spending against the caller’s own award (ENTERPRISE or PLATFORM). Enterprise awards: any category; platform awards: services to SMEs only. Never more than was disbursed, net of claw-backs.',
  })
  recordExpenditure(
    @Arg('input', () => RecordExpenditureInput, { description: 'The spending.' }) input: RecordExpenditureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ExpenditurePayload> {
    return awardMutations.recordExpenditure(ctx, uuidFromGlobalId(input.awardId, 'Award', 'input.awardId'), input);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() e: ExpenditureEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, e.awardId);
  }
}

@Resolver(() => ClawBack)
export class ClawBackResolver extends NodeIdResolver(ClawBack) {
  @FieldResolver(() => Award, { nullable: true })
  award(@Root() c: ClawBackEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, c.awardId);
  }
}

/** `FundingBatch.awards` and `.granted`, kept here so the programme's types and resolvers do not depend on awards. */
@Resolver(() => FundingBatch)
export class FundingBatchAwardsResolver {
  @FieldResolver(() => [Award], {
    nullable: true,
    description:
      'Awards granted from this batch that the caller may see (an enterprise sees its own, a platform its own, a local government those of its region, the ministries all).',
  })
  // An estimate, not a cap: 1,000 key little giants were funded over the 3 batches of 财建〔2021〕2号, plus platforms.
  @ListBound(1_000)
  awards(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofBatch(ctx, b.id);
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      'Sum of the amounts of the awards in this batch that the caller may see, yuan. It is the batch’s full total only for callers who may read every award (the ministries); for others it is the total of their own visible awards.',
  })
  granted(@Root() b: FundingBatchEntity, @Ctx() ctx: RequestContext): Promise<string> {
    return awardService.granted(ctx, b.id);
  }
}

/** `Enterprise.awards`, kept here so the enterprise module does not depend on funding. */
@Resolver(() => Enterprise)
export class EnterpriseAwardsResolver {
  @FieldResolver(() => [Award], {
    nullable: true,
    description: 'Awards to this enterprise that the caller may see (the enterprise itself, its local government and the ministries), oldest first.',
  })
  // An estimate, not a cap: at most one per batch (UNIQUE (batch_id, enterprise_id)), and a programme has a handful of batches.
  @ListBound(20)
  awards(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofEnterprise(ctx, e.id);
  }
}

/** `Platform.awards`, kept here so the platform module does not depend on funding. */
@Resolver(() => Platform)
export class PlatformAwardsResolver {
  @FieldResolver(() => [Award], {
    nullable: true,
    description:
      'Awards to this platform that the caller may see (the platform itself, its local government and the ministries), oldest first; empty for others.',
  })
  // An estimate, not a cap: at most one per batch (UNIQUE (batch_id, platform_id)).
  @ListBound(20)
  awards(@Root() p: PlatformEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofPlatform(ctx, p.id);
  }
}
