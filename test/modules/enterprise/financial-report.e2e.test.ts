import { toGlobalId } from '../../../src/core/global-id';
import { programmeToday } from '../../../src/core/calendar';
import { insertApplication } from '../application/application-factories';
import { createCertification, createEnterprise, createFinancialReport, createPlatform, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * reportFinancials over HTTP, per role (issue 12, item 1): who may report,
 * the checks on the figures with the field at fault, revisions kept in the
 * audit trail, and the lock once an application that used a report is
 * recommended. insertApplication submits its applications on 2026-03-02,
 * so they are judged in 2026 and use the reports of 2023, 2024 and 2025.
 */

let t: TestServer;
let own: EnterpriseRow;
let unpublished: EnterpriseRow;
let other: EnterpriseRow;
beforeAll(async () => {
  t = await startTestServer();
  own = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
  unpublished = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: null });
  other = await createEnterprise(t.db.dataSource, { regionCode: '330203' });
});
afterAll(() => t.close());

const THIS_YEAR = Number(programmeToday().slice(0, 4));
const REPORT = `mutation($input: ReportFinancialsInput!) {
  reportFinancials(input: $input) { financialReport { id year revenue mainBusinessRevenue totalAssets totalLiabilities nicheMarketShare rdStaff employees } }
}`;
const TRAIL = `query($id: String!) {
  auditEvents(first: 100, filter: { subjectType: "FinancialReport", subjectId: $id }, orderBy: [{ field: ID, direction: ASC }]) {
    totalCount edges { node { action actorRole before after } }
  }
}`;
const figures = (enterpriseId: string, year: number, more: Record<string, unknown> = {}) => ({
  enterpriseId: toGlobalId('Enterprise', enterpriseId),
  year,
  revenue: '80000000.00',
  mainBusinessRevenue: '76000000.00',
  rdExpense: '4000000.00',
  rdStaff: 30,
  employees: 180,
  totalAssets: '60000000.00',
  totalLiabilities: '30000000.00',
  newEquityFinancing: '0',
  class1IpCount: 3,
  nicheMarketShare: '12.5',
  ...more,
});
const reportRow = async (enterpriseId: string, year: number) =>
  (
    await t.db.dataSource.query(`SELECT id, revenue::text AS revenue FROM financial_report WHERE enterprise_id = $1 AND year = $2`, [
      enterpriseId,
      year,
    ])
  )[0] as { id: string; revenue: string } | undefined;
const events = async (subjectId: string) =>
  await t.db.dataSource.query<
    {
      action: string;
      actor_role: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[]
  >(`SELECT action, actor_role, before, after FROM audit_event WHERE subject_id = $1 ORDER BY id`, [subjectId]);
const countReports = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM financial_report`))[0].n as number;

const enterpriseToken = (id: string) => tokenFor({ role: 'ENTERPRISE', enterpriseId: id });
const gov = (regionCode = '320000') => tokenFor({ role: 'LOCAL_GOV', regionCode });

describe('reportFinancials: who may report', () => {
  it('lets an enterprise report its own year; reporting it again revises the same report, each version in the trail', async () => {
    const token = await enterpriseToken(own.id);
    const first = await t.graphql(REPORT, { input: figures(own.id, 2021) }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.reportFinancials.financialReport).toMatchObject({ year: 2021, revenue: '80000000.00', nicheMarketShare: '12.50' });
    const again = await t.graphql(REPORT, { input: figures(own.id, 2021, { revenue: '90000000.00', nicheMarketShare: null }) }, token);
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportFinancials.financialReport.id).toBe(first.data!.reportFinancials.financialReport.id);
    // A report replaces the year's figures: the share left out is now unknown.
    expect(again.data!.reportFinancials.financialReport).toMatchObject({ revenue: '90000000.00', nicheMarketShare: null });

    const row = (await reportRow(own.id, 2021))!;
    expect(row.revenue).toBe('90000000.00');
    const trail = await events(row.id);
    expect(trail.map((e) => [e.action, e.actor_role])).toEqual([
      ['reportFinancials', 'ENTERPRISE'],
      ['reportFinancials', 'ENTERPRISE'],
    ]);
    expect(trail[0].before).toBeNull();
    expect(trail[1].before).toMatchObject({ revenue: '80000000.00', nicheMarketShare: '12.50' });
    expect(trail[1].after).toMatchObject({ revenue: '90000000.00', nicheMarketShare: null });
  });

  it('shows the revisions to those who may read the report, and to no one else', async () => {
    const row = (await reportRow(own.id, 2021))!;
    for (const token of [await enterpriseToken(own.id), await gov(), await tokenFor({ role: 'MIIT' })]) {
      const res = await t.graphql(TRAIL, { id: row.id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.auditEvents.totalCount).toBe(2);
      expect(res.data!.auditEvents.edges[1].node.before.revenue).toBe('80000000.00');
      expect(res.data!.auditEvents.edges[1].node.after.revenue).toBe('90000000.00');
    }
    for (const token of [await enterpriseToken(other.id), await gov('330000'), undefined]) {
      const res = await t.graphql(TRAIL, { id: row.id }, token);
      expect(res.data?.auditEvents?.totalCount ?? 0).toBe(0);
    }
  });

  it('lets the local government of the region report on the enterprise’s behalf', async () => {
    const res = await t.graphql(REPORT, { input: figures(own.id, 2020) }, await gov('320100'));
    expect(res.errors).toBeUndefined();
    const trail = await events((await reportRow(own.id, 2020))!.id);
    expect(trail.map((e) => [e.action, e.actor_role])).toEqual([['reportFinancials', 'LOCAL_GOV']]);
  });

  it('refuses everyone else: FORBIDDEN where the enterprise is visible, NOT_FOUND where it is not, writing nothing', async () => {
    const before = await countReports();
    const refusals: [string, string | undefined, string, string][] = [
      ['another enterprise', await enterpriseToken(other.id), own.id, 'FORBIDDEN'],
      ['another region', await gov('330000'), own.id, 'FORBIDDEN'],
      ['MIIT', await tokenFor({ role: 'MIIT' }), own.id, 'FORBIDDEN'],
      ['MOF', await tokenFor({ role: 'MOF' }), own.id, 'FORBIDDEN'],
      ['a platform', await tokenFor({ role: 'PLATFORM', platformId: (await createPlatform(t.db.dataSource)).id }), own.id, 'FORBIDDEN'],
      ['the public', undefined, own.id, 'FORBIDDEN'],
      ['another enterprise, unpublished firm', await enterpriseToken(other.id), unpublished.id, 'NOT_FOUND'],
      ['another region, unpublished firm', await gov('330000'), unpublished.id, 'NOT_FOUND'],
      ['the public, unpublished firm', undefined, unpublished.id, 'NOT_FOUND'],
      ['a missing enterprise', await gov(), '00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
    ];
    for (const [who, token, enterpriseId, code] of refusals) {
      const res = await t.graphql(REPORT, { input: figures(enterpriseId, 2019) }, token);
      expect([who, res.errors?.[0].extensions?.code]).toEqual([who, code]);
    }
    // An existing report of another enterprise is refused the same way as a new one: existence does not show.
    await createFinancialReport(t.db.dataSource, other.id, 2019);
    const existing = await t.graphql(REPORT, { input: figures(other.id, 2019) }, await enterpriseToken(own.id));
    expect(existing.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await countReports()).toBe(before + 1);
  });
});

describe('reportFinancials: the figures', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a year in the future', { year: THIS_YEAR + 1 }, 'year'],
    ['a year before the table’s range', { year: 1989 }, 'year'],
    ['negative revenue', { revenue: '-1.00' }, 'revenue'],
    ['negative liabilities', { totalLiabilities: '-0.01' }, 'totalLiabilities'],
    ['money with three decimals', { rdExpense: '1.001' }, 'rdExpense'],
    ['money as a float', { newEquityFinancing: 1.5 }, 'newEquityFinancing'],
    ['main business above revenue', { mainBusinessRevenue: '80000000.01' }, 'mainBusinessRevenue'],
    ['main business without revenue', { revenue: null }, 'mainBusinessRevenue'],
    ['assets without liabilities', { totalLiabilities: null }, 'totalLiabilities'],
    ['liabilities without assets', { totalAssets: null }, 'totalAssets'],
    ['a share above 100', { nicheMarketShare: '100.01' }, 'nicheMarketShare'],
    ['a share that is no number', { nicheMarketShare: '12%' }, 'nicheMarketShare'],
    ['a negative share', { nicheMarketShare: '-1' }, 'nicheMarketShare'],
    ['negative employees', { employees: -1 }, 'employees'],
    ['more R&D staff than employees', { rdStaff: 181 }, 'rdStaff'],
    ['a negative IP count', { class1IpCount: -2 }, 'class1IpCount'],
  ];
  it.each(cases)('refuses %s as BAD_USER_INPUT on its field, writing nothing', async (_what, change, field) => {
    const before = await countReports();
    const res = await t.graphql(REPORT, { input: figures(own.id, 2018, change) }, await enterpriseToken(own.id));
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countReports()).toBe(before);
  });

  it('takes the edges: this year, a share of 100 and of 0, liabilities above assets, both balance-sheet figures absent', async () => {
    const token = await enterpriseToken(own.id);
    const edges: Record<string, unknown>[] = [
      { year: THIS_YEAR },
      { year: 2017, nicheMarketShare: '100' },
      { year: 2016, nicheMarketShare: '0', totalLiabilities: '70000000.00' },
      { year: 2015, totalAssets: null, totalLiabilities: null, revenue: '76000000.00' },
    ];
    for (const change of edges) {
      const res = await t.graphql(REPORT, { input: figures(own.id, change.year as number, change) }, token);
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('reportFinancials: the lock once a using application is recommended', () => {
  let firm: EnterpriseRow;
  beforeAll(async () => {
    firm = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
    for (const year of [2022, 2023, 2025]) await createFinancialReport(t.db.dataSource, firm.id, year);
  });

  it('lets the enterprise revise while its application is only submitted or returned', async () => {
    const submitted = await insertApplication(t.db.dataSource, firm.id, { status: 'SUBMITTED' });
    const returned = await insertApplication(t.db.dataSource, firm.id, { status: 'RETURNED', tier: 'SRDI_SME', ruleSetCode: 'SRDI-PROVINCIAL-2022' });
    const res = await t.graphql(REPORT, { input: figures(firm.id, 2025) }, await enterpriseToken(firm.id));
    expect(res.errors).toBeUndefined();
    await t.db.dataSource.query(`UPDATE application SET status = 'WITHDRAWN' WHERE id = ANY($1)`, [[submitted, returned]]);
  });

  it('refuses the enterprise once the application is recommended; the local government corrects with a reason, audited', async () => {
    const applicationId = await insertApplication(t.db.dataSource, firm.id, { status: 'RECOMMENDED', recommendedByRegionCode: '320000' });
    const revised = figures(firm.id, 2025, { revenue: '99000000.00' });
    const refused = await t.graphql(REPORT, { input: revised }, await enterpriseToken(firm.id));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/locked/);

    const noReason = await t.graphql(REPORT, { input: revised }, await gov());
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const blank = await t.graphql(REPORT, { input: { ...revised, reason: '   ' } }, await gov());
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const row = (await reportRow(firm.id, 2025))!;
    expect(row.revenue).toBe('80000000.00');

    const corrected = await t.graphql(REPORT, { input: { ...revised, reason: '审计报告更正营业收入' } }, await gov());
    expect(corrected.errors).toBeUndefined();
    expect((await reportRow(firm.id, 2025))!.revenue).toBe('99000000.00');
    const last = (await events(row.id)).pop()!;
    expect(last).toMatchObject({
      action: 'reportFinancials(correction)',
      actor_role: 'LOCAL_GOV',
      before: { revenue: '80000000.00' },
      after: { revenue: '99000000.00', reason: '审计报告更正营业收入', lockedBy: [toGlobalId('Application', applicationId)] },
    });
  });

  it('locks only the three years before the application’s year, and holds in every status from recommendation on', async () => {
    const token = await enterpriseToken(firm.id);
    // 2022 is four years before 2026: not used.
    expect((await t.graphql(REPORT, { input: figures(firm.id, 2022) }, token)).errors).toBeUndefined();
    const title = await createCertification(t.db.dataSource, firm.id);
    for (const status of ['UNDER_REVIEW', 'APPROVED', 'REJECTED', 'PUBLIC_NOTICE', 'CERTIFIED']) {
      await t.db.dataSource.query(
        `UPDATE application SET status = $2, certification_id = CASE WHEN $2 = 'CERTIFIED' THEN $3::uuid END
          WHERE enterprise_id = $1 AND status <> 'WITHDRAWN'`,
        [firm.id, status, title],
      );
      const res = await t.graphql(REPORT, { input: figures(firm.id, 2023) }, token);
      expect([status, res.errors?.[0].extensions?.code]).toEqual([status, 'FORBIDDEN']);
    }
  });
});
