import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { AwardStatus, ExpenditureCategory, UsageRestriction } from './funding.enums';

// --- programmes --------------------------------------------------------------

@InputType({ description: 'Narrows a funding programme list. All given conditions must hold.' })
export class FundingProgramFilter {
  @Field(() => Int, { nullable: true, description: 'Only programmes running in this year (startYear ≤ year ≤ endYear).' })
  year?: number | null;

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

// --- awards ------------------------------------------------------------------

@InputType({ description: 'Narrows an award list. All given conditions must hold.' })
export class AwardFilter {
  @Field(() => ID, { nullable: true, description: 'Only awards from this funding batch.' })
  batchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only awards to this enterprise.' })
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only awards to this platform.' })
  platformId?: string | null;

  @Field(() => String, { nullable: true, description: 'A region code: awards to recipients registered in it or any region below it.' })
  regionCode?: string | null;

  @Field(() => AwardStatus, { nullable: true, description: 'Only awards in this status.' })
  status?: AwardStatus | null;

  @Field(() => UsageRestriction, { nullable: true, description: 'Only awards with this usage restriction (that is, to enterprises or to platforms).' })
  usageRestriction?: UsageRestriction | null;
}

export enum AwardOrderField {
  AMOUNT = 'AMOUNT',
  GRANTED_ON = 'GRANTED_ON',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AwardOrderField, {
  name: 'AwardOrderField',
  description: 'Sort keys for award lists; the ID breaks ties.',
  valuesConfig: {
    AMOUNT: { description: 'By amount granted.' },
    GRANTED_ON: { description: 'By date of the grant.' },
    CREATED_AT: { description: 'By creation in this system.' },
  },
});
export const AwardOrder = orderInputType<AwardOrderField>(AwardOrderField, 'Award');

// --- disbursements -----------------------------------------------------------

@InputType({ description: 'Narrows a disbursement list. All given conditions must hold.' })
export class DisbursementFilter {
  @Field(() => ID, { nullable: true, description: 'Only disbursements against this award.' })
  awardId?: string | null;
}

export enum DisbursementOrderField {
  PAID_ON = 'PAID_ON',
  AMOUNT = 'AMOUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(DisbursementOrderField, {
  name: 'DisbursementOrderField',
  description: 'Sort keys for disbursement lists; the ID breaks ties.',
  valuesConfig: {
    PAID_ON: { description: 'By date of payment.' },
    AMOUNT: { description: 'By amount paid.' },
    CREATED_AT: { description: 'By creation in this system.' },
  },
});
export const DisbursementOrder = orderInputType<DisbursementOrderField>(DisbursementOrderField, 'Disbursement');

// --- expenditures ------------------------------------------------------------

@InputType({ description: 'Narrows an expenditure list. All given conditions must hold.' })
export class ExpenditureFilter {
  @Field(() => ID, { nullable: true, description: 'Only expenditures against this award.' })
  awardId?: string | null;

  @Field(() => ExpenditureCategory, { nullable: true, description: 'Only expenditures in this category.' })
  category?: ExpenditureCategory | null;
}

export enum ExpenditureOrderField {
  SPENT_ON = 'SPENT_ON',
  AMOUNT = 'AMOUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ExpenditureOrderField, {
  name: 'ExpenditureOrderField',
  description: 'Sort keys for expenditure lists; the ID breaks ties.',
  valuesConfig: {
    SPENT_ON: { description: 'By date of the spending.' },
    AMOUNT: { description: 'By amount spent.' },
    CREATED_AT: { description: 'By creation in this system.' },
  },
});
export const ExpenditureOrder = orderInputType<ExpenditureOrderField>(ExpenditureOrderField, 'Expenditure');
