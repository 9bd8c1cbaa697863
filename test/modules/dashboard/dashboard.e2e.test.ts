import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { regionRange } from '../../../src/authz/ability';
import { toGlobalId, uuidFromGlobalId } from '../../../src/core/global-id';
import { createAward, createEnterprise, createPlatform, EnterpriseRow } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { tokenFor } from '../../support/tokens';

/**
 * Dashboard figures through the real endpoint, compared with the same
 * numbers computed by hand in SQL as the database owner: nationally for the
 * ministries, and only the region's for a local government.
 */

let t: TestServer;
let ds: DataSource;
let jsFirm: EnterpriseRow;

async function program(): Promise<{ b1: string; b2: string }> {
  const p = randomUUID();
  const b1 = randomUUID();
  const b2 = randomUUID();
  await ds.query(
    `INSERT INTO funding_program (id, document_number, name, start_year, end_year, total_budget) VALUES ($1, '财建〔2021〕2号', '专项资金', 2021, 2025, '10000000000.00')`,
    [p],
  );
  await ds.query(
    `INSERT INTO funding_batch (id, program_id, number, year, budget, support_years) VALUES ($1, $2, 1, 2021, '3000000000.00', 3), ($3, $2, 2, 2022, '3000000000.00', 3)`,
    [b1, p, b2],
  );
  return { b1, b2 };
}

async function money(awardId: string, disbursed: string[], spent: string[], clawed: string[]): Promise<void> {
  let tranche = 0;
  for (const d of disbursed) {
    await ds.query(`INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, $2, $3, '2022-01-01', $4)`, [
      awardId,
      ++tranche,
      d,
      randomUUID(),
    ]);
  }
  for (const s of spent)
    await ds.query(`INSERT INTO expenditure (award_id, category, amount, spent_on) VALUES ($1, 'DIGITAL_TRANSFORMATION_SERVICE', $2, '2022-06-01')`, [
      awardId,
      s,
    ]);
  for (const c of clawed) await ds.query(`INSERT INTO claw_back (award_id, amount, reason) VALUES ($1, $2, '绩效评价不合格')`, [awardId, c]);
}

async function application(enterpriseId: string, status: string): Promise<void> {
  await ds.query(
    `INSERT INTO application (enterprise_id, tier, rule_set_code, status, submitted_at) VALUES ($1, 'LITTLE_GIANT', 'MIIT-2022-63', $2, $3)`,
    [enterpriseId, status, status === 'DRAFT' ? null : new Date()],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  ds = t.db.dataSource;
  const { b1, b2 } = await program();
  const firms: [string, string | null][] = [
    ['320102', 'LITTLE_GIANT'],
    ['320102', 'LITTLE_GIANT'],
    ['320102', 'SRDI_SME'],
    ['320505', 'INNOVATIVE_SME'],
    ['320102', null],
    ['330106', 'LITTLE_GIANT'],
    ['330106', 'SRDI_SME'],
    ['330212', 'SRDI_SME'],
    ['440305', 'LITTLE_GIANT'],
    ['110105', 'INNOVATIVE_SME'],
  ];
  const made: EnterpriseRow[] = [];
  for (const [regionCode, tier] of firms) made.push(await createEnterprise(ds, { regionCode, tier }));
  jsFirm = made[0];
  const platformJs = await createPlatform(ds, { regionCode: '320100' });
  const platformGd = await createPlatform(ds, { regionCode: '440300' });

  await money(await createAward(ds, b1, { enterpriseId: made[0].id }, '6000000.00'), ['3000000.00', '1000000.50'], ['2500000.25'], ['100.00']);
  await money(await createAward(ds, b2, { enterpriseId: made[0].id }, '1000000.00'), ['500000.00'], [], []);
  await money(await createAward(ds, b1, { enterpriseId: made[1].id }, '5000000.00'), [], [], []);
  await money(await createAward(ds, b1, { enterpriseId: made[5].id }, '4000000.00'), ['2000000.00'], ['1999999.99'], []);
  await money(await createAward(ds, b2, { enterpriseId: made[8].id }, '3000000.01'), ['3000000.01'], ['0.01'], ['3000000.00']);
  await money(await createAward(ds, b1, { platformId: platformJs.id }, '2000000.00'), ['1000000.00'], ['400000.00', '100000.00'], []);
  await money(await createAward(ds, b2, { platformId: platformGd.id }, '1500000.00'), [], [], []);

  const statuses = ['DRAFT', 'SUBMITTED', 'SUBMITTED', 'RECOMMENDED', 'REJECTED', 'UNDER_REVIEW'];
  for (let i = 0; i < made.length; i++) {
    await application(made[i].id, statuses[i % statuses.length]);
    if (i % 3 === 0) await application(made[i].id, 'RETURNED');
  }
});
afterAll(() => t.close());

/** The SQL condition on region_code for a caller: all, or its region's range. */
function within(regionCode?: string): { sql: string; params: string[] } {
  if (!regionCode) return { sql: `true`, params: [] };
  const { lo, hi } = regionRange(regionCode);
  return { sql: `region_code BETWEEN $1 AND $2`, params: [lo, hi] };
}

const byKey = <T extends Record<string, unknown>>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

async function expectedCertified(regionCode?: string) {
  const w = within(regionCode);
  const rows: { province: string; tier: string; count: number }[] = await ds.query(
    `SELECT left(region_code, 2) || '0000' AS province, tier, count(*)::int AS count FROM enterprise WHERE tier IS NOT NULL AND ${w.sql} GROUP BY 1, 2`,
    w.params,
  );
  return byKey(
    rows.map((r) => ({ province: { code: r.province }, tier: r.tier, count: r.count })),
    (r) => `${r.province.code}${r.tier}`,
  );
}

async function expectedAwards(groupBy: 'BATCH' | 'PROVINCE', regionCode?: string) {
  const w = within(regionCode);
  const key = groupBy === 'BATCH' ? 'batch_id::text' : `left(region_code, 2) || '0000'`;
  const rows: { key: string; granted: string; disbursed: string; spent: string; clawed_back: string; awards: number }[] = await ds.query(
    `WITH per_award AS (
       SELECT a.*, (SELECT coalesce(sum(amount), 0) FROM disbursement WHERE award_id = a.id) AS d,
                   (SELECT coalesce(sum(amount), 0) FROM expenditure WHERE award_id = a.id) AS s,
                   (SELECT coalesce(sum(amount), 0) FROM claw_back WHERE award_id = a.id) AS c
       FROM award a WHERE ${w.sql})
     SELECT ${key} AS key, sum(amount)::numeric(20,2)::text AS granted, sum(d)::numeric(20,2)::text AS disbursed,
            sum(s)::numeric(20,2)::text AS spent, sum(c)::numeric(20,2)::text AS clawed_back, count(*)::int AS awards
     FROM per_award GROUP BY 1`,
    w.params,
  );
  return byKey(
    rows.map((r) => ({
      batch: groupBy === 'BATCH' ? { id: toGlobalId('FundingBatch', r.key) } : null,
      province: groupBy === 'PROVINCE' ? { code: r.key } : null,
      granted: r.granted,
      disbursed: r.disbursed,
      spent: r.spent,
      clawedBack: r.clawed_back,
      awards: r.awards,
    })),
    (r) => r.batch?.id ?? r.province!.code,
  );
}

async function expectedApplications(regionCode?: string) {
  const w = within(regionCode);
  const rows: { status: string; count: number }[] = await ds.query(
    `SELECT status, count(*)::int AS count FROM application WHERE ${w.sql} GROUP BY status`,
    w.params,
  );
  return byKey(rows, (r) => r.status);
}

const CERTIFIED = `{ certifiedEnterpriseFigures { province { code } tier count } }`;
const AWARDS = `query($groupBy: AwardFigureGrouping!) { awardFigures(groupBy: $groupBy) { batch { id } province { code } granted disbursed spent clawedBack awards } }`;
const APPLICATIONS = `{ applicationFigures { status count } }`;

async function figures(token: string | undefined) {
  const [c, byBatch, byProvince, a] = await Promise.all([
    t.graphql(CERTIFIED, {}, token),
    t.graphql(AWARDS, { groupBy: 'BATCH' }, token),
    t.graphql(AWARDS, { groupBy: 'PROVINCE' }, token),
    t.graphql(APPLICATIONS, {}, token),
  ]);
  for (const r of [c, byBatch, byProvince, a]) expect(r.errors).toBeUndefined();
  return {
    certified: byKey(c.data!.certifiedEnterpriseFigures as { province: { code: string }; tier: string }[], (r) => `${r.province.code}${r.tier}`),
    byBatch: byKey(byBatch.data!.awardFigures as { batch: { id: string } }[], (r) => r.batch.id),
    byProvince: byKey(byProvince.data!.awardFigures as { province: { code: string } }[], (r) => r.province.code),
    applications: byKey(a.data!.applicationFigures as { status: string }[], (r) => r.status),
  };
}

describe('dashboard figures', () => {
  it('equal the hand-computed national numbers for the ministries', async () => {
    const expected = {
      certified: await expectedCertified(),
      byBatch: await expectedAwards('BATCH'),
      byProvince: await expectedAwards('PROVINCE'),
      applications: await expectedApplications(),
    };
    expect(expected.byProvince.map((r) => r.province!.code)).toEqual(['320000', '330000', '440000']);
    for (const role of ['MIIT', 'MOF'] as const) expect(await figures(await tokenFor({ role }))).toEqual(expected);
  });

  it('equal the hand-computed numbers of its region only for a local government', async () => {
    for (const region of ['320000', '320100', '330000', '440300']) {
      const expected = {
        certified: await expectedCertified(region),
        byBatch: await expectedAwards('BATCH', region),
        byProvince: await expectedAwards('PROVINCE', region),
        applications: await expectedApplications(region),
      };
      const got = await figures(await tokenFor({ role: 'LOCAL_GOV', regionCode: region }));
      expect({ region, ...got }).toEqual({ region, ...expected });
    }
    const jiangsu = await figures(await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' }));
    expect(jiangsu.certified.every((r) => r.province.code === '320000')).toBe(true);
    expect(jiangsu.byProvince).toEqual([expect.objectContaining({ province: { code: '320000' }, granted: '14000000.00', awards: 4 })]);
  });

  it('show the public the published certified numbers and no money or applications', async () => {
    const got = await figures(undefined);
    expect(got.certified).toEqual(await expectedCertified());
    expect(got).toMatchObject({ byBatch: [], byProvince: [], applications: [] });
  });

  it('show an enterprise the figures of its own awards and applications', async () => {
    const got = await figures(await tokenFor({ role: 'ENTERPRISE', enterpriseId: jsFirm.id }));
    expect(got.byProvince).toEqual([
      {
        batch: null,
        province: { code: '320000' },
        granted: '7000000.00',
        disbursed: '4500000.50',
        spent: '2500000.25',
        clawedBack: '100.00',
        awards: 2,
      },
    ]);
    expect(got.byBatch.map((r) => uuidFromGlobalId(r.batch.id, 'FundingBatch'))).toHaveLength(2);
    expect(got.applications).toEqual([
      { status: 'DRAFT', count: 1 },
      { status: 'RETURNED', count: 1 },
    ]);
  });
});
