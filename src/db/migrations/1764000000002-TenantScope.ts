import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Defence in depth (the PostGraphile way). Every tenant-owned row carries its
 * scope — enterprise_id, platform_id, region_code — copied from its parent by
 * triggers, so that both the application's policy (src/authz) and the
 * row-level security policies below decide on the row alone, without joins.
 *
 * The application runs as `srdi_app`, a role that owns nothing. Each request
 * sets `app.role`, `app.enterprise_id`, `app.platform_id`, `app.region_lo`
 * and `app.region_hi` with SET LOCAL; the policies read them once per
 * statement through `(select current_setting(...))`, and a missing or empty
 * setting matches nothing (fail closed).
 */

/** Tables whose rows belong to an enterprise, a platform and/or a region. */
const TENANT_TABLES: { table: string; enterprise: boolean; platform: boolean; publicRead?: string }[] = [
  { table: 'enterprise', enterprise: true, platform: false, publicRead: 'tier IS NOT NULL' },
  { table: 'financial_report', enterprise: true, platform: false },
  { table: 'certification', enterprise: true, platform: false, publicRead: `status IN ('PUBLIC_NOTICE', 'CERTIFIED', 'UNDER_REVIEW', 'RENEWED')` },
  { table: 'application', enterprise: true, platform: false },
  { table: 'review', enterprise: true, platform: false },
  { table: 'platform', enterprise: false, platform: true, publicRead: 'true' },
  { table: 'award', enterprise: true, platform: true },
  { table: 'disbursement', enterprise: true, platform: true },
  { table: 'expenditure', enterprise: true, platform: true },
  { table: 'claw_back', enterprise: true, platform: true },
  { table: 'audit_event', enterprise: true, platform: true },
];

/** Reference data everyone may read; only the ministries write programmes and batches. */
const PUBLIC_TABLES = ['region', 'funding_program', 'funding_batch'];

export const setting = (name: string) => `(SELECT nullif(current_setting('app.${name}', true), ''))`;

export function tenantClause(t: { table: string; enterprise: boolean; platform: boolean }): string {
  const idColumn = t.table === 'enterprise' ? 'id' : 'enterprise_id';
  const platformColumn = t.table === 'platform' ? 'id' : 'platform_id';
  const parts = [`${setting('role')} IN ('MIIT', 'MOF')`];
  if (t.enterprise) parts.push(`(${setting('role')} = 'ENTERPRISE' AND ${idColumn} = ${setting('enterprise_id')}::uuid)`);
  if (t.platform) parts.push(`(${setting('role')} = 'PLATFORM' AND ${platformColumn} = ${setting('platform_id')}::uuid)`);
  parts.push(`(${setting('role')} = 'LOCAL_GOV' AND region_code BETWEEN ${setting('region_lo')} AND ${setting('region_hi')})`);
  return parts.join('\n      OR ');
}

export class TenantScope1764000000002 implements MigrationInterface {
  name = 'TenantScope1764000000002';

  async up(q: QueryRunner): Promise<void> {
    // --- scope columns, filled from the parent row -------------------------
    for (const table of ['financial_report', 'certification', 'application']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN region_code char(6) REFERENCES region (code)`);
      await q.query(`UPDATE ${table} t SET region_code = e.region_code FROM enterprise e WHERE e.id = t.enterprise_id`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN region_code SET NOT NULL`);
      await q.query(`CREATE INDEX ${table}_region_code_idx ON ${table} (region_code)`);
    }
    await q.query(`
      CREATE FUNCTION scope_from_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT region_code INTO NEW.region_code FROM enterprise WHERE id = NEW.enterprise_id;
        RETURN NEW;
      END $$`);
    for (const table of ['financial_report', 'certification', 'application']) {
      await q.query(`
        CREATE TRIGGER ${table}_scope BEFORE INSERT OR UPDATE OF enterprise_id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION scope_from_enterprise()`);
    }

    await q.query(`ALTER TABLE review ADD COLUMN enterprise_id uuid REFERENCES enterprise (id)`);
    await q.query(`ALTER TABLE review ADD COLUMN region_code char(6) REFERENCES region (code)`);
    await q.query(
      `UPDATE review r SET enterprise_id = a.enterprise_id, region_code = a.region_code FROM application a WHERE a.id = r.application_id`,
    );
    await q.query(`ALTER TABLE review ALTER COLUMN enterprise_id SET NOT NULL, ALTER COLUMN region_code SET NOT NULL`);
    await q.query(`CREATE INDEX review_region_code_idx ON review (region_code)`);
    await q.query(`
      CREATE FUNCTION scope_from_application() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT enterprise_id, region_code INTO NEW.enterprise_id, NEW.region_code FROM application WHERE id = NEW.application_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER review_scope BEFORE INSERT OR UPDATE OF application_id ON review
      FOR EACH ROW EXECUTE FUNCTION scope_from_application()`);

    await q.query(`ALTER TABLE award ADD COLUMN region_code char(6) REFERENCES region (code)`);
    await q.query(`
      UPDATE award a SET region_code = coalesce(
        (SELECT region_code FROM enterprise WHERE id = a.enterprise_id),
        (SELECT region_code FROM platform WHERE id = a.platform_id))`);
    await q.query(`ALTER TABLE award ALTER COLUMN region_code SET NOT NULL`);
    await q.query(`CREATE INDEX award_region_code_idx ON award (region_code)`);
    await q.query(`
      CREATE FUNCTION scope_from_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.enterprise_id IS NOT NULL THEN
          SELECT region_code INTO NEW.region_code FROM enterprise WHERE id = NEW.enterprise_id;
        ELSE
          SELECT region_code INTO NEW.region_code FROM platform WHERE id = NEW.platform_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER award_scope BEFORE INSERT OR UPDATE OF enterprise_id, platform_id ON award
      FOR EACH ROW EXECUTE FUNCTION scope_from_recipient()`);

    for (const table of ['disbursement', 'expenditure', 'claw_back']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN enterprise_id uuid REFERENCES enterprise (id)`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN platform_id uuid REFERENCES platform (id)`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN region_code char(6) REFERENCES region (code)`);
      await q.query(`
        UPDATE ${table} t SET enterprise_id = a.enterprise_id, platform_id = a.platform_id, region_code = a.region_code
        FROM award a WHERE a.id = t.award_id`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN region_code SET NOT NULL`);
      await q.query(`CREATE INDEX ${table}_region_code_idx ON ${table} (region_code)`);
      await q.query(`CREATE INDEX ${table}_enterprise_id_idx ON ${table} (enterprise_id) WHERE enterprise_id IS NOT NULL`);
      await q.query(`CREATE INDEX ${table}_platform_id_idx ON ${table} (platform_id) WHERE platform_id IS NOT NULL`);
    }
    await q.query(`
      CREATE FUNCTION scope_from_award() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT enterprise_id, platform_id, region_code INTO NEW.enterprise_id, NEW.platform_id, NEW.region_code
        FROM award WHERE id = NEW.award_id;
        RETURN NEW;
      END $$`);
    for (const table of ['disbursement', 'expenditure', 'claw_back']) {
      await q.query(`
        CREATE TRIGGER ${table}_scope BEFORE INSERT OR UPDATE OF award_id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION scope_from_award()`);
    }

    // An enterprise or platform that moves region takes its records with it.
    await q.query(`
      CREATE FUNCTION cascade_enterprise_region() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE financial_report SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE certification SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE application SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE review SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE award SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE disbursement SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE expenditure SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        UPDATE claw_back SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER enterprise_region_cascade AFTER UPDATE OF region_code ON enterprise
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION cascade_enterprise_region()`);
    await q.query(`
      CREATE FUNCTION cascade_platform_region() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE award SET region_code = NEW.region_code WHERE platform_id = NEW.id;
        UPDATE disbursement SET region_code = NEW.region_code WHERE platform_id = NEW.id;
        UPDATE expenditure SET region_code = NEW.region_code WHERE platform_id = NEW.id;
        UPDATE claw_back SET region_code = NEW.region_code WHERE platform_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER platform_region_cascade AFTER UPDATE OF region_code ON platform
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION cascade_platform_region()`);

    // --- the application's role ---------------------------------------------
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'srdi_app') THEN
          CREATE ROLE srdi_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$`);
    await q.query(`GRANT srdi_app TO CURRENT_USER`);
    await q.query(`GRANT USAGE ON SCHEMA public TO srdi_app`);
    await q.query(`GRANT SELECT ON ${PUBLIC_TABLES.join(', ')} TO srdi_app`);
    await q.query(`GRANT INSERT, UPDATE ON funding_program, funding_batch TO srdi_app`);
    for (const t of TENANT_TABLES) {
      const privileges = t.table === 'audit_event' ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE';
      await q.query(`GRANT ${privileges} ON ${t.table} TO srdi_app`);
    }
    await q.query(`GRANT SELECT ON migrations TO srdi_app`);
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO srdi_app`);

    // --- row-level security ---------------------------------------------------
    for (const t of TENANT_TABLES) {
      const tenant = tenantClause(t);
      const read = t.publicRead ? `${tenant}\n      OR (${t.publicRead})` : tenant;
      await q.query(`ALTER TABLE ${t.table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t.table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${t.table}_select ON ${t.table} FOR SELECT TO srdi_app USING (\n      ${read})`);
      await q.query(`CREATE POLICY ${t.table}_insert ON ${t.table} FOR INSERT TO srdi_app WITH CHECK (\n      ${tenant})`);
      await q.query(`CREATE POLICY ${t.table}_update ON ${t.table} FOR UPDATE TO srdi_app USING (\n      ${tenant}) WITH CHECK (\n      ${tenant})`);
      // The owner (migrations, seeding, maintenance) is not the application:
      // FORCE makes policies apply to it too, so it gets its own open policy.
      await q.query(`CREATE POLICY ${t.table}_owner ON ${t.table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TENANT_TABLES) {
      for (const p of ['select', 'insert', 'update', 'owner']) await q.query(`DROP POLICY IF EXISTS ${t.table}_${p} ON ${t.table}`);
      await q.query(`ALTER TABLE ${t.table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t.table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM srdi_app`);
    await q.query(`DROP TRIGGER IF EXISTS enterprise_region_cascade ON enterprise`);
    await q.query(`DROP TRIGGER IF EXISTS platform_region_cascade ON platform`);
    for (const table of ['financial_report', 'certification', 'application', 'review', 'award', 'disbursement', 'expenditure', 'claw_back']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_scope ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS region_code`);
    }
    for (const table of ['review', 'disbursement', 'expenditure', 'claw_back']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS enterprise_id`);
    }
    for (const table of ['disbursement', 'expenditure', 'claw_back']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS platform_id`);
    }
    for (const fn of [
      'scope_from_enterprise',
      'scope_from_application',
      'scope_from_recipient',
      'scope_from_award',
      'cascade_enterprise_region',
      'cascade_platform_region',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
  }
}
