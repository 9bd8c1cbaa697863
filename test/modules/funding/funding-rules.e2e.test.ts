import { DataSource } from 'typeorm';
import { uuidFromGlobalId } from '../../../src/core/global-id';
import { programmeToday } from '../../../src/core/calendar';
import { createAward, createEnterprise, createPlatform, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import {
  APPROVE,
  auditCount,
  CLAW_BACK,
  count,
  CREATE_BATCH,
  CREATE_PROGRAM,
  createBatch,
  createLittleGiant,
  createProgram,
  createProposal,
  DISBURSE,
  gid,
  GRANT,
  outcome,
  PROPOSE,
  SPEND,
} from './funding-factories';

/**
 * The programme's funding rules through the real endpoint, each with the
 * error code and field the contract promises, and with nothing written
 * (no row, no audit event) when a mutation is refused.
 */

let t: TestServer;
let ds: DataSource;
let mof: string;
let miit: string;
let programId: string;
let batchId: string;

beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  mof = await tokenFor({ role: 'MOF' });
  miit = await tokenFor({ role: 'MIIT' });
  programId = await createProgram(ds, '1000000000.00');
  batchId = await createBatch(ds, programId, 1, '100000000.00');
});
afterAll(() => t.close());

const error = (res: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  code: res.errors?.[0]?.extensions?.code,
  field: res.errors?.[0]?.extensions?.field,
  message: res.errors?.[0]?.message,
});

/** Runs `fn`, expecting it to leave every funding table and the audit trail as they were. */
async function writesNothing(fn: () => Promise<void>): Promise<void> {
  const tables = ['funding_program', 'funding_batch', 'key_support_proposal', 'award', 'disbursement', 'expenditure', 'claw_back', 'audit_event'];
  const counts = () => Promise.all(tables.map((x) => count(ds, x)));
  const before = await counts();
  const statuses = await ds.query(`SELECT id, status FROM award ORDER BY id`);
  await fn();
  expect(await counts()).toEqual(before);
  expect(await ds.query(`SELECT id, status FROM award ORDER BY id`)).toEqual(statuses);
}

describe('proposeKeySupport', () => {
  const propose = (e: EnterpriseRow, batch = batchId) =>
    t.graphql(PROPOSE, { input: { batchId: gid('FundingBatch', batch), enterpriseId: gid('Enterprise', e.id) } }, miit);

  it('accepts a CERTIFIED or RENEWED little giant valid today, once per batch', async () => {
    const renewed = await createLittleGiant(ds, '440305', { status: 'RENEWED' });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const lastDay = await createLittleGiant(ds, '440305', { validUntil: today });
    expect(outcome(await propose(renewed))).toBe('OK');
    expect(outcome(await propose(lastDay))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await propose(renewed))).toMatchObject({
        code: 'CONFLICT',
        field: 'enterpriseId',
        message: expect.stringContaining('already proposed'),
      });
    });
  });

  it('refuses an enterprise without a certified, unexpired little giant title, saying why', async () => {
    const cases = [
      await createEnterprise(ds, { regionCode: '320102', tier: 'SRDI_SME' }),
      await createLittleGiant(ds, '320102', { validUntil: '2025-06-30' }),
      await createLittleGiant(ds, '320102', { status: 'REVOKED' }),
      await createLittleGiant(ds, '320102', { status: 'PUBLIC_NOTICE' }),
      await createLittleGiant(ds, '320102', { status: 'UNDER_REVIEW' }),
    ];
    await writesNothing(async () => {
      for (const e of cases) {
        expect(error(await propose(e))).toEqual({
          code: 'CONFLICT',
          field: 'enterpriseId',
          message: expect.stringMatching(/no certified, unexpired LITTLE_GIANT title/),
        });
      }
    });
  });

  it('treats an unknown batch or enterprise as not found', async () => {
    const e = await createLittleGiant(ds, '320102');
    await writesNothing(async () => {
      expect(error(await propose(e, '00000000-0000-4000-8000-000000000000')).code).toBe('NOT_FOUND');
      expect(error(await propose({ ...e, id: '00000000-0000-4000-8000-000000000001' })).code).toBe('NOT_FOUND');
    });
  });
});

describe('approveKeySupport', () => {
  it('needs a reason to reject, decides once, and records who decided', async () => {
    const e = await createLittleGiant(ds, '320102');
    const id = gid('KeySupportProposal', await createProposal(ds, batchId, e.id, 'PROPOSED'));
    await writesNothing(async () => {
      expect(error(await t.graphql(APPROVE, { input: { proposalId: id, approve: false } }, mof))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      expect(error(await t.graphql(APPROVE, { input: { proposalId: id, approve: false, reason: '  ' } }, mof))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
    });
    const rejected = await t.graphql(APPROVE, { input: { proposalId: id, approve: false, reason: '研发投入不足' } }, mof);
    expect(rejected.data!.approveKeySupport.keySupportProposal).toMatchObject({
      status: 'REJECTED',
      reason: '研发投入不足',
      decidedBy: 'test:MOF:ministry',
    });
    await writesNothing(async () => {
      expect(error(await t.graphql(APPROVE, { input: { proposalId: id, approve: true } }, mof))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('REJECTED'),
      });
    });
  });

  it('refuses to approve once the title was revoked since the proposal', async () => {
    const e = await createLittleGiant(ds, '320102');
    const id = gid('KeySupportProposal', await createProposal(ds, batchId, e.id, 'PROPOSED'));
    await ds.query(
      `UPDATE certification SET status = 'REVOKED', revoked_on = '2026-02-01', revocation_reason = 'TAX_EVASION' WHERE enterprise_id = $1`,
      [e.id],
    );
    await writesNothing(async () => {
      expect(error(await t.graphql(APPROVE, { input: { proposalId: id, approve: true } }, mof))).toMatchObject({ code: 'CONFLICT' });
    });
  });
});

describe('createFundingProgram and createFundingBatch', () => {
  const program = (o: Record<string, unknown> = {}) => ({
    documentNumber: `财建〔2021〕${Math.random()}号`,
    name: '专项资金',
    startYear: 2021,
    endYear: 2025,
    totalBudget: '10000000000.00',
    ...o,
  });

  it('validate years, budgets and document numbers', async () => {
    await writesNothing(async () => {
      expect(error(await t.graphql(CREATE_PROGRAM, { input: program({ endYear: 2020 }) }, mof))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endYear',
      });
      expect(error(await t.graphql(CREATE_PROGRAM, { input: program({ totalBudget: '0.00' }) }, mof))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'totalBudget',
      });
      expect(error(await t.graphql(CREATE_PROGRAM, { input: program({ totalBudget: 100 }) }, mof)).code).toBe('BAD_USER_INPUT');
      expect(error(await t.graphql(CREATE_PROGRAM, { input: program({ name: ' ' }) }, mof))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });
    const ok = await t.graphql(CREATE_PROGRAM, { input: program({ documentNumber: '财建〔2021〕2号' }) }, mof);
    expect(outcome(ok)).toBe('OK');
    await writesNothing(async () => {
      expect(error(await t.graphql(CREATE_PROGRAM, { input: program({ documentNumber: '财建〔2021〕2号' }) }, mof))).toMatchObject({
        code: 'CONFLICT',
        field: 'documentNumber',
      });
    });
  });

  it('keep the batches’ budgets within the programme’s total, support 1–3 years, years inside the programme', async () => {
    const p = (await t.graphql(CREATE_PROGRAM, { input: program({ totalBudget: '1000.00' }) }, mof)).data!.createFundingProgram.fundingProgram.id;
    const batch = (o: Record<string, unknown>) =>
      t.graphql(CREATE_BATCH, { input: { programId: p, year: 2021, budget: '400.00', supportYears: 3, ...o } }, mof);
    expect((await batch({})).data!.createFundingBatch.fundingBatch.number).toBe(1);
    expect((await batch({ budget: '599.99' })).data!.createFundingBatch.fundingBatch.number).toBe(2);
    await writesNothing(async () => {
      expect(error(await batch({ budget: '0.02' }))).toMatchObject({
        code: 'CONFLICT',
        field: 'budget',
        message: expect.stringContaining('0.01 left'),
      });
      for (const supportYears of [0, 4])
        expect(error(await batch({ supportYears, budget: '0.01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supportYears' });
      expect(error(await batch({ year: 2026, budget: '0.01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(error(await batch({ number: 2, budget: '0.01' }))).toMatchObject({ code: 'CONFLICT', field: 'number' });
      expect(
        error(
          await t.graphql(
            CREATE_BATCH,
            { input: { programId: gid('FundingProgram', '00000000-0000-4000-8000-000000000000'), year: 2021, budget: '1.00', supportYears: 1 } },
            mof,
          ),
        ).code,
      ).toBe('NOT_FOUND');
    });
    const last = await batch({ budget: '0.01', number: 7, supportYears: 1 });
    expect(last.data!.createFundingBatch.fundingBatch).toMatchObject({ number: 7, supportYears: 1 });
    const [{ allocated }] = await ds.query(`SELECT sum(budget)::text AS allocated FROM funding_batch WHERE program_id = $1`, [
      uuidFromGlobalId(p, 'FundingProgram'),
    ]);
    expect(allocated).toBe('1000.00');
  });
});

describe('grantAward', () => {
  const grant = (input: Record<string, unknown>) =>
    t.graphql(GRANT, { input: { batchId: gid('FundingBatch', batchId), amount: '1000000.00', ...input } }, mof);

  it('grants only to an approved key little giant of the batch, once', async () => {
    const never = await createLittleGiant(ds, '320102');
    const proposed = await createLittleGiant(ds, '320102');
    const rejected = await createLittleGiant(ds, '320102');
    const approvedElsewhere = await createLittleGiant(ds, '320102');
    await createProposal(ds, batchId, proposed.id, 'PROPOSED');
    await createProposal(ds, batchId, rejected.id, 'REJECTED');
    await createProposal(ds, await createBatch(ds, programId, 9, '1000.00'), approvedElsewhere.id, 'APPROVED');
    await writesNothing(async () => {
      for (const e of [never, proposed, rejected, approvedElsewhere]) {
        expect(error(await grant({ enterpriseId: gid('Enterprise', e.id) }))).toMatchObject({
          code: 'CONFLICT',
          field: 'enterpriseId',
          message: expect.stringContaining('not an approved key little giant of this batch'),
        });
      }
    });
    const approved = await createLittleGiant(ds, '320102');
    await createProposal(ds, batchId, approved.id, 'APPROVED');
    const ok = await grant({ enterpriseId: gid('Enterprise', approved.id) });
    expect(ok.data!.grantAward.award).toMatchObject({ usageRestriction: 'UNRESTRICTED', status: 'GRANTED' });
    await writesNothing(async () => {
      expect(error(await grant({ enterpriseId: gid('Enterprise', approved.id) }))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('already has an award'),
      });
    });
  });

  it('grants to a platform with the services-only restriction; one recipient, a positive amount', async () => {
    const p = await createPlatform(ds, { regionCode: '440300' });
    const e = await createLittleGiant(ds, '440305');
    await createProposal(ds, batchId, e.id);
    await writesNothing(async () => {
      expect(error(await grant({}))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error(await grant({ platformId: gid('Platform', p.id), enterpriseId: gid('Enterprise', e.id) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(error(await grant({ platformId: gid('Platform', p.id), amount: '0.00' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
      expect(error(await grant({ platformId: gid('Platform', p.id), grantedOn: '2024-02-30' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'grantedOn',
      });
      expect(error(await grant({ platformId: gid('Platform', '00000000-0000-4000-8000-000000000000') })).code).toBe('NOT_FOUND');
    });
    const ok = await grant({ platformId: gid('Platform', p.id) });
    expect(ok.data!.grantAward.award).toMatchObject({ usageRestriction: 'SERVICES_ONLY', enterprise: null, platform: { id: gid('Platform', p.id) } });
  });

  it('never sums a batch’s awards past its budget', async () => {
    const small = await createBatch(ds, programId, 2, '2500000.00');
    const firms = [await createLittleGiant(ds, '330106'), await createLittleGiant(ds, '330106'), await createLittleGiant(ds, '330106')];
    for (const f of firms) await createProposal(ds, small, f.id);
    const g = (f: EnterpriseRow, amount: string) =>
      t.graphql(GRANT, { input: { batchId: gid('FundingBatch', small), enterpriseId: gid('Enterprise', f.id), amount } }, mof);
    expect(outcome(await g(firms[0], '1500000.00'))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await g(firms[1], '1000000.01'))).toMatchObject({
        code: 'CONFLICT',
        field: 'amount',
        message: expect.stringContaining('1000000.00 left'),
      });
    });
    expect(outcome(await g(firms[1], '1000000.00'))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await g(firms[2], '0.01')).code).toBe('CONFLICT');
    });
  });
});

describe('disburseAward', () => {
  let e: EnterpriseRow;
  let award: string;
  beforeAll(async () => {
    e = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
    award = gid('Award', await createAward(ds, batchId, { enterpriseId: e.id }, '6000000.00'));
  });
  const pay = (amount: string, idempotencyKey: string, awardId = award) => t.graphql(DISBURSE, { input: { awardId, amount, idempotencyKey } }, mof);

  it('pays tranches in order, never more than granted', async () => {
    expect((await pay('2000000.00', 'd-1')).data!.disburseAward.disbursement).toMatchObject({ tranche: 1, amount: '2000000.00' });
    expect((await pay('3000000.00', 'd-2')).data!.disburseAward.disbursement).toMatchObject({ tranche: 2 });
    await writesNothing(async () => {
      expect(error(await pay('1000000.01', 'd-3'))).toMatchObject({
        code: 'CONFLICT',
        field: 'amount',
        message: expect.stringContaining('1000000.00 left'),
      });
      expect(error(await pay('0.00', 'd-3'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
      expect(error(await pay('1.00', ''))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(error(await pay('1.00', 'x'.repeat(201)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    });
    expect((await pay('1000000.00', 'd-3')).data!.disburseAward).toMatchObject({ disbursement: { tranche: 3 }, award: { disbursed: '6000000.00' } });
  });

  it('returns the first result for the same key and pays nothing more; the same key with other arguments is a CONFLICT', async () => {
    const again = await pay('2000000.00', 'd-1');
    expect(again.data!.disburseAward).toMatchObject({
      replayed: true,
      disbursement: { tranche: 1, amount: '2000000.00', idempotencyKey: 'd-1' },
      award: { disbursed: '6000000.00' },
    });
    const [{ id }] = await ds.query(`SELECT id FROM disbursement WHERE idempotency_key = 'd-1'`);
    expect(again.data!.disburseAward.disbursement.id).toBe(gid('Disbursement', id));
    expect(await count(ds, 'disbursement', 'award_id = $1', [uuidFromGlobalId(award, 'Award')])).toBe(3);

    const other = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
    const otherAward = gid('Award', await createAward(ds, batchId, { enterpriseId: other.id }, '100.00'));
    await writesNothing(async () => {
      expect(error(await pay('2000000.01', 'd-1'))).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      expect(error(await pay('2000000.00', 'd-1', otherAward))).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    });
  });

  it('refuses FROZEN and CLAWED_BACK awards, naming the status, but still answers a retry', async () => {
    for (const status of ['FROZEN', 'CLAWED_BACK', 'CLOSED']) {
      const f = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
      const id = await createAward(ds, batchId, { enterpriseId: f.id }, '1000.00');
      expect(outcome(await pay('10.00', `s-${status}`, gid('Award', id)))).toBe('OK');
      await ds.query(`UPDATE award SET status = $2 WHERE id = $1`, [id, status]);
      await writesNothing(async () => {
        expect(error(await pay('10.00', `s2-${status}`, gid('Award', id)))).toMatchObject({
          code: 'CONFLICT',
          message: expect.stringContaining(status),
        });
      });
      const retry = await pay('10.00', `s-${status}`, gid('Award', id));
      expect(retry.data!.disburseAward).toMatchObject({ replayed: true, disbursement: { tranche: 1 } });
    }
  });

  it('counts claw-backs: disbursed never exceeds granted minus clawed back', async () => {
    const f = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
    const id = gid('Award', await createAward(ds, batchId, { enterpriseId: f.id }, '1000.00'));
    expect(outcome(await pay('600.00', 'cb-1', id))).toBe('OK');
    expect(outcome(await t.graphql(CLAW_BACK, { input: { awardId: id, amount: '100.00', reason: '违规使用' } }, mof))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await pay('300.01', 'cb-2', id))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('300.00 left') });
    });
    expect(outcome(await pay('300.00', 'cb-2', id))).toBe('OK');
  });
});

describe('clawBackAward', () => {
  it('recovers at most what was disbursed and not yet clawed back; CLAWED_BACK once all of it is', async () => {
    const f = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
    const id = gid('Award', await createAward(ds, batchId, { enterpriseId: f.id }, '1000.00'));
    const claw = (amount: string, reason = '绩效评价不合格') => t.graphql(CLAW_BACK, { input: { awardId: id, amount, reason } }, mof);
    await writesNothing(async () => {
      expect(error(await claw('1.00'))).toMatchObject({ code: 'CONFLICT', field: 'amount' });
    });
    await t.graphql(DISBURSE, { input: { awardId: id, amount: '500.00', idempotencyKey: 'claw-1' } }, mof);
    await writesNothing(async () => {
      expect(error(await claw('500.01'))).toMatchObject({ code: 'CONFLICT', field: 'amount', message: expect.stringContaining('only 500.00') });
      expect(error(await claw('1.00', ' '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    });
    expect((await claw('200.00')).data!.clawBackAward).toMatchObject({
      clawBack: { amount: '200.00', reason: '绩效评价不合格' },
      award: { status: 'GRANTED', clawedBack: '200.00' },
    });
    expect((await claw('300.00', '挪用资金')).data!.clawBackAward).toMatchObject({ award: { status: 'CLAWED_BACK', clawedBack: '500.00' } });
    const [row] = await ds.query(`SELECT amount::text, reason FROM claw_back WHERE reason = '挪用资金'`);
    expect(row).toEqual({ amount: '300.00', reason: '挪用资金' });
    await writesNothing(async () => {
      expect(error(await t.graphql(DISBURSE, { input: { awardId: id, amount: '1.00', idempotencyKey: 'claw-2' } }, mof))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('CLAWED_BACK'),
      });
      expect(error(await claw('0.01')).code).toBe('CONFLICT');
    });
  });
});

describe('recordExpenditure', () => {
  const SERVICE = [
    'TECHNOLOGY_INNOVATION_SERVICE',
    'LISTING_COACHING_SERVICE',
    'COMMERCIALISATION_SERVICE',
    'DIGITAL_TRANSFORMATION_SERVICE',
    'INTELLECTUAL_PROPERTY_SERVICE',
    'CLOUD_ADOPTION_SERVICE',
    'INDUSTRIAL_DESIGN_SERVICE',
    'TRAINING_SERVICE',
  ];
  const OTHER = ['RESEARCH_AND_DEVELOPMENT', 'EQUIPMENT', 'TALENT', 'WORKING_CAPITAL', 'PLATFORM_CONSTRUCTION', 'PLATFORM_OPERATING_COSTS', 'OTHER'];

  async function fundedAward(recipient: { enterpriseId: string } | { platformId: string }, disbursed: string): Promise<string> {
    const id = gid('Award', await createAward(ds, batchId, recipient, '100000.00'));
    expect(outcome(await t.graphql(DISBURSE, { input: { awardId: id, amount: disbursed, idempotencyKey: `fund-${id}` } }, mof))).toBe('OK');
    return id;
  }
  // Tranches are paid today, and spending is dated no earlier than the first one.
  const spend = (token: string, awardId: string, category: string, amount = '100.00', spentOn = programmeToday()) =>
    t.graphql(SPEND, { input: { awardId, category, amount, spentOn, description: '测试' } }, token);

  it('lets a platform spend only on services to SMEs, naming the rule and the refused category', async () => {
    const p = await createPlatform(ds, { regionCode: '320100' });
    const token = await tokenFor({ role: 'PLATFORM', platformId: p.id });
    const award = await fundedAward({ platformId: p.id }, '50000.00');
    await writesNothing(async () => {
      for (const category of OTHER) {
        const e = error(await spend(token, award, category));
        expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
        expect(e.message).toContain(`category ${category} refused`);
        expect(e.message).toContain('services to SMEs');
      }
    });
    expect(error(await spend(token, award, 'PLATFORM_CONSTRUCTION')).message).toMatch(/platform’s own construction/);
    expect(error(await spend(token, award, 'PLATFORM_OPERATING_COSTS')).message).toMatch(/platform’s own running costs/);
    for (const category of SERVICE) expect(outcome(await spend(token, award, category))).toBe('OK');
  });

  it('lets an enterprise spend on any category', async () => {
    const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
    const award = await fundedAward({ enterpriseId: e.id }, '50000.00');
    for (const category of [...SERVICE, ...OTHER])
      expect({ category, outcome: outcome(await spend(token, award, category)) }).toEqual({ category, outcome: 'OK' });
  });

  it('refuses spending on FROZEN, CLOSED and CLAWED_BACK awards, naming the status', async () => {
    // One award per enterprise and batch: a recipient of its own for each state.
    const recipient = async () => {
      const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
      return { e, token: await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id }) };
    };
    for (const status of ['FROZEN', 'CLOSED']) {
      const { e, token } = await recipient();
      const award = await fundedAward({ enterpriseId: e.id }, '1000.00');
      await ds.query(`UPDATE award SET status = $2 WHERE id = $1`, [uuidFromGlobalId(award, 'Award'), status]);
      await writesNothing(async () => {
        expect(error(await spend(token, award, 'EQUIPMENT', '1.00'))).toMatchObject({
          code: 'CONFLICT',
          message: expect.stringContaining(`the award is ${status}`),
        });
      });
    }
    const { e, token } = await recipient();
    const clawed = await fundedAward({ enterpriseId: e.id }, '1000.00');
    expect(outcome(await t.graphql(CLAW_BACK, { input: { awardId: clawed, amount: '1000.00', reason: '撤销' } }, mof))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await spend(token, clawed, 'EQUIPMENT', '1.00'))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('CLAWED_BACK'),
      });
    });
  });

  it('refuses spending dated before the first disbursement (backdating), the first day itself allowed', async () => {
    const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
    const award = await fundedAward({ enterpriseId: e.id }, '1000.00');
    const [{ paid_on: firstPaidOn }] = await ds.query(`SELECT min(paid_on)::text AS paid_on FROM disbursement WHERE award_id = $1`, [
      uuidFromGlobalId(award, 'Award'),
    ]);
    const dayBefore = new Date(Date.parse(`${firstPaidOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await writesNothing(async () => {
      // Granted 2021-06-30, paid today: 1990 is before the grant, the day before is before the money arrived.
      for (const spentOn of ['1990-01-01', '2021-07-01', dayBefore]) {
        expect(error(await spend(token, award, 'EQUIPMENT', '1.00', spentOn))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'spentOn',
          message: expect.stringContaining(`before the first disbursement of the award (${firstPaidOn})`),
        });
      }
    });
    expect(outcome(await spend(token, award, 'EQUIPMENT', '1.00', firstPaidOn))).toBe('OK');
  });

  it('never records more spent than disbursed (net of claw-backs), nor a date in the future', async () => {
    const e = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
    const undisbursed = gid('Award', await createAward(ds, batchId, { enterpriseId: e.id }, '100000.00'));
    await writesNothing(async () => {
      expect(error(await spend(token, undisbursed, 'EQUIPMENT', '0.01'))).toMatchObject({ code: 'CONFLICT', field: 'amount' });
    });
    const e2 = await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const token2 = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e2.id });
    const award = await fundedAward({ enterpriseId: e2.id }, '1000.00');
    expect(outcome(await spend(token2, award, 'EQUIPMENT', '700.00'))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await spend(token2, award, 'TALENT', '300.01'))).toMatchObject({
        code: 'CONFLICT',
        field: 'amount',
        message: expect.stringContaining('300.00 left'),
      });
      expect(error(await spend(token2, award, 'TALENT', '1.00', '2999-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spentOn' });
      expect(error(await spend(token2, award, 'TALENT', '1.00', '2025-13-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spentOn' });
      expect(error(await spend(token2, award, 'TALENT', '0.00'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    });
    expect(outcome(await t.graphql(CLAW_BACK, { input: { awardId: award, amount: '100.00', reason: '违规' } }, mof))).toBe('OK');
    await writesNothing(async () => {
      expect(error(await spend(token2, award, 'TALENT', '200.01')).code).toBe('CONFLICT');
    });
    expect(outcome(await spend(token2, award, 'TALENT', '200.00'))).toBe('OK');
    const [{ spent, disbursed }] = await ds.query(
      `SELECT (SELECT sum(amount) FROM expenditure WHERE award_id = a.id)::text AS spent,
              (SELECT sum(amount) FROM disbursement WHERE award_id = a.id)::text AS disbursed
       FROM award a WHERE a.enterprise_id = $1`,
      [e2.id],
    );
    expect({ spent, disbursed }).toEqual({ spent: '900.00', disbursed: '1000.00' });
  });
});

describe('audit events', () => {
  it('count one per successful mutation and none per failed one', async () => {
    const before = await auditCount(ds);
    const f = await createEnterprise(ds, { regionCode: '320505', tier: 'LITTLE_GIANT' });
    const id = gid('Award', await createAward(ds, batchId, { enterpriseId: f.id }, '100.00'));
    await t.graphql(DISBURSE, { input: { awardId: id, amount: '100.01', idempotencyKey: 'audit-x' } }, mof);
    expect(await auditCount(ds)).toBe(before);
    await t.graphql(DISBURSE, { input: { awardId: id, amount: '100.00', idempotencyKey: 'audit-1' } }, mof);
    expect(await auditCount(ds)).toBe(before + 1);
    const [event] = await ds.query(
      `SELECT subject_type, enterprise_id, platform_id, region_code, actor_role FROM audit_event ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ subject_type: 'Disbursement', enterprise_id: f.id, platform_id: null, region_code: '320505', actor_role: 'MOF' });
  });
});
