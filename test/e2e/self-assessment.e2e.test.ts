import { fromGlobalId } from '../../src/graphql/global-id';
import { makeCreditCode } from '../../src/modules/enterprise/credit-code';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * The eligibility step through HTTP only (issue 12, "done when"): a newly
 * registered enterprise reports three years of figures, declares its
 * assessments, has its local government confirm them, sees ELIGIBLE for the
 * 2022 little-giant rules, submits, and the self-assessment is on the
 * application beside a fresh evaluation; an ineligible one is refused at
 * submission naming the failing indicators, with nothing written. The
 * programme year is the evaluation's year of assessment: the reports are of
 * the three years before it.
 */

let t: TestServer;
let province: string;
let miit: string;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const YEARS = [YEAR - 3, YEAR - 2, YEAR - 1];
const RULE_SET = 'MIIT-2022-63';

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

/** Figures that pass every financial indicator of the 2022 rules: growth ≈ 10%, debt 40%, R&D 4%, 3 IP rights, 15% of the niche. */
const figures = (i: number) => ({
  revenue: `${100_000_000 + i * 10_000_000}.00`,
  mainBusinessRevenue: `${95_000_000 + i * 10_000_000}.00`,
  rdExpense: `${4_000_000 + i * 400_000}.00`,
  rdStaff: 40,
  employees: 200,
  totalAssets: '200000000.00',
  totalLiabilities: '80000000.00',
  newEquityFinancing: '0',
  class1IpCount: 3,
  nicheMarketShare: '15',
});

/** Registered by the province, its facts and three years of figures reported by itself; its token. */
async function newEnterprise(orgCode: string, figuresOf: (i: number) => Record<string, unknown>): Promise<{ id: string; token: string }> {
  const registered = await ok(m('registerEnterprise', 'RegisterEnterpriseInput', 'enterprise { id }'), {
    creditCode: makeCreditCode('91', '320102', orgCode), name: `南京${orgCode}精密部件有限公司`, regionCode: '320102',
    industry: 'C34 通用设备制造业', productField: 'CORE_BASIC_COMPONENTS', sizeClass: 'MEDIUM',
  }, province);
  const id = registered.registerEnterprise.enterprise.id as string;
  const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: fromGlobalId(id)!.key });
  await ok(m('updateEnterprise', 'UpdateEnterpriseInput', 'enterprise { id }'), {
    id, foundedOn: '2012-03-01', nicheSinceYear: 2015, hasQualityCertification: true, hasRdInstitution: true, hasOwnBrand: true, atKeyChainLink: true,
  }, token);
  for (const [i, year] of YEARS.entries()) {
    await ok(m('reportFinancials', 'ReportFinancialsInput', 'financialReport { id }'), { enterpriseId: id, year, ...figuresOf(i) }, token);
  }
  return { id, token };
}

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
  it('declared and confirmed, the enterprise is ELIGIBLE, submits, and its self-assessment is kept for the reviewers', async () => {
    const { id, token } = await newEnterprise('MA1QJX001', figures);

    // The information system is an assessed condition: unknown until recorded and confirmed.
    const before = await evaluation(id, token);
    expect(before.asOfYear).toBe(YEAR);
    expect(before.verdict).toBe('UNDETERMINED');
    expect(before.indicators.filter((i) => i.result !== 'PASS').map((i) => i.key)).toEqual(['coreBusinessOnInformationSystem']);

    const declared = await ok(m('declareAssessment', 'DeclareAssessmentInput', 'assessment { id status flag assertedByRole }'), {
      enterpriseId: id, indicatorKey: 'coreBusinessOnInformationSystem', year: YEAR, value: true, evidence: '生产、采购、销售均在ERP系统上运行（用友U8，2019年上线）',
    }, token);
    const assessment = declared.declareAssessment.assessment;
    expect(assessment).toMatchObject({ status: 'DECLARED', flag: true, assertedByRole: 'ENTERPRISE' });
    // Declared is not confirmed: still unknown, and the note says why.
    const pending = await evaluation(id, token);
    expect(pending.verdict).toBe('UNDETERMINED');
    expect(indicator(pending, 'coreBusinessOnInformationSystem')).toMatchObject({ result: 'UNKNOWN', note: expect.stringContaining('awaiting its local government') });

    const confirmed = await ok(m('confirmAssessment', 'ConfirmAssessmentInput', 'assessment { status decidedByRegion { code } }'), { assessmentId: assessment.id }, province);
    expect(confirmed.confirmAssessment.assessment).toEqual({ status: 'CONFIRMED', decidedByRegion: { code: '320000' } });
    const eligible = await evaluation(id, token);
    expect(eligible.verdict).toBe('ELIGIBLE');
    expect(indicator(eligible, 'coreBusinessOnInformationSystem')).toMatchObject({ result: 'PASS', note: expect.stringContaining('confirmed by the local government 320000') });

    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id as string;
    const submitted = await ok(SUBMIT, { applicationId: app }, token);
    expect(submitted.submitApplication.application).toMatchObject({ status: 'SUBMITTED', selfAssessment: { verdict: 'ELIGIBLE', unknownIndicators: [] } });

    // The reviewers see the stored self-assessment beside a fresh evaluation of the same year.
    for (const reviewer of [province, miit]) {
      const seen = (await t.graphql(APPLICATION, { id: app }, reviewer)).data!.node;
      expect(seen.selfAssessment).toMatchObject({ ruleSetCode: RULE_SET, asOfYear: YEAR, lastFinancialYear: YEAR - 1, verdict: 'ELIGIBLE', unknownIndicators: [] });
      expect(Date.parse(seen.selfAssessment.evaluatedAt)).toBe(Date.parse(seen.submittedAt));
      expect(seen.selfAssessment.indicators.every((i: { result: string }) => i.result === 'PASS')).toBe(true);
      expect(seen.currentEvaluation).toMatchObject({ asOfYear: YEAR, verdict: 'ELIGIBLE' });
      expect(seen.currentEvaluation.indicators).toEqual(seen.selfAssessment.indicators);
    }
    // A list reads the kept self-assessment in its own statement; it comes out as the node alone reads it.
    const listed = await t.graphql(`{ applications(first: 5, filter: { status: SUBMITTED }) { edges { node { id selfAssessment { verdict evaluatedAt asOfYear } } } } }`, {}, province);
    const node = (await t.graphql(APPLICATION, { id: app }, province)).data!.node;
    expect(listed.data!.applications.edges.find((e: { node: { id: string } }) => e.node.id === app).node.selfAssessment).toEqual({
      verdict: 'ELIGIBLE', evaluatedAt: node.selfAssessment.evaluatedAt, asOfYear: YEAR,
    });
    // The public never sees an application outside public notice, nor its self-assessment.
    expect((await t.graphql(APPLICATION, { id: app })).data!.node).toBeNull();
  });

  it('lets unknown indicators through, listed in the self-assessment', async () => {
    const { id, token } = await newEnterprise('MA1QJX002', figures);
    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id;
    const submitted = await ok(SUBMIT, { applicationId: app }, token);
    expect(submitted.submitApplication.application).toMatchObject({
      status: 'SUBMITTED', selfAssessment: { verdict: 'UNDETERMINED', unknownIndicators: ['coreBusinessOnInformationSystem'] },
    });
  });

  it('refuses an ineligible enterprise at submission, naming the failing indicators, and writes nothing', async () => {
    // Liabilities at 90% of assets and a main business that does not grow.
    const { id, token } = await newEnterprise('MA1QJX003', () => ({ ...figures(0), totalLiabilities: '180000000.00' }));
    const declared = await ok(m('declareAssessment', 'DeclareAssessmentInput', 'assessment { id }'), {
      enterpriseId: id, indicatorKey: 'coreBusinessOnInformationSystem', year: YEAR, value: true, evidence: 'MES系统',
    }, token);
    await ok(m('confirmAssessment', 'ConfirmAssessmentInput', 'assessment { status }'), { assessmentId: declared.declareAssessment.assessment.id }, province);
    expect((await evaluation(id, token)).verdict).toBe('NOT_ELIGIBLE');

    const app = (await ok(CREATE, { enterpriseId: id, tier: 'LITTLE_GIANT', ruleSet: RULE_SET }, token)).createApplication.application.id as string;
    const refused = await t.graphql(SUBMIT, { input: { applicationId: app } }, token);
    expect(refused.data?.submitApplication ?? null).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'applicationId', indicators: ['mainBusinessGrowth', 'debtRatio'] });
    expect(refused.errors![0].message).toMatch(/mainBusinessGrowth, debtRatio/);

    const after = (await t.graphql(APPLICATION, { id: app }, token)).data!.node;
    expect(after).toMatchObject({ status: 'DRAFT', submittedAt: null, selfAssessment: null });
    const trail = (await t.graphql(TRAIL, { id: fromGlobalId(app)!.key }, province)).data!.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(trail).toEqual(['createApplication']);
  });
});
