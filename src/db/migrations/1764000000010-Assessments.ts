import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantOncePerStatement } from './1764000000008-PoliciesOncePerStatement';

/**
 * Assessments (issue 12, item 3): the qualitative conditions the rule sets
 * cannot read from figures, recorded per enterprise, indicator and year with
 * who asserted them. A yes/no condition is declared by the enterprise and
 * confirmed or rejected by its local government; a score is given by MIIT's
 * experts. Tenant-owned like financial reports: region_code is copied from
 * the enterprise by the TenantScope trigger, and row-level security mirrors
 * the policy with the clause of the PoliciesOncePerStatement migration.
 *
 * And the self-assessment at submission (item 4): the evaluation of the
 * applicant against the application's rule set, kept on the application.
 */
export class Assessments1764000000010 implements MigrationInterface {
  name = 'Assessments1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id           uuid NOT NULL REFERENCES enterprise (id),
        region_code             char(6) NOT NULL REFERENCES region (code),
        indicator_key           text NOT NULL CHECK (indicator_key ~ '^[A-Za-z][A-Za-z0-9]{0,63}$'),
        year                    int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        value_kind              text NOT NULL CHECK (value_kind IN ('FLAG', 'SCORE')),
        flag                    boolean,
        score                   numeric(5, 2) CHECK (score BETWEEN 0 AND 100),
        evidence                text NOT NULL CHECK (btrim(evidence) <> ''),
        status                  text NOT NULL CHECK (status IN ('DECLARED', 'CONFIRMED', 'REJECTED', 'SCORED')),
        asserted_by             text NOT NULL CHECK (btrim(asserted_by) <> ''),
        asserted_by_role        text NOT NULL,
        asserted_at             timestamptz(3) NOT NULL DEFAULT now(),
        decided_by              text CHECK (btrim(decided_by) <> ''),
        decided_by_region_code  char(6) REFERENCES region (code),
        decided_at              timestamptz(3),
        rejection_reason        text CHECK (btrim(rejection_reason) <> ''),
        created_at              timestamptz(3) NOT NULL DEFAULT now(),
        updated_at              timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (enterprise_id, indicator_key, year),
        CHECK ((value_kind = 'FLAG') = (flag IS NOT NULL)),
        CHECK ((value_kind = 'SCORE') = (score IS NOT NULL)),
        CHECK ((value_kind = 'SCORE') = (status = 'SCORED')),
        CHECK ((status IN ('CONFIRMED', 'REJECTED')) = (decided_at IS NOT NULL)),
        CHECK ((status IN ('CONFIRMED', 'REJECTED')) = (decided_by IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX assessment_region_code_idx ON assessment (region_code)`);

    await q.query(`
      CREATE TRIGGER assessment_scope BEFORE INSERT OR UPDATE OF enterprise_id ON assessment
      FOR EACH ROW EXECUTE FUNCTION scope_from_enterprise()`);
    // An enterprise that moves region takes its assessments with it (a trigger of
    // its own, so the TenantScope cascade function stays as it was migrated).
    await q.query(`
      CREATE FUNCTION cascade_enterprise_region_to_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE assessment SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER enterprise_region_cascade_assessment AFTER UPDATE OF region_code ON enterprise
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)
      EXECUTE FUNCTION cascade_enterprise_region_to_assessment()`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON assessment TO srdi_app`);
    const tenant = tenantOncePerStatement({ table: 'assessment', enterprise: 'enterprise_id' });
    await q.query(`ALTER TABLE assessment ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE assessment FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY assessment_select ON assessment FOR SELECT TO srdi_app USING (\n      ${tenant})`);
    await q.query(`CREATE POLICY assessment_insert ON assessment FOR INSERT TO srdi_app WITH CHECK (\n      ${tenant})`);
    await q.query(`CREATE POLICY assessment_update ON assessment FOR UPDATE TO srdi_app USING (\n      ${tenant}) WITH CHECK (\n      ${tenant})`);
    // FORCE applies the policies to the owner too; migrations, seeding and maintenance get their own open policy.
    await q.query(`CREATE POLICY assessment_owner ON assessment TO CURRENT_USER USING (true) WITH CHECK (true)`);

    await q.query(`ALTER TABLE application ADD COLUMN self_assessment jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN IF EXISTS self_assessment`);
    await q.query(`DROP TRIGGER IF EXISTS enterprise_region_cascade_assessment ON enterprise`);
    await q.query(`DROP FUNCTION IF EXISTS cascade_enterprise_region_to_assessment()`);
    await q.query(`DROP TABLE IF EXISTS assessment`);
  }
}
