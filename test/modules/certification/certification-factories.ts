import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Certifications with every date under the test's control, written as the
 * database owner (test/support/factories.ts has the default one).
 */
export interface CertificationRow {
  tier?: string;
  status?: string;
  batchNumber?: number | null;
  publicNoticeStartsOn?: string | null;
  publicNoticeEndsOn?: string | null;
  certifiedOn?: string | null;
  validUntil?: string | null;
  revokedOn?: string | null;
  revocationReason?: string | null;
  /** ISO timestamp; the database's now() (with microseconds) if omitted. */
  createdAt?: string;
}

export async function insertCertification(ds: DataSource, enterpriseId: string, o: CertificationRow = {}): Promise<string> {
  const id = randomUUID();
  const status = o.status ?? 'CERTIFIED';
  const inForce = status !== 'PUBLIC_NOTICE';
  const revoked = status === 'REVOKED';
  await ds.query(
    `INSERT INTO certification (id, enterprise_id, tier, batch_number, rule_set_code, status, public_notice_starts_on,
                                public_notice_ends_on, certified_on, valid_until, revoked_on, revocation_reason, created_at)
     VALUES ($1, $2, $3, $4, 'MIIT-2022-63', $5, $6, $7, $8, $9, $10, $11, COALESCE($12::timestamptz, now()))`,
    [
      id,
      enterpriseId,
      o.tier ?? 'LITTLE_GIANT',
      o.batchNumber === undefined ? 7 : o.batchNumber,
      status,
      o.publicNoticeStartsOn === undefined ? '2025-06-01' : o.publicNoticeStartsOn,
      o.publicNoticeEndsOn === undefined ? '2025-06-10' : o.publicNoticeEndsOn,
      o.certifiedOn === undefined ? (inForce ? '2025-07-01' : null) : o.certifiedOn,
      o.validUntil === undefined ? (inForce ? '2099-06-30' : null) : o.validUntil,
      o.revokedOn === undefined ? (revoked ? '2026-01-15' : null) : o.revokedOn,
      o.revocationReason === undefined ? (revoked ? 'TAX_EVASION' : null) : o.revocationReason,
      o.createdAt ?? null,
    ],
  );
  return id;
}
