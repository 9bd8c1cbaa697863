import { EntityManager } from 'typeorm';
import { assertMayCreate } from '../../../data/checked-write';
import { loadForAction } from '../../../data/load-for-action';
import { lockRow } from '../../../data/row-lock';
import { visibleRow } from '../../../data/visible-row';
import { mutation } from '../../../db/mutation';
import { CHECK_VIOLATION, pgCode, UNIQUE_VIOLATION } from '../../../db/pg-errors';
import { RequestContext } from '../../../core/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../core/errors';
import { addMoney, compareMoney, subtractMoney } from '../../../core/money';
import { recordAudit, snapshot } from '../../audit/audit-trail.service';
import { programmeToday } from '../../../core/calendar';
import { isIsoDate } from '../../../core/calendar';
import { EnterpriseEntity } from '../../enterprise/enterprise.entity';
import { PlatformEntity } from '../../platform/platform.entity';
import { AwardEntity } from './award.entity';
import { ClawBackEntity } from './claw-back.entity';
import { DisbursementEntity } from './disbursement.entity';
import { ExpenditureEntity } from './expenditure.entity';
import { FundingBatchEntity } from '../programme/funding-batch.entity';
import { AwardStatus, ExpenditureCategory, UsageRestriction } from './award.enums';
import { KeySupportStatus } from '../key-support/key-support.enums';
import {
  AwardLedger,
  disbursable,
  disbursementRefusal,
  recoverable,
  spendable,
  spendingDateRefusal,
  spendingRefusal,
  spendingRuleViolation,
} from './award.rules';
import { isPositiveMoney } from '../funding.rules';
import { KeySupportProposalEntity } from '../key-support/key-support-proposal.entity';
import { validLittleGiantTitle } from '../../certification/titles.service';
import { NO_TITLE } from '../key-support/key-support-mutations.service';

export interface GrantAward {
  batchId: string;
  enterpriseId: string | null;
  platformId: string | null;
  amount: string;
  grantedOn?: string | null;
}

export interface DisburseAward {
  amount: string;
  idempotencyKey: string;
}

export interface RecordExpenditure {
  category: ExpenditureCategory;
  amount: string;
  spentOn: string;
  description?: string | null;
}

const MAX_IDEMPOTENCY_KEY = 200;

function requirePositive(amount: string, field: string): void {
  if (!isPositiveMoney(amount)) throw new BadUserInputError(`${field} must be more than zero`, field);
}

/**
 * The money of one award, summed in SQL. Call it only with the award row
 * locked: then no other disbursement, claw-back or expenditure of the award
 * can commit in between, and the sums are the truth the rules compare with.
 */
async function ledger(db: EntityManager, award: AwardEntity): Promise<AwardLedger> {
  const [row] = await db.query<{ disbursed: string; clawed_back: string; spent: string; first_paid_on: string | null }[]>(
    `SELECT (SELECT coalesce(sum(amount), 0) FROM disbursement WHERE award_id = $1)::numeric(20,2)::text AS disbursed,
            (SELECT coalesce(sum(amount), 0) FROM claw_back WHERE award_id = $1)::numeric(20,2)::text AS clawed_back,
            (SELECT coalesce(sum(amount), 0) FROM expenditure WHERE award_id = $1)::numeric(20,2)::text AS spent,
            (SELECT min(paid_on) FROM disbursement WHERE award_id = $1)::text AS first_paid_on`,
    [award.id],
  );
  return { granted: award.amount, disbursed: row.disbursed, clawedBack: row.clawed_back, spent: row.spent, firstPaidOn: row.first_paid_on };
}

/** The recipient's scope, as every audit event about an award carries it. */
function scopeOf(award: AwardEntity) {
  return { enterpriseId: award.enterpriseId, platformId: award.platformId, regionCode: award.regionCode };
}

/**
 * Granting, paying, recovering and spending award money. Each runs as one
 * savepoint of the request's transaction, loads through the policy, checks
 * the action, and only then locks the row whose sums it is about to compare:
 * the batch for grants, the award for everything under it.
 */
export class AwardMutations {
  /**
   * MoF grants an award from a batch to an approved key little giant of that
   * batch or to a platform. The batch row is locked FOR UPDATE before its
   * awards are summed, so concurrent grants queue on it and the awards never
   * sum past the budget.
   */
  async grant(ctx: RequestContext, input: GrantAward): Promise<AwardEntity> {
    const { batchId, enterpriseId, platformId } = input;
    assertMayCreate(ctx, 'Award', { batchId, enterpriseId, platformId }, 'an award', 'grant');
    if ((enterpriseId == null) === (platformId == null)) throw new BadUserInputError('give exactly one of enterpriseId and platformId');
    requirePositive(input.amount, 'amount');
    const grantedOn = input.grantedOn ?? programmeToday();
    if (!isIsoDate(grantedOn)) throw new BadUserInputError('grantedOn must be a date, YYYY-MM-DD', 'grantedOn');
    return mutation(ctx, async (db) => {
      if (!(await visibleRow<FundingBatchEntity>(ctx, db, 'FundingBatch', batchId))) throw new NotFoundError('funding batch');
      if (enterpriseId != null) {
        if (!(await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId))) throw new NotFoundError('enterprise');
        const proposal = await db.getRepository(KeySupportProposalEntity).findOneBy({ batchId, enterpriseId });
        if (proposal?.status !== KeySupportStatus.APPROVED) {
          throw new ConflictError(
            `the enterprise is not an approved key little giant of this batch (${proposal ? `its proposal is ${proposal.status}` : 'it was never proposed'})`,
            { field: 'enterpriseId' },
          );
        }
        if (!(await validLittleGiantTitle(ctx, db, enterpriseId))) throw new ConflictError(`cannot grant: ${NO_TITLE}`, { field: 'enterpriseId' });
      } else if (!(await visibleRow<PlatformEntity>(ctx, db, 'Platform', platformId!))) {
        throw new NotFoundError('platform');
      }

      const batch = await lockRow<FundingBatchEntity>(db, 'FundingBatch', batchId);
      const repo = db.getRepository(AwardEntity);
      const already = () =>
        new ConflictError('the recipient already has an award from this batch', { field: enterpriseId != null ? 'enterpriseId' : 'platformId' });
      if (await repo.existsBy(enterpriseId != null ? { batchId, enterpriseId } : { batchId, platformId: platformId! })) throw already();
      const [{ granted }] = await db.query<{ granted: string }[]>(
        `SELECT coalesce(sum(amount), 0)::numeric(20,2)::text AS granted FROM award WHERE batch_id = $1`,
        [batchId],
      );
      const after = addMoney(granted, input.amount);
      if (compareMoney(after, batch.budget) > 0) {
        throw new ConflictError(
          `the batch’s awards would sum to ${after}, past its budget of ${batch.budget} (${subtractMoney(batch.budget, granted)} left)`,
          { field: 'amount' },
        );
      }
      let id: string;
      try {
        const result = await repo.insert({
          batchId,
          enterpriseId,
          platformId,
          amount: input.amount,
          // The restriction follows the recipient (and the database holds it to that).
          usageRestriction: enterpriseId != null ? UsageRestriction.UNRESTRICTED : UsageRestriction.SERVICES_ONLY,
          status: AwardStatus.GRANTED,
          grantedOn,
        });
        id = result.identifiers[0].id as string;
      } catch (err) {
        if (pgCode(err).code === UNIQUE_VIOLATION) throw already();
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'grantAward',
        subjectType: 'Award',
        subjectId: saved.id,
        ...scopeOf(saved),
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /**
   * MoF pays a tranche. The award row is locked first; under that lock the
   * idempotency key is looked up, so a retry (or a concurrent duplicate) of
   * the same request finds the first payment and returns it instead of
   * paying again. The key's UNIQUE constraint backs this up across awards.
   */
  async disburse(
    ctx: RequestContext,
    awardId: string,
    input: DisburseAward,
  ): Promise<{ disbursement: DisbursementEntity; award: AwardEntity; replayed: boolean }> {
    return mutation(ctx, async (db) => {
      const award = await loadForAction<AwardEntity>(ctx, db, 'Award', awardId, 'disburse', 'award');
      const key = input.idempotencyKey;
      if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY || !key.trim()) {
        throw new BadUserInputError(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY} characters, not all blank`, 'idempotencyKey');
      }
      requirePositive(input.amount, 'amount');
      const repo = db.getRepository(DisbursementEntity);

      const first = await repo.findOneBy({ idempotencyKey: key });
      if (first) {
        if (first.awardId !== awardId || compareMoney(first.amount, input.amount) !== 0) {
          throw new ConflictError('idempotencyKey was already used for a disbursement with different arguments', { field: 'idempotencyKey' });
        }
        await recordAudit(ctx, db, {
          action: 'disburseAward(replayed)',
          subjectType: 'Disbursement',
          subjectId: first.id,
          ...scopeOf(award),
          after: snapshot(first),
        });
        return { disbursement: first, award, replayed: true };
      }

      const refusal = disbursementRefusal(award.status);
      if (refusal) throw new ConflictError(refusal);
      const money = await ledger(db, award);
      const left = disbursable(money);
      if (compareMoney(input.amount, left) > 0) {
        throw new ConflictError(
          `a tranche of ${input.amount} would pay out more than granted (${money.granted}) minus clawed back (${money.clawedBack}): ${money.disbursed} is disbursed, ${left} left`,
          { field: 'amount' },
        );
      }
      const [{ last }] = await db.query<{ last: number }[]>(`SELECT coalesce(max(tranche), 0)::int AS last FROM disbursement WHERE award_id = $1`, [
        awardId,
      ]);
      let id: string;
      try {
        const result = await repo.insert({ awardId, tranche: last + 1, amount: input.amount, paidOn: programmeToday(), idempotencyKey: key });
        id = result.identifiers[0].id as string;
      } catch (err) {
        // The same key, used at this moment for another award, committed first.
        const e = pgCode(err);
        if (e.code === UNIQUE_VIOLATION && e.constraint?.includes('idempotency_key')) {
          throw new ConflictError('idempotencyKey was already used for a disbursement with different arguments', { field: 'idempotencyKey' });
        }
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'disburseAward',
        subjectType: 'Disbursement',
        subjectId: saved.id,
        ...scopeOf(award),
        after: snapshot(saved),
      });
      return { disbursement: saved, award, replayed: false };
    });
  }

  /**
   * MoF recovers funds: at most what was disbursed and not yet clawed back.
   * Once everything disbursed is recovered the award is CLAWED_BACK and pays
   * no more; a partial recovery leaves its status as it was.
   */
  async clawBack(ctx: RequestContext, awardId: string, amount: string, reason: string): Promise<{ clawBack: ClawBackEntity; award: AwardEntity }> {
    return mutation(ctx, async (db) => {
      const award = await loadForAction<AwardEntity>(ctx, db, 'Award', awardId, 'clawBack', 'award');
      const why = reason.trim();
      if (!why) throw new BadUserInputError('reason must not be empty', 'reason');
      requirePositive(amount, 'amount');
      const money = await ledger(db, award);
      const left = recoverable(money);
      if (compareMoney(amount, left) > 0) {
        throw new ConflictError(
          `cannot claw back ${amount}: only ${left} was disbursed and not yet clawed back (disbursed ${money.disbursed}, clawed back ${money.clawedBack})`,
          { field: 'amount' },
        );
      }
      const repo = db.getRepository(ClawBackEntity);
      const id = (await repo.insert({ awardId, amount, reason: why })).identifiers[0].id as string;
      const statusBefore = award.status;
      if (compareMoney(amount, left) === 0) {
        award.status = AwardStatus.CLAWED_BACK;
        await db.getRepository(AwardEntity).save(award);
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'clawBackAward',
        subjectType: 'ClawBack',
        subjectId: saved.id,
        ...scopeOf(award),
        before: { awardStatus: statusBefore },
        after: { ...snapshot(saved), awardStatus: award.status },
      });
      return { clawBack: saved, award };
    });
  }

  /**
   * The recipient records spending against its own award. Platform awards
   * pay for services to SMEs only: the rule is checked here, with a message
   * naming it, before the database trigger that also enforces it.
   */
  async recordExpenditure(
    ctx: RequestContext,
    awardId: string,
    input: RecordExpenditure,
  ): Promise<{ expenditure: ExpenditureEntity; award: AwardEntity }> {
    return mutation(ctx, async (db) => {
      const row = await visibleRow<AwardEntity>(ctx, db, 'Award', awardId);
      if (!row) throw new NotFoundError('award');
      assertMayCreate(
        ctx,
        'Expenditure',
        { awardId, enterpriseId: row.enterpriseId, platformId: row.platformId, regionCode: row.regionCode },
        'an expenditure against this award',
      );
      requirePositive(input.amount, 'amount');
      if (!isIsoDate(input.spentOn)) throw new BadUserInputError('spentOn must be a date, YYYY-MM-DD', 'spentOn');
      // The award is locked for its sums, not because the recipient acts on it.
      const award = await lockRow<AwardEntity>(db, 'Award', awardId);
      const violation = spendingRuleViolation(award.usageRestriction, input.category);
      if (violation) throw new BadUserInputError(violation, 'category');
      const refusal = spendingRefusal(award.status);
      if (refusal) throw new ConflictError(refusal, { currentState: award.status });
      const money = await ledger(db, award);
      const badDate = spendingDateRefusal(input.spentOn, money.firstPaidOn, programmeToday());
      if (badDate) throw new BadUserInputError(badDate, 'spentOn');
      const left = spendable(money);
      if (compareMoney(input.amount, left) > 0) {
        throw new ConflictError(
          `spending ${input.amount} would exceed what was disbursed: ${money.disbursed} disbursed, ${money.clawedBack} clawed back, ${money.spent} already spent, ${left} left`,
          { field: 'amount' },
        );
      }
      const repo = db.getRepository(ExpenditureEntity);
      let id: string;
      try {
        const result = await repo.insert({
          awardId,
          category: input.category,
          amount: input.amount,
          spentOn: input.spentOn,
          description: input.description?.trim() || null,
        });
        id = result.identifiers[0].id as string;
      } catch (err) {
        const e = pgCode(err);
        if (e.code === CHECK_VIOLATION && e.constraint === 'expenditure_services_only') {
          throw new BadUserInputError(spendingRuleViolation(UsageRestriction.SERVICES_ONLY, input.category) ?? 'category refused', 'category');
        }
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'recordExpenditure',
        subjectType: 'Expenditure',
        subjectId: saved.id,
        ...scopeOf(award),
        after: snapshot(saved),
      });
      return { expenditure: saved, award };
    });
  }
}

export const awardMutations = new AwardMutations();
