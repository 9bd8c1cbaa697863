import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public notices invite, and what they publish:
 *
 * - key_little_giant: the published list of key little giants (重点小巨人), a
 *   view of the proposals MoF approved with only their published columns.
 *   It runs as its owner, so the public reads it without being let into
 *   key_support_proposal, whose row-level security stays as it was: the view
 *   is the wall that decides which rows are published.
 */
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS key_support_proposal_approved_idx`);
    await q.query(`DROP VIEW IF EXISTS key_little_giant`);
  }
}
