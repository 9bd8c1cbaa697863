import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application's pool runs as srdi_app, bound by row-level security even
 * outside a request. Authentication must still learn whether a token's
 * tenant exists before any tenant is set: these functions answer exactly
 * that yes/no, as their owner, and nothing more.
 */
export class TenantDirectory1764000000005 implements MigrationInterface {
  name = 'TenantDirectory1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tenant_enterprise_exists(enterprise_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM enterprise WHERE id = enterprise_id) $$`);
    await q.query(`
      CREATE FUNCTION tenant_platform_exists(platform_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM platform WHERE id = platform_id) $$`);
    for (const fn of ['tenant_enterprise_exists(uuid)', 'tenant_platform_exists(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO srdi_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS tenant_enterprise_exists(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS tenant_platform_exists(uuid)`);
  }
}
