import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantOncePerStatement } from './1764000000008-PoliciesOncePerStatement';

/**
 * What the public notices invite, and what they publish:
 *
 * - key_little_giant: the published list of key little giants (重点小巨人), a
 *   view of the proposals MoF approved with only their published columns.
 *   It runs as its owner, so the public reads it without being let into
 *   key_support_proposal, whose row-level security stays as it was: the view
 *   is the wall that decides which rows are published.
 * - public_objection: an objection (异议) to an application on public notice,
 *   raised by anyone, the public included. Anyone may insert one, recording
 *   its own role; MIIT, the enterprise concerned and the local governments
 *   of its region read them (the application's policy limits the fields);
 *   MIIT rules on them. Scope columns come from the application, as a
 *   review's do.
 * - audit_event: the event of raising an objection is written by callers
 *   who own no row of the trail (the public, other enterprises, platforms),
 *   so its insert policy admits that one action when it names the caller's
 *   own role as the actor.
 */

const forRole = (role: string, name: string) =>
  `(SELECT CASE WHEN current_setting('app.role', true) = '${role}' THEN nullif(current_setting('app.${name}', true), '') END)`;
const CALLER_ROLE = `(SELECT current_setting('app.role', true))`;

/** MIIT and the local governments of the region: who handles objections (MoF has no part in certification). */
const HANDLERS = [
  `(SELECT current_setting('app.role', true) = 'MIIT')`,
  `region_code BETWEEN ${forRole('LOCAL_GOV', 'region_lo')} AND ${forRole('LOCAL_GOV', 'region_hi')}`,
].join('\n      OR ');
const READERS = `${HANDLERS}\n      OR enterprise_id = (SELECT CASE WHEN current_setting('app.role', true) = 'ENTERPRISE' THEN nullif(current_setting('app.enterprise_id', true), '')::uuid END)`;

const AUDIT = tenantOncePerStatement({ table: 'audit_event', enterprise: 'enterprise_id', platform: 'platform_id' });
const RAISING = `(action = 'raisePublicObjection' AND subject_type = 'PublicObjection' AND actor_role = ${CALLER_ROLE})`;
export class PublicObjections1764000000011 implements MigrationInterface {
  name = 'PublicObjections1764000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW key_little_giant AS
        SELECT id, batch_id, enterprise_id, region_code, decided_at AS approved_at
          FROM key_support_proposal
         WHERE status = 'APPROVED'`);
    await q.query(`GRANT SELECT ON key_little_giant TO srdi_app`);
    // The list's order and the lookup of an enterprise's approved support.
    await q.query(`CREATE INDEX key_support_proposal_approved_idx ON key_support_proposal (decided_at, id) WHERE status = 'APPROVED'`);

    await q.query(`
      CREATE TABLE public_objection (
        id                uuid PRIMARY KEY,
        application_id    uuid NOT NULL REFERENCES application (id),
        enterprise_id     uuid NOT NULL REFERENCES enterprise (id),
        region_code       char(6) NOT NULL REFERENCES region (code),
        grounds           text NOT NULL CHECK (btrim(grounds) <> ''),
        objector_role     text NOT NULL CHECK (objector_role IN ('PUBLIC', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF')),
        objector_subject  text NOT NULL CHECK (btrim(objector_subject) <> ''),
        objector_tenant   text,
        objector_name     text CHECK (btrim(objector_name) <> ''),
        objector_contact  text CHECK (btrim(objector_contact) <> ''),
        status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
        resolution_reason text CHECK (btrim(resolution_reason) <> ''),
        resolved_by       text,
        resolved_at       timestamptz(3),
        created_at        timestamptz(3) NOT NULL DEFAULT now(),
        updated_at        timestamptz(3) NOT NULL DEFAULT now(),
        -- The public is known only by what it wrote down.
        CHECK (objector_role <> 'PUBLIC' OR (objector_name IS NOT NULL AND objector_contact IS NOT NULL)),
        CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
        CHECK ((status = 'OPEN') = (resolved_by IS NULL)),
        CHECK ((status = 'OPEN') = (resolution_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX public_objection_application_id_idx ON public_objection (application_id, created_at)`);
    await q.query(`CREATE INDEX public_objection_region_code_idx ON public_objection (region_code)`);
    await q.query(`CREATE INDEX public_objection_enterprise_id_idx ON public_objection (enterprise_id)`);
    // The list's order (raisedAt, then id) in both directions, without a Sort.
    await q.query(`CREATE INDEX public_objection_created_at_idx ON public_objection (created_at, id)`);
    await q.query(`
      CREATE TRIGGER public_objection_scope BEFORE INSERT OR UPDATE OF application_id ON public_objection
      FOR EACH ROW EXECUTE FUNCTION scope_from_application()`);
    await q.query(`
      CREATE FUNCTION cascade_enterprise_region_to_public_objection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE public_objection SET region_code = NEW.region_code WHERE enterprise_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER enterprise_region_cascade_public_objection AFTER UPDATE OF region_code ON enterprise
      FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)
      EXECUTE FUNCTION cascade_enterprise_region_to_public_objection()`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON public_objection TO srdi_app`);
    await q.query(`ALTER TABLE public_objection ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE public_objection FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY public_objection_select ON public_objection FOR SELECT TO srdi_app USING (\n      ${READERS})`);
    await q.query(
      `CREATE POLICY public_objection_insert ON public_objection FOR INSERT TO srdi_app WITH CHECK (objector_role = ${CALLER_ROLE} AND status = 'OPEN')`,
    );
    // MIIT rules; a local government moving an enterprise carries its objections along (the cascade above).
    await q.query(
      `CREATE POLICY public_objection_update ON public_objection FOR UPDATE TO srdi_app USING (\n      ${HANDLERS}) WITH CHECK (\n      ${HANDLERS})`,
    );
    await q.query(`CREATE POLICY public_objection_owner ON public_objection TO CURRENT_USER USING (true) WITH CHECK (true)`);

    await q.query(`ALTER POLICY audit_event_insert ON audit_event WITH CHECK (\n      ${AUDIT}\n      OR ${RAISING})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY audit_event_insert ON audit_event WITH CHECK (\n      ${AUDIT})`);
    await q.query(`DROP TRIGGER IF EXISTS enterprise_region_cascade_public_objection ON enterprise`);
    await q.query(`DROP FUNCTION IF EXISTS cascade_enterprise_region_to_public_objection()`);
    await q.query(`DROP TABLE IF EXISTS public_objection`);
    await q.query(`DROP INDEX IF EXISTS key_support_proposal_approved_idx`);
    await q.query(`DROP VIEW IF EXISTS key_little_giant`);
  }
}
