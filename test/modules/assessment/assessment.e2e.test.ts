import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * Assessments over HTTP, per role (issue 12, item 3): the enterprise
 * declares, the local government of its region or above confirms or
 * rejects, MIIT's experts score; what each refusal looks like (a record the
 * caller may not see is NOT_FOUND, as a missing one), the checks with the
 * field at fault, the audit trail of every change, and how evaluateEligibility
 * reads what is recorded.
 */

let t: TestServer;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const tk: Record<string, string | undefined> = {};
let other: EnterpriseRow;

beforeAll(async () => {
  t = await startTestServer();
  other = await createEnterprise(t.db.dataSource, { regionCode: '330106' });
  tk.otherEnterprise = await tokenFor({ role: 'ENTERPRISE', enterpriseId: other.id });
  tk.jiangsu = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tk.nanjing = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' });
  tk.suzhou = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320500' });
  tk.zhejiang = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
  tk.miit = await tokenFor({ role: 'MIIT' });
  tk.mof = await tokenFor({ role: 'MOF' });
  tk.public = undefined;
});
afterAll(() => t.close());

/** A Nanjing enterprise (certified, so the public sees its listing) and its own token. */
async function applicant(tier: string | null = 'SRDI_SME'): Promise<{ row: EnterpriseRow; gid: string; token: string }> {
  const row = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier });
  return { row, gid: toGlobalId('Enterprise', row.id), token: await tokenFor({ role: 'ENTERPRISE', enterpriseId: row.id }) };
}

const SELECTION = 'assessment { id indicatorKey year valueKind flag score evidence status assertedByRole decidedByRegion { code } rejectionReason }';
const m = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { ${SELECTION} } }`;
const DECLARE = m('declareAssessment', 'DeclareAssessmentInput');
const CONFIRM = m('confirmAssessment', 'ConfirmAssessmentInput');
const REJECT = m('rejectAssessment', 'RejectAssessmentInput');
const SCORE = m('scoreAssessment', 'ScoreAssessmentInput');

const run = (query: string, input: Record<string, unknown>, token: string | undefined) => t.graphql(query, { input }, token);
const code = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.length ? String(res.errors[0].extensions!.code) : 'OK';
const declaration = (gid: string, more: Record<string, unknown> = {}) => ({
  enterpriseId: gid,
  indicatorKey: 'coreBusinessOnInformationSystem',
  year: YEAR,
  value: true,
  evidence: 'ERP与MES系统覆盖生产经营',
  ...more,
});
async function declared(gid: string, token: string, more: Record<string, unknown> = {}): Promise<string> {
  const res = await run(DECLARE, declaration(gid, more), token);
  expect(res.errors).toBeUndefined();
  return res.data!.declareAssessment.assessment.id;
}
const rows = async (enterpriseId: string) =>
  await t.db.dataSource.query<
    {
      indicator_key: string;
      year: number;
      status: string;
    }[]
  >(`SELECT indicator_key, year, status FROM assessment WHERE enterprise_id = $1 ORDER BY year, indicator_key`, [enterpriseId]);
const trail = async (enterpriseId: string) =>
  await t.db.dataSource.query<
    { action: string; actor_role: string; before: Record<string, unknown> | null; after: Record<string, unknown>; region_code: string }[]
  >(`SELECT action, actor_role, before, after, region_code FROM audit_event WHERE subject_type = 'Assessment' AND enterprise_id = $1 ORDER BY id`, [
    enterpriseId,
  ]);

describe('who may record what', () => {
  it('lets only the enterprise itself declare; others are refused as the enterprise’s visibility has it', async () => {
    const { row, gid, token } = await applicant();
    const unlisted = await applicant(null);
    const outcomes: Record<string, string> = {};
    for (const who of ['otherEnterprise', 'jiangsu', 'miit', 'mof', 'public']) outcomes[who] = code(await run(DECLARE, declaration(gid), tk[who]));
    // The uncertified enterprise is invisible to other enterprises and the public: missing, not forbidden.
    outcomes.otherOnUnlisted = code(await run(DECLARE, declaration(unlisted.gid), tk.otherEnterprise));
    outcomes.publicOnUnlisted = code(await run(DECLARE, declaration(unlisted.gid), undefined));
    expect(outcomes).toEqual({
      otherEnterprise: 'FORBIDDEN',
      jiangsu: 'FORBIDDEN',
      miit: 'FORBIDDEN',
      mof: 'FORBIDDEN',
      public: 'FORBIDDEN',
      otherOnUnlisted: 'NOT_FOUND',
      publicOnUnlisted: 'NOT_FOUND',
    });
    expect(await rows(row.id)).toEqual([]);
    const own = await run(DECLARE, declaration(gid), token);
    expect(own.data!.declareAssessment.assessment).toMatchObject({
      status: 'DECLARED',
      flag: true,
      valueKind: 'FLAG',
      assertedByRole: 'ENTERPRISE',
      decidedByRegion: null,
    });
  });

  it('lets the local government of the region or above confirm; the enterprise cannot confirm its own, another region sees nothing', async () => {
    const { row, gid, token } = await applicant();
    const id = await declared(gid, token);
    const outcomes: Record<string, string> = {};
    for (const who of ['own', 'otherEnterprise', 'zhejiang', 'suzhou', 'miit', 'mof', 'public']) {
      outcomes[who] = code(await run(CONFIRM, { assessmentId: id }, who === 'own' ? token : tk[who]));
    }
    expect(outcomes).toEqual({
      own: 'FORBIDDEN',
      otherEnterprise: 'NOT_FOUND',
      zhejiang: 'NOT_FOUND',
      suzhou: 'NOT_FOUND',
      miit: 'FORBIDDEN',
      mof: 'FORBIDDEN',
      public: 'NOT_FOUND',
    });
    expect((await rows(row.id))[0].status).toBe('DECLARED');
    const byPrefecture = await run(CONFIRM, { assessmentId: id }, tk.nanjing);
    expect(byPrefecture.data!.confirmAssessment.assessment).toMatchObject({ status: 'CONFIRMED', decidedByRegion: { code: '320100' } });
    const again = await run(CONFIRM, { assessmentId: id }, tk.jiangsu);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'CONFIRMED' });
  });

  it('keeps scores to MIIT’s experts: the enterprise may neither declare nor score one, and no local government confirms one', async () => {
    const { row, gid, token } = await applicant();
    const score = { enterpriseId: gid, indicatorKey: 'developmentScore', year: YEAR, score: '72.5', evidence: '2026年发展评价' };
    const asDeclared = await run(DECLARE, declaration(gid, { indicatorKey: 'developmentScore' }), token);
    expect(asDeclared.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'indicatorKey' });
    expect(code(await run(SCORE, score, token))).toBe('FORBIDDEN');
    expect(code(await run(SCORE, score, tk.jiangsu))).toBe('FORBIDDEN');
    expect(await rows(row.id)).toEqual([]);

    const scored = await run(SCORE, score, tk.miit);
    expect(scored.data!.scoreAssessment.assessment).toMatchObject({
      valueKind: 'SCORE',
      score: '72.50',
      flag: null,
      status: 'SCORED',
      assertedByRole: 'MIIT',
    });
    expect(code(await run(CONFIRM, { assessmentId: scored.data!.scoreAssessment.assessment.id }, tk.jiangsu))).toBe('FORBIDDEN');
    const rescored = await run(SCORE, { ...score, score: '58' }, tk.miit);
    expect(rescored.data!.scoreAssessment.assessment).toMatchObject({ id: scored.data!.scoreAssessment.assessment.id, score: '58.00' });
    const flagAsScore = await run(SCORE, { ...score, indicatorKey: 'coreBusinessOnInformationSystem' }, tk.miit);
    expect(flagAsScore.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'indicatorKey' });
  });
});

describe('checks, with the field at fault, writing nothing', () => {
  it.each([
    ['an indicator no rule set assesses', { indicatorKey: 'mainBusinessShare' }, 'indicatorKey'],
    ['an unknown key', { indicatorKey: 'nonsense' }, 'indicatorKey'],
    ['a year too far ahead', { year: YEAR + 2 }, 'year'],
    ['a year before the programme', { year: 1999 }, 'year'],
    ['empty evidence', { evidence: '  ' }, 'evidence'],
  ])('declareAssessment refuses %s', async (_what, change, field) => {
    const { row, gid, token } = await applicant();
    const res = await run(DECLARE, declaration(gid, change), token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows(row.id)).toEqual([]);
  });

  it.each([['101'], ['-1'], ['72.555'], ['七十']])('scoreAssessment refuses the score %s', async (score) => {
    const { row, gid } = await applicant();
    const res = await run(SCORE, { enterpriseId: gid, indicatorKey: 'developmentScore', year: YEAR, score, evidence: '评价' }, tk.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    expect(await rows(row.id)).toEqual([]);
  });

  it('rejectAssessment wants a reason', async () => {
    const { row, gid, token } = await applicant();
    const id = await declared(gid, token);
    const res = await run(REJECT, { assessmentId: id, reason: ' ' }, tk.jiangsu);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await rows(row.id))[0].status).toBe('DECLARED');
  });
});

describe('the audit trail', () => {
  it('keeps every declaration, decision and score with who acted and the record before and after', async () => {
    const { row, gid, token } = await applicant();
    const id = await declared(gid, token);
    const rejected = await run(REJECT, { assessmentId: id, reason: '未提供系统截图' }, tk.jiangsu);
    expect(rejected.data!.rejectAssessment.assessment).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '未提供系统截图',
      decidedByRegion: { code: '320000' },
    });
    // Declaring again replaces the record and clears the decision: it awaits confirmation afresh.
    const again = await run(DECLARE, declaration(gid, { evidence: '附系统截图' }), token);
    expect(again.data!.declareAssessment.assessment).toMatchObject({
      id,
      status: 'DECLARED',
      rejectionReason: null,
      decidedByRegion: null,
      evidence: '附系统截图',
    });
    await run(CONFIRM, { assessmentId: id }, tk.jiangsu);
    await run(SCORE, { enterpriseId: gid, indicatorKey: 'developmentScore', year: YEAR, score: '66', evidence: '评价' }, tk.miit);

    const events = await trail(row.id);
    expect(events.map((e) => `${e.actor_role}:${e.action}`)).toEqual([
      'ENTERPRISE:declareAssessment',
      'LOCAL_GOV:rejectAssessment',
      'ENTERPRISE:declareAssessment',
      'LOCAL_GOV:confirmAssessment',
      'MIIT:scoreAssessment',
    ]);
    expect(events.every((e) => e.region_code === '320102')).toBe(true);
    expect(events[0]).toMatchObject({ before: null, after: { status: 'DECLARED', flag: true, evidence: 'ERP与MES系统覆盖生产经营' } });
    expect(events[1]).toMatchObject({
      before: { status: 'DECLARED' },
      after: { status: 'REJECTED', rejectionReason: '未提供系统截图', decidedByRegionCode: '320000' },
    });
    expect(events[2]).toMatchObject({ before: { status: 'REJECTED' }, after: { status: 'DECLARED', evidence: '附系统截图', rejectionReason: null } });
    expect(events[3]).toMatchObject({ before: { status: 'DECLARED' }, after: { status: 'CONFIRMED' } });
    expect(events[4]).toMatchObject({ before: null, after: { status: 'SCORED', score: '66.00', valueKind: 'SCORE' } });
    // The enterprise reads its own trail of them, as it does its reports'.
    const seen = await t.graphql(`{ auditEvents(first: 20, filter: { subjectType: "Assessment" }) { totalCount } }`, {}, token);
    expect(seen.data!.auditEvents.totalCount).toBe(5);
  });
});

describe('reading assessments', () => {
  const OF_ENTERPRISE = `query($id: ID!, $year: Int) { node(id: $id) { ... on Enterprise { assessments(year: $year) { indicatorKey year status } } } }`;
  const ONE = `query($id: ID!) { node(id: $id) { ... on Assessment { id indicatorKey enterprise { id } } } }`;

  it('shows them to whoever reads the enterprise’s reports, filtered by year; to no one else, the public never', async () => {
    const { gid, token } = await applicant();
    const id = await declared(gid, token);
    await declared(gid, token, { year: YEAR - 1, value: false });

    for (const who of ['own', 'jiangsu', 'nanjing', 'miit', 'mof']) {
      const caller = who === 'own' ? token : tk[who];
      const all = await t.graphql(OF_ENTERPRISE, { id: gid }, caller);
      expect(all.data!.node.assessments.map((a: { year: number }) => a.year)).toEqual([YEAR - 1, YEAR]);
      const thisYear = await t.graphql(OF_ENTERPRISE, { id: gid, year: YEAR }, caller);
      expect(thisYear.data!.node.assessments).toEqual([{ indicatorKey: 'coreBusinessOnInformationSystem', year: YEAR, status: 'DECLARED' }]);
      expect((await t.graphql(ONE, { id }, caller)).data!.node).toMatchObject({ id, enterprise: { id: gid } });
    }
    for (const who of ['otherEnterprise', 'zhejiang', 'suzhou', 'public']) {
      expect((await t.graphql(ONE, { id }, tk[who])).data!.node).toBeNull();
      // The enterprise is listed (certified), but its assessments are not part of the listing.
      const listed = await t.graphql(OF_ENTERPRISE, { id: gid }, tk[who]);
      expect(listed.data!.node).toEqual({ assessments: null });
      expect(listed.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['node.assessments', 'FORBIDDEN']]);
    }
  });
});

describe('evaluateEligibility reads the recorded assessments of the year', () => {
  const EVALUATE = `query($id: ID!, $ruleSet: String!, $year: Int, $assessments: [IndicatorAssessmentInput!]) {
    evaluateEligibility(enterpriseId: $id, ruleSet: $ruleSet, year: $year, assessments: $assessments) { indicators { key result value note details { key result value note } } }
  }`;
  async function judged(
    gid: string,
    token: string,
    key: string,
    ruleSet = 'MIIT-2022-63',
    assessments?: { key: string; value: string }[],
    year = YEAR,
  ) {
    const res = await t.graphql(EVALUATE, { id: gid, ruleSet, year, assessments }, token);
    expect(res.errors).toBeUndefined();
    const all = res.data!.evaluateEligibility.indicators.flatMap((i: { details: unknown[] }) => [i, ...i.details]);
    return all.find((i: { key: string }) => i.key === key);
  }

  it('counts a confirmed "no" as a failure, a rejected one as unknown with the reason, and another year’s not at all', async () => {
    const { gid, token } = await applicant();
    const id = await declared(gid, token, { value: false });
    await run(CONFIRM, { assessmentId: id }, tk.jiangsu);
    expect(await judged(gid, token, 'coreBusinessOnInformationSystem')).toMatchObject({ result: 'FAIL', value: 'no' });
    expect(await judged(gid, token, 'coreBusinessOnInformationSystem', 'MIIT-2022-63', undefined, YEAR - 1)).toMatchObject({ result: 'UNKNOWN' });

    const top3 = await declared(gid, token, { indicatorKey: 'nationalTop3' });
    await run(REJECT, { assessmentId: top3, reason: '排名来源不权威' }, tk.jiangsu);
    expect(await judged(gid, token, 'nationalTop3', 'MIIT-2026-2')).toMatchObject({
      result: 'UNKNOWN',
      note: expect.stringContaining('排名来源不权威'),
    });
  });

  it('reads MIIT’s score as given, and lets a what-if value stand in for the record', async () => {
    const { gid, token } = await applicant();
    await run(SCORE, { enterpriseId: gid, indicatorKey: 'developmentScore', year: YEAR, score: '59.99', evidence: '评价' }, tk.miit);
    expect(await judged(gid, token, 'developmentScore', 'MIIT-2026-2')).toMatchObject({
      result: 'FAIL',
      value: '59.99',
      note: expect.stringContaining('scored by MIIT'),
    });
    expect(await judged(gid, token, 'developmentScore', 'MIIT-2026-2', [{ key: 'developmentScore', value: '75' }])).toMatchObject({
      result: 'PASS',
      value: '75',
      note: expect.stringContaining('what-if'),
    });
  });
});
