import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PublicObjectionStatus } from './application.enums';
import { PolicySubject } from '../../authz/subjects';

/**
 * An objection (异议) to an application on public notice (公示), as the
 * notices invite: raised by anyone, the public with a name and a contact,
 * a signed-in caller under its own identity; ruled on by MIIT.
 */
@PolicySubject('PublicObjection')
@Entity({ name: 'public_objection' })
export class PublicObjectionEntity {
  /** Made by the service: the public may write the row but not read it back, so nothing is returned from the insert. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  /** Scope: kept by a database trigger from the application. */
  @Column({ name: 'enterprise_id', type: 'uuid', insert: false, update: false })
  enterpriseId: string;

  /** Scope: the application's region, kept by a database trigger. */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  /** What the objector says is wrong. */
  @Column({ type: 'text' })
  grounds: string;

  /** The objector's role when it raised the objection: PUBLIC without a token. */
  @Column({ name: 'objector_role', type: 'text' })
  objectorRole: string;

  /** The objector's token subject; "anonymous" for the public. */
  @Column({ name: 'objector_subject', type: 'text' })
  objectorSubject: string;

  /** The objector's tenant: an enterprise or platform id, or a region code. */
  @Column({ name: 'objector_tenant', type: 'text', nullable: true })
  objectorTenant: string | null;

  @Column({ name: 'objector_name', type: 'text', nullable: true })
  objectorName: string | null;

  /** A phone number or an e-mail address, for MIIT to follow the objection up. */
  @Column({ name: 'objector_contact', type: 'text', nullable: true })
  objectorContact: string | null;

  @Column({ type: 'text' })
  status: PublicObjectionStatus;

  /** MIIT's reason for its ruling. */
  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason: string | null;

  /** The token subject of the MIIT official who ruled. */
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
