import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Limit, TEXT_LIMITS } from '../../../graphql/input-limits';
import { orderInputType } from '../../../graphql/connection';
import { MoneyScalar } from '../../../graphql/scalars/money';

// --- programmes --------------------------------------------------------------

@InputType({ description: 'Narrows a funding programme list. All given conditions must hold.' })
export class FundingProgramFilter {
  @Field(() => Int, { nullable: true, description: 'Only programmes running in this year (startYear ≤ year ≤ endYear).' })
  year?: number | null;

  @Limit({ maxLength: TEXT_LIMITS.search })
  @Field(() => String, { nullable: true, description: 'Text in the name or in the document number.' })
  search?: string | null;
}

export enum FundingProgramOrderField {
  START_YEAR = 'START_YEAR',
  DOCUMENT_NUMBER = 'DOCUMENT_NUMBER',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(FundingProgramOrderField, {
  name: 'FundingProgramOrderField',
  description: 'Sort keys for funding programme lists; the ID breaks ties.',
  valuesConfig: {
    START_YEAR: { description: 'By first year.' },
    DOCUMENT_NUMBER: { description: 'By document number.' },
    CREATED_AT: { description: 'By creation in this system.' },
  },
});
export const FundingProgramOrder = orderInputType<FundingProgramOrderField>(FundingProgramOrderField, 'FundingProgram');

// --- batches -----------------------------------------------------------------

@InputType({ description: 'Narrows a funding batch list. All given conditions must hold.' })
export class FundingBatchFilter {
  @Field(() => ID, { nullable: true, description: 'Only batches of this programme.' })
  programId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only batches of this year.' })
  year?: number | null;
}

export enum FundingBatchOrderField {
  YEAR = 'YEAR',
  NUMBER = 'NUMBER',
  BUDGET = 'BUDGET',
}
registerEnumType(FundingBatchOrderField, {
  name: 'FundingBatchOrderField',
  description: 'Sort keys for funding batch lists; the ID breaks ties.',
  valuesConfig: {
    YEAR: { description: 'By year.' },
    NUMBER: { description: 'By batch number within its programme.' },
    BUDGET: { description: 'By budget.' },
  },
});
export const FundingBatchOrder = orderInputType<FundingBatchOrderField>(FundingBatchOrderField, 'FundingBatch');

// --- mutations ---------------------------------------------------------------

@InputType({ description: 'A new round of the SME Development Special Fund (MOF).' })
export class CreateFundingProgramInput {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'Number of the founding document, e.g. "财建〔2021〕2号"; unique.' })
  documentNumber: string;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field({ description: 'Name of the programme.' })
  name: string;

  @Field(() => Int, { description: 'First year the programme runs.' })
  startYear: number;

  @Field(() => Int, { description: 'Last year the programme runs (not before startYear).' })
  endYear: number;

  @Field(() => MoneyScalar, { description: 'Total budget, yuan; the batches’ budgets never sum past it.' })
  totalBudget: string;
}

@InputType({ description: 'A new batch of a programme, with its budget (MOF).' })
export class CreateFundingBatchInput {
  @Field(() => ID, { description: 'The programme the batch belongs to.' })
  programId: string;

  @Field(() => Int, { nullable: true, description: 'Number of the batch within its programme; the next free number if omitted.' })
  number?: number | null;

  @Field(() => Int, { description: 'Year of the batch, within the programme’s years.' })
  year: number;

  @Field(() => MoneyScalar, {
    description: 'Budget of the batch, yuan; with the programme’s other batches it must fit in the programme’s total budget.',
  })
  budget: string;

  @Field(() => Int, { description: 'Years for which the batch’s recipients are supported: 1 to 3.' })
  supportYears: number;
}
