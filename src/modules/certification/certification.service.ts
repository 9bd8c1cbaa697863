import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { OrderDirection, OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { CertificationEntity } from './certification.entity';
import { CertificationStatus } from './certification.enums';
import { CertificationFilter, CertificationOrderField } from './certification.input';
import { effectiveStatus, effectiveStatusCondition } from './certification-status.rules';
import { programmeToday } from '../../core/calendar';

/** Newest first, for callers who may sort by createdAt on every row they see. */
const NEWEST_FIRST: OrderInput<CertificationOrderField>[] = [{ field: CertificationOrderField.CREATED_AT, direction: OrderDirection.DESC }];

const LIST: ListSpec<CertificationEntity, CertificationFilter, CertificationOrderField> = {
  subject: 'Certification',
  sortKeys: {
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  // By ID alone: the one order every caller may use (the public may not sort by createdAt).
  defaultOrder: [],
  applyFilter(ctx, qb: SelectQueryBuilder<CertificationEntity>, f) {
    // The region is the holder's: whoever may see the holder on every row may filter by it.
    new ListFilter(ctx, qb, 'Certification')
      .globalId('enterpriseId', f.enterpriseId, 'Enterprise', 'enterpriseId', 'enterprise')
      .regionSubtree('regionCode', f.regionCode, 'enterprise')
      .equals('tier', f.tier, 'tier')
      .custom('status', f.status, 'status', (q, _p, status) => {
        const { sql, params } = effectiveStatusCondition(q.alias, status, programmeToday());
        q.andWhere(sql, params);
      })
      .equals('batchNumber', f.batchNumber, 'batchNumber')
      .equals('revocationReason', f.revocationReason, 'revocationReason');
  },
};

export class CertificationService {
  list(ctx: RequestContext, args: ListArgs<CertificationFilter, CertificationOrderField>, info?: GraphQLResolveInfo) {
    const orderBy = args.orderBy?.length
      ? args.orderBy
      : ctx.authz.readableOnEveryRow('Certification', 'createdAt')
        ? NEWEST_FIRST
        : LIST.defaultOrder;
    return listConnection(ctx, LIST, { ...args, orderBy }, info);
  }

  byId(ctx: RequestContext, id: string): Promise<CertificationEntity | null> {
    return visibleById<CertificationEntity>(ctx, 'Certification').load(id);
  }

  /** An enterprise's certifications the caller may see, oldest first. */
  ofEnterprise(ctx: RequestContext, enterpriseId: string): Promise<CertificationEntity[]> {
    return visibleChildren<CertificationEntity>(ctx, 'Certification', 'enterpriseId', 'createdAt').load(enterpriseId);
  }

  /** The status the certification has today (see certification-status.rules.ts). */
  status(_ctx: RequestContext, c: CertificationEntity): CertificationStatus {
    return effectiveStatus(c);
  }
}

export const certificationService = new CertificationService();
