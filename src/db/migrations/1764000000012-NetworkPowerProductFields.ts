import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'CORE_BASIC_COMPONENTS',
  'KEY_BASIC_ELECTRONIC_COMPONENTS',
  'KEY_BASIC_SOFTWARE',
  'KEY_BASIC_MATERIALS',
  'ADVANCED_BASIC_PROCESSES',
  'INDUSTRIAL_TECHNOLOGY_BASE',
  'NEXT_GENERATION_IT',
  'HIGH_END_CNC_AND_ROBOTS',
  'AEROSPACE_EQUIPMENT',
  'OCEAN_ENGINEERING_AND_SHIPS',
  'ADVANCED_RAIL_TRANSIT',
  'NEW_ENERGY_VEHICLES',
  'POWER_EQUIPMENT',
  'AGRICULTURAL_MACHINERY',
  'NEW_MATERIALS',
  'BIOMEDICINE_AND_MEDICAL_DEVICES',
  'OTHER',
];
const NETWORK_POWER = ['INFORMATION_INFRASTRUCTURE', 'KEY_CORE_TECHNOLOGIES', 'CYBER_SECURITY', 'DATA_SECURITY'];

const check = (values: string[]) => `CHECK (product_field IN (${values.map((v) => `'${v}'`).join(', ')}))`;

/**
 * The 2022 little-giant standard accepts, beside the industrial basics and
 * the ten key sectors, products in the network-power (网络强国) fields:
 * information infrastructure, key core technologies, cyber security and data
 * security. The product field is text with a CHECK (see Foundation), so the
 * new values need the CHECK widened; going back is refused while a row uses one.
 */
export class NetworkPowerProductFields1764000000012 implements MigrationInterface {
  name = 'NetworkPowerProductFields1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprise DROP CONSTRAINT enterprise_product_field_check`);
    await q.query(`ALTER TABLE enterprise ADD CONSTRAINT enterprise_product_field_check ${check([...BEFORE, ...NETWORK_POWER])}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprise DROP CONSTRAINT enterprise_product_field_check`);
    await q.query(`ALTER TABLE enterprise ADD CONSTRAINT enterprise_product_field_check ${check(BEFORE)}`);
  }
}
