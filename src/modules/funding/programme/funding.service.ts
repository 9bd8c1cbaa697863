import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById, visibleChildren } from '../../../data/scoped-reader';
import { OrderDirection } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { BadUserInputError } from '../../../core/errors';
import { uuidFromGlobalId } from '../../../core/global-id';
import { ListArgs, listConnection, ListSpec } from '../../../graphql/list';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingProgramEntity } from './funding-program.entity';
import { FundingBatchFilter, FundingBatchOrderField, FundingProgramFilter, FundingProgramOrderField } from './funding.input';
import { visibleSums } from '../visible-sums';

function assertYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInputError(`${field} must be a year between 2000 and 2100`, field);
}

const PROGRAMS: ListSpec<FundingProgramEntity, FundingProgramFilter, FundingProgramOrderField> = {
  subject: 'FundingProgram',
  sortKeys: {
    START_YEAR: { property: 'startYear', field: 'startYear' },
    DOCUMENT_NUMBER: { property: 'documentNumber', field: 'documentNumber', unique: true },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: FundingProgramOrderField.START_YEAR, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<FundingProgramEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('FundingProgram', field, `filter.${arg}`);
    if (f.year != null) {
      check('startYear', 'year');
      check('endYear', 'year');
      assertYear(f.year, 'filter.year');
      qb.andWhere(`:f_year BETWEEN ${qb.alias}.startYear AND ${qb.alias}.endYear`, { f_year: f.year });
    }
    if (f.search != null && f.search.trim() !== '') {
      check('name', 'search');
      check('documentNumber', 'search');
      qb.andWhere(`(${qb.alias}.name ILIKE :f_text OR ${qb.alias}.documentNumber ILIKE :f_text)`, {
        f_text: `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
  },
};

const BATCHES: ListSpec<FundingBatchEntity, FundingBatchFilter, FundingBatchOrderField> = {
  subject: 'FundingBatch',
  sortKeys: {
    YEAR: { property: 'year', field: 'year' },
    NUMBER: { property: 'number', field: 'number' },
    BUDGET: { property: 'budget', field: 'budget' },
  },
  defaultOrder: [
    { field: FundingBatchOrderField.YEAR, direction: OrderDirection.ASC },
    { field: FundingBatchOrderField.NUMBER, direction: OrderDirection.ASC },
  ],
  applyFilter(ctx, qb: SelectQueryBuilder<FundingBatchEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('FundingBatch', field, `filter.${arg}`);
    if (f.programId != null) {
      check('program', 'programId');
      const id = uuidFromGlobalId(f.programId, 'FundingProgram', 'filter.programId');
      qb.andWhere(`${qb.alias}.programId = :f_program`, { f_program: id });
    }
    if (f.year != null) {
      check('year', 'year');
      assertYear(f.year, 'filter.year');
      qb.andWhere(`${qb.alias}.year = :f_year`, { f_year: f.year });
    }
  },
};

/** Programmes and batches: reference data that every role may read today, still read through the policy. */
export class FundingService {
  programs(ctx: RequestContext, args: ListArgs<FundingProgramFilter, FundingProgramOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, PROGRAMS, args, info);
  }

  batches(ctx: RequestContext, args: ListArgs<FundingBatchFilter, FundingBatchOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, BATCHES, args, info);
  }

  programById(ctx: RequestContext, id: string): Promise<FundingProgramEntity | null> {
    return visibleById<FundingProgramEntity>(ctx, 'FundingProgram').load(id);
  }

  batchById(ctx: RequestContext, id: string): Promise<FundingBatchEntity | null> {
    return visibleById<FundingBatchEntity>(ctx, 'FundingBatch').load(id);
  }

  batchesOfProgram(ctx: RequestContext, programId: string): Promise<FundingBatchEntity[]> {
    return visibleChildren<FundingBatchEntity>(ctx, 'FundingBatch', 'programId', 'number').load(programId);
  }

  /** Sum of the budgets of the programme's batches the caller may see. */
  allocated(ctx: RequestContext, programId: string): Promise<string> {
    return visibleSums(ctx, 'FundingBatch', 'programId', 'budget').load(programId);
  }
}

export const fundingService = new FundingService();
