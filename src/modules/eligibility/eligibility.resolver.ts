import { ArgLimits, TEXT_LIMITS } from '../../graphql/input-limits';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { ListBound } from '../../graphql/list-bound';
import { BadUserInputError } from '../../core/errors';
import { uuidFromGlobalId } from '../../core/global-id';
import { EligibilityEvaluation as Evaluation } from './evaluate';
import { evaluateEnterprise, listRuleSets } from './eligibility.service';
import { EvaluationPurpose } from './eligibility.enums';
import { BOUNDS, EligibilityEvaluation, IndicatorAssessmentInput, RuleIndicator, RuleSet, ScoreItem } from './eligibility.type';
import { Indicator, RuleSet as RuleSetData, ruleSetByCode, ScoreItem as ScoreItemData } from './rule-sets';

@Resolver()
export class EligibilityResolver {
  @Query(() => [RuleSet], {
    description: 'The certification rule sets the API can evaluate, with their indicators, oldest first.',
  })
  @ListBound(BOUNDS.ruleSets)
  ruleSets(): readonly RuleSetData[] {
    return listRuleSets();
  }

  @ArgLimits({ code: { maxLength: TEXT_LIMITS.code } })
  @Query(() => RuleSet, {
    nullable: true,
    description: 'One rule set by its code, or null: its nested indicators cost a fifth of reading them through `ruleSets`.',
  })
  ruleSet(@Arg('code', () => String, { description: 'The rule set’s code, e.g. "MIIT-2026-2".' }) code: string): RuleSetData | null {
    return ruleSetByCode(code) ?? null;
  }

  @ArgLimits({ ruleSet: { maxLength: TEXT_LIMITS.code }, assessments: { maxItems: BOUNDS.indicators } })
  @Query(() => EligibilityEvaluation, {
    nullable: true,
    description:
      'Judges an enterprise against a rule set from its stored facts: each indicator’s value, threshold and result, and the verdict. ' +
      'Null if there is no such enterprise or the caller may not see its facts.',
  })
  evaluateEligibility(
    @Ctx() ctx: RequestContext,
    @Arg('enterpriseId', () => ID, { description: 'The enterprise’s global ID.' }) enterpriseId: string,
    @Arg('ruleSet', () => String, { description: 'Code of the rule set, e.g. "MIIT-2022-63" (see `ruleSets`).' }) ruleSet: string,
    @Arg('year', () => Int, {
      nullable: true,
      description:
        'The year of assessment: the windows read the complete financial years before it. Default: the year after the latest reported year.',
    })
    year?: number | null,
    @Arg('assessments', () => [IndicatorAssessmentInput], {
      nullable: true,
      description:
        'What-if values for assessed indicators (e.g. the 2026 developmentScore), in place of the assessments recorded for the year of assessment (Enterprise.assessments: confirmed declarations and expert scores count). An assessed indicator neither recorded nor given stays UNKNOWN.',
    })
    assessments?: IndicatorAssessmentInput[] | null,
    @Arg('purpose', () => EvaluationPurpose, {
      nullable: true,
      description: 'NEW_APPLICATION (the default) or RE_REVIEW: at re-review some indicators read differently (see RuleIndicator.atReReview).',
    })
    purpose?: EvaluationPurpose | null,
  ): Promise<Evaluation | null> {
    const id = uuidFromGlobalId(enterpriseId, 'Enterprise', 'enterpriseId');
    let byKey: Map<string, string> | undefined;
    if (assessments) {
      byKey = new Map();
      for (const a of assessments) {
        if (byKey.has(a.key)) throw new BadUserInputError(`assessments: "${a.key}" is given twice`, 'assessments');
        byKey.set(a.key, a.value);
      }
    }
    return evaluateEnterprise(ctx, id, ruleSet, year ?? undefined, byKey && Object.fromEntries(byKey), purpose ?? undefined);
  }
}

/** The rule-set data leaves false flags out; the schema says false. */
@Resolver(() => RuleIndicator)
export class RuleIndicatorResolver {
  @FieldResolver(() => Boolean)
  notCheckedAtReReview(@Root() indicator: Indicator): boolean {
    return indicator.notCheckedAtReReview ?? false;
  }
}

@Resolver(() => ScoreItem)
export class ScoreItemResolver {
  @FieldResolver(() => Boolean)
  assessed(@Root() item: ScoreItemData): boolean {
    return item.assessed ?? false;
  }
}
