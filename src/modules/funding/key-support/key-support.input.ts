import { Limit, TEXT_LIMITS } from '../../../graphql/input-limits';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../../graphql/connection';
import { KeySupportStatus } from './key-support.enums';

@InputType({ description: 'MIIT proposes a certified little giant as a key little giant of a funding batch.' })
export class ProposeKeySupportInput {
  @Field(() => ID, { description: 'The funding batch.' })
  batchId: string;

  @Field(() => ID, { description: 'The enterprise: it must hold a certified, unexpired little giant title.' })
  enterpriseId: string;
}

@InputType({ description: 'MoF’s decision on a key little giant proposal.' })
export class ApproveKeySupportInput {
  @Field(() => ID, { description: 'The proposal.' })
  proposalId: string;

  @Field({ description: 'True to approve, false to reject.' })
  approve: boolean;

  @Limit({ maxLength: TEXT_LIMITS.reason, multiline: true })
  @Field(() => String, { nullable: true, description: 'Why; required to reject.' })
  reason?: string | null;
}

@InputType({ description: 'Narrows a list of key little giant proposals. All given conditions must hold.' })
export class KeySupportProposalFilter {
  @Field(() => ID, { nullable: true, description: 'Only proposals for this funding batch.' })
  batchId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only proposals of this enterprise.' })
  enterpriseId?: string | null;

  @Field(() => KeySupportStatus, { nullable: true, description: 'Only proposals in this status.' })
  status?: KeySupportStatus | null;
}

export enum KeySupportProposalOrderField {
  PROPOSED_AT = 'PROPOSED_AT',
}
registerEnumType(KeySupportProposalOrderField, {
  name: 'KeySupportProposalOrderField',
  description: 'Sort keys for lists of key little giant proposals; the ID breaks ties.',
  valuesConfig: {
    PROPOSED_AT: { description: 'By time of the proposal.' },
  },
});
export const KeySupportProposalOrder = orderInputType<KeySupportProposalOrderField>(KeySupportProposalOrderField, 'KeySupportProposal');

@InputType({ description: 'Narrows the published list of key little giants. All given conditions must hold.' })
export class KeyLittleGiantFilter {
  @Field(() => ID, { nullable: true, description: 'Only those selected for this funding batch.' })
  batchId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only enterprises of this region or any region below it (GB/T 2260 code, e.g. "320000").' })
  regionCode?: string | null;
}

export enum KeyLittleGiantOrderField {
  APPROVED_AT = 'APPROVED_AT',
}
registerEnumType(KeyLittleGiantOrderField, {
  name: 'KeyLittleGiantOrderField',
  description: 'Sort keys for the published list of key little giants; the ID breaks ties.',
  valuesConfig: {
    APPROVED_AT: { description: 'By time of MoF’s approval.' },
  },
});
export const KeyLittleGiantOrder = orderInputType<KeyLittleGiantOrderField>(KeyLittleGiantOrderField, 'KeyLittleGiant');
