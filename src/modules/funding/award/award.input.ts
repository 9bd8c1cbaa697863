import { Limit, TEXT_LIMITS } from '../../../graphql/input-limits';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../../graphql/connection';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { AwardStatus, ExpenditureCategory, UsageRestriction } from './award.enums';

// --- awards ------------------------------------------------------------------

@InputType({ description: 'Narrows an award list. All given conditions must hold.' })
export class AwardFilter {
  @Field(() => ID, { nullable: true, description: 'Only awards from this funding batch.' })
  batchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only awards to this enterprise.' })
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only awards to this platform.' })
  platformId?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'A region code: awards to recipients registered in it or any region below it.' })
  regionCode?: string | null;

  @Field(() => AwardStatus, { nullable: true, description: 'Only awards in this status.' })
  status?: AwardStatus | null;

  @Field(() => UsageRestriction, {
    nullable: true,
    description: 'Only awards with this usage restriction (that is, to enterprises or to platforms).',
  })
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

// --- mutations ---------------------------------------------------------------

@InputType({
  description:
    'An award from a batch to one recipient (MOF): an approved key little giant of that batch, or a platform. Give exactly one of enterpriseId and platformId.',
})
export class GrantAwardInput {
  @Field(() => ID, { description: 'The batch the award is granted from.' })
  batchId: string;

  @Field(() => ID, { nullable: true, description: 'The recipient enterprise; MoF must have approved it as a key little giant of the batch.' })
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The recipient platform.' })
  platformId?: string | null;

  @Field(() => MoneyScalar, { description: 'Amount granted over the whole support period, yuan; the batch’s awards never sum past its budget.' })
  amount: string;

  @Field(() => String, { nullable: true, description: 'Date of the grant (YYYY-MM-DD); today (China Standard Time) if omitted.' })
  grantedOn?: string | null;
}

@InputType({ description: 'A tranche paid out against an award (MOF).' })
export class DisburseAwardInput {
  @Field(() => ID, { description: 'The award to pay against.' })
  awardId: string;

  @Field(() => MoneyScalar, {
    description: 'Amount of the tranche, yuan; everything disbursed never exceeds the amount granted minus what was clawed back.',
  })
  amount: string;

  @Limit({ maxLength: TEXT_LIMITS.idempotencyKey })
  @Field({
    description:
      'A key of the caller’s choosing (1–200 characters) that makes the payment safe to retry: the same key again returns the first result and pays nothing more; the same key with other arguments is a CONFLICT.',
  })
  idempotencyKey: string;
}

@InputType({ description: 'Funds recovered from a recipient for poor performance or misuse (MOF).' })
export class ClawBackAwardInput {
  @Field(() => ID, { description: 'The award to recover from.' })
  awardId: string;

  @Field(() => MoneyScalar, { description: 'Amount recovered, yuan; at most what was disbursed and not yet clawed back.' })
  amount: string;

  @Limit({ maxLength: TEXT_LIMITS.reason, multiline: true })
  @Field({ description: 'Why the funds are recovered.' })
  reason: string;
}

@InputType({ description: 'Spending recorded by the recipient against its own award (ENTERPRISE or PLATFORM).' })
export class RecordExpenditureInput {
  @Field(() => ID, { description: 'The award spent from.' })
  awardId: string;

  @Field(() => ExpenditureCategory, { description: 'What the money was spent on; platform awards only the *_SERVICE categories.' })
  category: ExpenditureCategory;

  @Field(() => MoneyScalar, { description: 'Amount spent, yuan; everything spent never exceeds what was disbursed (net of claw-backs).' })
  amount: string;

  @Field({ description: 'Date of the spending (YYYY-MM-DD), not in the future.' })
  spentOn: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  description?: string | null;
}
