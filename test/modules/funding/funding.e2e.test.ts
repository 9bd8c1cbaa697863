import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toGlobalId } from '../../../src/core/global-id';
import { createAward, createEnterprise, createPlatform, createProgramAndBatch, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * The funding read API per role: who sees which awards, disbursements and
 * expenditures, in lists, lookups, nested fields and sums.
 */

async function disburse(ds: DataSource, awardId: string, tranche: number, amount: string, paidOn = '2022-03-01'): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO disbursement (id, award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    awardId,
    tranche,
    amount,
    paidOn,
    `test-${id}`,
  ]);
  return id;
}

async function spend(ds: DataSource, awardId: string, category: string, amount: string, spentOn = '2022-06-01'): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO expenditure (id, award_id, category, amount, spent_on, description) VALUES ($1, $2, $3, $4, $5, '测试支出')`, [
    id,
    awardId,
    category,
    amount,
    spentOn,
  ]);
  return id;
}

async function clawBack(ds: DataSource, awardId: string, amount: string): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO claw_back (id, award_id, amount, reason) VALUES ($1, $2, $3, '绩效评价不合格')`, [id, awardId, amount]);
  return id;
}

const gid = (type: string, id: string) => toGlobalId(type, id);

let t: TestServer;
let programId: string;
let batchId: string;
let batch2Id: string;
let eNanjing: EnterpriseRow; // 320102, Jiangsu
let eSuzhou: EnterpriseRow; // 320505, Jiangsu
let eHangzhou: EnterpriseRow; // 330106, Zhejiang
let pNanjing: { id: string }; // 320100, Jiangsu
let pHangzhou: { id: string }; // 330100, Zhejiang
const award: Record<string, string> = {};
const disb: Record<string, string> = {};
const exp: Record<string, string> = {};
let claw: string;

const tokens: Record<string, string | undefined> = {};

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  ({ programId, batchId } = await createProgramAndBatch(ds));
  batch2Id = randomUUID();
  await ds.query(`INSERT INTO funding_batch (id, program_id, number, year, budget, support_years) VALUES ($1, $2, 2, 2022, '2500000000.50', 3)`, [
    batch2Id,
    programId,
  ]);
  eNanjing = await createEnterprise(ds, { regionCode: '320102', name: '南京精密传动有限公司', tier: 'LITTLE_GIANT' });
  eSuzhou = await createEnterprise(ds, { regionCode: '320505', name: '苏州微纳材料有限公司', tier: 'LITTLE_GIANT' });
  eHangzhou = await createEnterprise(ds, { regionCode: '330106', name: '杭州工业软件有限公司', tier: 'LITTLE_GIANT' });
  pNanjing = await createPlatform(ds, { regionCode: '320100', name: '南京中小企业公共服务平台' });
  pHangzhou = await createPlatform(ds, { regionCode: '330100', name: '杭州中小企业公共服务平台' });

  award.nanjing = await createAward(ds, batchId, { enterpriseId: eNanjing.id }, '6000000.00');
  award.suzhou = await createAward(ds, batchId, { enterpriseId: eSuzhou.id }, '5000000.00');
  award.hangzhou = await createAward(ds, batchId, { enterpriseId: eHangzhou.id }, '4000000.00');
  award.pNanjing = await createAward(ds, batchId, { platformId: pNanjing.id }, '3000000.00');
  award.pHangzhou = await createAward(ds, batch2Id, { platformId: pHangzhou.id }, '2000000.00');
  await ds.query(`UPDATE award SET granted_on = '2022-07-01', status = 'FROZEN' WHERE id = $1`, [award.pHangzhou]);

  disb.nanjing1 = await disburse(ds, award.nanjing, 1, '3000000.00', '2021-09-01');
  disb.nanjing2 = await disburse(ds, award.nanjing, 2, '1500000.50', '2022-09-01');
  disb.hangzhou1 = await disburse(ds, award.hangzhou, 1, '2000000.00');
  disb.pNanjing1 = await disburse(ds, award.pNanjing, 1, '1000000.00');

  exp.nanjingRd = await spend(ds, award.nanjing, 'RESEARCH_AND_DEVELOPMENT', '1200000.25', '2021-10-01');
  exp.nanjingEq = await spend(ds, award.nanjing, 'EQUIPMENT', '800000.00', '2021-11-01');
  exp.hangzhouTalent = await spend(ds, award.hangzhou, 'TALENT', '500000.00');
  exp.pNanjingDigital = await spend(ds, award.pNanjing, 'DIGITAL_TRANSFORMATION_SERVICE', '300000.00');
  exp.pHangzhouTraining = await spend(ds, award.pHangzhou, 'TRAINING_SERVICE', '100000.00');

  claw = await clawBack(ds, award.hangzhou, '100000.00');

  tokens.PUBLIC = undefined;
  tokens.ENT_NANJING = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eNanjing.id });
  tokens.ENT_HANGZHOU = await tokenFor({ role: 'ENTERPRISE', enterpriseId: eHangzhou.id });
  tokens.PLAT_NANJING = await tokenFor({ role: 'PLATFORM', platformId: pNanjing.id });
  tokens.PLAT_HANGZHOU = await tokenFor({ role: 'PLATFORM', platformId: pHangzhou.id });
  tokens.GOV_JIANGSU = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.GOV_ZHEJIANG = await tokenFor({ role: 'LOCAL_GOV', regionCode: '330000' });
  tokens.GOV_NANJING = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

type Ids = { awards: string[]; disbursements: string[]; expenditures: string[] };

/** What each caller may see, by fixture key. */
const EXPECTED: Record<string, Ids> = {
  PUBLIC: { awards: [], disbursements: [], expenditures: [] },
  ENT_NANJING: { awards: ['nanjing'], disbursements: ['nanjing1', 'nanjing2'], expenditures: ['nanjingRd', 'nanjingEq'] },
  ENT_HANGZHOU: { awards: ['hangzhou'], disbursements: ['hangzhou1'], expenditures: ['hangzhouTalent'] },
  PLAT_NANJING: { awards: ['pNanjing'], disbursements: ['pNanjing1'], expenditures: ['pNanjingDigital'] },
  PLAT_HANGZHOU: { awards: ['pHangzhou'], disbursements: [], expenditures: ['pHangzhouTraining'] },
  GOV_JIANGSU: {
    awards: ['nanjing', 'suzhou', 'pNanjing'],
    disbursements: ['nanjing1', 'nanjing2', 'pNanjing1'],
    expenditures: ['nanjingRd', 'nanjingEq', 'pNanjingDigital'],
  },
  GOV_ZHEJIANG: { awards: ['hangzhou', 'pHangzhou'], disbursements: ['hangzhou1'], expenditures: ['hangzhouTalent', 'pHangzhouTraining'] },
  GOV_NANJING: {
    awards: ['nanjing', 'pNanjing'],
    disbursements: ['nanjing1', 'nanjing2', 'pNanjing1'],
    expenditures: ['nanjingRd', 'nanjingEq', 'pNanjingDigital'],
  },
  MIIT: {
    awards: ['nanjing', 'suzhou', 'hangzhou', 'pNanjing', 'pHangzhou'],
    disbursements: ['nanjing1', 'nanjing2', 'hangzhou1', 'pNanjing1'],
    expenditures: ['nanjingRd', 'nanjingEq', 'hangzhouTalent', 'pNanjingDigital', 'pHangzhouTraining'],
  },
};
EXPECTED.MOF = EXPECTED.MIIT;

const LISTS = `{
  awards(first: 100) { totalCount edges { node { id } } }
  disbursements(first: 100) { totalCount edges { node { id } } }
  expenditures(first: 100) { totalCount edges { node { id } } }
}`;

const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id).sort();

describe('lists: each role sees exactly its slice, and totalCount agrees', () => {
  it.each(Object.keys(EXPECTED))('%s', async (who) => {
    const res = await t.graphql(LISTS, {}, tokens[who]);
    expect(res.errors).toBeUndefined();
    const want = EXPECTED[who];
    expect(ids(res.data!.awards)).toEqual(want.awards.map((k) => gid('Award', award[k])).sort());
    expect(ids(res.data!.disbursements)).toEqual(want.disbursements.map((k) => gid('Disbursement', disb[k])).sort());
    expect(ids(res.data!.expenditures)).toEqual(want.expenditures.map((k) => gid('Expenditure', exp[k])).sort());
    expect(res.data!.awards.totalCount).toBe(want.awards.length);
    expect(res.data!.disbursements.totalCount).toBe(want.disbursements.length);
    expect(res.data!.expenditures.totalCount).toBe(want.expenditures.length);
  });
});

describe('node(id)', () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Award { amount } ... on Disbursement { amount } ... on Expenditure { amount } ... on ClawBack { amount reason } } }`;

  it('returns the caller’s own award, disbursement, expenditure and claw-back', async () => {
    for (const [type, key, amount] of [
      ['Award', award.hangzhou, '4000000.00'],
      ['Disbursement', disb.hangzhou1, '2000000.00'],
      ['Expenditure', exp.hangzhouTalent, '500000.00'],
      ['ClawBack', claw, '100000.00'],
    ]) {
      const res = await t.graphql(NODE, { id: gid(type, key) }, tokens.ENT_HANGZHOU);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toMatchObject({ __typename: type, id: gid(type, key), amount });
    }
  });

  it('is null for another tenant’s records, for every tenant role and for the public', async () => {
    const foreign: [string, string, string][] = [
      ['ENT_NANJING', 'Award', award.hangzhou],
      ['ENT_NANJING', 'ClawBack', claw],
      ['ENT_HANGZHOU', 'Award', award.nanjing],
      ['ENT_HANGZHOU', 'Disbursement', disb.nanjing1],
      ['PLAT_NANJING', 'Award', award.pHangzhou],
      ['PLAT_HANGZHOU', 'Expenditure', exp.pNanjingDigital],
      ['PLAT_NANJING', 'Award', award.nanjing],
      ['GOV_JIANGSU', 'Award', award.hangzhou],
      ['GOV_ZHEJIANG', 'Expenditure', exp.nanjingRd],
      ['GOV_NANJING', 'Award', award.suzhou],
      ['PUBLIC', 'Award', award.nanjing],
      ['PUBLIC', 'Disbursement', disb.nanjing1],
    ];
    for (const [who, type, key] of foreign) {
      const res = await t.graphql(NODE, { id: gid(type, key) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect([who, type, res.data!.node]).toEqual([who, type, null]);
    }
  });

  it('fetches programmes and batches for anyone, the public included', async () => {
    const res = await t.graphql(
      `query($p: ID!, $b: ID!) { p: node(id: $p) { ... on FundingProgram { totalBudget } } b: node(id: $b) { ... on FundingBatch { number budget } } }`,
      { p: gid('FundingProgram', programId), b: gid('FundingBatch', batchId) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ p: { totalBudget: '10000000000.00' }, b: { number: 1, budget: '3000000000.00' } });
  });
});

describe('nested fields are scoped like lists', () => {
  const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { name awards { id amount expenditures { id amount } disbursements { tranche amount } } } }`;

  it('an enterprise sees its own awards with their expenditures, and not another enterprise’s awards (FORBIDDEN)', async () => {
    const own = await t.graphql(ENTERPRISE, { id: gid('Enterprise', eNanjing.id) }, tokens.ENT_NANJING);
    expect(own.errors).toBeUndefined();
    expect(own.data!.enterprise).toEqual({
      name: eNanjing.name,
      awards: [
        {
          id: gid('Award', award.nanjing),
          amount: '6000000.00',
          expenditures: [
            { id: gid('Expenditure', exp.nanjingRd), amount: '1200000.25' },
            { id: gid('Expenditure', exp.nanjingEq), amount: '800000.00' },
          ],
          disbursements: [
            { tranche: 1, amount: '3000000.00' },
            { tranche: 2, amount: '1500000.50' },
          ],
        },
      ],
    });

    // The other enterprise is a published little giant: its public fields show, its awards do not.
    const other = await t.graphql(ENTERPRISE, { id: gid('Enterprise', eHangzhou.id) }, tokens.ENT_NANJING);
    expect(other.data!.enterprise).toEqual({ name: eHangzhou.name, awards: null });
    expect(other.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['enterprise.awards', 'FORBIDDEN']]);
  });

  it('the public may not read any enterprise’s awards', async () => {
    const res = await t.graphql(ENTERPRISE, { id: gid('Enterprise', eNanjing.id) });
    expect(res.data!.enterprise).toEqual({ name: eNanjing.name, awards: null });
    expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
  });

  it('a local government sees the awards of enterprises in its region, and gets null for others', async () => {
    const res = await t.graphql(
      `query($a: ID!, $b: ID!) { a: enterprise(id: $a) { awards { amount } } b: enterprise(id: $b) { awards { amount } } }`,
      { a: gid('Enterprise', eSuzhou.id), b: gid('Enterprise', eHangzhou.id) },
      tokens.GOV_JIANGSU,
    );
    expect(res.data!.a).toEqual({ awards: [{ amount: '5000000.00' }] });
    expect(res.data!.b).toEqual({ awards: null });
    expect(res.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['b.awards', 'FORBIDDEN']]);
  });

  it('Platform.awards: the platform sees its own, not the other’s; the public sees none', async () => {
    const Q = `{ platforms(first: 50) { edges { node { name awards { amount status usageRestriction platform { name } enterprise { name } } } } } }`;
    const byName = async (token?: string) => {
      const res = await t.graphql(Q, {}, token);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries(res.data!.platforms.edges.map((e: { node: { name: string; awards: unknown[] } }) => [e.node.name, e.node.awards]));
    };
    const mine = await byName(tokens.PLAT_NANJING);
    expect(mine['南京中小企业公共服务平台']).toEqual([
      {
        amount: '3000000.00',
        status: 'GRANTED',
        usageRestriction: 'SERVICES_ONLY',
        platform: { name: '南京中小企业公共服务平台' },
        enterprise: null,
      },
    ]);
    expect(mine['杭州中小企业公共服务平台']).toEqual([]);
    const pub = await byName();
    expect(Object.values(pub)).toEqual([[], []]);
    const mof = await byName(tokens.MOF);
    expect(mof['杭州中小企业公共服务平台']).toEqual([
      { amount: '2000000.00', status: 'FROZEN', usageRestriction: 'SERVICES_ONLY', platform: { name: '杭州中小企业公共服务平台' }, enterprise: null },
    ]);
  });

  it('FundingBatch.awards and granted count only what the caller may see', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on FundingBatch { granted awards { id } } } }`;
    const granted = async (token?: string) => {
      const res = await t.graphql(Q, { id: gid('FundingBatch', batchId) }, token);
      expect(res.errors).toBeUndefined();
      return { granted: res.data!.node.granted, n: res.data!.node.awards.length };
    };
    expect(await granted(tokens.MOF)).toEqual({ granted: '18000000.00', n: 4 });
    expect(await granted(tokens.GOV_JIANGSU)).toEqual({ granted: '14000000.00', n: 3 });
    expect(await granted(tokens.ENT_NANJING)).toEqual({ granted: '6000000.00', n: 1 });
    expect(await granted(tokens.PLAT_HANGZHOU)).toEqual({ granted: '0.00', n: 0 }); // its award is in batch 2
    expect(await granted()).toEqual({ granted: '0.00', n: 0 });
  });

  it('an award’s children resolve back to it, and its recipient and batch resolve', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { ... on Award {
         enterprise { name region { code } } platform { id }
         batch { number year program { documentNumber } }
         clawBacks { amount reason award { id } }
         disbursements { award { id } }
       } } }`,
      { id: gid('Award', award.hangzhou) },
      tokens.GOV_ZHEJIANG,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({
      enterprise: { name: eHangzhou.name, region: { code: '330106' } },
      platform: null,
      batch: { number: 1, year: 2021, program: { documentNumber: expect.stringMatching(/^财建〔2021〕\d+号$/) } },
      clawBacks: [{ amount: '100000.00', reason: '绩效评价不合格', award: { id: gid('Award', award.hangzhou) } }],
      disbursements: [{ award: { id: gid('Award', award.hangzhou) } }],
    });
  });
});

describe('money', () => {
  it('comes back as exact decimal strings, and the sums are right', async () => {
    const res = await t.graphql(
      `query($f: AwardFilter) { awards(filter: $f) { edges { node { id amount disbursed spent clawedBack } } } }`,
      { f: { usageRestriction: 'UNRESTRICTED' } },
      tokens.MOF,
    );
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(res.data!.awards.edges.map((e: { node: { id: string } }) => [e.node.id, e.node]));
    expect(byId[gid('Award', award.nanjing)]).toEqual({
      id: gid('Award', award.nanjing),
      amount: '6000000.00',
      disbursed: '4500000.50',
      spent: '2000000.25',
      clawedBack: '0.00',
    });
    expect(byId[gid('Award', award.suzhou)]).toMatchObject({ amount: '5000000.00', disbursed: '0.00', spent: '0.00', clawedBack: '0.00' });
    expect(byId[gid('Award', award.hangzhou)]).toMatchObject({
      amount: '4000000.00',
      disbursed: '2000000.00',
      spent: '500000.00',
      clawedBack: '100000.00',
    });
  });

  it('programmes: totalBudget and allocated (the sum of their batches’ budgets)', async () => {
    const res = await t.graphql(
      `{ fundingPrograms { totalCount edges { node { name totalBudget allocated startYear endYear batches { number budget } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.fundingPrograms.totalCount).toBe(1);
    expect(res.data!.fundingPrograms.edges[0].node).toEqual({
      name: '中小企业发展专项资金',
      totalBudget: '10000000000.00',
      allocated: '5500000000.50',
      startYear: 2021,
      endYear: 2025,
      batches: [
        { number: 1, budget: '3000000000.00' },
        { number: 2, budget: '2500000000.50' },
      ],
    });
  });
});

describe('filters and order', () => {
  const AWARDS = `query($f: AwardFilter, $o: [AwardOrder!], $first: Int, $after: String) {
    awards(filter: $f, orderBy: $o, first: $first, after: $after) {
      totalCount edges { node { id amount } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('filters awards by batch, recipient, region, status and usage restriction', async () => {
    const count = async (f: object, token = tokens.MOF) => {
      const res = await t.graphql(AWARDS, { f }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.awards.totalCount;
    };
    expect(await count({ batchId: gid('FundingBatch', batch2Id) })).toBe(1);
    expect(await count({ enterpriseId: gid('Enterprise', eSuzhou.id) })).toBe(1);
    expect(await count({ platformId: gid('Platform', pNanjing.id) })).toBe(1);
    expect(await count({ regionCode: '330000' })).toBe(2);
    expect(await count({ regionCode: '320100' })).toBe(2);
    expect(await count({ status: 'FROZEN' })).toBe(1);
    expect(await count({ usageRestriction: 'SERVICES_ONLY' })).toBe(2);
    // A filter never widens the caller's slice.
    expect(await count({ regionCode: '330000' }, tokens.GOV_JIANGSU)).toBe(0);
    expect(await count({ enterpriseId: gid('Enterprise', eHangzhou.id) }, tokens.ENT_NANJING)).toBe(0);
  });

  it('filters expenditures and disbursements by award and category', async () => {
    const res = await t.graphql(
      `query($a: ID!) {
        byAward: expenditures(filter: { awardId: $a }) { totalCount }
        rd: expenditures(filter: { category: RESEARCH_AND_DEVELOPMENT }) { edges { node { amount category spentOn description } } }
        paid: disbursements(filter: { awardId: $a }, orderBy: [{ field: PAID_ON, direction: DESC }]) { edges { node { tranche paidOn idempotencyKey } } }
      }`,
      { a: gid('Award', award.nanjing) },
      tokens.MIIT,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.byAward.totalCount).toBe(2);
    expect(res.data!.rd.edges).toEqual([
      { node: { amount: '1200000.25', category: 'RESEARCH_AND_DEVELOPMENT', spentOn: '2021-10-01', description: '测试支出' } },
    ]);
    expect(res.data!.paid.edges.map((e: { node: { tranche: number } }) => e.node.tranche)).toEqual([2, 1]);
    expect(res.data!.paid.edges[0].node.idempotencyKey).toBe(`test-${disb.nanjing2}`);
  });

  it('refuses malformed ids and region codes with BAD_USER_INPUT naming the argument', async () => {
    const a = await t.graphql(AWARDS, { f: { batchId: gid('Award', award.nanjing) } }, tokens.MOF);
    expect(a.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.batchId' });
    const b = await t.graphql(AWARDS, { f: { regionCode: '32' } }, tokens.MOF);
    expect(b.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('pagination walks every row once, in order, for each sort key', async () => {
    for (const o of [undefined, [{ field: 'AMOUNT', direction: 'DESC' }], [{ field: 'GRANTED_ON', direction: 'DESC' }, { field: 'AMOUNT' }]]) {
      const seen: { id: string; amount: string }[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: any = await t.graphql(AWARDS, { o, first: 2, after }, tokens.MOF);
        expect(res.errors).toBeUndefined();
        expect(res.data.awards.totalCount).toBe(5);
        seen.push(...res.data.awards.edges.map((e: { node: { id: string; amount: string } }) => e.node));
        pages += 1;
        if (!res.data.awards.pageInfo.hasNextPage) break;
        after = res.data.awards.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(new Set(seen.map((s) => s.id)).size).toBe(5);
      if (o?.[0].field === 'AMOUNT') {
        expect(seen.map((s) => s.amount)).toEqual(['6000000.00', '5000000.00', '4000000.00', '3000000.00', '2000000.00']);
      }
      if (o?.[0].field === 'GRANTED_ON') {
        expect(seen.map((s) => s.amount)).toEqual(['2000000.00', '3000000.00', '4000000.00', '5000000.00', '6000000.00']);
      }
    }
  });

  it('a local government pages through its own slice only', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.graphql(AWARDS, { first: 1, after }, tokens.GOV_JIANGSU);
      seen.push(...res.data.awards.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data.awards.pageInfo.hasNextPage) break;
      after = res.data.awards.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['nanjing', 'suzhou', 'pNanjing'].map((k) => gid('Award', award[k])).sort());
  });

  it('fundingBatches filters by programme and year', async () => {
    const res = await t.graphql(
      `query($p: ID!) {
        all: fundingBatches(filter: { programId: $p }) { totalCount edges { node { number year supportYears program { name } } } }
        y2022: fundingBatches(filter: { year: 2022 }) { edges { node { number } } }
        running: fundingPrograms(filter: { year: 2030 }) { totalCount }
      }`,
      { p: gid('FundingProgram', programId) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.all.totalCount).toBe(2);
    expect(res.data!.all.edges[0].node).toEqual({ number: 1, year: 2021, supportYears: 3, program: { name: '中小企业发展专项资金' } });
    expect(res.data!.y2022.edges).toEqual([{ node: { number: 2 } }]);
    expect(res.data!.running.totalCount).toBe(0);
  });
});

describe('the public', () => {
  it('sees platforms and programmes but no awards, disbursements or expenditures', async () => {
    const res = await t.graphql(`{
      platforms { totalCount }
      fundingPrograms { totalCount }
      fundingBatches(first: 5) { totalCount edges { node { granted awards { id } } } }
      awards { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
      disbursements { totalCount }
      expenditures { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      platforms: { totalCount: 2 },
      fundingPrograms: { totalCount: 1 },
      fundingBatches: { totalCount: 2, edges: [{ node: { granted: '0.00', awards: [] } }, { node: { granted: '0.00', awards: [] } }] },
      awards: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      disbursements: { totalCount: 0 },
      expenditures: { totalCount: 0 },
    });
  });

  it('may not filter or sort by fields it may not read on every row (FORBIDDEN)', async () => {
    const cases = [
      `{ awards(orderBy: [{ field: AMOUNT }]) { totalCount } }`,
      `{ awards(filter: { status: GRANTED }) { totalCount } }`,
      `{ awards(filter: { regionCode: "320000" }) { totalCount } }`,
      `{ expenditures(filter: { category: TALENT }) { totalCount } }`,
      `{ disbursements(orderBy: [{ field: PAID_ON }]) { totalCount } }`,
    ];
    for (const q of cases) {
      const res = await t.graphql(q);
      expect([q, res.errors?.map((e) => e.extensions!.code)]).toEqual([q, ['FORBIDDEN']]);
    }
  });
});
