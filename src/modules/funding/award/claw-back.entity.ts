import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../../authz/subjects';

/** Funds recovered from a recipient for poor performance or misuse. */
@PolicySubject('ClawBack')
@Entity({ name: 'claw_back' })
export class ClawBackEntity {
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

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
