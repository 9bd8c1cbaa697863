import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationStatus, RevocationReason } from './certification.enums';

@InputType({ description: 'Narrows a certification list. All given conditions must hold.' })
export class CertificationFilter {
  @Field(() => ID, { nullable: true, description: 'Only certifications of this enterprise (its global ID).' })
  enterpriseId?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
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

/** MIIT's decision at the end of a re-review (复核). */
export enum RenewalOutcome {
  RENEW = 'RENEW',
  LET_EXPIRE = 'LET_EXPIRE',
}
registerEnumType(RenewalOutcome, {
  name: 'RenewalOutcome',
  description: 'How a re-review ends.',
  valuesConfig: {
    RENEW: { description: 'Passed: RENEWED, valid for a new 3-year cycle from the end of the current one.' },
    LET_EXPIRE: { description: 'Not renewed: the title ends EXPIRED now.' },
  },
});

@InputType({ description: 'Revokes a title in force (MIIT).' })
export class RevokeCertificationInput {
  @Field(() => ID, { description: 'The certification (its global ID).' })
  certificationId: string;

  @Field(() => RevocationReason, { description: 'The grounds, as listed in the programme’s rules.' })
  reason: RevocationReason;

  @Field(() => String, {
    nullable: true,
    description: 'Date of revocation (YYYY-MM-DD); today (China Standard Time) if omitted. Not in the future, not before certification.',
  })
  revokedOn?: string | null;
}

@InputType({ description: 'A certification to move one step on.' })
export class CertificationStepInput {
  @Field(() => ID, { description: 'The certification (its global ID).' })
  certificationId: string;
}

@InputType({ description: 'Ends a re-review (MIIT).' })
export class RenewCertificationInput {
  @Field(() => ID, { description: 'The certification (its global ID).' })
  certificationId: string;

  @Field(() => RenewalOutcome, { description: 'Renew for a new cycle, or let the title expire.' })
  outcome: RenewalOutcome;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, {
    nullable: true,
    description: 'Code of the rule set the re-review used (e.g. "MIIT-2026-2"); the title keeps its current one if omitted.',
  })
  ruleSet?: string | null;
}
