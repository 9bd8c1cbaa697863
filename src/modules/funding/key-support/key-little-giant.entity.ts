import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PolicySubject } from '../../../authz/subjects';

/**
 * The published list of key little giants (重点小巨人名单): a read-only view
 * (see the PublicObjections migration) of the proposals MoF approved, with
 * only what is published. The view, not the proposals' row-level security,
 * decides which rows exist here, so the public can read it without being
 * let into the proposals themselves.
 */
@PolicySubject('KeyLittleGiant')
@Entity({ name: 'key_little_giant', synchronize: false })
export class KeyLittleGiantEntity {
  /** The approved proposal's id. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  /** When MoF approved the proposal. */
  @Column({ name: 'approved_at', type: 'timestamptz', precision: 3 })
  approvedAt: Date;
}
