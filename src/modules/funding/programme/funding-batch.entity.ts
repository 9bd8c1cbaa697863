import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../../authz/subjects';

/** One batch of a programme: its recipients are supported for at most 3 years. */
@PolicySubject('FundingBatch')
@Entity({ name: 'funding_batch' })
export class FundingBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  budget: string;

  @Column({ name: 'support_years', type: 'int' })
  supportYears: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
