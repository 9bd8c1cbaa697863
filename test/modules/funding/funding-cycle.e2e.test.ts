import { DataSource } from 'typeorm';
import { programmeToday } from '../../../src/core/calendar';
import { uuidFromGlobalId } from '../../../src/core/global-id';
import { createPlatform, EnterpriseRow } from '../../support/factories';
import { GraphQLResponse, startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import {
  APPROVE,
  auditCount,
  CLAW_BACK,
  count,
  CREATE_BATCH,
  CREATE_PROGRAM,
  createLittleGiant,
  DISBURSE,
  gid,
  GRANT,
  outcome,
  PROPOSE,
  SPEND,
} from './funding-factories';

/**
 * A whole funding cycle through the real endpoint: MOF sets a programme and
 * a batch, MIIT proposes a key little giant, MOF approves and grants, MOF
 * disburses, the enterprise spends, MOF claws back. At every step each
 * other caller (the public, two enterprises, two platforms, two local
 * governments, the other ministry) is refused first and changes nothing;
 * the audit trail then shows the cycle to everyone entitled to it.
 */

type Caller = 'PUBLIC' | 'E_OWN' | 'E_OTHER' | 'P_OWN' | 'P_OTHER' | 'GOV_OWN' | 'GOV_OTHER' | 'MIIT' | 'MOF';
const CALLERS: Caller[] = ['PUBLIC', 'E_OWN', 'E_OTHER', 'P_OWN', 'P_OTHER', 'GOV_OWN', 'GOV_OTHER', 'MIIT', 'MOF'];
type Expect = Record<Caller, 'OK' | 'FORBIDDEN' | 'NOT_FOUND'>;

/** Only `who` may; everyone else is FORBIDDEN before anything is loaded. */
const only = (who: Caller): Expect => Object.fromEntries(CALLERS.map((c) => [c, c === who ? 'OK' : 'FORBIDDEN'])) as Expect;

/**
 * A step on an existing row of E_OWN (Jiangsu): who cannot read the row gets
 * NOT_FOUND, who reads it but may not act gets FORBIDDEN.
 */
const onEnterpriseRow = (who: Caller): Expect => ({
  PUBLIC: 'NOT_FOUND',
  E_OWN: 'FORBIDDEN',
  E_OTHER: 'NOT_FOUND',
  P_OWN: 'NOT_FOUND',
  P_OTHER: 'NOT_FOUND',
  GOV_OWN: 'FORBIDDEN',
  GOV_OTHER: 'NOT_FOUND',
  MIIT: 'FORBIDDEN',
  MOF: 'FORBIDDEN',
  [who]: 'OK',
});

let t: TestServer;
let ds: DataSource;
let eOwn: EnterpriseRow; // 320102, Jiangsu
let eOther: EnterpriseRow; // 330106, Zhejiang
let pOwn: { id: string }; // 320100, Jiangsu
let pOther: { id: string }; // 330100, Zhejiang
const tokens: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  eOwn = await createLittleGiant(ds, '320102', { name: '南京精密减速器有限公司' });
  eOther = await createLittleGiant(ds, '330106', { name: '杭州工业芯片有限公司' });
  pOwn = await createPlatform(ds, { regionCode: '320100' });
  pOther = await createPlatform(ds, { regionCode: '330100' });
  tokens.E_OWN = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eOwn.id });
  tokens.E_OTHER = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eOther.id });
  tokens.P_OWN = await tokenFor({ role: 'PLATFORM', platformId: pOwn.id });
  tokens.P_OTHER = await tokenFor({ role: 'PLATFORM', platformId: pOther.id });
  tokens.GOV_OWN = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.GOV_OTHER = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

const TABLES = ['funding_program', 'funding_batch', 'key_support_proposal', 'award', 'disbursement', 'expenditure', 'claw_back', 'audit_event'];
async function rowCounts(): Promise<number[]> {
  return Promise.all(TABLES.map((table) => count(ds, table)));
}

/**
 * Runs a step as every caller, the permitted one last: each refusal has the
 * expected code and writes nothing (no row in any funding table, no audit
 * event); the permitted call succeeds and writes exactly one audit event.
 */
async function step(
  name: string,
  query: string,
  input: Record<string, unknown> | ((c: Caller) => Record<string, unknown>),
  expected: Expect,
): Promise<GraphQLResponse<Record<string, any>>> {
  const allowed = CALLERS.filter((c) => expected[c] === 'OK');
  expect(allowed).toHaveLength(1);
  const before = await rowCounts();
  for (const c of CALLERS.filter((x) => expected[x] !== 'OK')) {
    const res = await t.graphql(query, { input: typeof input === 'function' ? input(c) : input }, tokens[c]);
    expect({ caller: c, code: outcome(res) }).toEqual({ caller: c, code: expected[c] });
  }
  expect(await rowCounts()).toEqual(before);
  const eventsBefore = await auditCount(ds, name);
  const ok = await t.graphql(query, { input: typeof input === 'function' ? input(allowed[0]) : input }, tokens[allowed[0]]);
  expect(ok.errors).toBeUndefined();
  expect(await auditCount(ds, name)).toBe(eventsBefore + 1);
  return ok;
}

describe('a funding cycle', () => {
  let programId: string;
  let batchId: string;
  let proposalId: string;
  let awardId: string;
  let platformAwardId: string;

  it('MOF creates a programme; nobody else may', async () => {
    const res = await step(
      'createFundingProgram',
      CREATE_PROGRAM,
      { documentNumber: '财建〔2024〕148号', name: '中小企业发展专项资金（第二轮）', startYear: 2024, endYear: 2026, totalBudget: '18000000000.00' },
      only('MOF'),
    );
    expect(res.data!.createFundingProgram.fundingProgram).toMatchObject({ totalBudget: '18000000000.00', allocated: '0.00' });
    programId = res.data!.createFundingProgram.fundingProgram.id;
  });

  it('MOF creates a batch of it; nobody else may', async () => {
    const res = await step('createFundingBatch', CREATE_BATCH, { programId, year: 2024, budget: '6000000000.00', supportYears: 3 }, only('MOF'));
    expect(res.data!.createFundingBatch.fundingBatch).toMatchObject({
      number: 1,
      year: 2024,
      budget: '6000000000.00',
      supportYears: 3,
      program: { id: programId },
    });
    batchId = res.data!.createFundingBatch.fundingBatch.id;
  });

  it('MIIT proposes a certified little giant; MOF and everyone else are refused', async () => {
    const res = await step('proposeKeySupport', PROPOSE, { batchId, enterpriseId: gid('Enterprise', eOwn.id) }, only('MIIT'));
    const p = res.data!.proposeKeySupport.keySupportProposal;
    expect(p).toMatchObject({
      status: 'PROPOSED',
      proposedBy: 'test:MIIT:ministry',
      decidedBy: null,
      enterprise: { id: gid('Enterprise', eOwn.id) },
      batch: { id: batchId },
    });
    proposalId = p.id;
    const [row] = await ds.query(`SELECT region_code FROM key_support_proposal WHERE id = $1`, [uuidFromGlobalId(proposalId, 'KeySupportProposal')]);
    expect(row.region_code).toBe('320102');
  });

  it('MOF approves it; MIIT, the enterprise and its local government may see it but not decide', async () => {
    const res = await step('approveKeySupport', APPROVE, { proposalId, approve: true, reason: '符合重点小巨人条件' }, onEnterpriseRow('MOF'));
    expect(res.data!.approveKeySupport.keySupportProposal).toMatchObject({
      status: 'APPROVED',
      decidedBy: 'test:MOF:ministry',
      reason: '符合重点小巨人条件',
    });
  });

  it('MOF grants awards to the approved enterprise and to a platform; nobody else may', async () => {
    const res = await step(
      'grantAward',
      GRANT,
      { batchId, enterpriseId: gid('Enterprise', eOwn.id), amount: '6000000.00', grantedOn: '2024-09-30' },
      only('MOF'),
    );
    expect(res.data!.grantAward.award).toMatchObject({
      amount: '6000000.00',
      status: 'GRANTED',
      usageRestriction: 'UNRESTRICTED',
      grantedOn: '2024-09-30',
    });
    awardId = res.data!.grantAward.award.id;
    const p = await step('grantAward', GRANT, { batchId, platformId: gid('Platform', pOwn.id), amount: '2000000.00' }, only('MOF'));
    expect(p.data!.grantAward.award).toMatchObject({ usageRestriction: 'SERVICES_ONLY', platform: { id: gid('Platform', pOwn.id) } });
    platformAwardId = p.data!.grantAward.award.id;
  });

  it('MOF disburses the first tranche; nobody else may', async () => {
    const res = await step('disburseAward', DISBURSE, { awardId, amount: '3000000.00', idempotencyKey: 'cycle-tranche-1' }, onEnterpriseRow('MOF'));
    expect(res.data!.disburseAward).toMatchObject({
      replayed: false,
      disbursement: { tranche: 1, amount: '3000000.00', idempotencyKey: 'cycle-tranche-1' },
      award: { disbursed: '3000000.00', status: 'GRANTED' },
    });
  });

  it('the enterprise spends from its own award; nobody else may, not even the ministries', async () => {
    const res = await step(
      'recordExpenditure',
      SPEND,
      { awardId, category: 'RESEARCH_AND_DEVELOPMENT', amount: '1200000.00', spentOn: programmeToday(), description: '精密减速器研发' },
      onEnterpriseRow('E_OWN'),
    );
    expect(res.data!.recordExpenditure).toMatchObject({
      expenditure: { category: 'RESEARCH_AND_DEVELOPMENT', amount: '1200000.00', spentOn: programmeToday(), description: '精密减速器研发' },
      award: { spent: '1200000.00' },
    });
  });

  it('a platform spends from its own award on services; nobody else may', async () => {
    await step(
      'disburseAward',
      DISBURSE,
      { awardId: platformAwardId, amount: '1000000.00', idempotencyKey: 'cycle-platform-1' },
      {
        ...onEnterpriseRow('MOF'),
        E_OWN: 'NOT_FOUND',
        P_OWN: 'FORBIDDEN',
      },
    );
    const res = await step(
      'recordExpenditure',
      SPEND,
      {
        awardId: platformAwardId,
        category: 'DIGITAL_TRANSFORMATION_SERVICE',
        amount: '400000.00',
        spentOn: programmeToday(),
      },
      { ...onEnterpriseRow('P_OWN'), E_OWN: 'NOT_FOUND', MOF: 'FORBIDDEN' },
    );
    expect(res.data!.recordExpenditure.expenditure.category).toBe('DIGITAL_TRANSFORMATION_SERVICE');
  });

  it('MOF claws back part of the payment; nobody else may; the award stays GRANTED until all is recovered', async () => {
    const res = await step('clawBackAward', CLAW_BACK, { awardId, amount: '500000.00', reason: '年度绩效评价不合格' }, onEnterpriseRow('MOF'));
    expect(res.data!.clawBackAward).toMatchObject({
      clawBack: { amount: '500000.00', reason: '年度绩效评价不合格' },
      award: { status: 'GRANTED', disbursed: '3000000.00', clawedBack: '500000.00' },
    });
  });

  it('shows the whole cycle in the audit trail, to MOF, to the enterprise and to its local government only', async () => {
    const TRAIL = `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { edges { node {
      action actorRole subjectType subjectId } } } }`;
    const actions = async (token?: string) =>
      ((await t.graphql(TRAIL, {}, token)).data?.auditEvents.edges ?? []).map(
        (e: { node: { action: string; actorRole: string; subjectType: string } }) => `${e.node.actorRole} ${e.node.action} ${e.node.subjectType}`,
      );

    const enterpriseCycle = [
      'MIIT proposeKeySupport KeySupportProposal',
      'MOF approveKeySupport KeySupportProposal',
      'MOF grantAward Award',
      'MOF disburseAward Disbursement',
      'ENTERPRISE recordExpenditure Expenditure',
      'MOF clawBackAward ClawBack',
    ];
    const platformCycle = ['MOF grantAward Award', 'MOF disburseAward Disbursement', 'PLATFORM recordExpenditure Expenditure'];
    const everything = await actions(tokens.MOF);
    expect(everything.sort()).toEqual(
      ['MOF createFundingProgram FundingProgram', 'MOF createFundingBatch FundingBatch', ...enterpriseCycle, ...platformCycle].sort(),
    );
    expect((await actions(tokens.E_OWN)).sort()).toEqual([...enterpriseCycle].sort());
    expect((await actions(tokens.P_OWN)).sort()).toEqual([...platformCycle].sort());
    expect((await actions(tokens.GOV_OWN)).sort()).toEqual([...enterpriseCycle, ...platformCycle].sort());
    for (const c of ['E_OTHER', 'P_OTHER', 'GOV_OTHER', 'PUBLIC'] as Caller[]) expect(await actions(tokens[c])).toEqual([]);

    // Each event carries the subject's scope, so the tenants above could see their own.
    const rows: { action: string; enterprise_id: string | null; platform_id: string | null; region_code: string | null }[] = await ds.query(
      `SELECT action, enterprise_id, platform_id, region_code FROM audit_event ORDER BY id`,
    );
    for (const r of rows.filter((x) => !x.action.startsWith('createFunding'))) {
      expect(r.region_code === '320102' || r.region_code === '320100').toBe(true);
      expect(r.enterprise_id === eOwn.id || r.platform_id === pOwn.id).toBe(true);
    }
  });
});
