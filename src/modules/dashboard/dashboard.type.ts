import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars/money';
import { ApplicationStatus } from '../application/application.enums';
import '../application/application.type';
import { Tier } from '../enterprise/enterprise.enums';
import '../enterprise/enterprise.type';
import { FundingBatch } from '../funding/programme/funding-batch.type';
import { Region } from '../region/region.type';

export enum AwardFigureGrouping {
  BATCH = 'BATCH',
  PROVINCE = 'PROVINCE',
}
registerEnumType(AwardFigureGrouping, {
  name: 'AwardFigureGrouping',
  description: 'How award figures are grouped.',
  valuesConfig: {
    BATCH: { description: 'One row per funding batch.' },
    PROVINCE: { description: 'One row per province of the recipients.' },
  },
});

@ObjectType({ description: 'How many enterprises of a province hold a tier today (their highest current tier).' })
export class CertifiedEnterpriseFigure {
  /** Province code, e.g. "320000"; resolved to the Region. */
  provinceCode: string;

  @Field(() => Region, { nullable: true, description: 'The province.' })
  province: Region | null;

  @Field(() => Tier, { description: 'The tier.' })
  tier: Tier;

  @Field(() => Int, { description: 'Number of enterprises.' })
  count: number;
}

@ObjectType({ description: 'Award money of a batch or of a province, summed over the awards the caller may see.' })
export class AwardFigure {
  /** The group's key: a batch id or a province code. */
  key: string;

  grouping: AwardFigureGrouping;

  @Field(() => FundingBatch, { nullable: true, description: 'The batch, when grouped by BATCH.' })
  batch: FundingBatch | null;

  @Field(() => Region, { nullable: true, description: 'The recipients’ province, when grouped by PROVINCE.' })
  province: Region | null;

  @Field(() => MoneyScalar, { description: 'Sum of the amounts granted, yuan.' })
  granted: string;

  @Field(() => MoneyScalar, { description: 'Sum of the tranches disbursed, yuan.' })
  disbursed: string;

  @Field(() => MoneyScalar, { description: 'Sum of the expenditures recorded by the recipients, yuan.' })
  spent: string;

  @Field(() => MoneyScalar, { description: 'Sum of the funds clawed back, yuan.' })
  clawedBack: string;

  @Field(() => Int, { description: 'Number of awards.' })
  awards: number;
}

@ObjectType({ description: 'How many applications are in a status.' })
export class ApplicationFigure {
  @Field(() => ApplicationStatus, { description: 'The status.' })
  status: ApplicationStatus;

  @Field(() => Int, { description: 'Number of applications.' })
  count: number;
}
