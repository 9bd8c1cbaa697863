import { mutation } from '../../db/mutation';
import { UNIQUE_VIOLATION } from '../../db/pg-errors';
import { assertMayCreate, assertMayUpdateFields } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { scopedRead, visibleRow } from '../../data/visible-row';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../core/errors';
import { toGlobalId } from '../../core/global-id';
import { recordAudit, snapshot } from '../audit/audit-trail.service';
import { programmeToday } from '../../core/calendar';
import { EnterpriseEntity } from './enterprise.entity';
import { FinancialReportEntity } from './financial-report.entity';
import { applicationsLockingReport } from './financial-report.hooks';
import { ReportFinancialsInput } from './financial-report.input';
import { figuresProblem, parseShare, ReportedFigures } from './financial-report.rules';

/** The figures a report carries, in the order of the input; a report replaces all of them. */
const FIGURES = [
  'revenue',
  'mainBusinessRevenue',
  'rdExpense',
  'rdStaff',
  'employees',
  'totalAssets',
  'totalLiabilities',
  'newEquityFinancing',
  'class1IpCount',
  'nicheMarketShare',
] as const;

function figuresOf(input: ReportFinancialsInput): ReportedFigures {
  const figures: Record<string, unknown> = {};
  for (const f of FIGURES) figures[f] = input[f] ?? null;
  return figures;
}

export class FinancialReportMutations {
  /**
   * The enterprise (or its local government on its behalf) reports a year's
   * figures; reporting the year again revises the report, and every version
   * stays in the audit trail (before and after). Once an application that
   * used the report has been recommended, only the local government may
   * correct it, with a reason.
   */
  async report(ctx: RequestContext, enterpriseId: string, input: ReportFinancialsInput): Promise<FinancialReportEntity> {
    const figures = figuresOf(input);
    // Judged before anything is read, so the answer does not depend on who asks.
    const problem = figuresProblem(input.year, figures, Number(programmeToday().slice(0, 4)));
    if (problem) throw new BadUserInputError(problem.message, problem.field);
    if (figures.nicheMarketShare != null) figures.nicheMarketShare = parseShare(figures.nicheMarketShare);
    const reason = input.reason?.trim() || null;

    return mutation(ctx, async (db) => {
      const enterprise = await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId);
      if (!enterprise) throw new NotFoundError('enterprise');
      const repo = db.getRepository(FinancialReportEntity);
      const qb = scopedRead<FinancialReportEntity>(ctx, db, 'FinancialReport');
      const existing = qb
        ? await qb.andWhere(`${qb.alias}.enterpriseId = :enterpriseId AND ${qb.alias}.year = :year`, { enterpriseId, year: input.year }).getOne()
        : null;

      if (!existing) {
        assertMayCreate(ctx, 'FinancialReport', { enterpriseId, regionCode: enterprise.regionCode }, 'a financial report for this enterprise');
        let id: string;
        try {
          const { identifiers } = await repo.insert({ enterpriseId, year: input.year, ...figures });
          id = identifiers[0].id as string;
        } catch (err) {
          if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
            throw new ConflictError(`a ${input.year} report was filed at the same moment; report again to revise it`, { field: 'year' });
          }
          throw err;
        }
        const saved = await repo.findOneByOrFail({ id });
        await recordAudit(ctx, db, {
          action: 'reportFinancials',
          subjectType: 'FinancialReport',
          subjectId: saved.id,
          enterpriseId,
          regionCode: saved.regionCode,
          after: { ...snapshot(saved), ...(reason ? { reason } : {}) },
        });
        return saved;
      }

      const row = await loadForAction<FinancialReportEntity>(ctx, db, 'FinancialReport', existing.id, 'update', 'financial report');
      const usedBy = await applicationsLockingReport.call(ctx, db, enterpriseId, row.year);
      if (usedBy.length) {
        if (!ctx.authz.can('correct', row)) {
          throw new ForbiddenError(
            `the ${row.year} report is locked: ${usedBy.length} recommended application(s) used it; only the local government may correct it`,
          );
        }
        if (!reason) throw new BadUserInputError('reason must not be empty: the report is locked and a correction needs a reason', 'reason');
      }
      const before = snapshot(row);
      assertMayUpdateFields(ctx, 'FinancialReport', row, 'financial report', FIGURES);
      await repo.update({ id: row.id }, figures);
      const saved = await repo.findOneByOrFail({ id: row.id });
      await recordAudit(ctx, db, {
        action: usedBy.length ? 'reportFinancials(correction)' : 'reportFinancials',
        subjectType: 'FinancialReport',
        subjectId: saved.id,
        enterpriseId,
        regionCode: saved.regionCode,
        before,
        after: {
          ...snapshot(saved),
          ...(reason ? { reason } : {}),
          ...(usedBy.length ? { lockedBy: usedBy.map((a) => toGlobalId('Application', a.id)) } : {}),
        },
      });
      return saved;
    });
  }
}

export const financialReportMutations = new FinancialReportMutations();
