import { EntityManager } from 'typeorm';
import { Action } from '../../authz/policy';
import { assertMayCreate } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { scopedRead, visibleRow } from '../../data/visible-row';
import { mutation } from '../../db/mutation';
import { UNIQUE_VIOLATION } from '../../db/pg-errors';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import { recordAudit, snapshot } from '../audit/audit-trail.service';
import { programmeToday } from '../../core/calendar';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentStatus, AssessmentValueKind } from './assessment.enums';
import { DeclareAssessmentInput, ScoreAssessmentInput } from './assessment.input';
import { AssessmentProblem, indicatorProblem, parseAssessmentScore, requiredText } from './assessment.rules';

function refuse(problem: AssessmentProblem | null): void {
  if (problem) throw new BadUserInputError(problem.message, problem.field);
}

function text(value: string | null | undefined, field: string): string {
  const t = requiredText(value, field);
  if (typeof t !== 'string') throw new BadUserInputError(t.message, t.field);
  return t;
}

/** The record as written, and its audit event beside it (the record before, if it was replaced, and after). */
async function reloadAndAudit(
  ctx: RequestContext,
  db: EntityManager,
  id: string,
  action: string,
  before?: Record<string, unknown>,
): Promise<AssessmentEntity> {
  const saved = await db.getRepository(AssessmentEntity).findOneByOrFail({ id });
  await recordAudit(ctx, db, {
    action,
    subjectType: 'Assessment',
    subjectId: saved.id,
    enterpriseId: saved.enterpriseId,
    regionCode: saved.regionCode,
    before,
    after: snapshot(saved),
  });
  return saved;
}

/** What a declaration or a score sets; a new assertion clears any earlier decision on the record. */
type Assertion = Pick<AssessmentEntity, 'flag' | 'score' | 'evidence' | 'status'>;

/** How one kind of assertion is made: the policy's action and the audit event's name. */
interface AssertionKind {
  valueKind: AssessmentValueKind;
  action: Action;
  event: string;
}

const DECLARE: AssertionKind = { valueKind: AssessmentValueKind.FLAG, action: 'declare', event: 'declareAssessment' };
const SCORE: AssertionKind = { valueKind: AssessmentValueKind.SCORE, action: 'score', event: 'scoreAssessment' };

export class AssessmentMutations {
  /** The enterprise declares a yes/no condition for a year; declaring again replaces it, to be confirmed afresh. */
  declare(ctx: RequestContext, enterpriseId: string, input: DeclareAssessmentInput): Promise<AssessmentEntity> {
    const key = input.indicatorKey.trim();
    // Judged before anything is read, so the answer does not depend on who asks.
    refuse(indicatorProblem(key, AssessmentValueKind.FLAG, input.year, this.currentYear()));
    const evidence = text(input.evidence, 'evidence');
    return this.assert(ctx, DECLARE, enterpriseId, key, input.year, { flag: input.value, score: null, evidence, status: AssessmentStatus.DECLARED });
  }

  /** MIIT's experts give a score for a year; scoring again replaces it. */
  score(ctx: RequestContext, enterpriseId: string, input: ScoreAssessmentInput): Promise<AssessmentEntity> {
    const key = input.indicatorKey.trim();
    refuse(indicatorProblem(key, AssessmentValueKind.SCORE, input.year, this.currentYear()));
    const score = parseAssessmentScore(input.score);
    if (score == null) throw new BadUserInputError('score must be a decimal from 0 to 100 with at most two decimals, e.g. "72.50"', 'score');
    const evidence = text(input.evidence, 'evidence');
    return this.assert(ctx, SCORE, enterpriseId, key, input.year, { flag: null, score, evidence, status: AssessmentStatus.SCORED });
  }

  /** The local government confirms a DECLARED assessment: from now on the rule sets read it. */
  confirm(ctx: RequestContext, id: string): Promise<AssessmentEntity> {
    return this.decide(ctx, id, 'confirmAssessment', { status: AssessmentStatus.CONFIRMED, rejectionReason: null });
  }

  /** The local government rejects a DECLARED assessment, with a reason the enterprise sees. */
  reject(ctx: RequestContext, id: string, reason: string): Promise<AssessmentEntity> {
    const why = text(reason, 'reason');
    return this.decide(ctx, id, 'rejectAssessment', { status: AssessmentStatus.REJECTED, rejectionReason: why });
  }

  private currentYear(): number {
    return Number(programmeToday().slice(0, 4));
  }

  /** One record per enterprise, indicator and year: inserted the first time, replaced after (each version in the trail). */
  private assert(
    ctx: RequestContext,
    kind: AssertionKind,
    enterpriseId: string,
    indicatorKey: string,
    year: number,
    values: Assertion,
  ): Promise<AssessmentEntity> {
    return mutation(ctx, async (db) => {
      const enterprise = await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId);
      if (!enterprise) throw new NotFoundError('enterprise');
      const repo = db.getRepository(AssessmentEntity);
      const assertion = {
        ...values,
        assertedBy: ctx.viewer.subject,
        assertedByRole: ctx.viewer.role,
        assertedAt: new Date(),
        decidedBy: null,
        decidedByRegionCode: null,
        decidedAt: null,
        rejectionReason: null,
      };
      const existing = await this.recorded(ctx, db, enterpriseId, indicatorKey, year);
      let before: Record<string, unknown> | undefined;
      let id: string;
      if (!existing) {
        const draft = { enterpriseId, regionCode: enterprise.regionCode, valueKind: kind.valueKind };
        assertMayCreate(ctx, 'Assessment', draft, 'an assessment of this enterprise', kind.action);
        try {
          const { identifiers } = await repo.insert({ enterpriseId, indicatorKey, year, valueKind: kind.valueKind, ...assertion });
          id = identifiers[0].id as string;
        } catch (err) {
          if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
            throw new ConflictError(`${indicatorKey} for ${year} was recorded at the same moment; send it again to replace it`, {
              field: 'indicatorKey',
            });
          }
          throw err;
        }
      } else {
        const row = await loadForAction<AssessmentEntity>(ctx, db, 'Assessment', existing.id, kind.action, 'assessment');
        before = snapshot(row);
        await repo.update({ id: row.id }, assertion);
        id = row.id;
      }
      return reloadAndAudit(ctx, db, id, kind.event, before);
    });
  }

  private decide(
    ctx: RequestContext,
    id: string,
    event: string,
    decision: Pick<AssessmentEntity, 'status' | 'rejectionReason'>,
  ): Promise<AssessmentEntity> {
    return mutation(ctx, async (db) => {
      const row = await loadForAction<AssessmentEntity>(ctx, db, 'Assessment', id, 'confirm', 'assessment');
      if (row.status !== AssessmentStatus.DECLARED) {
        throw new ConflictError(`the assessment is ${row.status}; only a DECLARED one is confirmed or rejected`, { currentState: row.status });
      }
      const before = snapshot(row);
      const repo = db.getRepository(AssessmentEntity);
      await repo.update(
        { id: row.id },
        {
          ...decision,
          decidedBy: ctx.viewer.subject,
          decidedByRegionCode: ctx.viewer.regionCode ?? null,
          decidedAt: new Date(),
        },
      );
      return reloadAndAudit(ctx, db, row.id, event, before);
    });
  }

  /** The record of an indicator and year, if the caller may read it. */
  private async recorded(
    ctx: RequestContext,
    db: EntityManager,
    enterpriseId: string,
    indicatorKey: string,
    year: number,
  ): Promise<AssessmentEntity | null> {
    const qb = scopedRead<AssessmentEntity>(ctx, db, 'Assessment');
    if (!qb) return null;
    return qb
      .andWhere(`${qb.alias}.enterpriseId = :enterpriseId AND ${qb.alias}.indicatorKey = :indicatorKey AND ${qb.alias}.year = :year`, {
        enterpriseId,
        indicatorKey,
        year,
      })
      .getOne();
  }
}

export const assessmentMutations = new AssessmentMutations();
