import { addDays, addYears } from '../../../src/modules/certification/certification.rules';
import { programmeToday } from '../../../src/core/calendar';
import { createCertification, createEnterprise, createSubmittableReports } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';
import { insertCertification } from '../certification/certification-factories';
import { ApplicationRow, insertApplication, insertReview } from './application-factories';
import { appGid, entGid, outcome, run, trailOf, CALLERS, Caller, fixedCallers } from './workflow-client';

/**
 * The application workflow through the real server: every step by every
 * role and tenant, allowed and refused; wrong states; bad input; and one
 * full cycle from draft to certificate.
 */

let t: TestServer;
const today = programmeToday();

/** Callers. "owner" is the applying enterprise; "otherEnterprise" is a Zhejiang firm. */
const fixed: Partial<Record<Caller, string>> = {};
const ROLE_OF: Record<Caller, string> = {
  owner: 'ENTERPRISE',
  otherEnterprise: 'ENTERPRISE',
  jiangsu: 'LOCAL_GOV',
  zhejiang: 'LOCAL_GOV',
  nanjing: 'LOCAL_GOV',
  xuanwu: 'LOCAL_GOV',
  ningbo: 'LOCAL_GOV',
  miit: 'MIIT',
  mof: 'MOF',
  platform: 'PLATFORM',
  public: 'PUBLIC',
};

/** Who can see an application of an enterprise registered in each region (the rest get NOT_FOUND). */
const VISIBLE_TO: Record<string, Caller[]> = {
  '320102': ['owner', 'jiangsu', 'nanjing', 'xuanwu', 'miit', 'mof'], // 南京市玄武区, Jiangsu
  '330203': ['owner', 'zhejiang', 'ningbo', 'miit', 'mof'], // 宁波市海曙区, Zhejiang, plan-listed Ningbo
};

beforeAll(async () => {
  t = await startTestServer();
  Object.assign(fixed, await fixedCallers(t));
});
afterAll(() => t.close());

/** A fresh enterprise with one application in the given state, and its owner's token. */
async function fixture(region: string, row: ApplicationRow & { ruleSetCode?: string }) {
  const ds = t.db.dataSource;
  const enterprise = await createEnterprise(ds, { regionCode: region, tier: 'SRDI_SME' });
  await createCertification(ds, enterprise.id, { tier: 'SRDI_SME' });
  const applicationId = await insertApplication(ds, enterprise.id, row);
  const owner = await tokenFor({ role: 'ENTERPRISE', enterpriseId: enterprise.id });
  return { enterpriseId: enterprise.id, applicationId, owner };
}

async function statusOf(id: string): Promise<string> {
  return (await t.db.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
}
async function reviewCount(id: string): Promise<number> {
  return (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM review WHERE application_id = $1`, [id]))[0].n;
}
const objection = (applicationId: string) =>
  insertReview(t.db.dataSource, applicationId, {
    kind: 'OBJECTION',
    decision: 'RAISED',
    reviewerRole: 'LOCAL_GOV',
    reviewerSubject: 'gov:320000:wang',
    reviewerRegionCode: '320000',
    comment: '市场占有率数据存疑',
  });

interface StepCase {
  label: string;
  mutation: string;
  from: string;
  to: string;
  allowed: Caller[];
  region?: string;
  tier?: string;
  row?: Partial<ApplicationRow>;
  input?: Record<string, unknown>;
  prepare?: (applicationId: string) => Promise<unknown>;
  /** Reviews the step writes when allowed. */
  writes?: number;
}

const LG = 'LITTLE_GIANT';
const noticeRunning = { publicNoticeEndsOn: addDays(today, 7) };
const noticeEnded = { publicNoticeEndsOn: addDays(today, -1) };

const STEPS: StepCase[] = [
  // Submitted under the little-giant set in force, by an enterprise holding the provincial title it asks for.
  { label: 'submit a draft', mutation: 'submitApplication', from: 'DRAFT', to: 'SUBMITTED', allowed: ['owner'], row: { ruleSetCode: 'MIIT-2026-2' } },
  {
    label: 'resubmit a returned application',
    mutation: 'submitApplication',
    from: 'RETURNED',
    to: 'SUBMITTED',
    allowed: ['owner'],
    row: { ruleSetCode: 'MIIT-2026-2' },
  },
  { label: 'withdraw a draft', mutation: 'withdrawApplication', from: 'DRAFT', to: 'WITHDRAWN', allowed: ['owner'] },
  { label: 'withdraw a submitted application', mutation: 'withdrawApplication', from: 'SUBMITTED', to: 'WITHDRAWN', allowed: ['owner'] },
  { label: 'withdraw a returned application', mutation: 'withdrawApplication', from: 'RETURNED', to: 'WITHDRAWN', allowed: ['owner'] },
  {
    label: 'recommend a Nanjing little giant (province only; Nanjing and Xuanwu are not recommending authorities)',
    mutation: 'recommendApplication',
    from: 'SUBMITTED',
    to: 'RECOMMENDED',
    allowed: ['jiangsu'],
    writes: 1,
  },
  {
    label: 'recommend a Ningbo little giant (Ningbo is plan-listed and recommends its own firms, not Zhejiang)',
    mutation: 'recommendApplication',
    from: 'SUBMITTED',
    to: 'RECOMMENDED',
    region: '330203',
    allowed: ['ningbo'],
    writes: 1,
  },
  {
    label: 'recommend a provincial SRDI SME (any level of the region)',
    mutation: 'recommendApplication',
    from: 'SUBMITTED',
    to: 'RECOMMENDED',
    tier: 'SRDI_SME',
    row: { ruleSetCode: 'SRDI-PROVINCIAL-2022' },
    allowed: ['jiangsu', 'nanjing', 'xuanwu'],
    writes: 1,
  },
  {
    label: 'return for changes',
    mutation: 'returnApplication',
    from: 'SUBMITTED',
    to: 'RETURNED',
    input: { comment: '请补充知识产权证明' },
    allowed: ['jiangsu', 'nanjing', 'xuanwu'],
    writes: 1,
  },
  { label: 'start expert review', mutation: 'startReview', from: 'RECOMMENDED', to: 'UNDER_REVIEW', allowed: ['miit'] },
  {
    label: 'approve in expert review',
    mutation: 'reviewApplication',
    from: 'UNDER_REVIEW',
    to: 'APPROVED',
    input: { decision: 'APPROVE', score: '86.5', comment: '专家评审通过' },
    allowed: ['miit'],
    writes: 1,
  },
  {
    label: 'reject in expert review',
    mutation: 'reviewApplication',
    from: 'UNDER_REVIEW',
    to: 'REJECTED',
    input: { decision: 'REJECT', score: '41' },
    allowed: ['miit'],
    writes: 1,
  },
  {
    label: 'open the public notice',
    mutation: 'openPublicNotice',
    from: 'APPROVED',
    to: 'PUBLIC_NOTICE',
    input: { publicNoticeEndsOn: addDays(today, 7) },
    allowed: ['miit'],
  },
  {
    label: 'raise an objection',
    mutation: 'raiseObjection',
    from: 'PUBLIC_NOTICE',
    to: 'PUBLIC_NOTICE',
    row: noticeRunning,
    input: { comment: '举报：研发投入数据不实' },
    allowed: ['jiangsu', 'nanjing', 'xuanwu', 'miit'],
    writes: 1,
  },
  {
    label: 'uphold an objection',
    mutation: 'resolveObjection',
    from: 'PUBLIC_NOTICE',
    to: 'REJECTED',
    row: noticeRunning,
    prepare: objection,
    input: { ruling: 'UPHELD', comment: '经核查属实' },
    allowed: ['miit'],
    writes: 1,
  },
  {
    label: 'dismiss an objection',
    mutation: 'resolveObjection',
    from: 'PUBLIC_NOTICE',
    to: 'PUBLIC_NOTICE',
    row: noticeRunning,
    prepare: objection,
    input: { ruling: 'DISMISSED', comment: '经核查不实' },
    allowed: ['miit'],
    writes: 1,
  },
  {
    label: 'certify after the notice',
    mutation: 'certifyEnterprise',
    from: 'PUBLIC_NOTICE',
    to: 'CERTIFIED',
    row: noticeEnded,
    input: { batchNumber: 8 },
    allowed: ['miit'],
  },
];

const matrix = STEPS.flatMap((s) =>
  CALLERS.map((caller) => {
    const region = s.region ?? '320102';
    // An application on public notice (公示) is published: everyone sees it, so a refusal is FORBIDDEN.
    const visible = VISIBLE_TO[region].includes(caller) || s.from === 'PUBLIC_NOTICE';
    const expected = s.allowed.includes(caller) ? 'OK' : visible ? 'FORBIDDEN' : 'NOT_FOUND';
    return [s.label, caller, expected, s] as const;
  }),
);

describe('every step by every caller', () => {
  it.each(matrix)('%s: %s → %s', async (_label, caller, expected, s) => {
    const { enterpriseId, applicationId, owner } = await fixture(s.region ?? '320102', { tier: s.tier ?? LG, status: s.from, ...s.row });
    const prepared = s.prepare ? 1 : 0;
    if (s.prepare) await s.prepare(applicationId);
    const token = caller === 'owner' ? owner : fixed[caller];
    const res = await run(t, s.mutation, { applicationId: appGid(applicationId), ...s.input }, token);
    expect(outcome(res)).toBe(expected);
    const trail = await trailOf(t, enterpriseId);
    if (expected === 'OK') {
      expect(res.data![s.mutation].application.status).toBe(s.to);
      expect(await statusOf(applicationId)).toBe(s.to);
      expect(await reviewCount(applicationId)).toBe(prepared + (s.writes ?? 0));
      expect(trail).toEqual([expect.objectContaining({ action: s.mutation, actor_role: ROLE_OF[caller], region_code: s.region ?? '320102' })]);
    } else {
      expect(res.data).toBeNull();
      expect(await statusOf(applicationId)).toBe(s.from);
      expect(await reviewCount(applicationId)).toBe(prepared);
      expect(trail).toEqual([]);
    }
  });
});

const CREATE = (enterpriseId: string, tier = LG, ruleSet = 'MIIT-2026-2') => ({ enterpriseId: entGid(enterpriseId), tier, ruleSet });

describe('createApplication', () => {
  it.each(CALLERS.map((c) => [c, c === 'owner' ? 'OK' : 'FORBIDDEN'] as const))('by %s → %s', async (caller, expected) => {
    // The applicant holds a provincial title, so it is on the public list: others see it and are FORBIDDEN.
    const enterprise = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: 'SRDI_SME' });
    const token = caller === 'owner' ? await tokenFor({ role: 'ENTERPRISE', enterpriseId: enterprise.id }) : fixed[caller];
    const res = await run(t, 'createApplication', CREATE(enterprise.id), token);
    expect(outcome(res)).toBe(expected);
    const rows = await t.db.dataSource.query(`SELECT status, rule_set_code, tier, submitted_at FROM application WHERE enterprise_id = $1`, [
      enterprise.id,
    ]);
    const trail = await trailOf(t, enterprise.id);
    if (expected === 'OK') {
      expect(res.data!.createApplication.application.status).toBe('DRAFT');
      expect(rows).toEqual([{ status: 'DRAFT', rule_set_code: 'MIIT-2026-2', tier: LG, submitted_at: null }]);
      expect(trail).toEqual([expect.objectContaining({ action: 'createApplication', actor_role: 'ENTERPRISE' })]);
    } else {
      expect(rows).toEqual([]);
      expect(trail).toEqual([]);
    }
  });

  it('is NOT_FOUND for an enterprise the caller cannot see', async () => {
    const unlisted = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: null });
    const res = await run(t, 'createApplication', CREATE(unlisted.id), fixed.otherEnterprise);
    expect(outcome(res)).toBe('NOT_FOUND');
  });

  it('takes only a rule set in force today for a new application of the tier, the lowest tier included', async () => {
    const enterprise = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: enterprise.id });
    for (const [tier, ruleSet] of [
      [LG, 'MIIT-2019-1'],
      [LG, 'SRDI-PROVINCIAL-2026'],
      ['SRDI_SME', 'MIIT-2026-2'],
      ['INNOVATIVE_SME', 'MIIT-2026-2'],
    ]) {
      const res = await run(t, 'createApplication', CREATE(enterprise.id, tier, ruleSet), token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    }
    // Since 2026-04-01 new applications are judged by the 2026 standards: the 2022 ones are refused, naming what is in force.
    const old = await run(t, 'createApplication', CREATE(enterprise.id, LG, 'MIIT-2022-63'), token);
    expect(old.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    expect(old.errors![0].message).toMatch(/MIIT-2022-63 is not in force for new applications on \d{4}-\d{2}-\d{2}; in force: MIIT-2026-2/);
    const oldProvincial = await run(t, 'createApplication', CREATE(enterprise.id, 'SRDI_SME', 'SRDI-PROVINCIAL-2022'), token);
    expect(oldProvincial.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleSet' });
    expect(await trailOf(t, enterprise.id)).toHaveLength(0);

    expect(outcome(await run(t, 'createApplication', CREATE(enterprise.id, 'SRDI_SME', 'SRDI-PROVINCIAL-2026'), token))).toBe('OK');
    expect(outcome(await run(t, 'createApplication', CREATE(enterprise.id, LG, 'MIIT-2026-2'), token))).toBe('OK');
    expect(outcome(await run(t, 'createApplication', CREATE(enterprise.id, 'INNOVATIVE_SME', 'INNOVATIVE-SME-2022'), token))).toBe('OK');
    expect(await trailOf(t, enterprise.id)).toHaveLength(3);
  });

  it('refuses a second open application for a tier, and a tier already held', async () => {
    const { enterpriseId, owner } = await fixture('320102', { status: 'RECOMMENDED' });
    const dup = await run(t, 'createApplication', CREATE(enterpriseId), owner);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'RECOMMENDED' });

    const holder = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: LG });
    await insertCertification(t.db.dataSource, holder.id, { tier: LG, status: 'CERTIFIED' });
    const held = await run(t, 'createApplication', CREATE(holder.id), await tokenFor({ role: 'ENTERPRISE', enterpriseId: holder.id }));
    expect(held.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'CERTIFIED' });

    // A lapsed title no longer counts, nor does a finished application.
    const lapsed = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: LG });
    await insertCertification(t.db.dataSource, lapsed.id, { tier: LG, status: 'CERTIFIED', certifiedOn: '2021-07-01', validUntil: '2024-06-30' });
    await insertApplication(t.db.dataSource, lapsed.id, { status: 'REJECTED' });
    const again = await run(t, 'createApplication', CREATE(lapsed.id), await tokenFor({ role: 'ENTERPRISE', enterpriseId: lapsed.id }));
    expect(outcome(again)).toBe('OK');
    expect(await trailOf(t, enterpriseId)).toEqual([]);
    expect(await trailOf(t, holder.id)).toEqual([]);
  });
});

describe('a step from the wrong state is CONFLICT naming the state, and leaves nothing behind', () => {
  const cases: [string, string, Caller, Partial<ApplicationRow>, Record<string, unknown>][] = [
    ['submitApplication', 'SUBMITTED', 'owner', {}, {}],
    ['submitApplication', 'WITHDRAWN', 'owner', {}, {}],
    ['withdrawApplication', 'RECOMMENDED', 'owner', {}, {}],
    ['withdrawApplication', 'WITHDRAWN', 'owner', {}, {}],
    ['recommendApplication', 'DRAFT', 'jiangsu', {}, {}],
    ['recommendApplication', 'RETURNED', 'jiangsu', {}, {}],
    ['returnApplication', 'RECOMMENDED', 'jiangsu', {}, { comment: '退回' }],
    ['startReview', 'SUBMITTED', 'miit', {}, {}],
    ['reviewApplication', 'RECOMMENDED', 'miit', {}, { decision: 'APPROVE', score: '90' }],
    ['openPublicNotice', 'UNDER_REVIEW', 'miit', {}, { publicNoticeEndsOn: addDays(today, 7) }],
    ['raiseObjection', 'APPROVED', 'jiangsu', {}, { comment: '异议' }],
    ['resolveObjection', 'APPROVED', 'miit', {}, { ruling: 'UPHELD', comment: '成立' }],
    ['certifyEnterprise', 'APPROVED', 'miit', {}, { batchNumber: 8 }],
    ['certifyEnterprise', 'REJECTED', 'miit', {}, { batchNumber: 8 }],
  ];
  it.each(cases)('%s from %s', async (mutation, state, caller, row, input) => {
    const { enterpriseId, applicationId, owner } = await fixture('320102', { status: state, ...row });
    const res = await run(t, mutation, { applicationId: appGid(applicationId), ...input }, caller === 'owner' ? owner : fixed[caller]);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: state });
    expect(res.errors![0].message).toContain(state);
    expect(await statusOf(applicationId)).toBe(state);
    expect(await reviewCount(applicationId)).toBe(0);
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });

  it('certifies only after the notice has ended and every objection is ruled on', async () => {
    const running = await fixture('320102', { status: 'PUBLIC_NOTICE', ...noticeRunning });
    const early = await run(t, 'certifyEnterprise', { applicationId: appGid(running.applicationId), batchNumber: 8 }, fixed.miit);
    expect(early.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    // Objections are open through the notice's last day.
    const lastDay = await fixture('320102', { status: 'PUBLIC_NOTICE', publicNoticeEndsOn: today });
    expect(outcome(await run(t, 'certifyEnterprise', { applicationId: appGid(lastDay.applicationId), batchNumber: 8 }, fixed.miit))).toBe('CONFLICT');
    expect(outcome(await run(t, 'raiseObjection', { applicationId: appGid(lastDay.applicationId), comment: '异议' }, fixed.jiangsu))).toBe('OK');

    const objected = await fixture('320102', { status: 'PUBLIC_NOTICE', ...noticeEnded });
    await objection(objected.applicationId);
    const blocked = await run(t, 'certifyEnterprise', { applicationId: appGid(objected.applicationId), batchNumber: 8 }, fixed.miit);
    expect(blocked.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    expect(blocked.errors![0].message).toMatch(/objection/);
    const late = await run(t, 'raiseObjection', { applicationId: appGid(objected.applicationId), comment: '迟到的异议' }, fixed.jiangsu);
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    expect(
      outcome(
        await run(t, 'resolveObjection', { applicationId: appGid(objected.applicationId), ruling: 'DISMISSED', comment: '不成立' }, fixed.miit),
      ),
    ).toBe('OK');
    // Nothing left to rule on.
    const none = await run(
      t,
      'resolveObjection',
      { applicationId: appGid(objected.applicationId), ruling: 'DISMISSED', comment: '不成立' },
      fixed.miit,
    );
    expect(none.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PUBLIC_NOTICE' });
    expect(outcome(await run(t, 'certifyEnterprise', { applicationId: appGid(objected.applicationId), batchNumber: 8 }, fixed.miit))).toBe('OK');
    for (const f of [running, objected]) {
      expect((await trailOf(t, f.enterpriseId)).map((e) => e.action)).toEqual(f === running ? [] : ['resolveObjection', 'certifyEnterprise']);
    }
  });

  it('refuses to certify a second live title of the same tier', async () => {
    const { enterpriseId, applicationId } = await fixture('320102', { status: 'PUBLIC_NOTICE', ...noticeEnded });
    await insertCertification(t.db.dataSource, enterpriseId, { tier: LG, status: 'UNDER_REVIEW' });
    const res = await run(t, 'certifyEnterprise', { applicationId: appGid(applicationId), batchNumber: 8 }, fixed.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await statusOf(applicationId)).toBe('PUBLIC_NOTICE');
    // Still only the title under review; the provincial one every fixture holds is another tier.
    expect(
      (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM certification WHERE enterprise_id = $1 AND tier = $2`, [enterpriseId, LG]))[0].n,
    ).toBe(1);
  });

  it('records a title that lapsed on its own as EXPIRED when certifying its successor', async () => {
    const { enterpriseId, applicationId } = await fixture('320102', { status: 'PUBLIC_NOTICE', ...noticeEnded });
    const old = await insertCertification(t.db.dataSource, enterpriseId, {
      tier: LG,
      status: 'CERTIFIED',
      certifiedOn: '2022-07-01',
      validUntil: '2025-06-30',
    });
    const res = await run(t, 'certifyEnterprise', { applicationId: appGid(applicationId), batchNumber: 8 }, fixed.miit);
    expect(outcome(res)).toBe('OK');
    expect((await t.db.dataSource.query(`SELECT status FROM certification WHERE id = $1`, [old]))[0].status).toBe('EXPIRED');
    expect(res.data!.certifyEnterprise.certification.enterprise.tier).toBe(LG);
  });
});

describe('bad input is BAD_USER_INPUT naming the field', () => {
  const cases: [string, string, Caller, Record<string, unknown>, string][] = [
    ['reviewApplication', 'UNDER_REVIEW', 'miit', { decision: 'APPROVE', score: '100.5' }, 'score'],
    ['reviewApplication', 'UNDER_REVIEW', 'miit', { decision: 'APPROVE', score: '-1' }, 'score'],
    ['reviewApplication', 'UNDER_REVIEW', 'miit', { decision: 'APPROVE', score: '88.125' }, 'score'],
    ['reviewApplication', 'UNDER_REVIEW', 'miit', { decision: 'APPROVE', score: 'high' }, 'score'],
    ['openPublicNotice', 'APPROVED', 'miit', { publicNoticeEndsOn: addDays(today, 4) }, 'publicNoticeEndsOn'],
    ['openPublicNotice', 'APPROVED', 'miit', { publicNoticeEndsOn: addDays(today, 15) }, 'publicNoticeEndsOn'],
    ['openPublicNotice', 'APPROVED', 'miit', { publicNoticeEndsOn: '2026-02-30' }, 'publicNoticeEndsOn'],
    ['returnApplication', 'SUBMITTED', 'jiangsu', { comment: '   ' }, 'comment'],
    ['raiseObjection', 'PUBLIC_NOTICE', 'miit', { comment: '' }, 'comment'],
    ['resolveObjection', 'PUBLIC_NOTICE', 'miit', { ruling: 'UPHELD', comment: ' ' }, 'comment'],
    ['certifyEnterprise', 'PUBLIC_NOTICE', 'miit', { batchNumber: 0 }, 'batchNumber'],
  ];
  it.each(cases)('%s from %s: %j', async (mutation, state, caller, input, field) => {
    const { enterpriseId, applicationId } = await fixture('320102', { status: state, ...(state === 'PUBLIC_NOTICE' ? noticeEnded : {}) });
    const res = await run(t, mutation, { applicationId: appGid(applicationId), ...input }, fixed[caller]);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await statusOf(applicationId)).toBe(state);
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });

  it('accepts the edges of the notice period and normalises the score', async () => {
    for (const days of [5, 14]) {
      const { applicationId } = await fixture('320102', { status: 'APPROVED' });
      const res = await run(t, 'openPublicNotice', { applicationId: appGid(applicationId), publicNoticeEndsOn: addDays(today, days) }, fixed.miit);
      expect(res.data!.openPublicNotice.application.publicNoticeEndsOn).toBe(addDays(today, days));
    }
    const { applicationId } = await fixture('320102', { status: 'UNDER_REVIEW' });
    const res = await run(t, 'reviewApplication', { applicationId: appGid(applicationId), decision: 'APPROVE', score: '100' }, fixed.miit);
    expect(res.data!.reviewApplication.application.score).toBe('100.00');
    expect(res.data!.reviewApplication.review).toMatchObject({
      kind: 'EXPERT_REVIEW',
      decision: 'APPROVE',
      score: '100.00',
      ruleSetCode: 'MIIT-2022-63',
    });
  });
});

describe('a failing mutation in a request with others', () => {
  it('leaves nothing behind: payloads are non-null, so the request’s data is null and its transaction rolls back', async () => {
    const { enterpriseId, applicationId } = await fixture('320102', { status: 'SUBMITTED' });
    const doc = `mutation($a: ApplicationCommentInput!, $b: RecommendApplicationInput!) {
      ret: returnApplication(input: $a) { application { status } }
      rec: recommendApplication(input: $b) { application { status } }
    }`;
    const id = appGid(applicationId);
    // Jiangsu returns it, then (same request) tries to recommend the now RETURNED application.
    const res = await t.graphql(doc, { a: { applicationId: id, comment: '请补充材料' }, b: { applicationId: id } }, fixed.jiangsu);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'RETURNED' });
    expect(await statusOf(applicationId)).toBe('SUBMITTED');
    expect(await reviewCount(applicationId)).toBe(0);
    expect(await trailOf(t, enterpriseId)).toEqual([]);
  });
});

describe('a full cycle, DRAFT to CERTIFIED', () => {
  it('grants the title, lifts the tier, and leaves a trail of each step by its own role', async () => {
    const ds = t.db.dataSource;
    const enterprise = await createEnterprise(ds, { regionCode: '320102', tier: 'SRDI_SME' });
    await insertCertification(ds, enterprise.id, { tier: 'SRDI_SME', status: 'CERTIFIED' });
    await createSubmittableReports(ds, enterprise.id);
    const owner = await tokenFor({ role: 'ENTERPRISE', enterpriseId: enterprise.id });
    const ok = async (name: string, input: Record<string, unknown>, token: string | undefined) => {
      const res = await run(t, name, input, token);
      expect(res.errors).toBeUndefined();
      return res.data![name];
    };

    const created = await ok('createApplication', CREATE(enterprise.id, LG, 'MIIT-2026-2'), owner);
    const id = created.application.id as string;
    const applicationId = Buffer.from(id, 'base64url').toString().split(':')[1];
    expect(created.application.status).toBe('DRAFT');
    expect((await ok('submitApplication', { applicationId: id }, owner)).application.submittedAt).toEqual(expect.any(String));
    expect(outcome(await run(t, 'recommendApplication', { applicationId: id }, fixed.xuanwu))).toBe('FORBIDDEN');
    expect((await ok('returnApplication', { applicationId: id, comment: '请补充研发费用专项审计报告' }, fixed.nanjing)).review.kind).toBe('RETURN');
    await ok('submitApplication', { applicationId: id }, owner);
    const recommended = await ok('recommendApplication', { applicationId: id, comment: '同意推荐' }, fixed.jiangsu);
    expect(recommended.application).toMatchObject({ status: 'RECOMMENDED', recommendedBy: { code: '320000' } });
    await ok('startReview', { applicationId: id }, fixed.miit);
    const reviewed = await ok('reviewApplication', { applicationId: id, decision: 'APPROVE', score: '88.5', comment: '专家评审通过' }, fixed.miit);
    expect(reviewed.application).toMatchObject({ status: 'APPROVED', score: '88.50' });
    expect(reviewed.review).toMatchObject({ kind: 'EXPERT_REVIEW', ruleSetCode: 'MIIT-2026-2', score: '88.50' });
    // The rule-set evaluation of the applicant is kept on the review as evidence.
    const [{ evaluation }] = await ds.query(`SELECT evaluation FROM review WHERE application_id = $1 AND kind = 'EXPERT_REVIEW'`, [applicationId]);
    expect(evaluation).toMatchObject({
      ruleSetCode: 'MIIT-2026-2',
      evaluatedOn: today,
      verdict: expect.stringMatching(/^(ELIGIBLE|NOT_ELIGIBLE|UNDETERMINED)$/),
    });
    expect(evaluation.indicators.length).toBeGreaterThan(0);
    expect(evaluation.indicators[0]).toEqual(
      expect.objectContaining({ key: expect.any(String), threshold: expect.any(String), result: expect.any(String) }),
    );
    const endsOn = addDays(today, 7);
    await ok('openPublicNotice', { applicationId: id, publicNoticeEndsOn: endsOn }, fixed.miit);
    // The day the notice opened is kept on the application, for the title it may lead to.
    expect(
      (await ds.query(`SELECT to_char(public_notice_starts_on, 'YYYY-MM-DD') AS starts FROM application WHERE id = $1`, [applicationId]))[0].starts,
    ).toBe(today);
    await ok('raiseObjection', { applicationId: id, comment: '举报：细分市场占有率数据存疑' }, fixed.nanjing);
    await ok('resolveObjection', { applicationId: id, ruling: 'DISMISSED', comment: '经核查，数据有据可查' }, fixed.miit);
    expect(outcome(await run(t, 'certifyEnterprise', { applicationId: id, batchNumber: 8 }, fixed.miit))).toBe('CONFLICT');

    // Time passes: the notice ends (the test moves the end back rather than the clock forward).
    await ds.query(`UPDATE application SET public_notice_ends_on = $2 WHERE id = $1`, [applicationId, addDays(today, -1)]);
    const certified = await ok('certifyEnterprise', { applicationId: id, batchNumber: 8 }, fixed.miit);
    expect(certified.application.status).toBe('CERTIFIED');
    expect(certified.application.certification.id).toBe(certified.certification.id);
    expect(certified.certification).toMatchObject({
      status: 'CERTIFIED',
      tier: LG,
      batchNumber: 8,
      ruleSetCode: 'MIIT-2026-2',
      certifiedOn: today,
      validUntil: addDays(addYears(today, 3), -1),
      publicNoticeEndsOn: addDays(today, -1),
      enterprise: { tier: LG },
      // The end was moved before the day the notice opened: that opening no longer fits the notice, and the title leaves it out.
      publicNoticeStartsOn: null,
    });
    expect((await ds.query(`SELECT tier FROM enterprise WHERE id = $1`, [enterprise.id]))[0].tier).toBe(LG);

    const steps = [
      ['createApplication', 'ENTERPRISE'],
      ['submitApplication', 'ENTERPRISE'],
      ['returnApplication', 'LOCAL_GOV'],
      ['submitApplication', 'ENTERPRISE'],
      ['recommendApplication', 'LOCAL_GOV'],
      ['startReview', 'MIIT'],
      ['reviewApplication', 'MIIT'],
      ['openPublicNotice', 'MIIT'],
      ['raiseObjection', 'LOCAL_GOV'],
      ['resolveObjection', 'MIIT'],
      ['certifyEnterprise', 'MIIT'],
    ];
    expect((await trailOf(t, enterprise.id)).map((e) => [e.action, e.actor_role])).toEqual(steps);

    // The enterprise and its local government read that trail through the API.
    const TRAIL = `{ auditEvents(first: 100, orderBy: [{ field: ID, direction: ASC }]) { edges { node { action actorRole subjectType } } } }`;
    const own = await t.graphql(TRAIL, {}, owner);
    expect(own.errors).toBeUndefined();
    expect(own.data!.auditEvents.edges.map((e: any) => [e.node.action, e.node.actorRole])).toEqual(steps);
    const gov = await t.graphql(
      `query($id: String!) { auditEvents(first: 100, filter: { subjectId: $id }) { totalCount } }`,
      { id: applicationId },
      fixed.jiangsu,
    );
    expect(gov.data!.auditEvents.totalCount).toBe(steps.length - 1); // certifyEnterprise is an event on the new Certification
    const away = await t.graphql(
      `query($id: String!) { auditEvents(first: 100, filter: { subjectId: $id }) { totalCount } }`,
      { id: applicationId },
      fixed.zhejiang,
    );
    expect(away.data!.auditEvents.totalCount).toBe(0);

    // Blind review: the applicant sees decisions, not who made the expert review.
    const reviews = await t.graphql(`query($id: ID!) { node(id: $id) { ... on Application { reviews { kind reviewerSubject } } } }`, { id }, owner);
    expect(reviews.data!.node.reviews.map((r: any) => r.kind)).toEqual([
      'RETURN',
      'RECOMMENDATION',
      'EXPERT_REVIEW',
      'OBJECTION',
      'OBJECTION_RESOLUTION',
    ]);
    expect(reviews.data!.node.reviews.every((r: any) => r.reviewerSubject === null)).toBe(true);
  });
});
