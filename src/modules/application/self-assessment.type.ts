import { Field, Int, ObjectType } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { EligibilityVerdict } from '../eligibility/eligibility.enums';
import { BOUNDS, IndicatorEvaluation } from '../eligibility/eligibility.type';

@ObjectType({
  description:
    'The self-assessment made when the application was submitted: the applicant judged by the application’s rule set, as it stood then. A failing indicator refuses a submission, so the verdict is ELIGIBLE or UNDETERMINED.',
})
export class SelfAssessment {
  @Field({ description: 'Code of the rule set applied.' })
  ruleSetCode: string;

  @Field(() => Date, { description: 'When it was made: the submission.' })
  evaluatedAt: Date;

  @Field(() => Int, { description: 'The year of assessment: the year the application was submitted in (China Standard Time).' })
  asOfYear: number;

  @Field(() => Int, { description: 'The "last year" of the windows: asOfYear − 1.' })
  lastFinancialYear: number;

  @Field(() => EligibilityVerdict, { description: 'ELIGIBLE, or UNDETERMINED when some indicators were unknown.' })
  verdict: EligibilityVerdict;

  @Field(() => [IndicatorEvaluation], { description: 'Each top-level indicator of the rule set as judged then.' })
  @ListBound(BOUNDS.indicators)
  indicators: IndicatorEvaluation[];

  @Field(() => [String], { description: 'Keys of the indicators let through as UNKNOWN, for the reviewers to check.' })
  @ListBound(BOUNDS.indicators)
  unknownIndicators: string[];
}
