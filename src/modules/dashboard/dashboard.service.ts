import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { SubjectName } from '../../authz/policy';
import { scopedQuery } from '../../data/scoped-reader';
import { RequestContext } from '../../core/context';
import { ApplicationStatus } from '../application/application.enums';
import { Tier } from '../enterprise/enterprise.enums';
import { AwardEntity } from '../funding/award/award.entity';
import { FundingBatchEntity } from '../funding/programme/funding-batch.entity';
import { ApplicationFigure, AwardFigure, AwardFigureGrouping, CertifiedEnterpriseFigure } from './dashboard.type';

/**
 * Figures for dashboards, computed in SQL with GROUP BY over the same
 * policy-scoped queries the lists use, so a figure never counts a row its
 * caller could not list.
 *
 * A figure describes the caller's jurisdiction: a local government's figures
 * are those of its region and the regions below it, even where the policy
 * lets it read more (the published lists of certified enterprises are
 * national); the ministries see the country, an enterprise or a platform
 * what it may read.
 */

/** Province of a region code column: its first two digits, then "0000". */
const province = (column: string) => `left(${column}, 2) || '0000'`;

const ZERO = '0.00';

/**
 * The policy-scoped query over `subject`, narrowed to the caller's
 * jurisdiction; null when the caller may read none of it. Grouping by a
 * field reveals its values, so each must be readable on every visible row.
 */
function figuresQuery<T extends ObjectLiteral>(
  ctx: RequestContext,
  subject: SubjectName,
  fields: string[],
  what: string,
): SelectQueryBuilder<T> | null {
  if (!ctx.authz.can('read', subject)) return null;
  for (const f of fields) ctx.authz.assertReadableOnEveryRow(subject, f, what);
  const qb = scopedQuery<T>(ctx, subject);
  if (!qb) return null;
  if (ctx.viewer.regionCode) {
    const { lo, hi } = regionRange(ctx.viewer.regionCode);
    qb.andWhere(`${qb.alias}.regionCode BETWEEN :jur_lo AND :jur_hi`, { jur_lo: lo, jur_hi: hi });
  }
  return qb;
}

export class DashboardService {
  /** Enterprises per province and tier (their highest current tier). */
  async certifiedEnterprises(ctx: RequestContext): Promise<CertifiedEnterpriseFigure[]> {
    const qb = figuresQuery(ctx, 'Enterprise', ['region', 'tier'], 'certifiedEnterpriseFigures');
    if (!qb) return [];
    const a = qb.alias;
    const key = province(`${a}.regionCode`);
    const rows = await qb
      .select(key, 'province')
      .addSelect(`${a}.tier`, 'tier')
      .addSelect('count(*)::int', 'count')
      .andWhere(`${a}.tier IS NOT NULL`)
      .groupBy(key)
      .addGroupBy(`${a}.tier`)
      .getRawMany<{ province: string; tier: Tier; count: number }>();
    return rows
      .map((r) => ({ provinceCode: r.province, province: null, tier: r.tier, count: r.count }))
      .sort((x, y) => x.provinceCode.localeCompare(y.provinceCode) || tierRank(x.tier) - tierRank(y.tier));
  }

  /**
   * Granted, disbursed, spent and clawed back per batch or per province. Each
   * money table is summed over its own scoped query (its rows carry the same
   * scope as their award) and the sums are joined on the group key.
   */
  async awards(ctx: RequestContext, grouping: AwardFigureGrouping): Promise<AwardFigure[]> {
    const byBatch = grouping === AwardFigureGrouping.BATCH;
    const groupFields = byBatch ? ['batch'] : ['enterprise', 'platform'];
    const awards = figuresQuery<AwardEntity>(ctx, 'Award', ['amount', ...groupFields], 'awardFigures');
    if (!awards) return [];
    const a = awards.alias;
    const awardKey = byBatch ? `${a}.batchId` : province(`${a}.regionCode`);
    if (byBatch) awards.innerJoin(FundingBatchEntity, 'fb', `fb.id = ${a}.batchId`);
    awards
      .select(awardKey, 'key')
      .addSelect(`sum(${a}.amount)::numeric(20,2)::text`, 'granted')
      .addSelect('count(*)::int', 'awards')
      .groupBy(awardKey);
    if (byBatch) awards.addSelect('min(fb.year)::int', 'year').addSelect('min(fb.number)::int', 'number');
    const rows = await awards.getRawMany<{ key: string; granted: string; awards: number; year?: number; number?: number }>();

    const sums = async (subject: SubjectName): Promise<Map<string, string>> => {
      const qb = figuresQuery(ctx, subject, ['amount'], 'awardFigures');
      if (!qb) return new Map();
      const s = qb.alias;
      let key = province(`${s}.regionCode`);
      if (byBatch) {
        qb.innerJoin(AwardEntity, 'parent_award', `parent_award.id = ${s}.awardId`);
        key = 'parent_award.batchId';
      }
      const sumRows = await qb
        .select(key, 'key')
        .addSelect(`sum(${s}.amount)::numeric(20,2)::text`, 'total')
        .groupBy(key)
        .getRawMany<{ key: string; total: string }>();
      return new Map(sumRows.map((r) => [String(r.key), r.total]));
    };
    const [disbursed, spent, clawedBack] = [await sums('Disbursement'), await sums('Expenditure'), await sums('ClawBack')];

    return rows
      .sort((x, y) => (byBatch ? x.year! - y.year! || x.number! - y.number! : 0) || String(x.key).localeCompare(String(y.key)))
      .map((r) => {
        const key = String(r.key);
        return {
          key,
          grouping,
          batch: null,
          province: null,
          granted: r.granted,
          disbursed: disbursed.get(key) ?? ZERO,
          spent: spent.get(key) ?? ZERO,
          clawedBack: clawedBack.get(key) ?? ZERO,
          awards: r.awards,
        };
      });
  }

  /** Applications per status. */
  async applications(ctx: RequestContext): Promise<ApplicationFigure[]> {
    const qb = figuresQuery(ctx, 'Application', ['status'], 'applicationFigures');
    if (!qb) return [];
    const a = qb.alias;
    const rows = await qb
      .select(`${a}.status`, 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy(`${a}.status`)
      .getRawMany<{ status: ApplicationStatus; count: number }>();
    const order = Object.values(ApplicationStatus);
    return rows.sort((x, y) => order.indexOf(x.status) - order.indexOf(y.status));
  }
}

const TIER_RANK: Record<Tier, number> = { [Tier.INNOVATIVE_SME]: 0, [Tier.SRDI_SME]: 1, [Tier.LITTLE_GIANT]: 2 };
const tierRank = (t: Tier) => TIER_RANK[t] ?? 9;

export const dashboardService = new DashboardService();
