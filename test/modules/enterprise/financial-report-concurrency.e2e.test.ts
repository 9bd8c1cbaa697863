import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * Two first reports of the same enterprise and year sent at once, each its
 * own request (own connection, own transaction): the UNIQUE (enterprise_id,
 * year) index decides. One creates the report; the other either revises it
 * after it or is refused with CONFLICT, never an internal error, and the
 * trail holds one event per change that stuck.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const REPORT = `mutation($input: ReportFinancialsInput!) { reportFinancials(input: $input) { financialReport { id year revenue } } }`;

const figures = (enterpriseId: string, revenue: string) => ({
  enterpriseId: toGlobalId('Enterprise', enterpriseId),
  year: 2024,
  revenue,
  mainBusinessRevenue: '70000000.00',
  employees: 150,
});

describe('reportFinancials: two first reports of one year at once', () => {
  it.each([
    ['the enterprise twice', 'ENTERPRISE', 'ENTERPRISE'],
    ['the enterprise and its local government', 'ENTERPRISE', 'LOCAL_GOV'],
  ])('by %s: one report, one creation, and the other revises after it or is CONFLICT', async (_label, firstRole, secondRole) => {
    const e = await createEnterprise(t.db.dataSource, { regionCode: '320102' });
    const token = (role: string) =>
      role === 'ENTERPRISE' ? tokenFor({ role: 'ENTERPRISE', enterpriseId: e.id }) : tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
    const [a, b] = await Promise.all([token(firstRole), token(secondRole)]);
    const results = await Promise.all([
      t.graphql(REPORT, { input: figures(e.id, '80000000.00') }, a),
      t.graphql(REPORT, { input: figures(e.id, '90000000.00') }, b),
    ]);

    for (const r of results) expect(r.errors?.map((x) => x.extensions!.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });
      expect(r.data).toBeNull();
    }

    const rows = await t.db.dataSource.query<{ id: string; revenue: string }[]>(
      `SELECT id, revenue::text AS revenue FROM financial_report WHERE enterprise_id = $1 AND year = 2024`,
      [e.id],
    );
    expect(rows).toHaveLength(1);
    // Every success answered with the one row.
    for (const r of ok) expect(r.data!.reportFinancials.financialReport.id).toBe(toGlobalId('FinancialReport', rows[0].id));

    const trail = await t.db.dataSource.query<{ action: string; before: { revenue: string } | null; after: { id: string; revenue: string } }[]>(
      `SELECT action, before, after FROM audit_event WHERE subject_type = 'FinancialReport' AND enterprise_id = $1 ORDER BY id`,
      [e.id],
    );
    // One event per success: the creation first (no before), then any revision of exactly what it left.
    expect(trail).toHaveLength(ok.length);
    expect(trail.every((x) => x.action === 'reportFinancials' && x.after.id === rows[0].id)).toBe(true);
    expect(trail[0].before).toBeNull();
    for (let i = 1; i < trail.length; i++) expect(trail[i].before!.revenue).toBe(trail[i - 1].after.revenue);
    // The row is what the last event says it became.
    expect(trail[trail.length - 1].after.revenue).toBe(rows[0].revenue);
  });
});
