import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../../authz/subjects';

/** A round of the SME Development Special Fund, e.g. 财建〔2021〕2号 (2021–2025). */
@PolicySubject('FundingProgram')
@Entity({ name: 'funding_program' })
export class FundingProgramEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_number', type: 'text', unique: true })
  documentNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'start_year', type: 'int' })
  startYear: number;

  @Column({ name: 'end_year', type: 'int' })
  endYear: number;

  @Column({ name: 'total_budget', type: 'numeric', precision: 18, scale: 2 })
  totalBudget: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
