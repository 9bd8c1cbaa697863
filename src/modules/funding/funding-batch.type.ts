import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { MoneyScalar } from '../../graphql/scalars/money';
import { Award } from './award.type';
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

  @Field(() => [Award], {
    nullable: true,
    description: 'Awards granted from this batch that the caller may see (an enterprise sees its own, a platform its own, a local government those of its region, the ministries all).',
  })
  // An estimate, not a cap: 1,000 key little giants were funded over the 3 batches of 财建〔2021〕2号, plus platforms.
  @ListBound(1_000)
  awards: Award[] | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Sum of the amounts of the awards in this batch that the caller may see, yuan. It is the batch’s full total only for callers who may read every award (the ministries); for others it is the total of their own visible awards.',
  })
  granted: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const FundingBatchConnection = connectionType(FundingBatch, 'FundingBatch');

@ObjectType({ description: 'The result of createFundingBatch.' })
export class FundingBatchPayload {
  @Field(() => FundingBatch, { description: 'The batch as it is now.' })
  fundingBatch: object;
}
