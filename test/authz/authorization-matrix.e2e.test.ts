import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, ROLES } from '../../src/auth/roles';
import { toGlobalId } from '../../src/core/global-id';
import { makeCreditCode } from '../../src/modules/enterprise/credit-code.rules';
import {
  createAward,
  createCertification,
  createEnterprise,
  createFinancialReport,
  createPlatform,
  createProgramAndBatch,
} from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * The authorization matrix, through the real endpoint: every role × every
 * entity × own tenant and another tenant, for reading (node(id) and the list
 * query) and for the mutations that exist. The expectations are written out
 * here by hand from the contract's role table, not derived from the policy
 * code, so a wrong policy fails them. Only the list of roles is the code's
 * own (src/auth/roles.ts): a new role leaves the tables below incomplete.
 */

/** [own tenant's row visible, other tenant's row visible] per role. */
type Expectation = Record<Role, [boolean, boolean]>;
const ENTERPRISE_OWNED: Expectation = {
  PUBLIC: [false, false],
  ENTERPRISE: [true, false],
  PLATFORM: [false, false],
  LOCAL_GOV: [true, false],
  MIIT: [true, true],
  MOF: [true, true],
};
const PLATFORM_OWNED: Expectation = {
  PUBLIC: [false, false],
  ENTERPRISE: [false, false],
  PLATFORM: [true, false],
  LOCAL_GOV: [true, false],
  MIIT: [true, true],
  MOF: [true, true],
};
const PUBLISHED: Expectation = {
  PUBLIC: [true, true],
  ENTERPRISE: [true, true],
  PLATFORM: [true, true],
  LOCAL_GOV: [true, true],
  MIIT: [true, true],
  MOF: [true, true],
};

interface Side {
  enterprise: string;
  financialReport: string;
  certification: string;
  application: string;
  review: string;
  enterpriseAward: string;
  enterpriseDisbursement: string;
  enterpriseExpenditure: string;
  enterpriseClawBack: string;
  enterpriseAudit: string;
  platform: string;
  platformAward: string;
  platformDisbursement: string;
  platformExpenditure: string;
  platformClawBack: string;
  platformAudit: string;
}

/** Entity kind: GraphQL type, the side's key, the list query, and who may see it. */
const KINDS: { label: string; type: string; key: keyof Side; list: string; expect: Expectation }[] = [
  { label: 'Enterprise (not certified)', type: 'Enterprise', key: 'enterprise', list: 'enterprises', expect: ENTERPRISE_OWNED },
  { label: 'FinancialReport', type: 'FinancialReport', key: 'financialReport', list: '', expect: ENTERPRISE_OWNED },
  { label: 'Certification (expired)', type: 'Certification', key: 'certification', list: 'certifications', expect: ENTERPRISE_OWNED },
  { label: 'Application', type: 'Application', key: 'application', list: 'applications', expect: ENTERPRISE_OWNED },
  { label: 'Review', type: 'Review', key: 'review', list: '', expect: ENTERPRISE_OWNED },
  { label: 'Award to an enterprise', type: 'Award', key: 'enterpriseAward', list: 'awards', expect: ENTERPRISE_OWNED },
  { label: 'Disbursement to an enterprise', type: 'Disbursement', key: 'enterpriseDisbursement', list: 'disbursements', expect: ENTERPRISE_OWNED },
  { label: 'Expenditure by an enterprise', type: 'Expenditure', key: 'enterpriseExpenditure', list: 'expenditures', expect: ENTERPRISE_OWNED },
  { label: 'ClawBack from an enterprise', type: 'ClawBack', key: 'enterpriseClawBack', list: '', expect: ENTERPRISE_OWNED },
  { label: 'AuditEvent about an enterprise', type: 'AuditEvent', key: 'enterpriseAudit', list: 'auditEvents', expect: ENTERPRISE_OWNED },
  { label: 'Platform', type: 'Platform', key: 'platform', list: 'platforms', expect: PUBLISHED },
  { label: 'Award to a platform', type: 'Award', key: 'platformAward', list: 'awards', expect: PLATFORM_OWNED },
  { label: 'Disbursement to a platform', type: 'Disbursement', key: 'platformDisbursement', list: 'disbursements', expect: PLATFORM_OWNED },
  { label: 'Expenditure by a platform', type: 'Expenditure', key: 'platformExpenditure', list: 'expenditures', expect: PLATFORM_OWNED },
  { label: 'ClawBack from a platform', type: 'ClawBack', key: 'platformClawBack', list: '', expect: PLATFORM_OWNED },
  { label: 'AuditEvent about a platform', type: 'AuditEvent', key: 'platformAudit', list: 'auditEvents', expect: PLATFORM_OWNED },
];

let t: TestServer;
const sides: { own: Side; other: Side } = {} as never;
let shared: { program: string; batch: string };
const tokens: Partial<Record<Role, string>> = {};

async function insertId(ds: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = await ds.query(`${sql} RETURNING id`, params);
  return String(row.id);
}

async function buildSide(ds: DataSource, batchId: string, county: string, city: string): Promise<Side> {
  const e = await createEnterprise(ds, { regionCode: county, tier: null });
  const p = await createPlatform(ds, { regionCode: city });
  const application = await insertId(
    ds,
    `INSERT INTO application (enterprise_id, tier, rule_set_code, status) VALUES ($1, 'LITTLE_GIANT', 'MIIT-2022-63', 'DRAFT')`,
    [e.id],
  );
  const money = async (awardId: string, category: string, n: string) => ({
    disbursement: await insertId(
      ds,
      `INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, 1, '1000000.00', '2022-01-01', $2)`,
      [awardId, `m-${n}-${randomUUID()}`],
    ),
    expenditure: await insertId(ds, `INSERT INTO expenditure (award_id, category, amount, spent_on) VALUES ($1, $2, '100000.00', '2022-02-01')`, [
      awardId,
      category,
    ]),
    clawBack: await insertId(ds, `INSERT INTO claw_back (award_id, amount, reason) VALUES ($1, '1.00', '绩效评价不合格')`, [awardId]),
  });
  const enterpriseAward = await createAward(ds, batchId, { enterpriseId: e.id });
  const platformAward = await createAward(ds, batchId, { platformId: p.id });
  const em = await money(enterpriseAward, 'EQUIPMENT', 'e');
  const pm = await money(platformAward, 'DIGITAL_TRANSFORMATION_SERVICE', 'p');
  const audit = (enterpriseId: string | null, platformId: string | null, region: string) =>
    insertId(
      ds,
      `INSERT INTO audit_event (actor_subject, actor_role, action, subject_type, subject_id, enterprise_id, platform_id, region_code)
                  VALUES ('test', 'MIIT', 'matrix', 'X', '1', $1, $2, $3)`,
      [enterpriseId, platformId, region],
    );
  return {
    enterprise: e.id,
    financialReport: await createFinancialReport(ds, e.id, 2024),
    certification: await createCertification(ds, e.id, { tier: 'SRDI_SME', status: 'EXPIRED' }),
    application,
    review: await insertId(
      ds,
      `INSERT INTO review (application_id, kind, decision, reviewer_role, reviewer_subject) VALUES ($1, 'RETURN', 'RETURN', 'LOCAL_GOV', 'gov')`,
      [application],
    ),
    enterpriseAward,
    enterpriseDisbursement: em.disbursement,
    enterpriseExpenditure: em.expenditure,
    enterpriseClawBack: em.clawBack,
    enterpriseAudit: await audit(e.id, null, county),
    platform: p.id,
    platformAward,
    platformDisbursement: pm.disbursement,
    platformExpenditure: pm.expenditure,
    platformClawBack: pm.clawBack,
    platformAudit: await audit(null, p.id, city),
  };
}

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  const { programId, batchId } = await createProgramAndBatch(ds);
  shared = { program: programId, batch: batchId };
  sides.own = await buildSide(ds, batchId, '320102', '320100');
  sides.other = await buildSide(ds, batchId, '330203', '330200');
  tokens.ENTERPRISE = await tokenFor({ role: 'ENTERPRISE', enterpriseId: sides.own.enterprise });
  tokens.PLATFORM = await tokenFor({ role: 'PLATFORM', platformId: sides.own.platform });
  tokens.LOCAL_GOV = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
});
afterAll(() => t.close());

const READS = KINDS.flatMap((k) => ROLES.flatMap((role) => (['own', 'other'] as const).map((side) => ({ ...k, role, side }))));

describe(`read matrix: ${KINDS.length} kinds × ${ROLES.length} roles × own/other = ${READS.length} node(id) checks`, () => {
  it.each(READS)('$role reads $side $label by node(id)', async ({ type, key, role, side, expect: e }) => {
    const id = toGlobalId(type, sides[side][key]);
    const res = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, tokens[role]);
    expect(res.errors).toBeUndefined();
    const visible = e[role][side === 'own' ? 0 : 1];
    expect(res.data!.node).toEqual(visible ? { id } : null);
  });

  it.each(KINDS.filter((k) => k.list).flatMap((k) => ROLES.map((role) => ({ ...k, role }))))(
    '$role finds exactly the visible rows in $list ($label)',
    async ({ type, key, list, role, expect: e }) => {
      const res = await t.graphql(`{ ${list}(first: 100) { totalCount edges { node { id } } } }`, {}, tokens[role]);
      expect(res.errors).toBeUndefined();
      const ids = new Set(res.data![list].edges.map((x: { node: { id: string } }) => x.node.id));
      expect(res.data![list].totalCount).toBe(ids.size);
      const [own, other] = e[role];
      expect([ids.has(toGlobalId(type, sides.own[key])), ids.has(toGlobalId(type, sides.other[key]))]).toEqual([own, other]);
    },
  );

  it.each(ROLES)('%s reads the published programme, batch and regions', async (role) => {
    const q = `query($p: ID!, $b: ID!, $r: ID!) { p: node(id: $p) { id } b: node(id: $b) { id } r: node(id: $r) { id } }`;
    const ids = { p: toGlobalId('FundingProgram', shared.program), b: toGlobalId('FundingBatch', shared.batch), r: toGlobalId('Region', '320000') };
    const res = await t.graphql(q, ids, tokens[role]);
    expect(res.data).toEqual({ p: { id: ids.p }, b: { id: ids.b }, r: { id: ids.r } });
  });
});

/** Outcome per role for [own, other]: OK, or the error code. */
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND';
const REGISTER: Record<Role, [Outcome, Outcome]> = {
  PUBLIC: ['FORBIDDEN', 'FORBIDDEN'],
  ENTERPRISE: ['FORBIDDEN', 'FORBIDDEN'],
  PLATFORM: ['FORBIDDEN', 'FORBIDDEN'],
  LOCAL_GOV: ['OK', 'FORBIDDEN'],
  MIIT: ['FORBIDDEN', 'FORBIDDEN'],
  MOF: ['FORBIDDEN', 'FORBIDDEN'],
};
const UPDATE: Record<Role, [Outcome, Outcome]> = {
  PUBLIC: ['NOT_FOUND', 'NOT_FOUND'],
  ENTERPRISE: ['OK', 'NOT_FOUND'],
  PLATFORM: ['NOT_FOUND', 'NOT_FOUND'],
  LOCAL_GOV: ['OK', 'NOT_FOUND'],
  MIIT: ['FORBIDDEN', 'FORBIDDEN'],
  MOF: ['FORBIDDEN', 'FORBIDDEN'],
};

describe('write matrix: registerEnterprise (create) and updateEnterprise (update) × roles × own/other', () => {
  let serial = 0;
  it.each(ROLES.flatMap((role) => (['own', 'other'] as const).map((side) => ({ role, side }))))(
    '$role registers an enterprise in the $side region',
    async ({ role, side }) => {
      const region = side === 'own' ? '320102' : '330203';
      const code = makeCreditCode('91', region, `MA1MTX${String(++serial).padStart(3, '0')}`);
      const res = await t.graphql(
        `mutation($i: RegisterEnterpriseInput!) { registerEnterprise(input: $i) { enterprise { id } } }`,
        {
          i: { creditCode: code, name: `矩阵测试${serial}有限公司`, regionCode: region, industry: 'C34', productField: 'OTHER', sizeClass: 'SMALL' },
        },
        tokens[role],
      );
      const expected = REGISTER[role][side === 'own' ? 0 : 1];
      expect(res.errors?.[0]?.extensions?.code ?? 'OK').toBe(expected);
    },
  );

  it.each(ROLES.flatMap((role) => (['own', 'other'] as const).map((side) => ({ role, side }))))(
    '$role renames the $side enterprise',
    async ({ role, side }) => {
      const res = await t.graphql(
        `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { enterprise { id } } }`,
        { i: { id: toGlobalId('Enterprise', sides[side].enterprise), name: `改名${role}` } },
        tokens[role],
      );
      const expected = UPDATE[role][side === 'own' ? 0 : 1];
      expect(res.errors?.[0]?.extensions?.code ?? 'OK').toBe(expected);
    },
  );
});
