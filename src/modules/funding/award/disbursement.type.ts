import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { Award } from './award.type';

@ObjectType('Disbursement', {
  implements: Node,
  description: 'A tranche of an award paid out to the recipient (funds go to the recipient in tranches tied to performance evaluation).',
})
export class Disbursement implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Award, { nullable: true, description: 'The award paid against.' })
  award: Award | null;

  @Field(() => Int, { description: 'Tranche number within the award (1, 2, …).' })
  tranche: number;

  @Field(() => MoneyScalar, { description: 'Amount paid, yuan.' })
  amount: string;

  @Field({ description: 'Date of payment (YYYY-MM-DD).' })
  paidOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'The key that made the payment request idempotent: a retried request with it paid nothing twice.',
  })
  idempotencyKey: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const DisbursementConnection = connectionType(Disbursement, 'Disbursement');

@ObjectType({ description: 'The result of disburseAward.' })
export class DisbursementPayload {
  @Field(() => Disbursement, { description: 'The tranche paid: the one first paid under this idempotency key when the request is a retry.' })
  disbursement: object;

  @Field(() => Award, { description: 'The award as it is now.' })
  award: object;

  @Field({ description: 'True when the idempotency key had already been used with the same arguments: nothing more was paid.' })
  replayed: boolean;
}
