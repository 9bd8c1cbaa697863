import { EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
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

/** An entity as it goes into the audit trail's before and after: its columns, without the bookkeeping timestamps. */
export function snapshot(row: object): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row as Record<string, unknown>;
  return rest;
}

/**
 * Writes the audit event of a mutation through the mutation's own database
 * handle, so the event and the change commit or roll back together.
 */
export async function recordAudit(ctx: RequestContext, db: EntityManager, entry: AuditEntry): Promise<void> {
  const v = ctx.viewer;
  await insertEvent(db, entry, {
    subject: v.subject,
    role: v.role,
    tenant: v.enterpriseId ?? v.platformId ?? v.regionCode ?? null,
    requestId: ctx.requestId,
  });
}

/**
 * The audit event of a change no caller made (upkeep such as tier-upkeep.ts),
 * by `actor` in the role SYSTEM, through the change's own handle.
 */
export async function recordSystemAudit(db: EntityManager, actor: string, entry: AuditEntry): Promise<void> {
  await insertEvent(db, entry, { subject: actor, role: 'SYSTEM', tenant: null, requestId: null });
}

async function insertEvent(
  db: EntityManager,
  entry: AuditEntry,
  actor: { subject: string; role: string; tenant: string | null; requestId: string | null },
): Promise<void> {
  const event: Partial<AuditEventEntity> = {
    actorSubject: actor.subject,
    actorRole: actor.role,
    tenant: actor.tenant,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    enterpriseId: entry.enterpriseId ?? null,
    platformId: entry.platformId ?? null,
    regionCode: entry.regionCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId,
  };
  // Nothing read back (no RETURNING): some actors may write an event they may not read, such as the public objecting.
  await db
    .createQueryBuilder()
    .insert()
    .into(AuditEventEntity)
    .values(event as never)
    .updateEntity(false)
    .execute();
}
