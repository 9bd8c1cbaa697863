import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { Tier } from '../enterprise/enterprise.enums';
import { ApplicationStatus } from './application.enums';

@InputType({ description: 'Narrows an application list. All given conditions must hold.' })
export class ApplicationFilter {
  @Field(() => ID, { nullable: true, description: 'Only applications of this enterprise (its global ID).' })
  enterpriseId?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, {
    nullable: true,
    description: 'A region code: applications of enterprises registered in it or any region below it.',
  })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Only applications for this tier.' })
  tier?: Tier | null;

  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this status.' })
  status?: ApplicationStatus | null;
}

export enum ApplicationOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ApplicationOrderField, {
  name: 'ApplicationOrderField',
  description: 'Sort keys for application lists; the ID breaks ties.',
  valuesConfig: {
    CREATED_AT: { description: 'By creation of the application.' },
    UPDATED_AT: { description: 'By its last change.' },
  },
});

export const ApplicationOrder = orderInputType<ApplicationOrderField>(ApplicationOrderField, 'Application');

/** MIIT's expert decision on an application under review. */
export enum ExpertDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ExpertDecision, {
  name: 'ExpertDecision',
  description: 'The outcome of MIIT’s expert review.',
  valuesConfig: {
    APPROVE: { description: 'Passed: the application goes on to public notice.' },
    REJECT: { description: 'Failed: the application ends REJECTED.' },
  },
});

/** MIIT's ruling on the objections raised during public notice. */
export enum ObjectionRuling {
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ObjectionRuling, {
  name: 'ObjectionRuling',
  description: 'How MIIT rules on the open objections to an application in public notice.',
  valuesConfig: {
    UPHELD: { description: 'The objections stand: the application ends REJECTED.' },
    DISMISSED: { description: 'The objections fail: the application stays in public notice.' },
  },
});

@InputType({ description: 'A new application, created as a DRAFT by the enterprise itself.' })
export class CreateApplicationInput {
  @Field(() => ID, { description: 'The applying enterprise (its global ID): the caller’s own.' })
  enterpriseId: string;

  @Field(() => Tier, { description: 'The tier applied for.' })
  tier: Tier;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({
    description: 'Code of the rule set to be judged by: "MIIT-2022-63" or "MIIT-2026-2" for LITTLE_GIANT, "SRDI-PROVINCIAL-2022" for SRDI_SME.',
  })
  ruleSet: string;
}

@InputType({ description: 'Changes to a DRAFT or RETURNED application; only the given fields change.' })
export class UpdateApplicationInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Field(() => Tier, { nullable: true, description: 'The tier applied for.' })
  tier?: Tier | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Code of the rule set to be judged by; it must judge the tier (see createApplication).' })
  ruleSet?: string | null;
}

@InputType({ description: 'An application to move one step on.' })
export class ApplicationStepInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;
}

@InputType({ description: 'A local government’s recommendation (初核推荐) of a submitted application.' })
export class RecommendApplicationInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field(() => String, { nullable: true, description: 'Remarks for the record, e.g. "材料齐全，同意推荐".' })
  comment?: string | null;
}

@InputType({ description: 'A step that needs a reason: a return for changes, or an objection.' })
export class ApplicationCommentInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field({ description: 'The reason, shown to the applicant; must not be empty.' })
  comment: string;
}

@InputType({ description: 'MIIT’s expert review of an application under review.' })
export class ReviewApplicationInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Field(() => ExpertDecision, { description: 'Approve or reject.' })
  decision: ExpertDecision;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'The expert score, 0–100 with at most two decimals, as a decimal string (e.g. "86.50").' })
  score: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field(() => String, { nullable: true, description: 'The reviewers’ comment to the applicant.' })
  comment?: string | null;
}

@InputType({ description: 'Lists an approved application for objections (公示).' })
export class OpenPublicNoticeInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Field({
    description:
      'Last day of the notice, when objections close (YYYY-MM-DD): 5 to 14 calendar days from today (China Standard Time), i.e. 5–10 working days.',
  })
  publicNoticeEndsOn: string;
}

@InputType({ description: 'MIIT’s ruling on every open objection to an application in public notice.' })
export class ResolveObjectionInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Field(() => ObjectionRuling, { description: 'Upheld (the application is rejected) or dismissed (the notice goes on).' })
  ruling: ObjectionRuling;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field({ description: 'The reasons for the ruling; must not be empty.' })
  comment: string;
}

@InputType({ description: 'Certifies the enterprise of an application whose public notice has ended without an open objection.' })
export class CertifyEnterpriseInput {
  @Field(() => ID, { description: 'The application (its global ID).' })
  applicationId: string;

  @Field(() => Int, { description: 'The published list the title comes in on, e.g. 7 for the 7th little-giant batch (2025).' })
  batchNumber: number;
}
