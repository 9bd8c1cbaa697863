import { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { SelectQueryBuilder } from 'typeorm';
import { scopedQuery } from '../../data/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { loader, RequestContext } from '../../core/context';
import { ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventFilter, AuditEventOrderField } from './audit-event.input';

const MAX_BIGINT = 9223372036854775807n;

/** Audit event ids are bigint identities, carried as decimal strings (never JS numbers). */
export function isAuditEventKey(s: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(s) && BigInt(s) <= MAX_BIGINT;
}

const LIST: ListSpec<AuditEventEntity, AuditEventFilter, AuditEventOrderField> = {
  subject: 'AuditEvent',
  sortKeys: {
    OCCURRED_AT: { property: 'occurredAt', field: 'occurredAt' },
    ID: { property: 'id', field: 'id' },
  },
  defaultOrder: [{ field: AuditEventOrderField.ID, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<AuditEventEntity>, f) {
    new ListFilter(ctx, qb, 'AuditEvent')
      .equals('subjectType', f.subjectType, 'subjectType')
      .equals('subjectId', f.subjectId, 'subjectId')
      .equals('action', f.action, 'action');
  },
};

/** The audit trail, read-only here; events are written by the mutations that cause them. */
export class AuditEventService {
  list(ctx: RequestContext, args: ListArgs<AuditEventFilter, AuditEventOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, LIST, args, info);
  }

  /** Like visibleById, for bigint keys: invisible, malformed and missing are all null. */
  byId(ctx: RequestContext, id: string): Promise<AuditEventEntity | null> {
    return loader(
      ctx,
      'byId:AuditEvent',
      () =>
        new DataLoader<string, AuditEventEntity | null>(async (ids) => {
          const valid = ids.filter(isAuditEventKey);
          const qb = scopedQuery<AuditEventEntity>(ctx, 'AuditEvent');
          const rows = qb && valid.length ? await qb.andWhere(`${qb.alias}.id = ANY(:ids)`, { ids: valid }).getMany() : [];
          const byId = new Map(rows.map((r) => [String(r.id), r]));
          return ids.map((k) => byId.get(k) ?? null);
        }),
    ).load(id);
  }
}

export const auditEventService = new AuditEventService();
