import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { registerNode } from '../../graphql/node';
import { MoneyScalar } from '../../graphql/scalars/money';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { PlatformEntity } from '../platform/platform.entity';
import { platformService } from '../platform/platform.service';
import { Platform } from '../platform/platform.type';
import { AwardEntity } from './award.entity';
import { awardService } from './award.service';
import { Award, AwardConnection } from './award.type';
import { ClawBackEntity } from './claw-back.entity';
import { ClawBack } from './claw-back.type';
import { DisbursementEntity } from './disbursement.entity';
import { Disbursement, DisbursementConnection } from './disbursement.type';
import { ExpenditureEntity } from './expenditure.entity';
import { Expenditure, ExpenditureConnection } from './expenditure.type';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingBatch } from './funding-batch.type';
import {
  AwardFilter,
  AwardOrder,
  AwardOrderField,
  DisbursementFilter,
  DisbursementOrder,
  DisbursementOrderField,
  ExpenditureFilter,
  ExpenditureOrder,
  ExpenditureOrderField,
} from './funding.input';
import { fundingService } from './funding.service';

registerNode('Award', AwardEntity, (ctx, key) => awardService.byId(ctx, key));
registerNode('Disbursement', DisbursementEntity, (ctx, key) => awardService.disbursementById(ctx, key));
registerNode('Expenditure', ExpenditureEntity, (ctx, key) => awardService.expenditureById(ctx, key));
registerNode('ClawBack', ClawBackEntity, (ctx, key) => awardService.clawBackById(ctx, key));

@ArgsType()
class AwardsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => AwardFilter, { nullable: true, description: 'Conditions the awards must meet.' })
  filter?: AwardFilter | null;

  @Field(() => [AwardOrder], { nullable: true, description: 'Sort keys, most significant first; by date of the grant if omitted.' })
  orderBy?: OrderInput<AwardOrderField>[] | null;
}

@ArgsType()
class DisbursementsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => DisbursementFilter, { nullable: true, description: 'Conditions the disbursements must meet.' })
  filter?: DisbursementFilter | null;

  @Field(() => [DisbursementOrder], { nullable: true, description: 'Sort keys, most significant first; by date of payment if omitted.' })
  orderBy?: OrderInput<DisbursementOrderField>[] | null;
}

@ArgsType()
class ExpendituresArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => ExpenditureFilter, { nullable: true, description: 'Conditions the expenditures must meet.' })
  filter?: ExpenditureFilter | null;

  @Field(() => [ExpenditureOrder], { nullable: true, description: 'Sort keys, most significant first; by date of the spending if omitted.' })
  orderBy?: OrderInput<ExpenditureOrderField>[] | null;
}

@Resolver(() => Award)
export class AwardResolver {
  @Query(() => AwardConnection, {
    description:
      'Awards the caller may see, a page at a time: an enterprise or a platform its own, a local government those to recipients in its region, the ministries all. Empty for the public.',
  })
  awards(@Args() args: AwardsArgs, @Ctx() ctx: RequestContext) {
    return awardService.list(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() a: AwardEntity): string {
    return toGlobalId('Award', a.id);
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

  @FieldResolver(() => [Disbursement], { nullable: true })
  disbursements(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<DisbursementEntity[]> {
    return awardService.disbursements(ctx, a.id);
  }

  @FieldResolver(() => [Expenditure], { nullable: true })
  expenditures(@Root() a: AwardEntity, @Ctx() ctx: RequestContext): Promise<ExpenditureEntity[]> {
    return awardService.expenditures(ctx, a.id);
  }

  @FieldResolver(() => [ClawBack], { nullable: true })
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
export class DisbursementResolver {
  @Query(() => DisbursementConnection, { description: 'Disbursements the caller may see (those of awards it may see), a page at a time.' })
  disbursements(@Args() args: DisbursementsArgs, @Ctx() ctx: RequestContext) {
    return awardService.disbursementList(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() d: DisbursementEntity): string {
    return toGlobalId('Disbursement', d.id);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() d: DisbursementEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, d.awardId);
  }
}

@Resolver(() => Expenditure)
export class ExpenditureResolver {
  @Query(() => ExpenditureConnection, { description: 'Expenditures the caller may see (those of awards it may see), a page at a time.' })
  expenditures(@Args() args: ExpendituresArgs, @Ctx() ctx: RequestContext) {
    return awardService.expenditureList(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() e: ExpenditureEntity): string {
    return toGlobalId('Expenditure', e.id);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() e: ExpenditureEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, e.awardId);
  }
}

@Resolver(() => ClawBack)
export class ClawBackResolver {
  @FieldResolver(() => ID)
  id(@Root() c: ClawBackEntity): string {
    return toGlobalId('ClawBack', c.id);
  }

  @FieldResolver(() => Award, { nullable: true })
  award(@Root() c: ClawBackEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity | null> {
    return awardService.byId(ctx, c.awardId);
  }
}

/** `Enterprise.awards`, kept here so the enterprise module does not depend on funding. */
@Resolver(() => Enterprise)
export class EnterpriseAwardsResolver {
  @FieldResolver(() => [Award], {
    nullable: true,
    description: 'Awards to this enterprise that the caller may see (the enterprise itself, its local government and the ministries), oldest first.',
  })
  awards(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofEnterprise(ctx, e.id);
  }
}

/** `Platform.awards`, kept here so the platform module does not depend on funding. */
@Resolver(() => Platform)
export class PlatformAwardsResolver {
  @FieldResolver(() => [Award], {
    nullable: true,
    description: 'Awards to this platform that the caller may see (the platform itself, its local government and the ministries), oldest first; empty for others.',
  })
  awards(@Root() p: PlatformEntity, @Ctx() ctx: RequestContext): Promise<AwardEntity[]> {
    return awardService.ofPlatform(ctx, p.id);
  }
}
