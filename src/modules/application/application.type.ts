import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { Certification } from '../certification/certification.type';
import { Tier } from '../enterprise/enterprise.enums';
import { Enterprise } from '../enterprise/enterprise.type';
import { Region } from '../region/region.type';
import { ApplicationStatus } from './application.enums';
import { Review } from './review.type';
import { SelfAssessment } from './self-assessment.type';
import { EligibilityEvaluation } from '../eligibility/eligibility.type';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'Where an application is: DRAFT → SUBMITTED → RECOMMENDED (or RETURNED for changes) → UNDER_REVIEW → APPROVED or REJECTED → PUBLIC_NOTICE → CERTIFIED; WITHDRAWN by the applicant before recommendation.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the enterprise; not yet sent.' },
    SUBMITTED: { description: 'Sent to the local government for review.' },
    RETURNED: { description: 'Sent back by the local government for changes; the enterprise resubmits.' },
    WITHDRAWN: { description: 'Withdrawn by the enterprise before recommendation.' },
    RECOMMENDED: { description: 'Checked and recommended by the province (初核推荐).' },
    UNDER_REVIEW: { description: 'In MIIT’s blind expert review.' },
    APPROVED: { description: 'Passed expert review; awaiting public notice.' },
    REJECTED: { description: 'Failed review, or an objection was upheld.' },
    PUBLIC_NOTICE: { description: '公示: the result is listed for objections.' },
    CERTIFIED: { description: 'Certified; the certification field gives the title granted.' },
  },
});

@ObjectType('Application', {
  implements: Node,
  description:
    'An enterprise’s application for a tier, from draft to certificate. An enterprise sees its own; a local government, those of its region; the ministries, all; the public, none.',
})
export class Application implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Enterprise, { nullable: true, description: 'The applying enterprise; null if the caller may not see it.' })
  enterprise: Enterprise | null;

  @Field(() => Tier, { description: 'The tier applied for.' })
  tier: Tier;

  @Field({ description: 'Code of the rule set the application is judged by, e.g. "MIIT-2022-63".' })
  ruleSetCode: string;

  @Field(() => ApplicationStatus, { description: 'Where the application is in the workflow.' })
  status: ApplicationStatus;

  @Field(() => Date, { nullable: true, description: 'When the enterprise last submitted it; null for a draft never sent.' })
  submittedAt: Date | null;

  @Field(() => Region, { nullable: true, description: 'The recommending authority (a province or plan-listed city); null until recommended.' })
  recommendedBy: Region | null;

  @Field(() => String, { nullable: true, description: 'MIIT’s expert score, 0–100, as a decimal string (e.g. "86.50"); null until scored.' })
  score: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice (YYYY-MM-DD); null unless listed.' })
  publicNoticeEndsOn: string | null;

  @Field(() => Certification, { nullable: true, description: 'The certification granted; null until certified or if the caller may not see it.' })
  certification: Certification | null;

  @Field(() => [Review], { nullable: true, description: 'Recommendations, returns, expert reviews and objections on it, oldest first.' })
  // An estimate, not a cap: a recommendation, a few returns and resubmissions, the expert reviews, any objections.
  @ListBound(20)
  reviews: Review[] | null;

  @Field(() => SelfAssessment, {
    nullable: true,
    description: 'The self-assessment kept when the enterprise last submitted it; null before (and for applications from before self-assessment).',
  })
  selfAssessment: SelfAssessment | null;

  @Field(() => EligibilityEvaluation, {
    nullable: true,
    description:
      'The applicant judged by the application’s rule set now, for the same year of assessment as the self-assessment (the submission’s year; today’s for a draft), from the facts and recorded assessments as they are: beside selfAssessment it shows what changed since. Null if the caller may not read the applicant’s facts.',
  })
  currentEvaluation: EligibilityEvaluation | null;

  @Field(() => Date, { description: 'When the application was created.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the application last changed.' })
  updatedAt: Date;
}

export const ApplicationConnection = connectionType(Application, 'Application');

@ObjectType({ description: 'The result of a workflow step on an application.' })
export class ApplicationPayload {
  @Field(() => Application, { description: 'The application as it is now.' })
  application: object;

  @Field(() => Review, {
    nullable: true,
    description: 'The review the step recorded (a recommendation, return, expert review, objection or ruling); null for steps that record none.',
  })
  review: object | null;
}

@ObjectType({ description: 'The result of certifyEnterprise.' })
export class CertifyEnterprisePayload {
  @Field(() => Application, { description: 'The application, now CERTIFIED.' })
  application: object;

  @Field(() => Certification, { description: 'The title granted.' })
  certification: object;
}
