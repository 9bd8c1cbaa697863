import { SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { visibleById } from '../../authz/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { isRegionCode } from '../region/region-code';
import { PlatformEntity } from './platform.entity';
import { PlatformFilter, PlatformOrderField } from './platform.input';

/** `%` and `_` typed by a user are text, not wildcards. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const LIST: ListSpec<PlatformEntity, PlatformFilter, PlatformOrderField> = {
  subject: 'Platform',
  sortKeys: {
    NAME: { property: 'name', field: 'name' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: PlatformOrderField.NAME, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<PlatformEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Platform', field, `filter.${arg}`);
    if (f.regionCode != null) {
      check('region', 'regionCode');
      if (!isRegionCode(f.regionCode)) throw new BadUserInputError('filter.regionCode must be a six-digit region code', 'filter.regionCode');
      const { lo, hi } = regionRange(f.regionCode);
      qb.andWhere(`${qb.alias}.regionCode BETWEEN :f_lo AND :f_hi`, { f_lo: lo, f_hi: hi });
    }
    if (f.kind != null) {
      check('kind', 'kind');
      qb.andWhere(`${qb.alias}.kind = :f_kind`, { f_kind: f.kind });
    }
    if (f.level != null) {
      check('level', 'level');
      qb.andWhere(`${qb.alias}.level = :f_level`, { f_level: f.level });
    }
    if (f.search != null && f.search.trim() !== '') {
      check('name', 'search');
      check('operator', 'search');
      qb.andWhere(`(${qb.alias}.name ILIKE :f_text OR ${qb.alias}.operator ILIKE :f_text)`, {
        f_text: `%${likeEscape(f.search.trim())}%`,
      });
    }
  },
};

export class PlatformService {
  list(ctx: RequestContext, args: ListArgs<PlatformFilter, PlatformOrderField>) {
    return listConnection(ctx, LIST, args);
  }

  byId(ctx: RequestContext, id: string): Promise<PlatformEntity | null> {
    return visibleById<PlatformEntity>(ctx, 'Platform').load(id);
  }
}

export const platformService = new PlatformService();
