import { fromGlobalId } from '../../src/core/global-id';
import { makeCreditCode } from '../../src/modules/enterprise/credit-code.rules';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { dayAfter, onProgrammeDay } from '../support/clock';

/**
 * The eligibility step through HTTP only (issue 12, "done when"): a newly
 * registered enterprise reports three years of figures, declares its
 * assessments, has its local government confirm them, sees ELIGIBLE for the
 * little-giant rules in force (MIIT-2026-2), submits, and the
 * self-assessment is on the application beside a fresh evaluation; an
 * ineligible one is refused at submission naming the failing indicators,
 * with nothing written. The programme year is the evaluation's year of
 * assessment: the reports are of the three years before it.
 *
 * The 2026 little-giant rules ask for a valid provincial SRDI title, which
 * in turn asks for an innovative-SME title: the enterprise earns both through
 * the API first (apply, submit, recommend, review, public notice, certify).
 * The one step no API call can take is the passing of the notice's last day:
 * the test moves the programme's clock past it (test/support/clock.ts) for
 * the certification; no row is written behind the API's back.
 */

let t: TestServer;
let province: string;
let miit: string;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const YEARS = [YEAR - 3, YEAR - 2, YEAR - 1];
const RULE_SET = 'MIIT-2026-2';
/** The sets in force for new applications of the two tiers below (createApplication refuses any other). */
const INNOVATIVE_RULE_SET = 'INNOVATIVE-SME-2022';
const PROVINCIAL_RULE_SET = 'SRDI-PROVINCIAL-2026';
/** The general conditions every rule set opens with that are recorded as assessments (declared, then confirmed). */
const GENERAL_ASSESSED = ['notOnAbnormalOrDishonestLists', 'noMajorAccidentOrTaxEvasion'];

beforeAll(async () => {
  t = await startTestServer();
  province = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  miit = await tokenFor({ role: 'MIIT' });
});
afterAll(() => t.close());

const m = (name: string, type: string, selection: string) => `mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`;

async function ok<T = any>(query: string, input: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.graphql(query, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/**
 * Figures that pass every financial indicator of the 2026 rules, little giant and provincial: revenue ≥ ¥100m growing
 * ≈ 10% a year, main business ≥ 95%, debt 40%, R&D 6% (¥13.8m over the last two years), 5 Class-I IP rights, 15% of the
 * niche; 200 staff, a medium firm by the industrial size lines.
 */
const figures = (i: number) => ({
  revenue: `${100_000_000 + i * 10_000_000}.00`,
  mainBusinessRevenue: `${95_000_000 + i * 10_000_000}.00`,
  rdExpense: `${6_000_000 + i * 600_000}.00`,
  rdStaff: 40,
  employees: 200,
  totalAssets: '200000000.00',
  totalLiabilities: '80000000.00',
  newEquityFinancing: '0',
  class1IpCount: 5,
  nicheMarketShare: '15',
});

/** Registered by the province, its facts and three years of figures reported by itself; its token. */
async function newEnterprise(orgCode: string, figuresOf: (i: number) => Record<string, unknown>): Promise<{ id: string; token: string }> {
  const registered = await ok(
    m('registerEnterprise', 'RegisterEnterpriseInput', 'enterprise { id }'),
    {
      creditCode: makeCreditCode('91', '320102', orgCode),
      name: `南京${orgCode}精密部件有限公司`,
      regionCode: '320102',
      industry: 'C34 通用设备制造业',
      productField: 'CORE_BASIC_COMPONENTS',
      sizeClass: 'MEDIUM',
    },
    province,
  );
  const id = registered.registerEnterprise.enterprise.id as string;
  const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: fromGlobalId(id)!.key });
  await ok(
    m('updateEnterprise', 'UpdateEnterpriseInput', 'enterprise { id }'),
    {
      id,
      foundedOn: '2012-03-01',
      nicheSinceYear: 2015,
      hasQualityCertification: true,
      hasRdInstitution: true,
      hasOwnBrand: true,
      atKeyChainLink: true,
    },
    token,
  );
  for (const [i, year] of YEARS.entries()) {
    await ok(m('reportFinancials', 'ReportFinancialsInput', 'financialReport { id }'), { enterpriseId: id, year, ...figuresOf(i) }, token);
  }
  return { id, token };
}

const stepQ = (name: string, type = 'ApplicationStepInput') => m(name, type, 'application { id status }');

/**
 * Applies for `tier` under `ruleSet` and walks the application to a title: the enterprise submits (its
 * self-assessment fails nothing), the province recommends, MIIT reviews, approves, lists it for public notice
 * and, once the notice is over, certifies.
 */
async function earnTitle(id: string, token: string, tier: string, ruleSet: string): Promise<void> {
  const app = (await ok(CREATE, { enterpriseId: id, tier, ruleSet }, token)).createApplication.application.id as string;
  expect((await ok(stepQ('submitApplication'), { applicationId: app }, token)).submitApplication.application.status).toBe('SUBMITTED');
  await ok(stepQ('recommendApplication', 'RecommendApplicationInput'), { applicationId: app, comment: '同意推荐' }, province);
  await ok(stepQ('startReview'), { applicationId: app }, miit);
  await ok(stepQ('reviewApplication', 'ReviewApplicationInput'), { applicationId: app, decision: 'APPROVE', score: '85', comment: '评审通过' }, miit);
  const noticeEnds = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  await ok(stepQ('openPublicNotice', 'OpenPublicNoticeInput'), { applicationId: app, publicNoticeEndsOn: noticeEnds }, miit);
  const CERTIFY = m('certifyEnterprise', 'CertifyEnterpriseInput', 'certification { status tier }');
  const input = { applicationId: app, batchNumber: 1 };
  // While the 公示 runs the title cannot be granted; the day after its last day, it can.
  expect((await onProgrammeDay(noticeEnds, () => t.graphql(CERTIFY, { input }, miit))).errors?.[0].extensions?.code).toBe('CONFLICT');
  const certified = await onProgrammeDay(dayAfter(noticeEnds), () => ok(CERTIFY, input, miit));
  expect(certified.certifyEnterprise.certification).toEqual({ status: 'CERTIFIED', tier });
}

/** The valid provincial SRDI title the 2026 little-giant rules ask for, earned over the API: innovative SME first, which the provincial rules ask for. */
async function earnProvincialTitle(id: string, token: string): Promise<void> {
  await earnTitle(id, token, 'INNOVATIVE_SME', INNOVATIVE_RULE_SET);
  await earnTitle(id, token, 'SRDI_SME', PROVINCIAL_RULE_SET);
}

/** The enterprise declares one of its yes/no conditions for the year of assessment; the assessment's id. */
async function declare(id: string, token: string, indicatorKey: string, evidence: string): Promise<string> {
  const declared = await ok(
    m('declareAssessment', 'DeclareAssessmentInput', 'assessment { id status flag assertedByRole }'),
    {
      enterpriseId: id,
      indicatorKey,
      year: YEAR,
      value: true,
      evidence,
    },
    token,
  );
  expect(declared.declareAssessment.assessment).toMatchObject({ status: 'DECLARED', flag: true, assertedByRole: 'ENTERPRISE' });
  return declared.declareAssessment.assessment.id as string;
}
const EVIDENCE: Record<string, string> = {
  notOnAbnormalOrDishonestLists: '国家企业信用信息公示系统、信用中国查询截图（均未列入）',
  noMajorAccidentOrTaxEvasion: '应急管理、市场监管、生态环境、税务部门无违法记录证明',
};

const EVALUATE = `query($id: ID!, $ruleSet: String!) {
  evaluateEligibility(enterpriseId: $id, ruleSet: $ruleSet) { asOfYear verdict indicators { key result note } }
}`;
async function evaluation(id: string, token: string, ruleSet = RULE_SET) {
  const res = await t.graphql(EVALUATE, { id, ruleSet }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.evaluateEligibility as { asOfYear: number; verdict: string; indicators: { key: string; result: string; note: string | null }[] };
}
const indicator = (e: { indicators: { key: string }[] }, key: string) => e.indicators.find((i) => i.key === key);

const APPLICATION = `query($id: ID!) { node(id: $id) { ... on Application {
  status submittedAt
  selfAssessment { ruleSetCode evaluatedAt asOfYear lastFinancialYear verdict unknownIndicators indicators { key result } }
  currentEvaluation { asOfYear verdict indicators { key result } }
} } }`;
const TRAIL = `query($id: String!) { auditEvents(first: 50, filter: { subjectType: "Application", subjectId: $id }) { edges { node { action } } } }`;
const SUBMIT = m('submitApplication', 'ApplicationStepInput', 'application { id status selfAssessment { verdict unknownIndicators } }');
const CREATE = m('createApplication', 'CreateApplicationInput', 'application { id }');

describe('from registration to a submitted application, over HTTP', () => {
  it('declared, confirmed and scored, the enterprise is ELIGIBLE, submits, and its self-assessment is kept for the reviewers', async () => {
    const { id, token } = await newEnterprise('MA1QJX001', figures);
    await earnProvincialTitle(id, token);

    // The general conditions on the lists and accidents are assessed, and so is the development score: unknown until recorded.
    const before = await evaluation(id, token);
    expect(before.asOfYear).toBe(YEAR);
    expect(before.verdict).toBe('UNDETERMINED');
    expect(before.indicators.filter((i) => i.result !== 'PASS').map((i) => i.key)).toEqual([...GENERAL_ASSESSED, 'developmentScore']);
    expect(indicator(before, 'provincialTitleAndNiche')).toMatchObject({ result: 'PASS' });

    const assessments: string[] = [];
    for (const key of GENERAL_ASSESSED) assessments.push(await declare(id, token, key, EVIDENCE[key]));
    // Declared is not confirmed: still unknown, and the note says why.
    const pending = await evaluation(id, token);
    expect(pending.verdict).toBe('UNDETERMINED');
    for (const key of GENERAL_ASSESSED) {
      expect(indicator(pending, key)).toMatchObject({ result: 'UNKNOWN', note: expect.stringContaining('awaiting its local government') });
    }

    for (const assessmentId of assessments) {
      const confirmed = await ok(
        m('confirmAssessment', 'ConfirmAssessmentInput', 'assessment { status decidedByRegion { code } }'),
        { assessmentId },
        province,
      );
      expect(confirmed.confirmAssessment.assessment).toEqual({ status: 'CONFIRMED', decidedByRegion: { code: '320000' } });
    }
    const confirmed = await evaluation(id, token);
    expect(confirmed.verdict).toBe('UNDETERMINED');
    expect(confirmed.indicators.filter((i) => i.result !== 'PASS').map((i) => i.key)).toEqual(['developmentScore']);
    for (const key of GENERAL_ASSESSED) {
      expect(indicator(confirmed, key)).toMatchObject({ result: 'PASS', note: expect.stringContaining('confirmed by the local government 320000') });
    }

    // The development score is MIIT's experts' to give.
    await ok(
      m('scoreAssessment', 'ScoreAssessmentInput', 'assessment { status }'),
      {
        enterpriseId: id,
        indicatorKey: 'developmentScore',
        year: YEAR,
        score: '78.5',
        evidence: '中小企业发展评价（专家组）',
      },
      miit,
    );
    const eligible = await evaluation(id, token);
    expect(eligible.verdict).toBe('ELIGIBLE');
    expect(indicator(eligible, 'developmentScore')).toMatchObject({ result: 'PASS', note: expect.stringContaining('scored by MIIT') });

    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id as string;
    const submitted = await ok(SUBMIT, { applicationId: app }, token);
    expect(submitted.submitApplication.application).toMatchObject({
      status: 'SUBMITTED',
      selfAssessment: { verdict: 'ELIGIBLE', unknownIndicators: [] },
    });

    // The reviewers see the stored self-assessment beside a fresh evaluation of the same year.
    for (const reviewer of [province, miit]) {
      const seen = (await t.graphql(APPLICATION, { id: app }, reviewer)).data!.node;
      expect(seen.selfAssessment).toMatchObject({
        ruleSetCode: RULE_SET,
        asOfYear: YEAR,
        lastFinancialYear: YEAR - 1,
        verdict: 'ELIGIBLE',
        unknownIndicators: [],
      });
      expect(Date.parse(seen.selfAssessment.evaluatedAt)).toBe(Date.parse(seen.submittedAt));
      expect(seen.selfAssessment.indicators.every((i: { result: string }) => i.result === 'PASS')).toBe(true);
      expect(seen.currentEvaluation).toMatchObject({ asOfYear: YEAR, verdict: 'ELIGIBLE' });
      expect(seen.currentEvaluation.indicators).toEqual(seen.selfAssessment.indicators);
    }
    // A list reads the kept self-assessment in its own statement; it comes out as the node alone reads it.
    const listed = await t.graphql(
      `{ applications(first: 5, filter: { status: SUBMITTED }) { edges { node { id selfAssessment { verdict evaluatedAt asOfYear } } } } }`,
      {},
      province,
    );
    const node = (await t.graphql(APPLICATION, { id: app }, province)).data!.node;
    expect(listed.data!.applications.edges.find((e: { node: { id: string } }) => e.node.id === app).node.selfAssessment).toEqual({
      verdict: 'ELIGIBLE',
      evaluatedAt: node.selfAssessment.evaluatedAt,
      asOfYear: YEAR,
    });
    // The public never sees an application outside public notice, nor its self-assessment.
    expect((await t.graphql(APPLICATION, { id: app })).data!.node).toBeNull();
  });

  it('lets unknown indicators through, listed in the self-assessment', async () => {
    const { id, token } = await newEnterprise('MA1QJX002', figures);
    await earnProvincialTitle(id, token);
    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id;
    const submitted = await ok(SUBMIT, { applicationId: app }, token);
    expect(submitted.submitApplication.application).toMatchObject({
      status: 'SUBMITTED',
      selfAssessment: { verdict: 'UNDETERMINED', unknownIndicators: [...GENERAL_ASSESSED, 'developmentScore'] },
    });
  });

  it('refuses an ineligible enterprise at submission, naming the failing indicators, and writes nothing', async () => {
    // Liabilities at 90% of assets and a revenue that does not grow; with those figures it could not earn the
    // provincial title either (its rules cap debt at 80%), so it holds none.
    const { id, token } = await newEnterprise('MA1QJX003', () => ({ ...figures(0), totalLiabilities: '180000000.00' }));
    for (const key of GENERAL_ASSESSED) {
      const assessmentId = await declare(id, token, key, EVIDENCE[key]);
      await ok(m('confirmAssessment', 'ConfirmAssessmentInput', 'assessment { status }'), { assessmentId }, province);
    }
    expect((await evaluation(id, token)).verdict).toBe('NOT_ELIGIBLE');

    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id as string;
    const refused = await t.graphql(SUBMIT, { input: { applicationId: app } }, token);
    expect(refused.data?.submitApplication ?? null).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'applicationId',
      indicators: ['provincialTitleAndNiche', 'revenueGrowth', 'debtRatio'],
    });
    expect(refused.errors![0].message).toMatch(/provincialTitleAndNiche, revenueGrowth, debtRatio/);

    const after = (await t.graphql(APPLICATION, { id: app }, token)).data!.node;
    expect(after).toMatchObject({ status: 'DRAFT', submittedAt: null, selfAssessment: null });
    const trail = (await t.graphql(TRAIL, { id: fromGlobalId(app)!.key }, province)).data!.auditEvents.edges.map(
      (e: { node: { action: string } }) => e.node.action,
    );
    expect(trail).toEqual(['createApplication']);
  });
});
