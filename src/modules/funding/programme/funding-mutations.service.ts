import { assertMayCreate } from '../../../data/checked-write';
import { lockRow } from '../../../data/row-lock';
import { visibleRow } from '../../../data/visible-row';
import { mutation } from '../../../db/mutation';
import { pgCode, UNIQUE_VIOLATION } from '../../../db/pg-errors';
import { RequestContext } from '../../../core/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../core/errors';
import { addMoney, compareMoney, subtractMoney } from '../../../core/money';
import { recordAudit, snapshot } from '../../audit/audit-trail.service';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingProgramEntity } from './funding-program.entity';
import { CreateFundingBatchInput, CreateFundingProgramInput } from './funding.input';
import { isPositiveMoney } from '../funding.rules';
import { MAX_SUPPORT_YEARS } from './funding-batch.rules';

function requireText(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw new BadUserInputError(`${field} must not be empty`, field);
  return t;
}

function requireYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError(`${field} must be a year between 2000 and 2100`, field);
}

function requirePositive(amount: string, field: string): void {
  if (!isPositiveMoney(amount)) throw new BadUserInputError(`${field} must be more than zero`, field);
}

/** MoF's programmes and batches: the budgets everything else is granted from. */
export class FundingMutations {
  async createProgram(ctx: RequestContext, input: CreateFundingProgramInput): Promise<FundingProgramEntity> {
    const draft = ctx.db.getRepository(FundingProgramEntity).create({
      documentNumber: input.documentNumber.trim(),
      name: input.name.trim(),
      startYear: input.startYear,
      endYear: input.endYear,
      totalBudget: input.totalBudget,
    });
    assertMayCreate(ctx, 'FundingProgram', draft, 'a funding programme');
    requireText(input.documentNumber, 'documentNumber');
    requireText(input.name, 'name');
    requireYear(input.startYear, 'startYear');
    requireYear(input.endYear, 'endYear');
    if (input.endYear < input.startYear) throw new BadUserInputError('endYear must not be before startYear', 'endYear');
    requirePositive(input.totalBudget, 'totalBudget');
    return mutation(ctx, async (db) => {
      const repo = db.getRepository(FundingProgramEntity);
      let id: string;
      try {
        id = (await repo.insert(draft)).identifiers[0].id as string;
      } catch (err) {
        if (pgCode(err).code === UNIQUE_VIOLATION) {
          throw new ConflictError('a programme with this document number already exists', { field: 'documentNumber' });
        }
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'createFundingProgram',
        subjectType: 'FundingProgram',
        subjectId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /**
   * A batch of a programme. The programme row is locked while its batches'
   * budgets are summed, so two batches created at once cannot both squeeze
   * into the same remaining budget.
   */
  async createBatch(ctx: RequestContext, programId: string, input: CreateFundingBatchInput): Promise<FundingBatchEntity> {
    assertMayCreate(
      ctx,
      'FundingBatch',
      { programId, number: input.number, year: input.year, budget: input.budget, supportYears: input.supportYears },
      'a funding batch',
    );
    if (input.number != null && (!Number.isInteger(input.number) || input.number < 1)) {
      throw new BadUserInputError('number must be a positive whole number', 'number');
    }
    requireYear(input.year, 'year');
    requirePositive(input.budget, 'budget');
    if (!Number.isInteger(input.supportYears) || input.supportYears < 1 || input.supportYears > MAX_SUPPORT_YEARS) {
      throw new BadUserInputError(
        `supportYears must be 1 to ${MAX_SUPPORT_YEARS}: a batch is supported for at most ${MAX_SUPPORT_YEARS} years`,
        'supportYears',
      );
    }
    return mutation(ctx, async (db) => {
      if (!(await visibleRow<FundingProgramEntity>(ctx, db, 'FundingProgram', programId))) throw new NotFoundError('funding programme');
      const program = await lockRow<FundingProgramEntity>(db, 'FundingProgram', programId);
      if (input.year < program.startYear || input.year > program.endYear) {
        throw new BadUserInputError(`year must be within the programme’s years, ${program.startYear}–${program.endYear}`, 'year');
      }
      const [{ allocated, last }] = await db.query<{ allocated: string; last: number }[]>(
        `SELECT coalesce(sum(budget), 0)::numeric(20,2)::text AS allocated, coalesce(max(number), 0)::int AS last
         FROM funding_batch WHERE program_id = $1`,
        [programId],
      );
      const after = addMoney(allocated, input.budget);
      if (compareMoney(after, program.totalBudget) > 0) {
        throw new ConflictError(
          `the programme’s batches would sum to ${after}, past its total budget of ${program.totalBudget} (${subtractMoney(program.totalBudget, allocated)} left)`,
          { field: 'budget' },
        );
      }
      const repo = db.getRepository(FundingBatchEntity);
      const number = input.number ?? last + 1;
      const taken = () => new ConflictError(`the programme already has a batch number ${number}`, { field: 'number' });
      if (await repo.existsBy({ programId, number })) throw taken();
      let id: string;
      try {
        id = (await repo.insert({ programId, number, year: input.year, budget: input.budget, supportYears: input.supportYears })).identifiers[0]
          .id as string;
      } catch (err) {
        if (pgCode(err).code === UNIQUE_VIOLATION) throw taken();
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'createFundingBatch',
        subjectType: 'FundingBatch',
        subjectId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }
}

export const fundingMutations = new FundingMutations();
