import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day an application's public notice (公示) opened is kept on the
 * application, beside the day it ends; until now only the audit trail held
 * it, and certifying read it back from there. Back-filled the way that read
 * went: the programme day (Asia/Shanghai) of the latest openPublicNotice
 * event about the application. Applications whose notice never opened, or
 * whose trail has no such event, keep NULL.
 */
export class PublicNoticeStart1764000000014 implements MigrationInterface {
  name = 'PublicNoticeStart1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN public_notice_starts_on date`);
    await q.query(`
      UPDATE application a SET public_notice_starts_on = opened.day
        FROM (SELECT DISTINCT ON (subject_id) subject_id, to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')::date AS day
                FROM audit_event
               WHERE subject_type = 'Application' AND action = 'openPublicNotice'
               ORDER BY subject_id, id DESC) opened
       WHERE opened.subject_id = a.id::text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN public_notice_starts_on`);
  }
}
