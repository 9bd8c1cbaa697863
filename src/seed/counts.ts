import { Queryable } from './bulk-insert';

/** What a seeded database holds, counted in the database itself (not from what the generator meant to write). */
export interface SeedCounts {
  enterprises: number;
  littleGiants: number;
  srdiSmes: number;
  innovativeSmes: number;
  financialReports: number;
  certifications: number;
  platforms: number;
  fundingPrograms: number;
  fundingBatches: number;
  keySupportProposals: number;
  awards: number;
  disbursements: number;
  expenditures: number;
  clawBacks: number;
  applications: number;
  reviews: number;
  assessments: number;
  publicObjections: number;
  auditEvents: number;
}

export async function countRows(db: Queryable): Promise<SeedCounts> {
  const rows = (await db.query(`
    SELECT (SELECT count(*) FROM enterprise)::int AS "enterprises",
           (SELECT count(*) FROM enterprise WHERE tier = 'LITTLE_GIANT')::int AS "littleGiants",
           (SELECT count(*) FROM enterprise WHERE tier = 'SRDI_SME')::int AS "srdiSmes",
           (SELECT count(*) FROM enterprise WHERE tier = 'INNOVATIVE_SME')::int AS "innovativeSmes",
           (SELECT count(*) FROM financial_report)::int AS "financialReports",
           (SELECT count(*) FROM certification)::int AS "certifications",
           (SELECT count(*) FROM platform)::int AS "platforms",
           (SELECT count(*) FROM funding_program)::int AS "fundingPrograms",
           (SELECT count(*) FROM funding_batch)::int AS "fundingBatches",
           (SELECT count(*) FROM key_support_proposal)::int AS "keySupportProposals",
           (SELECT count(*) FROM award)::int AS "awards",
           (SELECT count(*) FROM disbursement)::int AS "disbursements",
           (SELECT count(*) FROM expenditure)::int AS "expenditures",
           (SELECT count(*) FROM claw_back)::int AS "clawBacks",
           (SELECT count(*) FROM application)::int AS "applications",
           (SELECT count(*) FROM review)::int AS "reviews",
           (SELECT count(*) FROM assessment)::int AS "assessments",
           (SELECT count(*) FROM public_objection)::int AS "publicObjections",
           (SELECT count(*) FROM audit_event)::int AS "auditEvents"`)) as SeedCounts[];
  return rows[0];
}

/** One line for a terminal: "150000 enterprises (17600 little giants), 450000 financial reports, …". */
export function describeCounts(c: SeedCounts): string {
  return [
    `${c.enterprises} enterprises (${c.littleGiants} little giants, ${c.srdiSmes} SRDI SMEs, ${c.innovativeSmes} innovative SMEs)`,
    `${c.financialReports} financial reports`,
    `${c.certifications} certifications`,
    `${c.applications} applications`,
    `${c.reviews} reviews`,
    `${c.assessments} assessments`,
    `${c.publicObjections} public objections`,
    `${c.platforms} platforms`,
    `${c.fundingBatches} funding batches`,
    `${c.keySupportProposals} key-support proposals`,
    `${c.awards} awards`,
    `${c.disbursements} disbursements`,
    `${c.expenditures} expenditures`,
    `${c.clawBacks} claw-backs`,
    `${c.auditEvents} audit events`,
  ].join(', ');
}

/** The seed would overwrite or mix with existing data, so it refuses. */
export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

/** Any constant shared by every seeding process (the migration lock uses another). */
const SEED_LOCK_KEY = 7_240_532;

/**
 * Takes the seed lock for the rest of the transaction (a second seeder waits
 * here), then refuses unless the database holds no enterprise yet.
 */
export async function claimEmptyDatabase(db: Queryable, what: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock($1)`, [SEED_LOCK_KEY]);
  const rows = (await db.query(`SELECT EXISTS (SELECT 1 FROM enterprise) AS present`)) as { present: boolean }[];
  if (rows[0].present) {
    throw new SeedRefusedError(
      `the database already holds enterprises; ${what} is loaded only into an empty database (use a fresh DATA_DIR or database)`,
    );
  }
}
