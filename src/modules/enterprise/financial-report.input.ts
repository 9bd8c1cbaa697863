import { Field, ID, InputType, Int } from 'type-graphql';
import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { MoneyScalar } from '../../graphql/scalars/money';

@InputType({
  description:
    'One enterprise’s figures for one year. The report replaces what was reported for that year before: a figure left out is unknown, not kept.',
})
export class ReportFinancialsInput {
  @Field(() => ID, { description: 'The reporting enterprise (its global ID).' })
  enterpriseId: string;

  @Field(() => Int, { description: 'Financial year: from 1990, and not after the programme’s current year (China Standard Time).' })
  year: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Operating revenue (营业收入), yuan.' })
  revenue?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Main-business revenue (主营业务收入), yuan: part of revenue, so at most revenue and only with it.',
  })
  mainBusinessRevenue?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'R&D expense, yuan.' })
  rdExpense?: string | null;

  @Field(() => Int, { nullable: true, description: 'R&D staff headcount; at most employees.' })
  rdStaff?: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees.' })
  employees?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total assets, yuan; given together with totalLiabilities or not at all.' })
  totalAssets?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total liabilities, yuan; given together with totalAssets or not at all.' })
  totalLiabilities?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'New equity financing in the year, yuan.' })
  newEquityFinancing?: string | null;

  @Field(() => Int, { nullable: true, description: 'Class-I intellectual property rights in use (invention patents and the like).' })
  class1IpCount?: number | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, {
    nullable: true,
    description: 'National niche-market share of the leading product, percent from 0 to 100, as a decimal string (e.g. "12.50").',
  })
  nicheMarketShare?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.reason, multiline: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Why the report is corrected: required (and only the local government may correct) once an application that used the report has been recommended; kept in the audit trail.',
  })
  reason?: string | null;
}
