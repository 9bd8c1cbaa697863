import { EntityManager } from 'typeorm';
import { RequestContext } from '../../graphql/context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  enterpriseId?: string | null;
  platformId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit event of a mutation through the mutation's own database
 * handle, so the event and the change commit or roll back together.
 */
export async function recordAudit(ctx: RequestContext, db: EntityManager, entry: AuditEntry): Promise<void> {
  const v = ctx.viewer;
  const event: Partial<AuditEventEntity> = {
    actorSubject: v.subject,
    actorRole: v.role,
    tenant: v.enterpriseId ?? v.platformId ?? v.regionCode ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    enterpriseId: entry.enterpriseId ?? null,
    platformId: entry.platformId ?? null,
    regionCode: entry.regionCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  };
  await db.getRepository(AuditEventEntity).insert(event as never);
}
