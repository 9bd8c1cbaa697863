import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PolicySubject } from '../../authz/subjects';

/**
 * One enterprise's figures for one year. Every measure may be missing: the
 * eligibility rules treat a missing value as UNKNOWN, never as a pass.
 * Money is NUMERIC(18,2), read as a decimal string.
 */
@PolicySubject('FinancialReport')
@Entity({ name: 'financial_report' })
export class FinancialReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** Scope: the owner's region, kept by a database trigger (see the TenantScope migration). */
  @Column({ name: 'region_code', type: 'char', length: 6, insert: false, update: false })
  regionCode: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  revenue: string | null;

  @Column({ name: 'main_business_revenue', type: 'numeric', precision: 18, scale: 2, nullable: true })
  mainBusinessRevenue: string | null;

  @Column({ name: 'rd_expense', type: 'numeric', precision: 18, scale: 2, nullable: true })
  rdExpense: string | null;

  @Column({ name: 'rd_staff', type: 'int', nullable: true })
  rdStaff: number | null;

  @Column({ type: 'int', nullable: true })
  employees: number | null;

  @Column({ name: 'total_assets', type: 'numeric', precision: 18, scale: 2, nullable: true })
  totalAssets: string | null;

  @Column({ name: 'total_liabilities', type: 'numeric', precision: 18, scale: 2, nullable: true })
  totalLiabilities: string | null;

  @Column({ name: 'new_equity_financing', type: 'numeric', precision: 18, scale: 2, nullable: true })
  newEquityFinancing: string | null;

  /** Class-I IP rights (invention patents and the like) in use. */
  @Column({ name: 'class1_ip_count', type: 'int', nullable: true })
  class1IpCount: number | null;

  /** National niche-market share of the leading product, in percent (0–100). */
  @Column({ name: 'niche_market_share', type: 'numeric', precision: 5, scale: 2, nullable: true })
  nicheMarketShare: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
