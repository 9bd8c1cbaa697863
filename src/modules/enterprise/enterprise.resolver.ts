import { ArgLimits, TEXT_LIMITS } from '../../graphql/input-limits';
import { ConnectionArgs } from '../../graphql/connection-args';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { RequestContext } from '../../core/context';
import { BadUserInputError } from '../../core/errors';
import { uuidFromGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { RegionAnswer, regionService } from '../region/region.service';
import { Region } from '../region/region.type';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterpriseFilter, EnterpriseOrder, EnterpriseOrderField, RegisterEnterpriseInput, UpdateEnterpriseInput } from './enterprise.input';
import { enterpriseMutations, enterpriseService } from './enterprise.service';
import { Enterprise, EnterpriseConnection, EnterprisePayload } from './enterprise.type';
import { FinancialReportEntity } from './financial-report.entity';
import { ReportFinancialsInput } from './financial-report.input';
import { financialReportMutations } from './financial-report.service';
import { FinancialReport, FinancialReportPayload } from './financial-report.type';
import { OrderInput } from '../../graphql/connection';

/** Years a financial report may be for (the table's CHECK: 1990 to 2100). */
const FINANCIAL_YEARS = 2100 - 1990 + 1;

registerNode('Enterprise', EnterpriseEntity, (ctx, key) => enterpriseService.byId(ctx, key));
registerNode('FinancialReport', FinancialReportEntity, (ctx, key) => visibleById<FinancialReportEntity>(ctx, 'FinancialReport').load(key));

@ArgsType()
class EnterprisesArgs extends ConnectionArgs {
  @Field(() => EnterpriseFilter, { nullable: true, description: 'Conditions the enterprises must meet.' })
  filter?: EnterpriseFilter | null;

  @Field(() => [EnterpriseOrder], { nullable: true, description: 'Sort keys, most significant first; by name if omitted.' })
  orderBy?: OrderInput<EnterpriseOrderField>[] | null;
}

@Resolver(() => Enterprise)
export class EnterpriseResolver extends NodeIdResolver(Enterprise) {
  @Query(() => EnterpriseConnection, { description: 'Enterprises the caller may see, a page at a time.' })
  enterprises(@Args() args: EnterprisesArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return enterpriseService.list(ctx, args, info);
  }

  @ArgLimits({ creditCode: { maxLength: TEXT_LIMITS.code } })
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by ID or by unified social credit code; null if there is none or the caller may not see it.',
  })
  enterprise(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'The enterprise’s global ID.' }) id?: string | null,
    @Arg('creditCode', () => String, { nullable: true, description: 'The 18-character unified social credit code.' }) creditCode?: string | null,
  ): Promise<EnterpriseEntity | null> {
    if ((id == null) === (creditCode == null)) throw new BadUserInputError('give exactly one of id and creditCode');
    return enterpriseService.lookup(ctx, id != null ? { id: uuidFromGlobalId(id, 'Enterprise') } : { creditCode: creditCode! }, info);
  }

  @Mutation(() => EnterprisePayload, { description: 'Registers an enterprise of the caller’s region (LOCAL_GOV).' })
  async registerEnterprise(
    @Arg('input', () => RegisterEnterpriseInput, { description: 'The enterprise to register.' }) input: RegisterEnterpriseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterprisePayload> {
    return { enterprise: await enterpriseMutations.register(ctx, input) };
  }

  @Mutation(() => EnterprisePayload, {
    description: 'Changes an enterprise’s record: the enterprise itself (its own descriptive fields) or its local government.',
  })
  async updateEnterprise(
    @Arg('input', () => UpdateEnterpriseInput, { description: 'The changes.' }) input: UpdateEnterpriseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterprisePayload> {
    return { enterprise: await enterpriseMutations.update(ctx, uuidFromGlobalId(input.id, 'Enterprise', 'id'), input) };
  }

  @FieldResolver(() => Region)
  region(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return regionService.byCode(ctx, e.regionCode);
  }

  @FieldResolver(() => [FinancialReport], { nullable: true, description: 'Yearly figures, oldest first.' })
  // One report a year (UNIQUE (enterprise_id, year)), for the years 1990 to 2100 the table allows.
  @ListBound(FINANCIAL_YEARS)
  financials(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<FinancialReportEntity[]> {
    return visibleChildren<FinancialReportEntity>(ctx, 'FinancialReport', 'enterpriseId', 'year').load(e.id);
  }
}

@Resolver(() => FinancialReport)
export class FinancialReportResolver extends NodeIdResolver(FinancialReport) {
  @Mutation(() => FinancialReportPayload, {
    description:
      'Reports an enterprise’s figures for a year (the enterprise itself, or its local government on its behalf); reporting the year again revises the report, each version kept in the audit trail. Once an application that used the report is recommended, only the local government may correct it, giving a reason.',
  })
  async reportFinancials(
    @Arg('input', () => ReportFinancialsInput, { description: 'The year and its figures.' }) input: ReportFinancialsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FinancialReportPayload> {
    return { financialReport: await financialReportMutations.report(ctx, uuidFromGlobalId(input.enterpriseId, 'Enterprise', 'enterpriseId'), input) };
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() r: FinancialReportEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, r.enterpriseId);
  }
}
