import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { Tier } from '../enterprise/enterprise.enums';
import { Enterprise } from '../enterprise/enterprise.type';
import { CertificationStatus, RevocationReason } from './certification.enums';

registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description:
    'Where a certification is in its lifecycle: PUBLIC_NOTICE → CERTIFIED → UNDER_REVIEW (year 3) → RENEWED or EXPIRED; REVOKED at any time.',
  valuesConfig: {
    PUBLIC_NOTICE: { description: '公示: listed for objections, not yet in force.' },
    CERTIFIED: { description: 'In force, within its 3-year validity.' },
    UNDER_REVIEW: { description: '复核: the year-3 re-review is under way.' },
    RENEWED: { description: 'Passed re-review; a new 3-year cycle has started.' },
    EXPIRED: { description: 'Its validity has ended without renewal (shown as soon as validUntil has passed).' },
    REVOKED: { description: 'Withdrawn by the certifying authority; see revocationReason.' },
  },
});

registerEnumType(RevocationReason, {
  name: 'RevocationReason',
  description: 'Grounds on which a certification is revoked, as listed in the programme’s rules.',
  valuesConfig: {
    FALSE_DECLARATION: { description: 'False declarations or data fraud (2026 rules: a 3-year ban on reapplying).' },
    MAJOR_SAFETY_ACCIDENT: { description: 'A major safety accident, including cyber and data security.' },
    MAJOR_QUALITY_ACCIDENT: { description: 'A major quality accident.' },
    MAJOR_POLLUTION_ACCIDENT: { description: 'A major environmental pollution accident.' },
    TAX_EVASION: { description: 'Tax evasion.' },
    ABNORMAL_OPERATIONS_LIST: { description: 'Listed as operating abnormally (经营异常名录).' },
    SERIOUS_DISHONESTY_LIST: { description: 'Listed as seriously dishonest (严重失信主体名单).' },
  },
});

@ObjectType('Certification', {
  implements: Node,
  description:
    'A tier title held by an enterprise: granted for 3 years, then re-reviewed. The public sees certifications in public notice or in force, with their published fields; an enterprise sees its own; a local government, those of its region; the ministries, all.',
})
export class Certification implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Enterprise, { nullable: true, description: 'The enterprise holding the title; null if the caller may not see it.' })
  enterprise: Enterprise | null;

  @Field(() => Tier, { description: 'The tier certified.' })
  tier: Tier;

  @Field(() => Int, { nullable: true, description: 'The published list it came in on, e.g. 3 for the 3rd little-giant batch (2021).' })
  batchNumber: number | null;

  @Field({ description: 'Code of the rule set the judgement used, e.g. "MIIT-2022-63".' })
  ruleSetCode: string;

  @Field(() => CertificationStatus, {
    description: 'Status today: a CERTIFIED or RENEWED title whose validUntil has passed shows as EXPIRED.',
  })
  status: CertificationStatus;

  @Field(() => String, { nullable: true, description: 'First day of the public notice (YYYY-MM-DD).' })
  publicNoticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice, when objections close (YYYY-MM-DD).' })
  publicNoticeEndsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Date the title took effect (YYYY-MM-DD); null during public notice.' })
  certifiedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of validity (YYYY-MM-DD); null during public notice.' })
  validUntil: string | null;

  @Field(() => String, { nullable: true, description: 'Date of revocation (YYYY-MM-DD); null unless revoked. Not public.' })
  revokedOn: string | null;

  @Field(() => RevocationReason, { nullable: true, description: 'Grounds of revocation; null unless revoked. Not public.' })
  revocationReason: RevocationReason | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created. Not public.' })
  createdAt: Date | null;
}

export const CertificationConnection = connectionType(Certification, 'Certification');

@ObjectType({ description: 'The result of a step in a certification’s lifecycle.' })
export class CertificationPayload {
  @Field(() => Certification, { description: 'The certification as it is now.' })
  certification: object;
}

@ObjectType({ description: 'The result of revokeCertification.' })
export class RevokeCertificationPayload {
  @Field(() => Certification, { description: 'The certification, now REVOKED.' })
  certification: object;

  @Field(() => Int, { description: 'How many of the enterprise’s open (GRANTED) awards were frozen with it.' })
  frozenAwardCount: number;
}
