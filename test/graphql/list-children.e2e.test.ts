import { insertApplication, insertReview } from '../modules/application/application-factories';
import { createAward, createCertification, createEnterprise, createFinancialReport, createProgramAndBatch } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { statementsOf } from '../support/statements';
import { RELATIONS } from '../../src/data/relations';
import { parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { tokenFor } from '../support/tokens';

/**
 * A list's child lists are read in the page's own statement (a JSON column
 * per list) and must come out exactly as the child field alone reads them:
 * the same rows, order, masking and exact values (money as decimal strings,
 * dates, times, JSON), for every caller.
 */

let t: TestServer;
const tokens: Record<string, string | undefined> = {};
beforeAll(async () => {
  // Deep selections on purpose: the cost limit is not what this file tests.
  t = await startTestServer({ MAX_QUERY_COST: '200000' });
  const ds = t.db.dataSource;
  const { batchId } = await createProgramAndBatch(ds);
  for (const [i, region] of ['320102', '320505', '330106'].entries()) {
    const e = await createEnterprise(ds, { regionCode: region, tier: i === 2 ? 'LITTLE_GIANT' : 'SRDI_SME' });
    await createCertification(ds, e.id, { tier: 'SRDI_SME' });
    await createFinancialReport(ds, e.id, 2024, '123456789012.34');
    await createFinancialReport(ds, e.id, 2023);
    const app = await insertApplication(ds, e.id, { status: 'APPROVED', score: '86.50' });
    await insertReview(ds, app, {
      kind: 'EXPERT_REVIEW',
      decision: 'APPROVE',
      reviewerRole: 'MIIT',
      reviewerSubject: 'expert:7',
      score: '86.50',
      evaluation: { verdict: 'ELIGIBLE', indicators: [1, 2] },
    });
    const award = await createAward(ds, batchId, { enterpriseId: e.id }, '6000000.01');
    await ds.query(
      `INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, 1, '3000000.01', '2024-05-06', $2), ($1, 2, '0.99', '2025-01-02', $3)`,
      [award, `k1-${award}`, `k2-${award}`],
    );
    await ds.query(
      `INSERT INTO expenditure (award_id, category, amount, spent_on, description) VALUES ($1, 'EQUIPMENT', '1234.56', '2024-06-01', '设备')`,
      [award],
    );
    await ds.query(`INSERT INTO claw_back (award_id, amount, reason) VALUES ($1, '0.01', '多付')`, [award]);
    if (i === 2)
      await ds.query(
        `INSERT INTO key_support_proposal (batch_id, enterprise_id, region_code, status, proposed_by) VALUES ($1, $2, '330106', 'PROPOSED', 'test:gov')`,
        [batchId, e.id],
      );
    await ds.query(
      `INSERT INTO assessment (enterprise_id, indicator_key, year, value_kind, flag, score, evidence, status, asserted_by, asserted_by_role)
       VALUES ($1, 'coreBusinessOnInformationSystem', 2025, 'FLAG', true, NULL, 'ERP', 'DECLARED', 'test:e', 'ENTERPRISE'),
              ($1, 'developmentScore', 2026, 'SCORE', NULL, '72.50', '评价', 'SCORED', 'test:miit', 'MIIT')`,
      [e.id],
    );
    // Approved: the keySupport of its enterprise and a row of the published list; its own and Jiangsu's, not Zhejiang's.
    if (i < 2) {
      await ds.query(
        `INSERT INTO key_support_proposal (batch_id, enterprise_id, region_code, status, proposed_by, decided_by, decided_at)
         VALUES ($1, $2, $3, 'APPROVED', 'test:miit', 'test:mof', now() - interval '1 day' * $4)`,
        [batchId, e.id, region, i],
      );
    }
    // An objection during public notice, from the public: its handlers read it whole, the enterprise concerned in part.
    await ds.query(`UPDATE application SET status = 'PUBLIC_NOTICE', public_notice_ends_on = '2099-12-31' WHERE id = $1`, [app]);
    await ds.query(
      `INSERT INTO public_objection (id, application_id, grounds, objector_role, objector_subject, objector_name, objector_contact)
       VALUES (gen_random_uuid(), $1, '数据不实', 'PUBLIC', 'anonymous', '王五', '13900000000')`,
      [app],
    );
    if (i === 0) tokens.OWN = await tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id });
  }
  // Not certified: only its local government and the ministries see it.
  await createEnterprise(ds, { regionCode: '330106', tier: null });
  tokens.PUBLIC = undefined;
  tokens.GOV = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

const ENTERPRISE = `id certifications { id tier status certifiedOn validUntil createdAt } financials { year revenue } applications { id status score reviews { kind decision score evaluation createdAt } } awards { id amount grantedOn } assessments { indicatorKey year flag score status assertedAt } thisYear: assessments(year: 2026) { indicatorKey score decidedByRegion { code } } keySupport { id status reason decidedAt batch { number budget } }`;
const AWARD = `id amount grantedOn disbursements { tranche amount paidOn } expenditures { amount category spentOn description } clawBacks { amount reason createdAt }`;

/** Each node of a page, as the list read it, against the same node read alone by node(id): same values, same refusals at the same places. */
async function compare(list: string, type: string, selection: string, token: string | undefined): Promise<Record<string, unknown>[]> {
  const page = await t.graphql(`{ ${list}(first: 5) { edges { node { ${selection} } } } }`, {}, token);
  expect(page.data).toBeDefined();
  const nodes = page.data![list].edges.map((e: { node: Record<string, unknown> }) => e.node);
  const errorsAt = (res: typeof page, prefix: (string | number)[]) =>
    (res.errors ?? [])
      .filter((e) => JSON.stringify(e.path!.slice(0, prefix.length)) === JSON.stringify(prefix))
      .map((e) => `${e.path!.slice(prefix.length).join('.')} ${String(e.extensions!.code)}`)
      .sort();
  for (const [index, node] of nodes.entries()) {
    const one = await t.graphql(`query($id: ID!) { node(id: $id) { ... on ${type} { ${selection} } } }`, { id: node.id }, token);
    expect(node).toEqual(one.data!.node);
    expect(errorsAt(page, [list, 'edges', index, 'node'])).toEqual(errorsAt(one, ['node']));
  }
  return nodes;
}

describe('child lists read with their page', () => {
  it.each(['PUBLIC', 'OWN', 'GOV', 'MIIT', 'MOF'])('equal the child fields read one row at a time, for %s', async (who) => {
    const enterprises = await compare('enterprises', 'Enterprise', ENTERPRISE, tokens[who]);
    expect(enterprises.length).toBeGreaterThan(0);
    const awards = await compare('awards', 'Award', AWARD, tokens[who]);
    await compare('applications', 'Application', 'id status reviews { kind decision score evaluation createdAt }', tokens[who]);
    if (who === 'MOF') {
      // Read ahead with the page, the year argument still narrows the list, as the field alone does.
      expect((enterprises[0].assessments as { year: number }[]).map((a) => a.year)).toEqual([2025, 2026]);
      expect(enterprises[0].thisYear).toEqual([{ indicatorKey: 'developmentScore', score: '72.50', decidedByRegion: null }]);
      expect(awards[0]).toMatchObject({
        amount: '6000000.01',
        disbursements: [
          { tranche: 1, amount: '3000000.01', paidOn: '2024-05-06' },
          { tranche: 2, amount: '0.99', paidOn: '2025-01-02' },
        ],
        expenditures: [{ amount: '1234.56', category: 'EQUIPMENT', spentOn: '2024-06-01', description: '设备' }],
        clawBacks: [{ amount: '0.01', reason: '多付', createdAt: expect.stringMatching(/^\d{4}-/) }],
      });
      const withReviews = (await t.graphql(`{ applications(first: 5) { edges { node { score reviews { score evaluation } } } } }`, {}, tokens.MIIT))
        .data!;
      expect(withReviews.applications.edges[0].node).toEqual({
        score: '86.50',
        reviews: [{ score: '86.50', evaluation: { verdict: 'ELIGIBLE', indicators: [1, 2] } }],
      });
    }
  });

  /** Selections reaching every relation of the relation map through some list, at depth one and two. */
  const RELATED: [string, string, string][] = [
    [
      'enterprises',
      'Enterprise',
      'id financials { year enterprise { id name } } certifications { id enterprise { id } } applications { id status } assessments(year: 2025) { year enterprise { id } }',
    ],
    ['certifications', 'Certification', 'id tier enterprise { id name creditCode }'],
    ['applications', 'Application', 'id enterprise { id name } certification { id tier } reviews { id application { id status } }'],
    [
      'awards',
      'Award',
      'id enterprise { id name awards { id } } platform { id name awards { id } } clawBacks { award { id } } expenditures { amount award { id } }',
    ],
    ['disbursements', 'Disbursement', 'id award { id amount disbursements { tranche } }'],
    ['expenditures', 'Expenditure', 'id award { id enterprise { name } }'],
    ['keySupportProposals', 'KeySupportProposal', 'id enterprise { id name } batch { id number }'],
    ['enterprises', 'Enterprise', 'id keySupport { id status decidedAt enterprise { id } batch { id number } }'],
    ['keyLittleGiants', 'KeyLittleGiant', 'id approvedAt region { code } enterprise { id name keySupport { id } } batch { id number budget }'],
    [
      'publicObjections',
      'PublicObjection',
      'id grounds status raisedAt objectorName objectorContact application { id status score enterprise { id name } }',
    ],
  ];

  it('cover every relation of the relation map', () => {
    const selected = new Set<string>();
    const typeInfo = new TypeInfo(t.server.schema);
    for (const [list, , selection] of RELATED) {
      const document = parse(`{ ${list}(first: 5) { edges { node { ${selection} } } } }`);
      visit(document, visitWithTypeInfo(typeInfo, { Field: (node) => void selected.add(`${typeInfo.getParentType()!.name}.${node.name.value}`) }));
    }
    const all = Object.entries(RELATIONS).flatMap(([owner, relations]) => Object.keys(relations ?? {}).map((f) => `${owner}.${f}`));
    expect(all.filter((r) => !selected.has(r))).toEqual([]);
  });

  it.each(['PUBLIC', 'OWN', 'GOV', 'MIIT', 'MOF'])('bring their related rows exactly as the fields read them alone, for %s', async (who) => {
    const seen: Record<string, number> = {};
    for (const [list, type, selection] of RELATED) seen[list] = (await compare(list, type, selection, tokens[who])).length;
    // The ministries see rows of every list (MoF all but the objections, which it has no part in), so each selection was compared on real rows.
    if (who === 'MIIT') expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([]);
    if (who === 'MOF') expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([['publicObjections', 0]]);
    if (who === 'OWN' || who === 'GOV') expect(seen.publicObjections).toBeGreaterThan(0);
  });

  it.each(['PUBLIC', 'OWN', 'GOV', 'MIIT', 'MOF'])(
    'enterprise(id) and enterprise(creditCode) read in one statement what node(id) reads, for %s',
    async (who) => {
      const selection = `${ENTERPRISE} region { code } awards { id enterprise { id name } }`;
      const all = await t.db.dataSource.query(`SELECT id, credit_code FROM enterprise ORDER BY credit_code`);
      const at = (res: { errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }) =>
        (res.errors ?? []).map((e) => `${e.path!.slice(1).join('.')} ${String(e.extensions!.code)}`).sort();
      let visible = 0;
      for (const row of all as { id: string; credit_code: string }[]) {
        const id = Buffer.from(`Enterprise:${row.id}`).toString('base64url');
        const ref = await t.graphql(`query($id: ID!) { node(id: $id) { ... on Enterprise { ${selection} } } }`, { id }, tokens[who]);
        let byId: Awaited<ReturnType<typeof t.graphql>> | undefined;
        const sent = await statementsOf(
          async () => (byId = await t.graphql(`query($id: ID!) { node: enterprise(id: $id) { ${selection} } }`, { id }, tokens[who])),
        );
        const byCode = await t.graphql(
          `query($c: String!) { node: enterprise(creditCode: $c) { ${selection} } }`,
          { c: row.credit_code },
          tokens[who],
        );
        expect(byId!.data).toEqual(ref.data);
        expect(byCode.data).toEqual(ref.data);
        expect(at(byId!)).toEqual(at(ref));
        expect(at(byCode)).toEqual(at(ref));
        if (ref.data!.node) visible += 1;
        expect(sent.length).toBeLessThanOrEqual(1);
      }
      // Everyone sees the certified ones; the uncertified one only its local government (not GOV's region) and the ministries.
      expect(visible).toBe(who === 'MIIT' || who === 'MOF' ? all.length : all.length - 1);
    },
  );

  it('are read in the page’s statement, also for awards and applications', async () => {
    const sent = await statementsOf(async () => {
      const res = await t.graphql(
        `{ awards(first: 10) { edges { node { amount disbursements { amount } expenditures { amount } clawBacks { amount } } } }
             applications(first: 10) { edges { node { status reviews { kind } } } } }`,
        {},
        tokens.MIIT,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.awards.edges[0].node.disbursements).toHaveLength(2);
      expect(res.data!.applications.edges[0].node.reviews).toHaveLength(1);
    });
    // One round trip per list, each with the caller's settings.
    expect(sent.map((s) => s.text.slice(0, 18))).toEqual(['SELECT set_config(', 'SELECT set_config(']);
    expect(sent.map((s) => s.statement.slice(0, 23))).toEqual(['SELECT json_build_objec', 'SELECT json_build_objec']);
  });
});
