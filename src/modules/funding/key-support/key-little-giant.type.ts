import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { Enterprise } from '../../enterprise/enterprise.type';
import { Region } from '../../region/region.type';
import { FundingBatch } from '../programme/funding-batch.type';

@ObjectType('KeyLittleGiant', {
  implements: Node,
  description:
    'A key little giant (重点小巨人) on the published list: a certified little giant MoF approved for a funding batch. Published: anyone may read the list; how much it was awarded is not on it.',
})
export class KeyLittleGiant implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise, with the fields the caller may read of it; null where the caller may not see it (the public: once it holds no tier).',
  })
  enterprise: Enterprise | null;

  @Field(() => FundingBatch, { nullable: true, description: 'The funding batch it was selected for.' })
  batch: FundingBatch | null;

  @Field(() => Region, { description: 'Region of the enterprise.' })
  region: Region;

  @Field(() => Date, { description: 'When MoF approved the selection.' })
  approvedAt: Date;
}

export const KeyLittleGiantConnection = connectionType(KeyLittleGiant, 'KeyLittleGiant');
