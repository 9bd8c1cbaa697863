import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformKind, PlatformLevel } from './platform.enums';
import { PolicySubject } from '../../authz/subjects';

@PolicySubject('Platform')
@Entity({ name: 'platform' })
export class PlatformEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: PlatformKind;

  @Column({ type: 'text' })
  level: PlatformLevel;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  /** The organisation that runs it. */
  @Column({ type: 'text' })
  operator: string;

  @Column({ name: 'operator_credit_code', type: 'char', length: 18, nullable: true, unique: true })
  operatorCreditCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
