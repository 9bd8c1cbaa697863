import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { Enterprise } from '../../enterprise/enterprise.type';
import { Platform } from '../../platform/platform.type';
import { FundingBatch } from '../programme/funding-batch.type';
import { AwardStatus, UsageRestriction } from './award.enums';

registerEnumType(AwardStatus, {
  name: 'AwardStatus',
  description: 'Where an award stands.',
  valuesConfig: {
    GRANTED: { description: 'Granted; tranches may be disbursed.' },
    FROZEN: { description: 'Frozen, e.g. because the recipient’s certification was revoked: no further disbursements.' },
    CLAWED_BACK: { description: 'Funds recovered for poor performance or misuse.' },
    CLOSED: { description: 'Support period over; the award is settled.' },
  },
});
registerEnumType(UsageRestriction, {
  name: 'UsageRestriction',
  description: 'What an award may be spent on; it follows from the recipient.',
  valuesConfig: {
    UNRESTRICTED: { description: 'Enterprise awards: no restriction on use; the enterprise decides.' },
    SERVICES_ONLY: {
      description: 'Platform awards: services to SMEs only, never the platform’s own construction or operating costs.',
    },
  },
});

@ObjectType('Award', {
  implements: Node,
  description:
    'Bonus funds (奖补资金) granted from a funding batch to one recipient: a key little giant enterprise or a platform. Seen by the recipient, its local government and the ministries; never by the public.',
})
export class Award implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => FundingBatch, { nullable: true, description: 'The batch the award was granted from.' })
  batch: FundingBatch | null;

  @Field(() => Enterprise, { nullable: true, description: 'The recipient, when it is an enterprise (a key little giant); null for platform awards.' })
  enterprise: Enterprise | null;

  @Field(() => Platform, { nullable: true, description: 'The recipient, when it is a platform; null for enterprise awards.' })
  platform: Platform | null;

  @Field(() => MoneyScalar, { description: 'Amount granted, yuan, over the whole support period.' })
  amount: string;

  @Field(() => UsageRestriction, { description: 'What the award may be spent on.' })
  usageRestriction: UsageRestriction;

  @Field(() => AwardStatus, { description: 'Where the award stands.' })
  status: AwardStatus;

  @Field({ description: 'Date of the grant (YYYY-MM-DD).' })
  grantedOn: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the disbursements the caller may see, yuan.' })
  disbursed: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the expenditures the caller may see, yuan.' })
  spent: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the claw-backs the caller may see, yuan.' })
  clawedBack: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const AwardConnection = connectionType(Award, 'Award');

@ObjectType({ description: 'The result of grantAward.' })
export class AwardPayload {
  @Field(() => Award, { description: 'The award as it is now.' })
  award: object;
}
