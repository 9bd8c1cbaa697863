import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../authz/subjects';

/**
 * What happened, who did it and what changed. Append-only: the database
 * refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@PolicySubject('AuditEvent')
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  /** The actor's tenant: an enterprise or platform id, or a region code. */
  @Column({ type: 'text', nullable: true })
  tenant: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  /** The enterprise the subject belongs to, so it sees its own trail. */
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  /** The platform the subject belongs to. */
  @Column({ name: 'platform_id', type: 'uuid', nullable: true })
  platformId: string | null;

  /** Region of the subject, so local governments see their own region's trail. */
  @Column({ name: 'region_code', type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
