import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AwardStatus, UsageRestriction } from './award.enums';
import { PolicySubject } from '../../../authz/subjects';

/**
 * Bonus funds (奖补资金) granted from a batch to exactly one recipient: a key
 * little giant enterprise or a demonstration platform. The usage restriction
 * follows from the recipient and the database enforces that pairing.
 */
@PolicySubject('Award')
@Entity({ name: 'award' })
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  /** Scope: the owner's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ name: 'platform_id', type: 'uuid', nullable: true })
  platformId: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ name: 'usage_restriction', type: 'text' })
  usageRestriction: UsageRestriction;

  @Column({ type: 'text' })
  status: AwardStatus;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
