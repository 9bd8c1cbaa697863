import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProductField, SizeClass, Tier } from './enterprise.enums';
import { PolicySubject } from '../../authz/subjects';

@PolicySubject('Enterprise')
@Entity({ name: 'enterprise' })
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 统一社会信用代码; unique, checked by GB 32100 unless creditCodeOverride. */
  @Column({ name: 'credit_code', type: 'char', length: 18, unique: true })
  creditCode: string;

  /**
   * Real registered codes occasionally fail the check character; an
   * authorised override lets them in, and the audit trail records who did it.
   */
  @Column({ name: 'credit_code_override', type: 'boolean', default: false })
  creditCodeOverride: boolean;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  /** GB/T 4754 industry, e.g. "C34 通用设备制造业". */
  @Column({ type: 'text' })
  industry: string;

  @Column({ name: 'product_field', type: 'text' })
  productField: ProductField;

  @Column({ name: 'size_class', type: 'text' })
  sizeClass: SizeClass;

  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  /** The year it entered its niche market; "≥3 years in the niche" reads this. */
  @Column({ name: 'niche_since_year', type: 'int', nullable: true })
  nicheSinceYear: number | null;

  /**
   * Highest tier currently held: kept by the certification service in the
   * same transaction as the certification change, so lists can filter and
   * index on it instead of re-deriving it from certifications per row.
   */
  @Column({ type: 'text', nullable: true })
  tier: Tier | null;

  @Column({ name: 'has_quality_certification', type: 'boolean', nullable: true })
  hasQualityCertification: boolean | null;

  @Column({ name: 'has_rd_institution', type: 'boolean', nullable: true })
  hasRdInstitution: boolean | null;

  @Column({ name: 'has_own_brand', type: 'boolean', nullable: true })
  hasOwnBrand: boolean | null;

  @Column({ name: 'at_key_chain_link', type: 'boolean', nullable: true })
  atKeyChainLink: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
