import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key little giants (重点小巨人): not a tier but a funding selection. MIIT
 * proposes certified little giants for a funding batch, MoF approves or
 * rejects each; only an approved enterprise can be granted an award from
 * that batch.
 *
 * The table is tenant-owned like the others of the TenantScope migration:
 * its scope columns (enterprise_id, region_code) decide visibility on the
 * row alone, region_code is copied from the enterprise by a trigger, and
 * row-level security mirrors the policy of src/authz. The clauses below are
 * a copy of that migration's generated ones, frozen here as migrations are.
 */

const setting = (name: string) => `(SELECT nullif(current_setting('app.${name}', true), ''))`;

const TENANT = [
  `${setting('role')} IN ('MIIT', 'MOF')`,
  `(${setting('role')} = 'ENTERPRISE' AND enterprise_id = ${setting('enterprise_id')}::uuid)`,
  `(${setting('role')} = 'LOCAL_GOV' AND region_code BETWEEN ${setting('region_lo')} AND ${setting('region_hi')})`,
].join('\n      OR ');

export class KeySupport1764000000004 implements MigrationInterface {
  name = 'KeySupport1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_support_proposal (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id      uuid NOT NULL REFERENCES funding_batch (id),
        enterprise_id uuid NOT NULL REFERENCES enterprise (id),
        region_code   char(6) NOT NULL REFERENCES region (code),
        status        text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        proposed_by   text NOT NULL CHECK (btrim(proposed_by) <> ''),
        decided_by    text CHECK (btrim(decided_by) <> ''),
        reason        text CHECK (btrim(reason) <> ''),
        proposed_at   timestamptz(3) NOT NULL DEFAULT now(),
        decided_at    timestamptz(3),
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        updated_at    timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (batch_id, enterprise_id),
        CHECK ((status = 'PROPOSED') = (decided_by IS NULL)),
        CHECK ((status = 'PROPOSED') = (decided_at IS NULL)),
        CHECK (status <> 'REJECTED' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX key_support_proposal_enterprise_id_idx ON key_support_proposal (enterprise_id)`);
    await q.query(`CREATE INDEX key_support_proposal_region_code_idx ON key_support_proposal (region_code)`);

    // Scope from the enterprise, as for certifications and applications.
    await q.query(`
      CREATE TRIGGER key_support_proposal_scope BEFORE INSERT OR UPDATE OF enterprise_id ON key_support_proposal
      FOR EACH ROW EXECUTE FUNCTION scope_from_enterprise()`);
    // An enterprise that moves region takes its proposals with it (a trigger of
    // its own, so the TenantScope cascade function stays as it was migrated).
    await q.query(`
      CREATE FUNCTION cascade_enterprise_region_to_key_support() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE key_support_proposal SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER enterprise_region_cascade_key_support AFTER UPDATE OF region_code ON enterprise
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)
      EXECUTE FUNCTION cascade_enterprise_region_to_key_support()`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON key_support_proposal TO srdi_app`);

    await q.query(`ALTER TABLE key_support_proposal ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE key_support_proposal FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY key_support_proposal_select ON key_support_proposal FOR SELECT TO srdi_app USING (\n      ${TENANT})`);
    await q.query(`CREATE POLICY key_support_proposal_insert ON key_support_proposal FOR INSERT TO srdi_app WITH CHECK (\n      ${TENANT})`);
    await q.query(
      `CREATE POLICY key_support_proposal_update ON key_support_proposal FOR UPDATE TO srdi_app USING (\n      ${TENANT}) WITH CHECK (\n      ${TENANT})`,
    );
    // FORCE applies the policies to the owner too; migrations, seeding and maintenance get their own open policy.
    await q.query(`CREATE POLICY key_support_proposal_owner ON key_support_proposal TO CURRENT_USER USING (true) WITH CHECK (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS enterprise_region_cascade_key_support ON enterprise`);
    await q.query(`DROP FUNCTION IF EXISTS cascade_enterprise_region_to_key_support()`);
    await q.query(`DROP TABLE IF EXISTS key_support_proposal`);
  }
}
