import { EntityManager } from 'typeorm';
import { subjectOf } from '../../authz/ability';
import { Action } from '../../authz/policy';
import { mutation } from '../../db/mutation';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../core/errors';
import { toGlobalId } from '../../core/global-id';
import { assertMayCreate, assertMayUpdateFields } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { visibleRow } from '../../data/visible-row';
import { recordAudit, snapshot as rowSnapshot } from '../audit/audit-trail.service';
import { CertificationEntity } from '../certification/certification.entity';
import { daysBetween, ruleSetProblem } from '../certification/certification.rules';
import { isIsoDate } from '../../core/calendar';
import { programmeToday } from '../../core/calendar';
import { lockEnterprise, syncEnterpriseTier } from '../certification/enterprise-tier.service';
import { grantTitle, liveTitleStatus } from '../certification/titles.service';
import { EvaluationPurpose } from '../rule-set/rule-set.enums';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { Tier } from '../enterprise/enterprise.enums';
import { ApplicationEntity } from './application.entity';
import { ApplicationStatus, ReviewDecision, ReviewKind } from './application.enums';
import {
  ApplicationCommentInput,
  CertifyEnterpriseInput,
  CreateApplicationInput,
  ExpertDecision,
  ObjectionRuling,
  OpenPublicNoticeInput,
  RecommendApplicationInput,
  ResolveObjectionInput,
  ReviewApplicationInput,
  UpdateApplicationInput,
} from './application.input';
import { NOTICE_MAX_DAYS, NOTICE_MIN_DAYS, OPEN_STATUSES, STEP_FROM } from './application.rules';
import { parseScore } from '../../core/score';
import { openPublicObjections } from './public-objection.service';
import { ReviewEntity } from './review.entity';
import { ruleSetEvidence } from './review-evidence';
import { failingIndicators, selfAssessmentOf, selfAssessmentSummary } from './self-assessment';
import { evaluateInMutation } from '../eligibility/eligibility.service';
import { applicationYear } from './report-use.rules';

/**
 * The application workflow (domain.md §2): the enterprise drafts, submits,
 * withdraws; its local government recommends or returns; MIIT reviews,
 * lists for objections, rules on them and certifies. Each step is one
 * mutation: a savepoint of the request's transaction that loads the row
 * through the policy (invisible → NOT_FOUND, visible but not allowed →
 * FORBIDDEN), locks it only then (under row-level security a lock taken
 * first would turn FORBIDDEN into NOT_FOUND), checks the status (a wrong one
 * is CONFLICT naming it), writes, and records one audit event beside it.
 */

type Step = keyof typeof STEP_FROM;

export interface StepResult {
  application: ApplicationEntity;
  review: ReviewEntity | null;
}

/** The audit trail's snapshot, with the self-assessment summarised rather than copied whole. */
function snapshot(a: ApplicationEntity): Record<string, unknown> {
  const { selfAssessment, ...rest } = rowSnapshot(a);
  return { ...rest, selfAssessment: selfAssessmentSummary(selfAssessment as ApplicationEntity['selfAssessment']) };
}

function requireComment(value: string | null | undefined, field = 'comment'): string {
  const t = (value ?? '').trim();
  if (!t) throw new BadUserInputError(`${field} must not be empty`, field);
  return t;
}

function wrongState(step: Step, status: ApplicationStatus): ConflictError {
  return new ConflictError(`the application is ${status}; ${step} needs ${STEP_FROM[step].join(' or ')}`, { currentState: status });
}

function assertState(step: Step, a: ApplicationEntity): void {
  if (!STEP_FROM[step].includes(a.status)) throw wrongState(step, a.status);
}

async function saveAndReload(db: EntityManager, a: ApplicationEntity): Promise<ApplicationEntity> {
  await db.getRepository(ApplicationEntity).save(a);
  return db.getRepository(ApplicationEntity).findOneByOrFail({ id: a.id });
}

async function addReview(
  ctx: RequestContext,
  db: EntityManager,
  a: ApplicationEntity,
  r: Pick<ReviewEntity, 'kind' | 'decision'> & Partial<Pick<ReviewEntity, 'score' | 'comment' | 'evaluation' | 'reviewerRegionCode'>>,
): Promise<ReviewEntity> {
  const repo = db.getRepository(ReviewEntity);
  const { identifiers } = await repo.insert({
    applicationId: a.id,
    kind: r.kind,
    decision: r.decision,
    reviewerRole: ctx.viewer.role,
    reviewerSubject: ctx.viewer.subject,
    reviewerRegionCode: r.reviewerRegionCode ?? null,
    score: r.score ?? null,
    comment: r.comment ?? null,
    ruleSetCode: a.ruleSetCode,
    evaluation: r.evaluation ?? null,
  } as never);
  return repo.findOneByOrFail({ id: identifiers[0].id as string });
}

/** Objections raised minus rulings made: each ruling answers one objection (see resolveObjection). */
async function openObjections(db: EntityManager, applicationId: string): Promise<number> {
  const [row] = await db.query<{ open: number }[]>(
    `SELECT count(*) FILTER (WHERE kind = $2)::int - count(*) FILTER (WHERE kind = $3)::int AS open
       FROM review WHERE application_id = $1`,
    [applicationId, ReviewKind.OBJECTION, ReviewKind.OBJECTION_RESOLUTION],
  );
  return row.open;
}

/**
 * Whether the enterprise may have an open application for `tier` besides
 * `except` (the application being edited): one open application per tier,
 * and none for a tier it already holds (that is renewed by re-review). The
 * enterprise row serialises concurrent attempts.
 */
async function assertMayOpen(db: EntityManager, enterpriseId: string, tier: Tier, except?: string): Promise<void> {
  await lockEnterprise(db, enterpriseId);
  const qb = db
    .getRepository(ApplicationEntity)
    .createQueryBuilder('application')
    .where('application.enterpriseId = :enterpriseId AND application.tier = :tier AND application.status IN (:...open)', {
      enterpriseId,
      tier,
      open: OPEN_STATUSES,
    });
  if (except) qb.andWhere('application.id <> :except', { except });
  const open = await qb.getOne();
  if (open) {
    throw new ConflictError(`the enterprise already has an open ${tier} application (${open.status})`, {
      currentState: open.status,
      applicationId: toGlobalId('Application', open.id),
    });
  }
  const held = await liveTitleStatus(db, enterpriseId, tier, programmeToday());
  if (held) {
    throw new ConflictError(`the enterprise already holds a ${tier} title (${held}); it is renewed by re-review`, { currentState: held });
  }
}

export class ApplicationMutations {
  /** The enterprise opens a DRAFT for a tier, naming the rule set to be judged by. */
  async create(ctx: RequestContext, enterpriseId: string, input: CreateApplicationInput): Promise<ApplicationEntity> {
    if (!ctx.authz.can('create', 'Application')) throw new ForbiddenError(`${ctx.viewer.role} may not create an application`);
    const ruleSet = input.ruleSet.trim();
    const problem = ruleSetProblem(ruleSet, input.tier, EvaluationPurpose.NEW_APPLICATION, programmeToday());
    if (problem) throw new BadUserInputError(problem, 'ruleSet');
    return mutation(ctx, async (db) => {
      const enterprise = await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId);
      if (!enterprise) throw new NotFoundError('enterprise');
      const draft = { enterpriseId, regionCode: enterprise.regionCode, tier: input.tier, ruleSetCode: ruleSet, status: ApplicationStatus.DRAFT };
      assertMayCreate(ctx, 'Application', draft, 'an application for this enterprise');
      await assertMayOpen(db, enterpriseId, input.tier);
      const repo = db.getRepository(ApplicationEntity);
      const { identifiers } = await repo.insert({
        enterpriseId,
        tier: input.tier,
        ruleSetCode: ruleSet,
        status: ApplicationStatus.DRAFT,
      });
      const saved = await repo.findOneByOrFail({ id: identifiers[0].id as string });
      await recordAudit(ctx, db, {
        action: 'createApplication',
        subjectType: 'Application',
        subjectId: saved.id,
        enterpriseId: saved.enterpriseId,
        regionCode: saved.regionCode,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /**
   * The common shape of a step: load through the policy, lock, check the
   * status, apply `change` (which may write a review), save, audit.
   */
  private step(
    ctx: RequestContext,
    step: Step,
    id: string,
    action: Action,
    change: (db: EntityManager, a: ApplicationEntity) => Promise<ReviewEntity | null>,
    check?: (row: ApplicationEntity) => void,
  ): Promise<StepResult> {
    return mutation(ctx, async (db) => {
      const a = await loadForAction<ApplicationEntity>(ctx, db, 'Application', id, action, 'application', { check });
      assertState(step, a);
      const before = snapshot(a);
      const review = await change(db, a);
      const application = await saveAndReload(db, a);
      await recordAudit(ctx, db, {
        action: step,
        subjectType: 'Application',
        subjectId: application.id,
        enterpriseId: application.enterpriseId,
        regionCode: application.regionCode,
        before,
        after: review ? { ...snapshot(application), review: { id: review.id, kind: review.kind, decision: review.decision } } : snapshot(application),
      });
      return { application, review };
    });
  }

  /**
   * The enterprise edits its DRAFT or RETURNED application: the tier applied
   * for and the rule set it is judged by, which must judge that tier. A new
   * tier must be one the enterprise may open an application for.
   */
  update(ctx: RequestContext, id: string, input: UpdateApplicationInput): Promise<StepResult> {
    const ruleSet = input.ruleSet?.trim();
    if (input.tier == null && ruleSet == null) throw new BadUserInputError('nothing to change');
    return this.step(ctx, 'updateApplication', id, 'update', async (db, a) => {
      const tier = input.tier ?? a.tier;
      const judgedBy = ruleSet ?? a.ruleSetCode;
      const problem = ruleSetProblem(judgedBy, tier, EvaluationPurpose.NEW_APPLICATION, programmeToday());
      // The field the caller sent is at fault; with both sent, the rule set is (it is what names a tier).
      if (problem) throw new BadUserInputError(problem, ruleSet != null ? 'ruleSet' : 'tier');
      const fields = [...(tier !== a.tier ? ['tier'] : []), ...(judgedBy !== a.ruleSetCode ? ['ruleSetCode'] : [])];
      assertMayUpdateFields(ctx, 'Application', a, 'application', fields);
      if (tier !== a.tier) await assertMayOpen(db, a.enterpriseId, tier, a.id);
      a.tier = tier;
      a.ruleSetCode = judgedBy;
      return null;
    });
  }

  /**
   * DRAFT or RETURNED → SUBMITTED, by the enterprise, after its
   * self-assessment: the enterprise is evaluated against the application's
   * rule set for the year it applies in (the reports an application uses,
   * see report-use.service.ts, and the assessments recorded for that year). An
   * indicator that fails refuses the submission (BAD_USER_INPUT naming the
   * indicators in extensions.indicators), and nothing is written; unknown
   * ones go through, listed in the evaluation kept on the application.
   */
  submit(ctx: RequestContext, id: string): Promise<StepResult> {
    return this.step(ctx, 'submitApplication', id, 'submit', async (db, a) => {
      // A draft opened under a rule set that has since gone out of force is judged by none: the
      // enterprise names the one in force (updateApplication) and submits again. (Applications from
      // before rule sets were named carry none, and are judged as before.)
      const outOfForce = a.ruleSetCode ? ruleSetProblem(a.ruleSetCode, a.tier, EvaluationPurpose.NEW_APPLICATION, programmeToday()) : null;
      if (outOfForce) throw new BadUserInputError(`${outOfForce}; name it with updateApplication, then submit`, 'ruleSet');
      const now = new Date();
      const year = applicationYear({ submittedAt: now, createdAt: a.createdAt });
      const evaluation = await evaluateInMutation(ctx, db, a.enterpriseId, a.ruleSetCode, year);
      const failing = evaluation ? failingIndicators(evaluation) : [];
      if (failing.length) {
        throw new BadUserInputError(
          `the enterprise does not meet ${a.ruleSetCode} for ${year}: ${failing.join(', ')} ${failing.length === 1 ? 'fails' : 'fail'} (see evaluateEligibility)`,
          'applicationId',
          { indicators: failing },
        );
      }
      a.selfAssessment = evaluation && selfAssessmentOf(evaluation, now);
      a.status = ApplicationStatus.SUBMITTED;
      a.submittedAt = now;
      return null;
    });
  }

  /** DRAFT, SUBMITTED or RETURNED → WITHDRAWN, by the enterprise, before recommendation. */
  withdraw(ctx: RequestContext, id: string): Promise<StepResult> {
    return this.step(ctx, 'withdrawApplication', id, 'withdraw', async (_db, a) => {
      a.status = ApplicationStatus.WITHDRAWN;
      return null;
    });
  }

  /**
   * SUBMITTED → RECOMMENDED, by a local government whose region holds the
   * enterprise; a little giant only by its recommending authority, a
   * province or a plan-listed city (the policy's rules, so that a client's
   * ability and viewerCan know it too).
   */
  recommend(ctx: RequestContext, id: string, input: RecommendApplicationInput): Promise<StepResult> {
    return this.step(ctx, 'recommendApplication', id, 'recommend', async (db, a) => {
      a.status = ApplicationStatus.RECOMMENDED;
      a.recommendedByRegionCode = ctx.viewer.regionCode!;
      const comment = input.comment?.trim() || null;
      return addReview(ctx, db, a, {
        kind: ReviewKind.RECOMMENDATION,
        decision: ReviewDecision.RECOMMEND,
        reviewerRegionCode: ctx.viewer.regionCode!,
        comment,
      });
    });
  }

  /** SUBMITTED → RETURNED for changes, by the local government, with a reason. */
  returnForChanges(ctx: RequestContext, id: string, input: ApplicationCommentInput): Promise<StepResult> {
    const comment = requireComment(input.comment);
    return this.step(ctx, 'returnApplication', id, 'return', async (db, a) => {
      a.status = ApplicationStatus.RETURNED;
      return addReview(ctx, db, a, {
        kind: ReviewKind.RETURN,
        decision: ReviewDecision.RETURN,
        reviewerRegionCode: ctx.viewer.regionCode!,
        comment,
      });
    });
  }

  /** RECOMMENDED → UNDER_REVIEW: MIIT takes the application into expert review. */
  startReview(ctx: RequestContext, id: string): Promise<StepResult> {
    return this.step(ctx, 'startReview', id, 'review', async (_db, a) => {
      a.status = ApplicationStatus.UNDER_REVIEW;
      return null;
    });
  }

  /**
   * UNDER_REVIEW → APPROVED or REJECTED, by MIIT, with a score; the review
   * keeps the rule-set evaluation of the applicant as evidence.
   */
  review(ctx: RequestContext, id: string, input: ReviewApplicationInput): Promise<StepResult> {
    const score = parseScore(input.score);
    if (score == null) throw new BadUserInputError('score must be a decimal from 0 to 100 with at most two decimals', 'score');
    const comment = input.comment?.trim() || null;
    return this.step(ctx, 'reviewApplication', id, 'review', async (db, a) => {
      const approve = input.decision === ExpertDecision.APPROVE;
      a.status = approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
      a.score = score;
      return addReview(ctx, db, a, {
        kind: ReviewKind.EXPERT_REVIEW,
        decision: approve ? ReviewDecision.APPROVE : ReviewDecision.REJECT,
        score,
        comment,
        evaluation: await ruleSetEvidence(ctx, a.enterpriseId, a.ruleSetCode),
      });
    });
  }

  /** APPROVED → PUBLIC_NOTICE (公示) until the given day, by MIIT. */
  openPublicNotice(ctx: RequestContext, id: string, input: OpenPublicNoticeInput): Promise<StepResult> {
    const endsOn = input.publicNoticeEndsOn.trim();
    const today = programmeToday();
    if (!isIsoDate(endsOn)) throw new BadUserInputError('publicNoticeEndsOn must be a date, YYYY-MM-DD', 'publicNoticeEndsOn');
    const days = daysBetween(today, endsOn);
    if (days < NOTICE_MIN_DAYS || days > NOTICE_MAX_DAYS) {
      throw new BadUserInputError(
        `publicNoticeEndsOn must be ${NOTICE_MIN_DAYS} to ${NOTICE_MAX_DAYS} days after today (${today})`,
        'publicNoticeEndsOn',
      );
    }
    return this.step(ctx, 'openPublicNotice', id, 'review', async (_db, a) => {
      a.status = ApplicationStatus.PUBLIC_NOTICE;
      a.publicNoticeStartsOn = today;
      a.publicNoticeEndsOn = endsOn;
      return null;
    });
  }

  /**
   * An objection during public notice, up to its last day: by the local
   * government of the enterprise's region, or by MIIT (policy action `object`).
   */
  raiseObjection(ctx: RequestContext, id: string, input: ApplicationCommentInput): Promise<StepResult> {
    const comment = requireComment(input.comment);
    return this.step(ctx, 'raiseObjection', id, 'object', async (db, a) => {
      const today = programmeToday();
      if (a.publicNoticeEndsOn != null && a.publicNoticeEndsOn < today) {
        throw new ConflictError(`the public notice ended on ${a.publicNoticeEndsOn}; objections are closed`, { currentState: a.status });
      }
      return addReview(ctx, db, a, {
        kind: ReviewKind.OBJECTION,
        decision: ReviewDecision.RAISED,
        reviewerRegionCode: ctx.viewer.regionCode ?? null,
        comment,
      });
    });
  }

  /**
   * MIIT rules on every open objection at once: one OBJECTION_RESOLUTION per
   * objection answered (reviews carry no link to each other, so "open" is
   * objections minus rulings). UPHELD → REJECTED; DISMISSED → the notice goes on.
   */
  resolveObjection(ctx: RequestContext, id: string, input: ResolveObjectionInput): Promise<StepResult> {
    const comment = requireComment(input.comment);
    return this.step(ctx, 'resolveObjection', id, 'review', async (db, a) => {
      const open = await openObjections(db, a.id);
      if (open <= 0) throw new ConflictError('the application has no open objection', { currentState: a.status });
      const upheld = input.ruling === ObjectionRuling.UPHELD;
      let last: ReviewEntity | null = null;
      for (let i = 0; i < open; i++) {
        last = await addReview(ctx, db, a, {
          kind: ReviewKind.OBJECTION_RESOLUTION,
          decision: upheld ? ReviewDecision.UPHELD : ReviewDecision.DISMISSED,
          comment,
        });
      }
      if (upheld) a.status = ApplicationStatus.REJECTED;
      return last;
    });
  }

  /**
   * PUBLIC_NOTICE → CERTIFIED, by MIIT, once the notice has ended (the day
   * after publicNoticeEndsOn: objections are open through that day) with no
   * open objection. Creates the title (certified today, valid 3 years), links
   * it, and brings enterprise.tier up to date, all in one savepoint.
   */
  certify(
    ctx: RequestContext,
    id: string,
    input: CertifyEnterpriseInput,
  ): Promise<{ application: ApplicationEntity; certification: CertificationEntity }> {
    if (!Number.isInteger(input.batchNumber) || input.batchNumber <= 0) {
      throw new BadUserInputError('batchNumber must be a positive whole number', 'batchNumber');
    }
    return mutation(ctx, async (db) => {
      // Certifying creates the title: the caller needs only to read the application and to certify its enterprise.
      const a = await loadForAction<ApplicationEntity>(ctx, db, 'Application', id, 'read', 'application', {
        check: (row) => {
          const title = subjectOf('Certification', { enterpriseId: row.enterpriseId, regionCode: row.regionCode, tier: row.tier });
          if (!ctx.authz.can('certify', title)) throw new ForbiddenError(`${ctx.viewer.role} may not certify enterprises`);
        },
      });
      assertState('certifyEnterprise', a);
      const today = programmeToday();
      if (a.publicNoticeEndsOn == null || a.publicNoticeEndsOn >= today) {
        throw new ConflictError(`the public notice runs until ${a.publicNoticeEndsOn}; certify from the day after`, { currentState: a.status });
      }
      const open = await openObjections(db, a.id);
      if (open > 0) throw new ConflictError(`the application has ${open} open objection(s); resolve them first`, { currentState: a.status });
      const raised = await openPublicObjections(db, a.id);
      if (raised > 0)
        throw new ConflictError(`the application has ${raised} open public objection(s); rule on them first`, { currentState: a.status });

      await lockEnterprise(db, a.enterpriseId);
      const held = await liveTitleStatus(db, a.enterpriseId, a.tier, today);
      if (held) throw new ConflictError(`the enterprise already holds a ${a.tier} title (${held})`, { currentState: a.status });

      const before = snapshot(a);
      const { certification, expiredIds: lapsed } = await grantTitle(
        db,
        {
          enterpriseId: a.enterpriseId,
          tier: a.tier,
          batchNumber: input.batchNumber,
          ruleSetCode: a.ruleSetCode,
          publicNoticeStartsOn: noticeStartedOn(a),
          publicNoticeEndsOn: a.publicNoticeEndsOn,
        },
        today,
      );
      a.status = ApplicationStatus.CERTIFIED;
      a.certificationId = certification.id;
      const application = await saveAndReload(db, a);
      const tier = await syncEnterpriseTier(db, a.enterpriseId, today);
      await recordAudit(ctx, db, {
        action: 'certifyEnterprise',
        subjectType: 'Certification',
        subjectId: certification.id,
        enterpriseId: application.enterpriseId,
        regionCode: application.regionCode,
        before: { application: before, enterpriseTier: tier.before },
        after: {
          certification: rowSnapshot(certification),
          application: snapshot(application),
          enterpriseTier: tier.after,
          ...(lapsed.length ? { expiredCertificationIds: lapsed } : {}),
        },
      });
      return { application, certification };
    });
  }
}

/**
 * The day the notice opened, for the title; null if it is not known (opened
 * before the day was kept, with no trail of it) or does not fit before the
 * end (a notice whose end was corrected by hand).
 */
function noticeStartedOn(a: ApplicationEntity): string | null {
  const day = a.publicNoticeStartsOn;
  return day != null && a.publicNoticeEndsOn != null && day <= a.publicNoticeEndsOn ? day : null;
}

export const applicationMutations = new ApplicationMutations();
