import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationStatus, RevocationReason } from './certification.enums';

@InputType({ description: 'Narrows a certification list. All given conditions must hold.' })
export class CertificationFilter {
  @Field(() => ID, { nullable: true, description: 'Only certifications of this enterprise (its global ID).' })
  enterpriseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A region code: certifications of enterprises registered in it or any region below it.',
  })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Only this tier.' })
  tier?: Tier | null;

  @Field(() => CertificationStatus, {
    nullable: true,
    description: 'Only this status as of today (EXPIRED includes CERTIFIED and RENEWED titles whose validUntil has passed).',
  })
  status?: CertificationStatus | null;

  @Field(() => Int, { nullable: true, description: 'Only this published batch number.' })
  batchNumber?: number | null;

  @Field(() => RevocationReason, { nullable: true, description: 'Only certifications revoked on these grounds (not for the public).' })
  revocationReason?: RevocationReason | null;
}

/**
 * Only NOT NULL columns can be keyset-paginated (see paginate()); the
 * nullable dates (certifiedOn, validUntil) are therefore not sort keys.
 */
export enum CertificationOrderField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CertificationOrderField, {
  name: 'CertificationOrderField',
  description: 'Sort keys for certification lists; the ID breaks ties.',
  valuesConfig: {
    CREATED_AT: { description: 'By creation of the record (only for callers who may read createdAt on every row).' },
  },
});

export const CertificationOrder = orderInputType<CertificationOrderField>(CertificationOrderField, 'Certification');
