import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Applications and reviews written as the database owner, with defaults that satisfy every constraint. */
export interface ApplicationRow {
  tier?: string;
  status?: string;
  recommendedByRegionCode?: string | null;
  score?: string | null;
  certificationId?: string | null;
  ruleSetCode?: string;
  publicNoticeEndsOn?: string | null;
  /** ISO timestamp for created_at and updated_at; now() if omitted. */
  at?: string;
}

export async function insertApplication(ds: DataSource, enterpriseId: string, o: ApplicationRow = {}): Promise<string> {
  const id = randomUUID();
  const status = o.status ?? 'SUBMITTED';
  await ds.query(
    `INSERT INTO application (id, enterprise_id, tier, rule_set_code, status, submitted_at, recommended_by_region_code, score,
                              certification_id, created_at, updated_at, public_notice_ends_on)
     VALUES ($1, $2, $3, COALESCE($11, 'MIIT-2022-63'), $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()), COALESCE($9::timestamptz, now()), $10)`,
    [
      id,
      enterpriseId,
      o.tier ?? 'LITTLE_GIANT',
      status,
      status === 'DRAFT' || status === 'WITHDRAWN' ? null : '2026-03-02T02:00:00Z',
      o.recommendedByRegionCode ?? null,
      o.score ?? null,
      o.certificationId ?? null,
      o.at ?? null,
      o.publicNoticeEndsOn ?? null,
      o.ruleSetCode ?? null,
    ],
  );
  return id;
}

export interface ReviewRow {
  kind: string;
  decision: string;
  reviewerRole: string;
  reviewerSubject: string;
  reviewerRegionCode?: string | null;
  score?: string | null;
  comment?: string | null;
  evaluation?: unknown;
  at?: string;
}

export async function insertReview(ds: DataSource, applicationId: string, o: ReviewRow): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO review (id, application_id, kind, decision, reviewer_role, reviewer_subject, reviewer_region_code, score,
                         comment, rule_set_code, evaluation, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'MIIT-2022-63', $10, COALESCE($11::timestamptz, now()))`,
    [
      id,
      applicationId,
      o.kind,
      o.decision,
      o.reviewerRole,
      o.reviewerSubject,
      o.reviewerRegionCode ?? null,
      o.score ?? null,
      o.comment ?? null,
      o.evaluation === undefined ? null : JSON.stringify(o.evaluation),
      o.at ?? null,
    ],
  );
  return id;
}
