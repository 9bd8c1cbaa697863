import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What several API processes on one database must share besides the data:
 * the rate-limit counts (the table rate-limiter-flexible's PostgreSQL store
 * reads and writes, in its own shape; created here so that srdi_app needs
 * no CREATE right) and when each piece of background upkeep last ran, so
 * that it runs once per interval whichever replica wakes first.
 * Neither holds tenant data: rate_limit keys are "sub:<role>:<subject>" or
 * "ip:<address>", and only the owner reads upkeep_run.
 */
export class SharedAcrossReplicas1764000000013 implements MigrationInterface {
  name = 'SharedAcrossReplicas1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO srdi_app`);
    await q.query(`
      CREATE TABLE upkeep_run (
        name        text PRIMARY KEY,
        started_at  timestamptz(3) NOT NULL,
        finished_at timestamptz(3),
        started_by  text NOT NULL,
        changed     integer,
        runs        integer NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE upkeep_run`);
    await q.query(`DROP TABLE rate_limit`);
  }
}
