import { DataSource } from 'typeorm';
import { programmeToday } from '../../../src/core/calendar';
import { uuidFromGlobalId } from '../../../src/core/global-id';
import { createAward, createEnterprise } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import {
  count,
  CREATE_BATCH,
  createBatch,
  createLittleGiant,
  createProgram,
  createProposal,
  DISBURSE,
  gid,
  GRANT,
  outcome,
  SPEND,
} from './funding-factories';

/**
 * The money invariants under concurrent requests through the real HTTP
 * endpoint: each request is its own transaction on its own connection, so
 * only the row locks the mutations take keep the sums right.
 */

let t: TestServer;
let ds: DataSource;
let mof: string;
let programId: string;

beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  mof = await tokenFor({ role: 'MOF' });
  programId = await createProgram(ds, '100000000000.00');
});
afterAll(() => t.close());

const outcomes = (results: { errors?: unknown[] }[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const o = outcome(r as never);
    acc[o] = (acc[o] ?? 0) + 1;
    return acc;
  }, {});

describe('concurrent grants', () => {
  it('never sum a batch’s awards past its budget: exactly the grants that fit succeed, the others are CONFLICT', async () => {
    const N = 24;
    const batchId = await createBatch(ds, programId, 1, '7500000.00');
    // One award already takes part of the budget.
    const early = await createLittleGiant(ds, '330106');
    await createProposal(ds, batchId, early.id);
    await createAward(ds, batchId, { enterpriseId: early.id }, '500000.00');
    const firms = [];
    for (let i = 0; i < N; i++) {
      const f = await createLittleGiant(ds, i % 2 ? '320102' : '440305');
      await createProposal(ds, batchId, f.id);
      firms.push(f);
    }
    const results = await Promise.all(
      firms.map((f) =>
        t.graphql(GRANT, { input: { batchId: gid('FundingBatch', batchId), enterpriseId: gid('Enterprise', f.id), amount: '1000000.00' } }, mof),
      ),
    );
    // (7,500,000 − 500,000) / 1,000,000 = 7 fit.
    expect(outcomes(results)).toEqual({ OK: 7, CONFLICT: N - 7 });
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].message).toMatch(/past its budget/);
    const [{ total, n }] = await ds.query(`SELECT sum(amount)::text AS total, count(*)::int AS n FROM award WHERE batch_id = $1`, [batchId]);
    expect({ total, n }).toEqual({ total: '7500000.00', n: 8 });
    expect(await count(ds, 'audit_event', `action = 'grantAward'`)).toBe(7);
  });

  it('never allocate a programme past its total with concurrent batches', async () => {
    const p = await createProgram(ds, '1000.00', 2021, 2025);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.graphql(CREATE_BATCH, { input: { programId: gid('FundingProgram', p), year: 2022, budget: '150.00', supportYears: 3 } }, mof),
      ),
    );
    expect(outcomes(results)).toEqual({ OK: 6, CONFLICT: 14 });
    const rows: { number: number }[] = await ds.query(`SELECT number FROM funding_batch WHERE program_id = $1 ORDER BY number`, [p]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('concurrent disbursements', () => {
  async function freshAward(amount: string): Promise<{ id: string; gid: string; enterpriseId: string }> {
    const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const batchId = await createBatch(ds, programId, Math.floor(Math.random() * 1e6) + 10, '100000000.00');
    const id = await createAward(ds, batchId, { enterpriseId: e.id }, amount);
    return { id, gid: gid('Award', id), enterpriseId: e.id };
  }

  it('with the same idempotency key pay exactly once and all return that payment', async () => {
    const award = await freshAward('1000000.00');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.graphql(DISBURSE, { input: { awardId: award.gid, amount: '400000.00', idempotencyKey: 'same-key' } }, mof)),
    );
    expect(outcomes(results)).toEqual({ OK: 20 });
    const ids = new Set(results.map((r) => r.data!.disburseAward.disbursement.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.data!.disburseAward.replayed)).toHaveLength(1);
    const [{ n, total }] = await ds.query(`SELECT count(*)::int AS n, sum(amount)::text AS total FROM disbursement WHERE award_id = $1`, [award.id]);
    expect({ n, total }).toEqual({ n: 1, total: '400000.00' });
    expect(await count(ds, 'audit_event', `action = 'disburseAward' AND subject_id = $1`, [uuidFromGlobalId([...ids][0], 'Disbursement')])).toBe(1);
  });

  it('with the same key for different awards pay one of them; the other is a CONFLICT', async () => {
    const awards = [];
    for (let i = 0; i < 10; i++) awards.push(await freshAward('1000.00'));
    const results = await Promise.all(
      awards.map((a) => t.graphql(DISBURSE, { input: { awardId: a.gid, amount: '10.00', idempotencyKey: 'shared-key' } }, mof)),
    );
    expect(outcomes(results)).toEqual({ OK: 1, CONFLICT: 9 });
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions).toMatchObject({ field: 'idempotencyKey' });
    expect(await count(ds, 'disbursement', `idempotency_key = 'shared-key'`)).toBe(1);
  });

  it('with different keys never pay out more than granted, and number their tranches 1, 2, 3…', async () => {
    const award = await freshAward('1000000.00');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.graphql(DISBURSE, { input: { awardId: award.gid, amount: '300000.00', idempotencyKey: `k-${i}` } }, mof),
      ),
    );
    expect(outcomes(results)).toEqual({ OK: 3, CONFLICT: 17 });
    const rows: { tranche: number }[] = await ds.query(`SELECT tranche FROM disbursement WHERE award_id = $1 ORDER BY tranche`, [award.id]);
    expect(rows.map((r) => r.tranche)).toEqual([1, 2, 3]);
  });

  it('and concurrent spending never records more than was disbursed', async () => {
    const award = await freshAward('1000000.00');
    expect(outcome(await t.graphql(DISBURSE, { input: { awardId: award.gid, amount: '1000000.00', idempotencyKey: 'spend-fund' } }, mof))).toBe('OK');
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: award.enterpriseId });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.graphql(SPEND, { input: { awardId: award.gid, category: 'EQUIPMENT', amount: '300000.00', spentOn: programmeToday() } }, token),
      ),
    );
    expect(outcomes(results)).toEqual({ OK: 3, CONFLICT: 17 });
    const [{ spent }] = await ds.query(`SELECT sum(amount)::text AS spent FROM expenditure WHERE award_id = $1`, [award.id]);
    expect(spent).toBe('900000.00');
  });
});
