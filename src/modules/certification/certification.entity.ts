import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Tier } from '../enterprise/enterprise.enums';
import { CertificationStatus, RevocationReason } from './certification.enums';
import { PolicySubject } from '../../authz/subjects';

/** A tier title held by an enterprise: granted for 3 years, then re-reviewed. */
@PolicySubject('Certification')
@Entity({ name: 'certification' })
export class CertificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** Scope: the owner's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'text' })
  tier: Tier;

  /** The published list it came in on, e.g. 3 for the 3rd little-giant batch (2021). */
  @Column({ name: 'batch_number', type: 'int', nullable: true })
  batchNumber: number | null;

  /** Code of the rule set the judgement used, e.g. "MIIT-2022-63". */
  @Column({ name: 'rule_set_code', type: 'text' })
  ruleSetCode: string;

  @Column({ type: 'text' })
  status: CertificationStatus;

  @Column({ name: 'public_notice_starts_on', type: 'date', nullable: true })
  publicNoticeStartsOn: string | null;

  @Column({ name: 'public_notice_ends_on', type: 'date', nullable: true })
  publicNoticeEndsOn: string | null;

  @Column({ name: 'certified_on', type: 'date', nullable: true })
  certifiedOn: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: RevocationReason | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
