import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AssessmentStatus, AssessmentValueKind } from './assessment.enums';
import { PolicySubject } from '../../authz/subjects';

/**
 * One qualitative condition of one enterprise for one year of assessment,
 * keyed by the indicator key the rule sets use (e.g.
 * coreBusinessOnInformationSystem, developmentScore), with who asserted it.
 */
@PolicySubject('Assessment')
@Entity({ name: 'assessment' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** Scope: the owner's region, kept by a database trigger (see the Assessments migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ name: 'indicator_key', type: 'text' })
  indicatorKey: string;

  /** The year of assessment, as evaluateEligibility's `year`. */
  @Column({ type: 'int' })
  year: number;

  /** Also what the policy tells declare/confirm (FLAG) from score (SCORE) by. */
  @Column({ name: 'value_kind', type: 'text' })
  valueKind: AssessmentValueKind;

  @Column({ type: 'boolean', nullable: true })
  flag: boolean | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'text' })
  status: AssessmentStatus;

  /** The token subject that declared or scored it. */
  @Column({ name: 'asserted_by', type: 'text' })
  assertedBy: string;

  @Column({ name: 'asserted_by_role', type: 'text' })
  assertedByRole: string;

  @Column({ name: 'asserted_at', type: 'timestamptz' })
  assertedAt: Date;

  /** The local government's token subject that confirmed or rejected it. */
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_by_region_code', type: 'char', length: 6, nullable: true })
  decidedByRegionCode: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
