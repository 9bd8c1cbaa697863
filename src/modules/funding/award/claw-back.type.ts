import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { Award } from './award.type';

@ObjectType('ClawBack', {
  implements: Node,
  description: 'Funds recovered from a recipient for poor performance or misuse.',
})
export class ClawBack implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Award, { nullable: true, description: 'The award the funds are recovered from.' })
  award: Award | null;

  @Field(() => MoneyScalar, { description: 'Amount recovered, yuan.' })
  amount: string;

  @Field({ description: 'Why the funds are recovered.' })
  reason: string;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

@ObjectType({ description: 'The result of clawBackAward.' })
export class ClawBackPayload {
  @Field(() => ClawBack, { description: 'The claw-back recorded.' })
  clawBack: object;

  @Field(() => Award, { description: 'The award as it is now: CLAWED_BACK once everything disbursed is recovered.' })
  award: object;
}
