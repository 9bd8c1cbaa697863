import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext, loader } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { RegionEntity, RegionLevel } from './region.entity';
import { isRegionCode } from './region-code';

export interface RegionQuery {
  parentCode?: string | null;
  level?: RegionLevel | null;
}

/** Regions are public reference data: every caller may read all of them. */
export class RegionService {
  list(ctx: RequestContext, query: RegionQuery): Promise<RegionEntity[]> {
    const where: { parentCode?: string; level?: RegionLevel } = {};
    if (query.parentCode != null) {
      where.parentCode = this.validCode(query.parentCode, 'parentCode');
    }
    if (query.level != null) where.level = query.level;
    return ctx.db.getRepository(RegionEntity).find({ where, order: { code: 'ASC' } });
  }

  byCode(ctx: RequestContext, code: string): Promise<RegionEntity | null> {
    if (!isRegionCode(code)) return Promise.resolve(null);
    return this.byCodeLoader(ctx).load(code);
  }

  children(ctx: RequestContext, code: string): Promise<RegionEntity[]> {
    return loader(ctx, 'region.children', () =>
      new DataLoader<string, RegionEntity[]>(async (codes) => {
        const rows = await ctx.db
          .getRepository(RegionEntity)
          .find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } });
        return codes.map((c) => rows.filter((r) => r.parentCode === c));
      }),
    ).load(code);
  }

  private byCodeLoader(ctx: RequestContext): DataLoader<string, RegionEntity | null> {
    return loader(ctx, 'region.byCode', () =>
      new DataLoader<string, RegionEntity | null>(async (codes) => {
        const rows = await ctx.db.getRepository(RegionEntity).findBy({ code: In([...codes]) });
        const map = new Map(rows.map((r) => [r.code, r]));
        return codes.map((c) => map.get(c) ?? null);
      }),
    );
  }

  private validCode(code: string, field: string): string {
    if (!isRegionCode(code)) throw new BadUserInputError(`${field} must be a six-digit GB/T 2260 region code`, field);
    return code;
  }
}

export const regionService = new RegionService();
