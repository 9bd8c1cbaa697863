import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ReviewDecision, ReviewKind } from './application.enums';
import { PolicySubject } from '../../authz/subjects';

/**
 * A decision on an application: a recommendation or return by the local
 * government, MIIT's expert review with its score and the rule-set evaluation
 * kept as evidence, or an objection raised and resolved during public notice.
 */
@PolicySubject('Review')
@Entity({ name: 'review' })
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  /** Scope: kept by a database trigger from the parent row. */
  @Column({ name: 'enterprise_id', type: 'uuid', insert: false, update: false })
  enterpriseId: string;

  /** Scope: the application's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'text' })
  kind: ReviewKind;

  @Column({ type: 'text' })
  decision: ReviewDecision;

  @Column({ name: 'reviewer_role', type: 'text' })
  reviewerRole: string;

  @Column({ name: 'reviewer_subject', type: 'text' })
  reviewerSubject: string;

  @Column({ name: 'reviewer_region_code', type: 'char', length: 6, nullable: true })
  reviewerRegionCode: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'rule_set_code', type: 'text', nullable: true })
  ruleSetCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  evaluation: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
