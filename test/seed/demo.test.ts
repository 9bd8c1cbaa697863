import { createTestDatabase, TestDatabase } from '../support/database';
import { SeedRefusedError } from '../../src/seed/counts';
import { DEMO_TENANTS, DemoSummary, findDemoTenants, hasData, seedDemoData } from '../../src/seed/demo';
import { badCreditCodes, invariantViolations, littleGiantCompliance } from './invariants';

let db: TestDatabase;
let summary: DemoSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  expect(await hasData(db.dataSource)).toBe(false);
  summary = await seedDemoData(db.dataSource);
}, 120_000);
afterAll(() => db?.drop());

const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> => db.dataSource.query(sql, params);
const values = async (sql: string): Promise<string[]> => (await q<{ v: string }>(sql)).map((r) => r.v).sort();

describe('seedDemoData', () => {
  it('loads about 300 enterprises with three years of reports, about 20 platforms and the 2021 programme', async () => {
    const c = summary.counts;
    expect(c.enterprises).toBe(300);
    expect(c.financialReports).toBe(900);
    expect(c.platforms).toBe(20);
    expect(c.fundingPrograms).toBe(1);
    expect(c.fundingBatches).toBe(3);
    expect(c.awards).toBeGreaterThanOrEqual(12);
    expect(c.keySupportProposals).toBeGreaterThan(12); // approved ones for the 12 key little giants, and some rejected
    expect(c.auditEvents).toBeGreaterThan(c.applications);
    // The summary counts what is in the database.
    const [row] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM enterprise`);
    expect(row.n).toBe(c.enterprises);
  });

  it('has every tier, every certification status in every tier, and every application status', async () => {
    expect(await values(`SELECT DISTINCT coalesce(tier, 'NONE') AS v FROM enterprise`)).toEqual([
      'INNOVATIVE_SME',
      'LITTLE_GIANT',
      'NONE',
      'SRDI_SME',
    ]);
    const statuses = ['CERTIFIED', 'EXPIRED', 'PUBLIC_NOTICE', 'RENEWED', 'REVOKED', 'UNDER_REVIEW'];
    for (const tier of ['INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT']) {
      expect([tier, await values(`SELECT DISTINCT status AS v FROM certification WHERE tier = '${tier}'`)]).toEqual([tier, statuses]);
    }
    expect(await values(`SELECT DISTINCT status AS v FROM application`)).toEqual([
      'APPROVED',
      'CERTIFIED',
      'DRAFT',
      'PUBLIC_NOTICE',
      'RECOMMENDED',
      'REJECTED',
      'RETURNED',
      'SUBMITTED',
      'UNDER_REVIEW',
      'WITHDRAWN',
    ]);
    expect(await values(`SELECT DISTINCT kind AS v FROM review`)).toEqual([
      'EXPERT_REVIEW',
      'OBJECTION',
      'OBJECTION_RESOLUTION',
      'RECOMMENDATION',
      'RETURN',
    ]);
  });

  it('gives the Jiangsu local government an application in every open state for each tier, to act on', async () => {
    const rows = await q<{ tier: string; status: string }>(`
      SELECT DISTINCT a.tier, a.status FROM application a JOIN enterprise e ON e.id = a.enterprise_id
      WHERE e.region_code LIKE '32%' AND a.status <> 'CERTIFIED'`);
    const open = ['APPROVED', 'DRAFT', 'PUBLIC_NOTICE', 'RECOMMENDED', 'REJECTED', 'RETURNED', 'SUBMITTED', 'UNDER_REVIEW', 'WITHDRAWN'];
    for (const tier of ['LITTLE_GIANT', 'SRDI_SME']) {
      expect([
        tier,
        rows
          .filter((r) => r.tier === tier)
          .map((r) => r.status)
          .sort(),
      ]).toEqual([tier, open]);
    }
  });

  it('gives revoked titles a reason, little giants batches 1–7, and uses all five rule sets', async () => {
    const [revoked] = await q<{ n: number; reasons: number }>(
      `SELECT count(*)::int AS n, count(revocation_reason)::int AS reasons FROM certification WHERE status = 'REVOKED'`,
    );
    expect(revoked.n).toBeGreaterThan(0);
    expect(revoked.reasons).toBe(revoked.n);
    expect(
      await values(`SELECT DISTINCT batch_number::text AS v FROM certification WHERE tier = 'LITTLE_GIANT' AND batch_number IS NOT NULL`),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await values(`SELECT DISTINCT rule_set_code AS v FROM certification`)).toEqual([
      'INNOVATIVE-SME-2022',
      'MIIT-2022-63',
      'MIIT-2026-2',
      'SRDI-PROVINCIAL-2022',
      'SRDI-PROVINCIAL-2026',
    ]);
  });

  it('spreads firms over the provinces and plan-listed cities the demo shows', async () => {
    const rows = await q<{ p: string; n: number }>(`SELECT substr(region_code, 1, 2) || '0000' AS p, count(*)::int AS n FROM enterprise GROUP BY 1`);
    const by = new Map(rows.map((r) => [r.p, r.n]));
    for (const p of ['320000', '330000', '440000', '350000', '110000', '370000', '510000', '610000', '650000']) {
      expect([p, (by.get(p) ?? 0) > 0]).toEqual([p, true]);
    }
    expect(by.get('320000')).toBeGreaterThanOrEqual(50);
    for (const city of ['3302', '4403', '3502', '3702']) {
      const [r] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM enterprise WHERE region_code LIKE $1`, [`${city}%`]);
      expect([city, r.n > 0]).toEqual([city, true]);
    }
    // Jiangsu firms sit in several of its cities and mostly at county level.
    const [js] = await q<{ cities: number; counties: number; n: number }>(`
      SELECT count(DISTINCT substr(e.region_code, 1, 4))::int AS cities,
             count(*) FILTER (WHERE r.level = 'COUNTY')::int AS counties, count(*)::int AS n
      FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.region_code LIKE '32%'`);
    expect(js.cities).toBeGreaterThanOrEqual(6);
    expect(js.counties).toBe(js.n);
  });

  it('records assessments in every state and a public objection to a firm on notice', async () => {
    expect(await values(`SELECT DISTINCT status AS v FROM assessment`)).toEqual(['CONFIRMED', 'DECLARED', 'REJECTED', 'SCORED']);
    // Declarations wait for the Jiangsu local government too, so the confirm step can be shown there.
    expect(await values(`SELECT DISTINCT status AS v FROM assessment WHERE region_code LIKE '32%' AND status = 'DECLARED'`)).toEqual(['DECLARED']);
    const [o] = await db.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE objector_role = 'PUBLIC' AND status = 'OPEN')::int AS open FROM public_objection`,
    );
    expect(o.n).toBeGreaterThan(0);
    expect(o.open).toBe(o.n);
  });

  it('keeps the programme, budget, tranche, spending, review and audit invariants', async () => {
    const violations = await invariantViolations(db.dataSource);
    expect(Object.entries(violations).filter(([, n]) => n !== 0)).toEqual([]);
  });

  it('notices broken data (the checks are not vacuous)', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const t = summary.tenants;
      await runner.query(`UPDATE enterprise SET tier = 'SRDI_SME' WHERE id = $1`, [t.enterprise.id]);
      await runner.query(`UPDATE funding_batch SET budget = 1.00 WHERE number = 1`);
      await runner.query(
        `INSERT INTO expenditure (award_id, category, amount, spent_on) SELECT id, 'EQUIPMENT', amount, granted_on + 400 FROM award WHERE enterprise_id = $1`,
        [t.enterprise.id],
      );
      await runner.query(
        `UPDATE assessment SET region_code = '110000' WHERE id = (SELECT min(id::text)::uuid FROM assessment WHERE region_code LIKE '32%')`,
      );
      await runner.query(
        `UPDATE public_objection SET created_at = created_at + interval '1 year' WHERE id = (SELECT min(id::text)::uuid FROM public_objection)`,
      );
      await runner.query(
        `UPDATE application SET public_notice_starts_on = public_notice_starts_on - 1 WHERE id = (SELECT min(id::text)::uuid FROM application WHERE status = 'CERTIFIED')`,
      );
      const v = await invariantViolations(runner);
      expect(v['enterprise.tier is the highest held title (certified, under re-review or renewed)']).toBe(1);
      expect(v['awards stay within their batch budget']).toBe(1);
      expect(v['spent plus clawed back never exceeds disbursed']).toBe(1);
      expect(v['assessments carry the region of their enterprise, are decided after they were declared, and each has its audit events']).toBe(1);
      expect(v['public objections are raised during the notice of their application, with their audit event']).toBe(1);
      expect(v['applications say when their notice opened once it has, and certified ones the day their title says']).toBe(1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('funds key little giants around ¥6m without restriction and platforms for services only, with a claw-back', async () => {
    const awards = await q<{ kind: string; restriction: string; n: number; avg: string }>(`
      SELECT CASE WHEN enterprise_id IS NULL THEN 'platform' ELSE 'enterprise' END AS kind, usage_restriction AS restriction,
             count(*)::int AS n, round(avg(amount))::text AS avg
      FROM award GROUP BY 1, 2 ORDER BY 1`);
    expect(awards.map((a) => [a.kind, a.restriction])).toEqual([
      ['enterprise', 'UNRESTRICTED'],
      ['platform', 'SERVICES_ONLY'],
    ]);
    const enterpriseAvg = Number(awards[0].avg);
    expect(enterpriseAvg).toBeGreaterThan(4_500_000);
    expect(enterpriseAvg).toBeLessThan(6_600_000);
    expect(await values(`SELECT DISTINCT status AS v FROM award`)).toEqual(expect.arrayContaining(['CLAWED_BACK', 'CLOSED', 'GRANTED']));
    const [cb] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM claw_back`);
    expect(cb.n).toBeGreaterThan(0);
    const [keys] = await q<{ n: number; dup: number }>(
      `SELECT count(*)::int AS n, (count(*) - count(DISTINCT idempotency_key))::int AS dup FROM disbursement`,
    );
    expect(keys.dup).toBe(0);
    expect(keys.n).toBeGreaterThan(summary.counts.awards);
  });

  it('gives every enterprise and platform operator a valid, unique credit code', async () => {
    expect(await badCreditCodes(db.dataSource)).toEqual([]);
    const [dups] = await q<{ n: number }>(`SELECT (count(*) - count(DISTINCT name))::int AS n FROM enterprise`);
    expect(dups.n).toBe(0);
  });

  it('draws little giants that mostly, not all, meet the 2022 criteria, and leaves some figures missing', async () => {
    const { total, passing } = await littleGiantCompliance(db.dataSource);
    expect(total).toBeGreaterThan(40);
    expect(passing / total).toBeGreaterThanOrEqual(0.75);
    expect(passing).toBeLessThan(total);
    const [gaps] = await q<{ n: number }>(`
      SELECT count(DISTINCT enterprise_id)::int AS n FROM financial_report
      WHERE niche_market_share IS NULL OR total_liabilities IS NULL OR employees IS NULL OR main_business_revenue IS NULL`);
    expect(gaps.n).toBeGreaterThan(0);
    expect(gaps.n).toBeLessThan(15);
    const [money] = await q<{ bad: number }>(
      `SELECT count(*) FILTER (WHERE revenue::text !~ '^[0-9]+\\.[0-9]{2}$')::int AS bad FROM financial_report`,
    );
    expect(money.bad).toBe(0);
  });

  it('sets up the fixed tenants: a Jiangsu key little giant, a Zhejiang one and a platform in each province', async () => {
    expect(summary.tenants).toEqual({
      enterprise: { id: DEMO_TENANTS.enterprise.id, creditCode: '9132050574371952XF', name: '苏州精研精密机械股份有限公司' },
      otherEnterprise: { id: DEMO_TENANTS.otherEnterprise.id, creditCode: '91330108MA27W8K3P7', name: '杭州云芯微电子股份有限公司' },
      platform: { id: DEMO_TENANTS.platform.id, name: DEMO_TENANTS.platform.name },
      otherPlatform: { id: DEMO_TENANTS.otherPlatform.id, name: DEMO_TENANTS.otherPlatform.name },
      regionCode: '320000',
      otherRegionCode: '330000',
    });
    const t = summary.tenants;
    const [e] = await q<{ tier: string; region: string; awards: number; spent: number }>(
      `
      SELECT e.tier, e.region_code AS region,
             (SELECT count(*) FROM award a WHERE a.enterprise_id = e.id)::int AS awards,
             (SELECT count(*) FROM expenditure x JOIN award a ON a.id = x.award_id WHERE a.enterprise_id = e.id)::int AS spent
      FROM enterprise e WHERE e.id = $1`,
      [t.enterprise.id],
    );
    expect(e).toEqual({ tier: 'LITTLE_GIANT', region: '320505', awards: 1, spent: expect.any(Number) });
    expect(e.spent).toBeGreaterThan(0);
    const [other] = await q<{ region: string; tier: string }>(`SELECT region_code AS region, tier FROM enterprise WHERE id = $1`, [
      t.otherEnterprise.id,
    ]);
    expect(other).toEqual({ region: '330108', tier: 'LITTLE_GIANT' });
    const platforms = await q<{ id: string; region: string; awards: number }>(
      `
      SELECT p.id, p.region_code AS region, (SELECT count(*) FROM award a WHERE a.platform_id = p.id)::int AS awards
      FROM platform p WHERE p.id = ANY($1) ORDER BY p.id`,
      [[t.platform.id, t.otherPlatform.id]],
    );
    expect(platforms).toEqual([
      { id: t.platform.id, region: '320500', awards: 2 },
      { id: t.otherPlatform.id, region: '330000', awards: 2 },
    ]);
  });

  it('finds the same tenants again in the seeded database', async () => {
    expect(await hasData(db.dataSource)).toBe(true);
    expect(await findDemoTenants(db.dataSource)).toEqual(summary.tenants);
  });

  it('refuses to load twice and leaves the data as it was', async () => {
    await expect(seedDemoData(db.dataSource)).rejects.toBeInstanceOf(SeedRefusedError);
    const [row] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM enterprise`);
    expect(row.n).toBe(300);
  });
});

describe('seedDemoData on another database', () => {
  let other: TestDatabase;
  beforeAll(async () => {
    other = await createTestDatabase();
  });
  afterAll(() => other?.drop());

  it('returns null tenants before seeding, then produces exactly the same data (same seed, same rows)', async () => {
    expect(await findDemoTenants(other.dataSource)).toBeNull();
    await other.dataSource.transaction((manager) => seedDemoData(manager));
    const fingerprint = `
      SELECT md5(string_agg(e.id || e.credit_code || e.name || coalesce(e.tier, '') || e.region_code, ',' ORDER BY e.id)) AS enterprises,
             (SELECT md5(string_agg(f.id || coalesce(f.revenue::text, '') || coalesce(f.rd_expense::text, ''), ',' ORDER BY f.id)) FROM financial_report f) AS reports,
             (SELECT md5(string_agg(c.id || c.status || coalesce(c.valid_until::text, ''), ',' ORDER BY c.id)) FROM certification c) AS certifications
      FROM enterprise e`;
    const [a] = await db.dataSource.query(fingerprint);
    const [b] = await other.dataSource.query(fingerprint);
    expect(b).toEqual(a);
  }, 120_000);
});
