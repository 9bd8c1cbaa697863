import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Tier } from '../enterprise/enterprise.enums';
import { ApplicationStatus } from './application.enums';
import type { StoredSelfAssessment } from './self-assessment';
import { PolicySubject } from '../../authz/subjects';

/** An enterprise's application for a tier, from draft to certificate. */
@PolicySubject('Application')
@Entity({ name: 'application' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** Scope: the owner's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'text' })
  tier: Tier;

  /** The rule set the application is judged by. */
  @Column({ name: 'rule_set_code', type: 'text' })
  ruleSetCode: string;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The authority that recommended it (a province or plan-listed city). */
  @Column({ name: 'recommended_by_region_code', type: 'char', length: 6, nullable: true })
  recommendedByRegionCode: string | null;

  /** MIIT's expert score, 0–100. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score: string | null;

  /** The day its public notice opened (openPublicNotice); null before, and for notices the trail never recorded. */
  @Column({ name: 'public_notice_starts_on', type: 'date', nullable: true })
  publicNoticeStartsOn: string | null;

  @Column({ name: 'public_notice_ends_on', type: 'date', nullable: true })
  publicNoticeEndsOn: string | null;

  @Column({ name: 'certification_id', type: 'uuid', nullable: true })
  certificationId: string | null;

  /**
   * The evaluation of the applicant against `ruleSetCode` made when it was
   * last submitted (see application-self-assessment.ts); null before.
   */
  @Column({ name: 'self_assessment', type: 'jsonb', nullable: true })
  selfAssessment: StoredSelfAssessment | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
