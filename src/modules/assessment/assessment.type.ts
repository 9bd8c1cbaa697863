import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { Enterprise } from '../enterprise/enterprise.type';
import { Region } from '../region/region.type';
import { AssessmentStatus, AssessmentValueKind } from './assessment.enums';

registerEnumType(AssessmentValueKind, {
  name: 'AssessmentValueKind',
  description: 'What an assessment’s value is.',
  valuesConfig: {
    FLAG: { description: 'Yes or no (`flag`): declared by the enterprise, confirmed by its local government.' },
    SCORE: { description: 'A score 0–100 (`score`): given by MIIT’s experts.' },
  },
});

registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an assessment stands; the rule sets read only CONFIRMED and SCORED ones.',
  valuesConfig: {
    DECLARED: { description: 'Declared by the enterprise, awaiting its local government: the indicator stays UNKNOWN.' },
    CONFIRMED: { description: 'Confirmed by the local government: the rule sets read it.' },
    REJECTED: {
      description: 'Rejected by the local government (see rejectionReason): the indicator stays UNKNOWN; the enterprise may declare again.',
    },
    SCORED: { description: 'Scored by MIIT’s experts: the rule sets read it as given.' },
  },
});

@ObjectType('Assessment', {
  implements: Node,
  description:
    'A qualitative condition a rule set reads as an assessment, recorded for an enterprise and a year of assessment, with who asserted it. Visible as the enterprise’s financial reports are; never to the public.',
})
export class Assessment implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Enterprise, { nullable: true, description: 'The enterprise assessed.' })
  enterprise: Enterprise | null;

  @Field({ description: 'The indicator’s key, as the rule sets name it (e.g. "coreBusinessOnInformationSystem").' })
  indicatorKey: string;

  @Field(() => Int, { description: 'The year of assessment it holds for.' })
  year: number;

  @Field(() => AssessmentValueKind, { description: 'Whether `flag` or `score` holds the value.' })
  valueKind: AssessmentValueKind;

  @Field(() => Boolean, { nullable: true, description: 'The yes/no value (FLAG); null for a score.' })
  flag: boolean | null;

  @Field(() => String, { nullable: true, description: 'The score, 0–100, as a decimal string (e.g. "72.50") (SCORE); null for a flag.' })
  score: string | null;

  @Field({ description: 'What supports it, as the asserting party gave it.' })
  evidence: string;

  @Field(() => AssessmentStatus, { description: 'Declared, confirmed, rejected or scored.' })
  status: AssessmentStatus;

  @Field({ description: 'The role that asserted it: ENTERPRISE (declared) or MIIT (scored).' })
  assertedByRole: string;

  @Field(() => Date, { description: 'When it was last declared or scored.' })
  assertedAt: Date;

  @Field(() => Region, { nullable: true, description: 'The local government that confirmed or rejected it; null until then, and for scores.' })
  decidedByRegion: Region | null;

  @Field(() => Date, { nullable: true, description: 'When it was confirmed or rejected.' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the local government rejected it.' })
  rejectionReason: string | null;

  @Field(() => Date, { description: 'When it was first recorded.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt: Date;
}

@ObjectType({ description: 'The result of an assessment mutation.' })
export class AssessmentPayload {
  @Field(() => Assessment, { description: 'The assessment as it is now.' })
  assessment: object;
}
