import { SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../../authz/ability';
import { scopedQuery, visibleById } from '../../authz/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { isRegionCode } from '../region/region-code';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterpriseFilter, EnterpriseOrderField } from './enterprise.input';

const LIST: ListSpec<EnterpriseEntity, EnterpriseFilter, EnterpriseOrderField> = {
  subject: 'Enterprise',
  sortKeys: {
    NAME: { property: 'name', field: 'name' },
    CREDIT_CODE: { property: 'creditCode', field: 'creditCode' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: EnterpriseOrderField.NAME, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<EnterpriseEntity>, f) {
    const check = (field: string, arg: string) => ctx.authz.assertReadableOnEveryRow('Enterprise', field, `filter.${arg}`);
    if (f.regionCode != null) {
      check('region', 'regionCode');
      if (!isRegionCode(f.regionCode)) throw new BadUserInputError('filter.regionCode must be a six-digit region code', 'filter.regionCode');
      const { lo, hi } = regionRange(f.regionCode);
      qb.andWhere(`${qb.alias}.regionCode BETWEEN :f_lo AND :f_hi`, { f_lo: lo, f_hi: hi });
    }
    if (f.tier != null) {
      check('tier', 'tier');
      qb.andWhere(`${qb.alias}.tier = :f_tier`, { f_tier: f.tier });
    }
    if (f.productField != null) {
      check('productField', 'productField');
      qb.andWhere(`${qb.alias}.productField = :f_pf`, { f_pf: f.productField });
    }
    if (f.sizeClass != null) {
      check('sizeClass', 'sizeClass');
      qb.andWhere(`${qb.alias}.sizeClass = :f_size`, { f_size: f.sizeClass });
    }
    if (f.search != null && f.search.trim() !== '') {
      check('name', 'search');
      check('creditCode', 'search');
      const text = f.search.trim();
      qb.andWhere(`(${qb.alias}.name ILIKE :f_text OR ${qb.alias}.creditCode LIKE :f_code)`, {
        f_text: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        f_code: `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
  },
};

export class EnterpriseService {
  list(ctx: RequestContext, args: ListArgs<EnterpriseFilter, EnterpriseOrderField>) {
    return listConnection(ctx, LIST, args);
  }

  byId(ctx: RequestContext, id: string): Promise<EnterpriseEntity | null> {
    return visibleById<EnterpriseEntity>(ctx, 'Enterprise').load(id);
  }

  async byCreditCode(ctx: RequestContext, creditCode: string): Promise<EnterpriseEntity | null> {
    const qb = scopedQuery<EnterpriseEntity>(ctx, 'Enterprise');
    if (!qb || !/^[0-9A-Z]{18}$/.test(creditCode)) return null;
    return qb.andWhere(`${qb.alias}.creditCode = :code`, { code: creditCode }).getOne();
  }
}

export const enterpriseService = new EnterpriseService();
