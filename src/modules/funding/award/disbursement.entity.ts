import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../../authz/subjects';

/** A tranche paid out against an award. The idempotency key makes a retried payment harmless. */
@PolicySubject('Disbursement')
@Entity({ name: 'disbursement' })
export class DisbursementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  /** Scope: kept by a database trigger from the parent row. */
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true, insert: false, update: false })
  enterpriseId: string | null;

  /** Scope: kept by a database trigger from the parent row. */
  @Column({ name: 'platform_id', type: 'uuid', nullable: true, insert: false, update: false })
  platformId: string | null;

  /** Scope: the owner's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'int' })
  tranche: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
