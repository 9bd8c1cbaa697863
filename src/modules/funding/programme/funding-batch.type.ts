import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { FundingProgram } from './funding-program.type';

@ObjectType('FundingBatch', {
  implements: Node,
  description:
    'One batch of a programme, with its own budget; its recipients (key little giants and platforms) are supported for at most three years. Published: anyone may read batches.',
})
export class FundingBatch implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => FundingProgram, { nullable: true, description: 'The programme the batch belongs to.' })
  program: FundingProgram | null;

  @Field(() => Int, { description: 'Number of the batch within its programme (1, 2, 3…).' })
  number: number;

  @Field(() => Int, { description: 'Year the batch was granted.' })
  year: number;

  @Field(() => MoneyScalar, { description: 'Budget of the batch, yuan.' })
  budget: string;

  @Field(() => Int, { description: 'Years for which the batch’s recipients are supported (at most 3).' })
  supportYears: number;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const FundingBatchConnection = connectionType(FundingBatch, 'FundingBatch');

@ObjectType({ description: 'The result of createFundingBatch.' })
export class FundingBatchPayload {
  @Field(() => FundingBatch, { description: 'The batch as it is now.' })
  fundingBatch: object;
}
