import { Field, ID, InputType, Int } from 'type-graphql';
import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';

@InputType({
  description:
    'The enterprise declares a yes/no condition a rule set reads as an assessment (e.g. coreBusinessOnInformationSystem, nationalTop3) for a year of assessment. Declaring the same indicator and year again replaces the declaration, which then awaits confirmation again.',
})
export class DeclareAssessmentInput {
  @Field(() => ID, { description: 'The declaring enterprise (its global ID).' })
  enterpriseId: string;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'The indicator’s key as the rule sets name it; see ruleSets { indicators { key kind } } (kind ASSESSED_FLAG).' })
  indicatorKey: string;

  @Field(() => Int, { description: 'The year of assessment, as evaluateEligibility’s `year`: up to the programme’s next year.' })
  year: number;

  @Field({ description: 'Yes or no.' })
  value: boolean;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field({ description: 'What supports it (the system in use, the ranking and its source…); required.' })
  evidence: string;
}

@InputType({ description: 'The local government confirms a declared assessment of an enterprise of its region.' })
export class ConfirmAssessmentInput {
  @Field(() => ID, { description: 'The assessment (its global ID).' })
  assessmentId: string;
}

@InputType({ description: 'The local government rejects a declared assessment of an enterprise of its region, saying why.' })
export class RejectAssessmentInput {
  @Field(() => ID, { description: 'The assessment (its global ID).' })
  assessmentId: string;

  @Limit({ maxLength: TEXT_LIMITS.reason, multiline: true })
  @Field({ description: 'Why it is rejected; shown to the enterprise, required.' })
  reason: string;
}

@InputType({
  description:
    'MIIT’s experts give a scored assessment (e.g. the 2026 developmentScore) of an enterprise for a year of assessment; scoring the same indicator and year again replaces the score.',
})
export class ScoreAssessmentInput {
  @Field(() => ID, { description: 'The enterprise scored (its global ID).' })
  enterpriseId: string;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'The indicator’s key (kind ASSESSED_SCORE_MIN), e.g. "developmentScore".' })
  indicatorKey: string;

  @Field(() => Int, { description: 'The year of assessment: up to the programme’s next year.' })
  year: number;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'The score, 0–100 with at most two decimals, as a decimal string (e.g. "72.50").' })
  score: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field({ description: 'The basis of the score (the evaluation it comes from); required.' })
  evidence: string;
}
