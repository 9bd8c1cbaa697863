import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { Region } from '../region/region.type';
import { ReviewDecision, ReviewKind } from './application.enums';
import { Application } from './application.type';

registerEnumType(ReviewKind, {
  name: 'ReviewKind',
  description: 'The step an authority took on an application.',
  valuesConfig: {
    RECOMMENDATION: { description: 'The local government’s check and recommendation (初核推荐).' },
    RETURN: { description: 'The local government sent it back for changes.' },
    EXPERT_REVIEW: { description: 'MIIT’s blind expert review, with a score and the rule-set evaluation.' },
    OBJECTION: { description: 'An objection raised during public notice.' },
    OBJECTION_RESOLUTION: { description: 'The ruling on an objection.' },
  },
});

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'The outcome recorded by a review step.',
  valuesConfig: {
    RECOMMEND: { description: 'Recommended to the next level.' },
    RETURN: { description: 'Returned to the enterprise for changes.' },
    APPROVE: { description: 'Passed expert review.' },
    REJECT: { description: 'Failed expert review.' },
    UPHELD: { description: 'The objection was upheld.' },
    DISMISSED: { description: 'The objection was dismissed.' },
    RAISED: { description: 'An objection was raised.' },
  },
});

@ObjectType('Review', {
  implements: Node,
  description:
    'A decision on an application: a recommendation or return by the local government, MIIT’s expert review with its score and evaluation, or an objection raised and resolved during public notice. Expert review is blind: the applicant never learns who reviewed it.',
})
export class Review implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Application, { nullable: true, description: 'The application reviewed; null if the caller may not see it.' })
  application: Application | null;

  @Field(() => ReviewKind, { description: 'Which step this was.' })
  kind: ReviewKind;

  @Field(() => ReviewDecision, { description: 'The outcome.' })
  decision: ReviewDecision;

  @Field({ description: 'Role of the reviewing authority, e.g. "LOCAL_GOV" or "MIIT".' })
  reviewerRole: string;

  @Field(() => String, { nullable: true, description: 'Who reviewed (the token subject). Hidden from the applicant: reviews are blind.' })
  reviewerSubject: string | null;

  @Field(() => Region, { nullable: true, description: 'Region of a local-government reviewer; null for a ministry. Hidden from the applicant.' })
  reviewerRegion: Region | null;

  @Field(() => String, { nullable: true, description: 'Score given, 0–100, as a decimal string (e.g. "86.50"); null if none.' })
  score: string | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s comment to the applicant.' })
  comment: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the rule set evaluated, e.g. "MIIT-2022-63".' })
  ruleSetCode: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The rule-set evaluation kept as evidence: each indicator’s value, threshold and pass/fail.',
  })
  evaluation: unknown;

  @Field(() => Date, { description: 'When the step was taken.' })
  createdAt: Date;
}
