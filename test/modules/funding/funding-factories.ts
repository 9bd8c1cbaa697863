import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, EnterpriseRow } from '../../support/factories';
import { GraphQLResponse } from '../../support/server';

/**
 * Funding test data, written as the database owner: little giants with a
 * title valid around today, proposals, batches; and the mutations' documents.
 */

export const gid = toGlobalId;

/** An enterprise holding a LITTLE_GIANT title in force today (or as `status`/`validUntil` say). */
export async function createLittleGiant(
  ds: DataSource,
  regionCode: string,
  o: { status?: 'CERTIFIED' | 'RENEWED' | 'UNDER_REVIEW' | 'PUBLIC_NOTICE' | 'REVOKED'; validUntil?: string; name?: string } = {},
): Promise<EnterpriseRow> {
  const e = await createEnterprise(ds, { regionCode, tier: 'LITTLE_GIANT', name: o.name });
  const status = o.status ?? 'CERTIFIED';
  const inForce = status !== 'PUBLIC_NOTICE';
  await ds.query(
    `INSERT INTO certification (enterprise_id, tier, batch_number, rule_set_code, status, certified_on, valid_until, revoked_on, revocation_reason)
     VALUES ($1, 'LITTLE_GIANT', 7, 'MIIT-2022-63', $2, $3, $4, $5, $6)`,
    [
      e.id,
      status,
      inForce ? '2024-07-01' : null,
      inForce ? (o.validUntil ?? '2099-06-30') : null,
      status === 'REVOKED' ? '2026-01-15' : null,
      status === 'REVOKED' ? 'TAX_EVASION' : null,
    ],
  );
  return e;
}

export async function createProposal(
  ds: DataSource,
  batchId: string,
  enterpriseId: string,
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED' = 'APPROVED',
): Promise<string> {
  const id = randomUUID();
  const decided = status !== 'PROPOSED';
  await ds.query(
    `INSERT INTO key_support_proposal (id, batch_id, enterprise_id, status, proposed_by, decided_by, decided_at, reason)
     VALUES ($1, $2, $3, $4, 'test:MIIT:ministry', $5, $6, $7)`,
    [
      id,
      batchId,
      enterpriseId,
      status,
      decided ? 'test:MOF:ministry' : null,
      decided ? new Date() : null,
      status === 'REJECTED' ? '不符合条件' : null,
    ],
  );
  return id;
}

export async function createBatch(ds: DataSource, programId: string, number: number, budget: string, year = 2024): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO funding_batch (id, program_id, number, year, budget, support_years) VALUES ($1, $2, $3, $4, $5, 3)`, [
    id,
    programId,
    number,
    year,
    budget,
  ]);
  return id;
}

export async function createProgram(ds: DataSource, totalBudget = '10000000000.00', startYear = 2024, endYear = 2026): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO funding_program (id, document_number, name, start_year, end_year, total_budget) VALUES ($1, $2, '中小企业发展专项资金', $3, $4, $5)`,
    [id, `财建〔2024〕${id.slice(0, 8)}号`, startYear, endYear, totalBudget],
  );
  return id;
}

export async function count(ds: DataSource, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return n;
}

export const auditCount = (ds: DataSource, action?: string) =>
  action ? count(ds, 'audit_event', 'action = $1', [action]) : count(ds, 'audit_event');

/** The outcome of a mutation as the contract names it: OK or the first error's code. */
export function outcome(res: GraphQLResponse): string {
  if (res.errors?.length) return String(res.errors[0].extensions?.code);
  return 'OK';
}

export const PROPOSE = `mutation($input: ProposeKeySupportInput!) {
  proposeKeySupport(input: $input) { keySupportProposal { id status proposedBy decidedBy reason enterprise { id } batch { id } } } }`;
export const APPROVE = `mutation($input: ApproveKeySupportInput!) {
  approveKeySupport(input: $input) { keySupportProposal { id status decidedBy reason decidedAt } } }`;
export const CREATE_PROGRAM = `mutation($input: CreateFundingProgramInput!) {
  createFundingProgram(input: $input) { fundingProgram { id documentNumber totalBudget allocated } } }`;
export const CREATE_BATCH = `mutation($input: CreateFundingBatchInput!) {
  createFundingBatch(input: $input) { fundingBatch { id number year budget supportYears program { id } } } }`;
export const GRANT = `mutation($input: GrantAwardInput!) {
  grantAward(input: $input) { award { id amount status usageRestriction grantedOn enterprise { id } platform { id } batch { id } } } }`;
export const DISBURSE = `mutation($input: DisburseAwardInput!) {
  disburseAward(input: $input) { replayed disbursement { id tranche amount paidOn idempotencyKey } award { id status disbursed } } }`;
export const CLAW_BACK = `mutation($input: ClawBackAwardInput!) {
  clawBackAward(input: $input) { clawBack { id amount reason } award { id status disbursed clawedBack } } }`;
export const SPEND = `mutation($input: RecordExpenditureInput!) {
  recordExpenditure(input: $input) { expenditure { id category amount spentOn description } award { id spent } } }`;
