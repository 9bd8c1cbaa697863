import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PolicySubject } from '../../authz/subjects';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
}

/**
 * A GB/T 2260 administrative division. `path` is an ltree of the codes from
 * the province down (`320000.320100.320102`), so "this region and everything
 * below it" is the single indexed condition `path <@ :ancestorPath`.
 */
@PolicySubject('Region')
@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryColumn({ type: 'char', length: 6 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ name: 'parent_code', type: 'char', length: 6, nullable: true })
  parentCode: string | null;

  // ltree is not a type TypeORM knows; it is read and written as text.
  @Column({ type: 'text' })
  path: string;
}
