import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantClause } from './1764000000002-TenantScope';

/**
 * Applications on public notice (公示) are published: the row-level security
 * policy for reading applications gains the same public clause as the
 * access policy (src/authz/policy.ts), which limits the fields.
 */
const APPLICATION = { table: 'application', enterprise: true, platform: false };

export class PublicNotice1764000000006 implements MigrationInterface {
  name = 'PublicNotice1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY application_select ON application`);
    await q.query(`CREATE POLICY application_select ON application FOR SELECT TO srdi_app USING (
      ${tenantClause(APPLICATION)}
      OR (status = 'PUBLIC_NOTICE'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY application_select ON application`);
    await q.query(`CREATE POLICY application_select ON application FOR SELECT TO srdi_app USING (
      ${tenantClause(APPLICATION)})`);
  }
}
