import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { Enterprise } from '../../enterprise/enterprise.type';
import { FundingBatch } from '../programme/funding-batch.type';
import { KeySupportStatus } from './key-support.enums';

registerEnumType(KeySupportStatus, {
  name: 'KeySupportStatus',
  description: 'Where a key little giant proposal stands.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed by MIIT; awaiting MoF’s decision.' },
    APPROVED: { description: 'Approved by MoF: the enterprise may be granted an award from the batch.' },
    REJECTED: { description: 'Rejected by MoF, with a reason.' },
  },
});

@ObjectType('KeySupportProposal', {
  implements: Node,
  description:
    'A key little giant (重点小巨人) selection for a funding batch: MIIT proposes a certified little giant, MoF approves or rejects it. Not a tier. Seen by the enterprise, its local government and the ministries.',
})
export class KeySupportProposal implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => FundingBatch, { nullable: true, description: 'The batch the enterprise is proposed for.' })
  batch: FundingBatch | null;

  @Field(() => Enterprise, { nullable: true, description: 'The little giant proposed.' })
  enterprise: Enterprise | null;

  @Field(() => KeySupportStatus, { description: 'Where the proposal stands.' })
  status: KeySupportStatus;

  @Field({ description: 'Who at MIIT proposed it (the token subject).' })
  proposedBy: string;

  @Field(() => String, { nullable: true, description: 'Who at MoF decided (the token subject); null while proposed.' })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'MoF’s reason: always given for a rejection.' })
  reason: string | null;

  @Field(() => Date, { description: 'When MIIT proposed it.' })
  proposedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When MoF decided; null while proposed.' })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const KeySupportProposalConnection = connectionType(KeySupportProposal, 'KeySupportProposal');

@ObjectType({ description: 'The result of proposeKeySupport and approveKeySupport.' })
export class KeySupportProposalPayload {
  @Field(() => KeySupportProposal, { description: 'The proposal as it is now.' })
  keySupportProposal: object;
}
