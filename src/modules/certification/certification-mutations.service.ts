import { EntityManager } from 'typeorm';
import { Action } from '../../authz/policy';
import { mutation } from '../../db/mutation';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError } from '../../core/errors';
import { loadForAction } from '../../data/load-for-action';
import { recordAudit, snapshot } from '../audit/audit-trail.service';
import { EvaluationPurpose } from '../rule-set/rule-set.enums';
import { CertificationEntity } from './certification.entity';
import { freezeOpenAwards } from './certification.hooks';
import { CertificationStatus } from './certification.enums';
import { RenewalOutcome, RenewCertificationInput, RevokeCertificationInput } from './certification.input';
import { renewedValidUntil, reReviewOpensOn, ruleSetProblem } from './certification.rules';
import { isIsoDate } from '../../core/calendar';
import { effectiveStatus } from './certification-status.rules';
import { programmeToday } from '../../core/calendar';
import { lockEnterprise, syncEnterpriseTier } from './enterprise-tier.service';

/**
 * The lifecycle of a title after it is granted (domain.md §1): re-review in
 * year 3, then renewal or expiry; revocation at any time while it is held.
 * Expiry needs no job: a title past validUntil reads as EXPIRED (see
 * certification-status.rules.ts), and these steps judge that effective status, so
 * renewing or revoking a lapsed title is a CONFLICT. Each step is one
 * savepoint with one audit event, and keeps enterprise.tier in step.
 */

type Step = 'revokeCertification' | 'startReReview' | 'renewCertification';

const STEP_FROM: Record<Step, readonly CertificationStatus[]> = {
  revokeCertification: [CertificationStatus.CERTIFIED, CertificationStatus.UNDER_REVIEW, CertificationStatus.RENEWED],
  startReReview: [CertificationStatus.CERTIFIED, CertificationStatus.RENEWED],
  renewCertification: [CertificationStatus.UNDER_REVIEW],
};

interface Loaded {
  row: CertificationEntity;
  /** The status it has today (a lapsed CERTIFIED or RENEWED title is EXPIRED). */
  current: CertificationStatus;
  today: string;
}

/**
 * Loads the certification for `action` (NOT_FOUND, FORBIDDEN, then its
 * lock), locks its enterprise (whose tier may change) and checks the
 * effective status.
 */
async function load(ctx: RequestContext, db: EntityManager, id: string, action: Action, step: Step): Promise<Loaded> {
  const row = await loadForAction<CertificationEntity>(ctx, db, 'Certification', id, action, 'certification');
  await lockEnterprise(db, row.enterpriseId);
  const today = programmeToday();
  const current = effectiveStatus(row, today);
  if (!STEP_FROM[step].includes(current)) {
    throw new ConflictError(`the certification is ${current}; ${step} needs ${STEP_FROM[step].join(' or ')}`, { currentState: current });
  }
  return { row, current, today };
}

export class CertificationMutations {
  /**
   * A held title → REVOKED on one of the listed grounds (MIIT). The
   * enterprise's open (GRANTED) awards are FROZEN with it, and its tier is
   * recomputed, in the same savepoint.
   */
  revoke(
    ctx: RequestContext,
    id: string,
    input: RevokeCertificationInput,
  ): Promise<{ certification: CertificationEntity; frozenAwardCount: number }> {
    const revokedOn = input.revokedOn?.trim() || null;
    if (revokedOn != null && !isIsoDate(revokedOn)) throw new BadUserInputError('revokedOn must be a date, YYYY-MM-DD', 'revokedOn');
    return mutation(ctx, async (db) => {
      const { row, current, today } = await load(ctx, db, id, 'revoke', 'revokeCertification');
      const on = revokedOn ?? today;
      if (on > today) throw new BadUserInputError(`revokedOn must not be after today (${today})`, 'revokedOn');
      if (row.certifiedOn != null && on < row.certifiedOn) {
        throw new BadUserInputError(`revokedOn must not be before the certification (${row.certifiedOn})`, 'revokedOn');
      }
      const before = { ...snapshot(row), effectiveStatus: current };
      const repo = db.getRepository(CertificationEntity);
      await repo.update({ id }, { status: CertificationStatus.REVOKED, revocationReason: input.reason, revokedOn: on });
      const frozenIds = await freezeOpenAwards.call(db, row.enterpriseId);
      const tier = await syncEnterpriseTier(db, row.enterpriseId, today);
      const certification = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'revokeCertification',
        subjectType: 'Certification',
        subjectId: id,
        enterpriseId: certification.enterpriseId,
        regionCode: certification.regionCode,
        before: { ...before, enterpriseTier: tier.before },
        after: { ...snapshot(certification), enterpriseTier: tier.after, frozenAwardIds: frozenIds },
      });
      return { certification, frozenAwardCount: frozenIds.length };
    });
  }

  /** CERTIFIED or RENEWED → UNDER_REVIEW (复核), by MIIT, in the cycle's third year. */
  startReReview(ctx: RequestContext, id: string): Promise<CertificationEntity> {
    return mutation(ctx, async (db) => {
      const { row, current, today } = await load(ctx, db, id, 'renew', 'startReReview');
      const opensOn = reReviewOpensOn(row.validUntil!);
      if (today < opensOn) {
        throw new ConflictError(`the certification is ${current} and in its first two years; re-review opens on ${opensOn}`, {
          currentState: current,
          reReviewOpensOn: opensOn,
        });
      }
      const repo = db.getRepository(CertificationEntity);
      await repo.update({ id }, { status: CertificationStatus.UNDER_REVIEW });
      const certification = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'startReReview',
        subjectType: 'Certification',
        subjectId: id,
        enterpriseId: certification.enterpriseId,
        regionCode: certification.regionCode,
        before: snapshot(row),
        after: snapshot(certification),
      });
      return certification;
    });
  }

  /**
   * UNDER_REVIEW → RENEWED for a new 3-year cycle, or → EXPIRED (MIIT); the
   * enterprise's tier follows.
   */
  renew(ctx: RequestContext, id: string, input: RenewCertificationInput): Promise<CertificationEntity> {
    const ruleSet = input.ruleSet?.trim() || null;
    return mutation(ctx, async (db) => {
      const { row, today } = await load(ctx, db, id, 'renew', 'renewCertification');
      if (ruleSet != null) {
        const problem = ruleSetProblem(ruleSet, row.tier, EvaluationPurpose.RE_REVIEW, today);
        if (problem) throw new BadUserInputError(problem, 'ruleSet');
      }
      const repo = db.getRepository(CertificationEntity);
      const change: Partial<CertificationEntity> =
        input.outcome === RenewalOutcome.RENEW
          ? { status: CertificationStatus.RENEWED, validUntil: renewedValidUntil(row.validUntil!), ...(ruleSet ? { ruleSetCode: ruleSet } : {}) }
          : { status: CertificationStatus.EXPIRED, ...(ruleSet ? { ruleSetCode: ruleSet } : {}) };
      await repo.update({ id }, change);
      const tier = await syncEnterpriseTier(db, row.enterpriseId, today);
      const certification = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'renewCertification',
        subjectType: 'Certification',
        subjectId: id,
        enterpriseId: certification.enterpriseId,
        regionCode: certification.regionCode,
        before: { ...snapshot(row), enterpriseTier: tier.before },
        after: { ...snapshot(certification), outcome: input.outcome, enterpriseTier: tier.after },
      });
      return certification;
    });
  }
}

export const certificationMutations = new CertificationMutations();
