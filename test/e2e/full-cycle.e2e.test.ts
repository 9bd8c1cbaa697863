import { toGlobalId } from '../../src/core/global-id';
import { programmeToday } from '../../src/core/calendar';
import { createCertification, createEnterprise, createSubmittableReports } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { dayAfter, onProgrammeDay } from '../support/clock';

/**
 * The programme end to end through GraphQL with real tokens: an application
 * becomes a certificate, the little giant is proposed and approved for key
 * support, money is granted, paid and spent — each step by its own role,
 * refused for another, and all of it in the audit trail.
 */

let t: TestServer;
let enterpriseId: string;
const tk: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  const e = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
  enterpriseId = e.id;
  // The little-giant rules in force (MIIT-2026-2) ask for a valid provincial SRDI title: the firm holds one.
  await createCertification(t.db.dataSource, e.id, { tier: 'SRDI_SME', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
  await createSubmittableReports(t.db.dataSource, e.id);
  tk.enterprise = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
  tk.province = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tk.miit = await tokenFor({ role: 'MIIT' });
  tk.mof = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

async function step<T = any>(token: string, query: string, input: Record<string, unknown>): Promise<T> {
  const res = await t.graphql(query, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

async function refused(token: string, query: string, input: Record<string, unknown>): Promise<string> {
  const res = await t.graphql(query, { input }, token);
  return String(res.errors?.[0]?.extensions?.code);
}

const m = (name: string, type: string, selection: string) => `mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`;

it('runs from application to spending, each step by its own role', async () => {
  const ent = toGlobalId('Enterprise', enterpriseId);

  // Application → certificate.
  const created = await step(tk.enterprise, m('createApplication', 'CreateApplicationInput', 'application { id status }'), {
    enterpriseId: ent,
    tier: 'LITTLE_GIANT',
    ruleSet: 'MIIT-2026-2',
  });
  const app = created.createApplication.application.id;
  const stepQ = (name: string) => m(name, 'ApplicationStepInput', 'application { status }');
  expect(await refused(tk.province, stepQ('submitApplication'), { applicationId: app })).toBe('FORBIDDEN');
  expect((await step(tk.enterprise, stepQ('submitApplication'), { applicationId: app })).submitApplication.application.status).toBe('SUBMITTED');
  expect(await refused(tk.enterprise, m('recommendApplication', 'RecommendApplicationInput', 'application { status }'), { applicationId: app })).toBe(
    'FORBIDDEN',
  );
  await step(tk.province, m('recommendApplication', 'RecommendApplicationInput', 'application { status }'), { applicationId: app, comment: '推荐' });
  expect(await refused(tk.province, stepQ('startReview'), { applicationId: app })).toBe('FORBIDDEN');
  await step(tk.miit, stepQ('startReview'), { applicationId: app });
  const reviewed = await step(
    tk.miit,
    m('reviewApplication', 'ReviewApplicationInput', 'application { status score } review { ruleSetCode evaluation }'),
    {
      applicationId: app,
      decision: 'APPROVE',
      score: '86.50',
      comment: '专家评审通过',
    },
  );
  expect(reviewed.reviewApplication.application).toEqual({ status: 'APPROVED', score: '86.50' });
  expect(reviewed.reviewApplication.review.ruleSetCode).toBe('MIIT-2026-2');
  expect(reviewed.reviewApplication.review.evaluation).toBeTruthy();
  const noticeEnds = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const noticeOpens = programmeToday();
  await step(tk.miit, m('openPublicNotice', 'OpenPublicNoticeInput', 'application { status }'), {
    applicationId: app,
    publicNoticeEndsOn: noticeEnds,
  });
  // The 公示 window passes: the programme's clock moves past its last day.
  const afterNotice = dayAfter(noticeEnds);
  expect(
    await onProgrammeDay(afterNotice, () =>
      refused(tk.mof, m('certifyEnterprise', 'CertifyEnterpriseInput', 'certification { id }'), { applicationId: app, batchNumber: 8 }),
    ),
  ).toBe('FORBIDDEN');
  const certified = await onProgrammeDay(afterNotice, () =>
    step(
      tk.miit,
      m('certifyEnterprise', 'CertifyEnterpriseInput', 'application { status } certification { status tier validUntil publicNoticeStartsOn }'),
      {
        applicationId: app,
        batchNumber: 8,
      },
    ),
  );
  expect(certified.certifyEnterprise.application.status).toBe('CERTIFIED');
  // The title says when its notice opened: the day kept on the application when it opened.
  expect(certified.certifyEnterprise.certification).toMatchObject({ status: 'CERTIFIED', tier: 'LITTLE_GIANT', publicNoticeStartsOn: noticeOpens });

  // Proposal → approved award.
  const programme = await step(tk.mof, m('createFundingProgram', 'CreateFundingProgramInput', 'fundingProgram { id }'), {
    documentNumber: '财建〔2021〕2号',
    name: '中小企业发展专项资金（专精特新）',
    startYear: 2021,
    endYear: 2026,
    totalBudget: '10000000000.00',
  });
  const batch = await step(tk.mof, m('createFundingBatch', 'CreateFundingBatchInput', 'fundingBatch { id }'), {
    programId: programme.createFundingProgram.fundingProgram.id,
    year: 2026,
    budget: '3000000000.00',
    supportYears: 3,
  });
  const batchId = batch.createFundingBatch.fundingBatch.id;
  const proposeQ = m('proposeKeySupport', 'ProposeKeySupportInput', 'keySupportProposal { id status }');
  expect(await refused(tk.mof, proposeQ, { batchId, enterpriseId: ent })).toBe('FORBIDDEN');
  const proposal = (await step(tk.miit, proposeQ, { batchId, enterpriseId: ent })).proposeKeySupport.keySupportProposal;
  const approveQ = m('approveKeySupport', 'ApproveKeySupportInput', 'keySupportProposal { status }');
  expect(await refused(tk.miit, approveQ, { proposalId: proposal.id, approve: true })).toBe('FORBIDDEN');
  await step(tk.mof, approveQ, { proposalId: proposal.id, approve: true });
  const grantQ = m('grantAward', 'GrantAwardInput', 'award { id amount usageRestriction }');
  expect(await refused(tk.miit, grantQ, { batchId, enterpriseId: ent, amount: '6000000.00' })).toBe('FORBIDDEN');
  const award = (await step(tk.mof, grantQ, { batchId, enterpriseId: ent, amount: '6000000.00' })).grantAward.award;
  expect(award).toMatchObject({ amount: '6000000.00', usageRestriction: 'UNRESTRICTED' });

  // Disbursement → expenditure.
  const payQ = m('disburseAward', 'DisburseAwardInput', 'disbursement { tranche amount } replayed award { disbursed }');
  const paid = await step(tk.mof, payQ, { awardId: award.id, amount: '3000000.00', idempotencyKey: 'cycle-tranche-1' });
  expect(paid.disburseAward).toMatchObject({
    disbursement: { tranche: 1, amount: '3000000.00' },
    replayed: false,
    award: { disbursed: '3000000.00' },
  });
  const again = await step(tk.mof, payQ, { awardId: award.id, amount: '3000000.00', idempotencyKey: 'cycle-tranche-1' });
  expect(again.disburseAward).toMatchObject({ replayed: true, award: { disbursed: '3000000.00' } });
  const spendQ = m('recordExpenditure', 'RecordExpenditureInput', 'expenditure { amount category } award { spent }');
  const spendInput = {
    awardId: award.id,
    category: 'RESEARCH_AND_DEVELOPMENT',
    amount: '1200000.00',
    spentOn: programmeToday(),
    description: '研发投入',
  };
  expect(await refused(tk.mof, spendQ, spendInput)).toBe('FORBIDDEN');
  const spent = await step(tk.enterprise, spendQ, spendInput);
  expect(spent.recordExpenditure.award.spent).toBe('1200000.00');

  // The trail, as the enterprise's local government sees it.
  const trail = await t.graphql(`{ auditEvents(first: 100) { edges { node { action actorRole } } } }`, {}, tk.province);
  const actions = trail.data!.auditEvents.edges.map((e: { node: { action: string; actorRole: string } }) => `${e.node.actorRole}:${e.node.action}`);
  for (const expected of [
    'ENTERPRISE:createApplication',
    'ENTERPRISE:submitApplication',
    'LOCAL_GOV:recommendApplication',
    'MIIT:startReview',
    'MIIT:reviewApplication',
    'MIIT:openPublicNotice',
    'MIIT:certifyEnterprise',
    'MIIT:proposeKeySupport',
    'MOF:approveKeySupport',
    'MOF:grantAward',
    'MOF:disburseAward',
    'ENTERPRISE:recordExpenditure',
  ]) {
    expect(actions).toContain(expected);
  }
});
