import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { KeySupportStatus } from './key-support.enums';
import { PolicySubject } from '../../../authz/subjects';

/**
 * A key little giant (重点小巨人) selection: MIIT proposes a certified little
 * giant for a funding batch, MoF approves or rejects it. One per enterprise
 * and batch.
 */
@PolicySubject('KeySupportProposal')
@Entity({ name: 'key_support_proposal' })
export class KeySupportProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** Scope: the enterprise's region, kept by a database trigger (see the KeySupport migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'text' })
  status: KeySupportStatus;

  /** The token subject of the MIIT official who proposed. */
  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy: string;

  /** The token subject of the MoF official who decided; null while proposed. */
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  /** MoF's reason: required for a rejection, optional for an approval. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'proposed_at', type: 'timestamptz', precision: 3 })
  proposedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
