import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';

@ObjectType('FundingProgram', {
  implements: Node,
  description:
    'A round of the SME Development Special Fund (中小企业发展专项资金), set by MoF with MIIT, e.g. 财建〔2021〕2号 for 2021–2025. Published: anyone may read programmes and their batches.',
})
export class FundingProgram implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field({ description: 'Number of the founding document, e.g. "财建〔2021〕2号".' })
  documentNumber: string;

  @Field({ description: 'Name of the programme.' })
  name: string;

  @Field(() => Int, { description: 'First year the programme runs.' })
  startYear: number;

  @Field(() => Int, { description: 'Last year the programme runs.' })
  endYear: number;

  @Field(() => MoneyScalar, { description: 'Total budget of the programme, yuan.' })
  totalBudget: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Sum of the budgets of the programme’s batches, yuan: how much of the total budget is allocated to batches.',
  })
  allocated: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const FundingProgramConnection = connectionType(FundingProgram, 'FundingProgram');

@ObjectType({ description: 'The result of createFundingProgram.' })
export class FundingProgramPayload {
  @Field(() => FundingProgram, { description: 'The programme as it is now.' })
  fundingProgram: object;
}
