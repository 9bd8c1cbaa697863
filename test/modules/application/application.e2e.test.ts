import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, createPlatform } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { castTokens } from '../../support/tokens';
import { insertCertification } from '../certification/certification-factories';
import { insertApplication, insertReview } from './application-factories';

let t: TestServer;
const gid = (id: string) => toGlobalId('Application', id);
const egid = (id: string) => toGlobalId('Enterprise', id);
const rgid = (id: string) => toGlobalId('Review', id);

/** Enterprises: two in Jiangsu (Nanjing and Wuxi), one in Zhejiang. */
const e = { js1: '', js2: '', zj: '' };
const a = { js1Draft: '', js1Certified: '', js2Recommended: '', zjUnderReview: '' };
const r = { recommendation: '', expert: '', zj: '' };
let certificationId = '';
const tokens: Record<string, string | undefined> = {};

const EVALUATION = { ruleSet: 'MIIT-2022-63', passed: true, indicators: [{ code: 'RD_INTENSITY', value: '0.0612', threshold: '0.03', pass: true }] };

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  e.js1 = (await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' })).id;
  e.js2 = (await createEnterprise(ds, { regionCode: '320200', tier: 'SRDI_SME' })).id;
  e.zj = (await createEnterprise(ds, { regionCode: '330106', tier: null })).id;
  certificationId = await insertCertification(ds, e.js1, { tier: 'LITTLE_GIANT' });
  // Whole-millisecond times, one minute apart (paginate()'s cursors keep milliseconds only).
  a.js1Draft = await insertApplication(ds, e.js1, { tier: 'SRDI_SME', status: 'DRAFT', at: '2026-03-01T00:01:00Z' });
  a.js1Certified = await insertApplication(ds, e.js1, {
    status: 'CERTIFIED',
    certificationId,
    recommendedByRegionCode: '320000',
    score: '91.25',
    at: '2026-03-01T00:02:00Z',
  });
  a.js2Recommended = await insertApplication(ds, e.js2, { status: 'RECOMMENDED', recommendedByRegionCode: '320000', at: '2026-03-01T00:03:00Z' });
  a.zjUnderReview = await insertApplication(ds, e.zj, { status: 'UNDER_REVIEW', recommendedByRegionCode: '330000', at: '2026-03-01T00:04:00Z' });
  r.recommendation = await insertReview(ds, a.js2Recommended, {
    kind: 'RECOMMENDATION',
    decision: 'RECOMMEND',
    reviewerRole: 'LOCAL_GOV',
    reviewerSubject: 'gov:320000:zhang',
    reviewerRegionCode: '320000',
    comment: '材料齐全，同意推荐',
    at: '2026-04-01T00:00:00Z',
  });
  r.expert = await insertReview(ds, a.js2Recommended, {
    kind: 'EXPERT_REVIEW',
    decision: 'APPROVE',
    reviewerRole: 'MIIT',
    reviewerSubject: 'expert:0042',
    score: '86.50',
    evaluation: EVALUATION,
    at: '2026-05-01T00:00:00Z',
  });
  r.zj = await insertReview(ds, a.zjUnderReview, {
    kind: 'RECOMMENDATION',
    decision: 'RECOMMEND',
    reviewerRole: 'LOCAL_GOV',
    reviewerSubject: 'gov:330000:li',
    reviewerRegionCode: '330000',
  });
  const p1 = await createPlatform(ds, { regionCode: '320100' });
  const p2 = await createPlatform(ds, { regionCode: '330100' });

  Object.assign(tokens, await castTokens({ ent1: e.js1, ent2: e.js2, entZ: e.zj, platform1: p1.id, platform2: p2.id }));
});
afterAll(() => t.close());

const LIST = `query($first: Int, $after: String, $filter: ApplicationFilter, $orderBy: [ApplicationOrder!]) {
  applications(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function list(token: string | undefined, variables: Record<string, unknown> = {}) {
  const res = await t.graphql(LIST, { first: 100, ...variables }, token);
  expect(res.errors).toBeUndefined();
  const conn = res.data!.applications;
  return { ids: conn.edges.map((x: { node: { id: string } }) => x.node.id) as string[], totalCount: conn.totalCount as number };
}

describe('applications: each role sees exactly its rows', () => {
  const cases: [string, string | undefined, () => string[]][] = [
    ['the public', undefined, () => []],
    ['platform 1', 'platform1', () => []],
    ['platform 2', 'platform2', () => []],
    ['enterprise 1', 'ent1', () => [a.js1Draft, a.js1Certified]],
    ['enterprise 2', 'ent2', () => [a.js2Recommended]],
    ['enterprise Z', 'entZ', () => [a.zjUnderReview]],
    ['Jiangsu', 'jiangsu', () => [a.js1Draft, a.js1Certified, a.js2Recommended]],
    ['Zhejiang', 'zhejiang', () => [a.zjUnderReview]],
    ['Nanjing', 'nanjing', () => [a.js1Draft, a.js1Certified]],
    ['Wuxi', 'wuxi', () => [a.js2Recommended]],
    ['MIIT', 'miit', () => Object.values(a)],
    ['MOF', 'mof', () => Object.values(a)],
  ];
  it.each(cases)('%s', async (_name, who, expected) => {
    const { ids, totalCount } = await list(who && tokens[who]);
    const want = expected().map(gid).sort();
    expect([...ids].sort()).toEqual(want);
    expect(totalCount).toBe(want.length);
  });

  it('lists newest first by default', async () => {
    expect((await list(tokens.miit)).ids).toEqual(Object.values(a).reverse().map(gid));
    expect((await list(tokens.miit, { orderBy: [{ field: 'UPDATED_AT', direction: 'ASC' }] })).ids).toEqual(Object.values(a).map(gid));
  });
});

describe('node(id)', () => {
  it('is null for another enterprise’s application and its reviews', async () => {
    const q = `query($a: ID!, $r: ID!) { a: node(id: $a) { id } r: node(id: $r) { id } }`;
    for (const [who, app, review] of [
      ['ent1', a.js2Recommended, r.expert],
      ['entZ', a.js2Recommended, r.recommendation],
      ['ent2', a.zjUnderReview, r.zj],
    ]) {
      const res = await t.graphql(q, { a: gid(app), r: rgid(review) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ a: null, r: null });
    }
    const zhejiang = await t.graphql(q, { a: gid(a.js2Recommended), r: rgid(r.expert) }, tokens.zhejiang);
    expect(zhejiang.data).toEqual({ a: null, r: null });
    const pub = await t.graphql(q, { a: gid(a.js1Draft), r: rgid(r.expert) });
    expect(pub.data).toEqual({ a: null, r: null });
  });

  it('fetches one’s own application with everything on it', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { __typename ... on Application {
        id tier ruleSetCode status submittedAt score publicNoticeEndsOn createdAt updatedAt
        enterprise { id } recommendedBy { code } certification { id tier status } reviews { id }
      } } }`,
      { id: gid(a.js1Certified) },
      tokens.ent1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({
      __typename: 'Application',
      id: gid(a.js1Certified),
      tier: 'LITTLE_GIANT',
      ruleSetCode: 'MIIT-2022-63',
      status: 'CERTIFIED',
      submittedAt: '2026-03-02T02:00:00.000Z',
      score: '91.25',
      publicNoticeEndsOn: null,
      createdAt: '2026-03-01T00:02:00.000Z',
      updatedAt: '2026-03-01T00:02:00.000Z',
      enterprise: { id: egid(e.js1) },
      recommendedBy: { code: '320000' },
      certification: { id: toGlobalId('Certification', certificationId), tier: 'LITTLE_GIANT', status: 'CERTIFIED' },
      reviews: [],
    });
  });
});

describe('reviews', () => {
  const Q = `query($id: ID!) { node(id: $id) { ... on Application { reviews {
    id kind decision reviewerRole reviewerSubject reviewerRegion { code } score comment ruleSetCode evaluation createdAt
    application { id }
  } } } }`;

  it('the applicant sees its reviews but not who reviewed (blind review)', async () => {
    const res = await t.graphql(Q, { id: gid(a.js2Recommended) }, tokens.ent2);
    const reviews = res.data!.node.reviews;
    expect(reviews).toEqual([
      {
        id: rgid(r.recommendation),
        kind: 'RECOMMENDATION',
        decision: 'RECOMMEND',
        reviewerRole: 'LOCAL_GOV',
        reviewerSubject: null,
        reviewerRegion: null,
        score: null,
        comment: '材料齐全，同意推荐',
        ruleSetCode: 'MIIT-2022-63',
        evaluation: null,
        createdAt: '2026-04-01T00:00:00.000Z',
        application: { id: gid(a.js2Recommended) },
      },
      {
        id: rgid(r.expert),
        kind: 'EXPERT_REVIEW',
        decision: 'APPROVE',
        reviewerRole: 'MIIT',
        reviewerSubject: null,
        reviewerRegion: null,
        score: '86.50',
        comment: null,
        ruleSetCode: 'MIIT-2022-63',
        evaluation: EVALUATION,
        createdAt: '2026-05-01T00:00:00.000Z',
        application: { id: gid(a.js2Recommended) },
      },
    ]);
    const forbidden = res.errors!.map((x) => [x.extensions?.code, x.path!.join('.')]).sort();
    expect(forbidden).toEqual([
      ['FORBIDDEN', 'node.reviews.0.reviewerRegion'],
      ['FORBIDDEN', 'node.reviews.0.reviewerSubject'],
      ['FORBIDDEN', 'node.reviews.1.reviewerRegion'],
      ['FORBIDDEN', 'node.reviews.1.reviewerSubject'],
    ]);
  });

  it('the local government and the ministries see the reviewers', async () => {
    for (const who of ['jiangsu', 'wuxi', 'miit', 'mof']) {
      const res = await t.graphql(Q, { id: gid(a.js2Recommended) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node.reviews.map((x: { reviewerSubject: string }) => x.reviewerSubject)).toEqual(['gov:320000:zhang', 'expert:0042']);
      expect(res.data!.node.reviews[0].reviewerRegion).toEqual({ code: '320000' });
    }
  });

  it('fetches a review by node(id) for those who may see it', async () => {
    const q = `query($id: ID!) { node(id: $id) { __typename ... on Review { id kind } } }`;
    const res = await t.graphql(q, { id: rgid(r.zj) }, tokens.zhejiang);
    expect(res.data!.node).toEqual({ __typename: 'Review', id: rgid(r.zj), kind: 'RECOMMENDATION' });
    expect((await t.graphql(q, { id: rgid(r.zj) }, tokens.jiangsu)).data!.node).toBeNull();
  });
});

describe('Enterprise.applications', () => {
  it('lists an enterprise’s applications, oldest first, for those who may see them', async () => {
    const q = `query($e: ID!) { enterprise(id: $e) { applications { id } } }`;
    for (const who of ['ent1', 'nanjing', 'miit']) {
      const res = await t.graphql(q, { e: egid(e.js1) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect(res.data!.enterprise.applications).toEqual([{ id: gid(a.js1Draft) }, { id: gid(a.js1Certified) }]);
    }
  });

  it('is FORBIDDEN to the public, which sees the certified enterprise itself', async () => {
    const res = await t.graphql(`query($e: ID!) { enterprise(id: $e) { name applications { id } } }`, { e: egid(e.js1) });
    expect(res.data!.enterprise).toEqual({ name: expect.any(String), applications: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['enterprise', 'applications'], extensions: { code: 'FORBIDDEN' } });
  });
});

describe('filters', () => {
  it('by enterprise, region subtree, tier and status', async () => {
    const sorted = async (token: string | undefined, filter: Record<string, unknown>) => (await list(token, { filter })).ids.sort();
    expect(await sorted(tokens.miit, { enterpriseId: egid(e.js1) })).toEqual([a.js1Draft, a.js1Certified].map(gid).sort());
    expect(await sorted(tokens.miit, { regionCode: '320000' })).toEqual([a.js1Draft, a.js1Certified, a.js2Recommended].map(gid).sort());
    expect(await sorted(tokens.mof, { regionCode: '320200' })).toEqual([gid(a.js2Recommended)]);
    expect(await sorted(tokens.jiangsu, { regionCode: '330000' })).toEqual([]);
    expect(await sorted(tokens.jiangsu, { tier: 'SRDI_SME' })).toEqual([gid(a.js1Draft)]);
    expect(await sorted(tokens.ent1, { status: 'CERTIFIED' })).toEqual([gid(a.js1Certified)]);
    const combined = await list(tokens.miit, { filter: { tier: 'LITTLE_GIANT', status: 'UNDER_REVIEW' } });
    expect(combined.ids).toEqual([gid(a.zjUnderReview)]);
    expect(combined.totalCount).toBe(1);
  });

  it('refuses a malformed region code with BAD_USER_INPUT', async () => {
    const res = await t.graphql(LIST, { filter: { regionCode: '3200' } }, tokens.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });
});

describe('pagination', () => {
  it.each([
    ['MIIT, newest first', 'miit', undefined, () => Object.values(a)],
    ['MOF, by last change', 'mof', [{ field: 'UPDATED_AT', direction: 'ASC' }], () => Object.values(a)],
    ['Jiangsu, oldest first', 'jiangsu', [{ field: 'CREATED_AT', direction: 'ASC' }], () => [a.js1Draft, a.js1Certified, a.js2Recommended]],
    ['enterprise 1', 'ent1', undefined, () => [a.js1Draft, a.js1Certified]],
  ])('walks every row once with first/after: %s', async (_name, who, orderBy, expected) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: { data?: Record<string, any> | null; errors?: unknown[] } = await t.graphql(LIST, { first: 1, after, orderBy }, tokens[who]);
      expect(res.errors).toBeUndefined();
      const conn = res.data!.applications;
      expect(conn.edges.length).toBeLessThanOrEqual(1);
      seen.push(...conn.edges.map((x: { node: { id: string } }) => x.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected().map(gid).sort());
  });
});
