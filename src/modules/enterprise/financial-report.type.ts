import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { MoneyScalar } from '../../graphql/scalars/money';
import { Enterprise } from './enterprise.type';

@ObjectType('FinancialReport', {
  implements: Node,
  description: 'An enterprise’s figures for one year. Any figure may be missing; eligibility treats a missing figure as unknown, never as a pass.',
})
export class FinancialReport implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Enterprise, { nullable: true, description: 'The reporting enterprise.' })
  enterprise: Enterprise | null;

  @Field(() => Int, { description: 'Financial year.' })
  year: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Operating revenue (营业收入), yuan.' })
  revenue: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Main-business revenue (主营业务收入), yuan.' })
  mainBusinessRevenue: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'R&D expense, yuan.' })
  rdExpense: string | null;

  @Field(() => Int, { nullable: true, description: 'R&D staff headcount.' })
  rdStaff: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees.' })
  employees: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total assets, yuan.' })
  totalAssets: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total liabilities, yuan.' })
  totalLiabilities: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'New equity financing in the year, yuan.' })
  newEquityFinancing: string | null;

  @Field(() => Int, { nullable: true, description: 'Class-I intellectual property rights in use (invention patents and the like).' })
  class1IpCount: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'National niche-market share of the leading product, percent, as a decimal string (e.g. "12.50").',
  })
  nicheMarketShare: string | null;
}

@ObjectType({ description: 'The result of reportFinancials.' })
export class FinancialReportPayload {
  @Field(() => FinancialReport, { description: 'The year’s report as it is now.' })
  financialReport: object;
}
