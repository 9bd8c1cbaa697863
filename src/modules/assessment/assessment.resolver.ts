import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { narrowChildren, RELATIONS } from '../../data/relations';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { RequestContext } from '../../core/context';
import { uuidFromGlobalId } from '../../core/global-id';
import { ListBound } from '../../graphql/list-bound';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { RegionAnswer, regionService } from '../region/region.service';
import { Region } from '../region/region.type';
import { AssessmentEntity } from './assessment.entity';
import { ConfirmAssessmentInput, DeclareAssessmentInput, RejectAssessmentInput, ScoreAssessmentInput } from './assessment.input';
import { ASSESSED_INDICATORS } from './assessment.rules';
import { assessmentMutations } from './assessment.service';
import { Assessment, AssessmentPayload } from './assessment.type';

registerNode('Assessment', AssessmentEntity, (ctx, key) => visibleById<AssessmentEntity>(ctx, 'Assessment').load(key));

const assessmentId = (id: string) => uuidFromGlobalId(id, 'Assessment', 'assessmentId');
const enterpriseId = (id: string) => uuidFromGlobalId(id, 'Enterprise', 'enterpriseId');

@Resolver(() => Assessment)
export class AssessmentResolver extends NodeIdResolver(Assessment) {
  @Mutation(() => AssessmentPayload, {
    description:
      'The enterprise declares a yes/no condition a rule set reads as an assessment, for a year of assessment, with evidence. It counts once its local government confirms it.',
  })
  async declareAssessment(
    @Arg('input', () => DeclareAssessmentInput, { description: 'The indicator, year, value and evidence.' }) input: DeclareAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentPayload> {
    return { assessment: await assessmentMutations.declare(ctx, enterpriseId(input.enterpriseId), input) };
  }

  @Mutation(() => AssessmentPayload, {
    description: 'The local government of the enterprise’s region (or above) confirms a DECLARED assessment: from then on the rule sets read it.',
  })
  async confirmAssessment(
    @Arg('input', () => ConfirmAssessmentInput, { description: 'The assessment to confirm.' }) input: ConfirmAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentPayload> {
    return { assessment: await assessmentMutations.confirm(ctx, assessmentId(input.assessmentId)) };
  }

  @Mutation(() => AssessmentPayload, {
    description:
      'The local government of the enterprise’s region (or above) rejects a DECLARED assessment, with a reason; the indicator stays unknown.',
  })
  async rejectAssessment(
    @Arg('input', () => RejectAssessmentInput, { description: 'The assessment and the reason.' }) input: RejectAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentPayload> {
    return { assessment: await assessmentMutations.reject(ctx, assessmentId(input.assessmentId), input.reason) };
  }

  @Mutation(() => AssessmentPayload, {
    description: 'MIIT’s experts give a scored assessment (e.g. the 2026 developmentScore) for a year of assessment; the rule sets read it as given.',
  })
  async scoreAssessment(
    @Arg('input', () => ScoreAssessmentInput, { description: 'The indicator, year, score and its basis.' }) input: ScoreAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentPayload> {
    return { assessment: await assessmentMutations.score(ctx, enterpriseId(input.enterpriseId), input) };
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() a: AssessmentEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, a.enterpriseId);
  }

  @FieldResolver(() => Region, { nullable: true })
  decidedByRegion(@Root() a: AssessmentEntity, @Ctx() ctx: RequestContext): RegionAnswer | null {
    return a.decidedByRegionCode ? regionService.byCode(ctx, a.decidedByRegionCode) : null;
  }
}

const ENTERPRISE_ASSESSMENTS = RELATIONS.Enterprise!.assessments;

/** Enterprise.assessments lives here, beside the assessments it reads. */
@Resolver(() => Enterprise)
export class EnterpriseAssessmentsResolver {
  @FieldResolver(() => [Assessment], {
    nullable: true,
    description: 'The recorded assessments of its qualitative conditions, by year of assessment, oldest first; visible as its financial reports are.',
  })
  // An estimate, not a cap: every assessed indicator over ten years of assessment.
  @ListBound(ASSESSED_INDICATORS.size * 10)
  async assessments(
    @Root() e: EnterpriseEntity,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only the assessments of this year of assessment.' }) year?: number | null,
  ): Promise<AssessmentEntity[]> {
    const rows = await visibleChildren<AssessmentEntity>(ctx, 'Assessment', 'enterpriseId', 'year').load(e.id);
    return narrowChildren(rows, ENTERPRISE_ASSESSMENTS.kind === 'many' ? ENTERPRISE_ASSESSMENTS.narrowBy : undefined, { year });
  }
}
