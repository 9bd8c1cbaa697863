import { createTestDatabase, TestDatabase } from '../support/database';
import { SeedRefusedError } from '../../src/seed/counts';
import { DEMO_TENANTS, findDemoTenants } from '../../src/seed/demo';
import { NATIONAL_COUNTS, nationalPlan, NationalSummary, seedNational } from '../../src/seed/national';
import { EAST_PROVINCES } from '../../src/seed/regions';
import { badCreditCodes, invariantViolations, littleGiantCompliance } from './invariants';

const SCALE = 0.01;
let db: TestDatabase;
let summary: NationalSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  summary = await seedNational(db.dataSource, { scale: SCALE });
}, 180_000);
afterAll(() => db?.drop());

const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> => db.dataSource.query(sql, params);

describe('seedNational at scale 0.01', () => {
  it('writes the benchmark counts times the scale', async () => {
    const c = summary.counts;
    expect(c.enterprises).toBe(NATIONAL_COUNTS.enterprises * SCALE);
    expect(c.littleGiants).toBe(NATIONAL_COUNTS.littleGiants * SCALE);
    expect(c.srdiSmes).toBe(NATIONAL_COUNTS.srdiSmes * SCALE);
    expect(c.innovativeSmes).toBe(NATIONAL_COUNTS.innovativeSmes * SCALE);
    expect(c.financialReports).toBe(3 * c.enterprises);
    expect(c.platforms).toBe(Math.max(4, NATIONAL_COUNTS.platforms * SCALE));
    expect(c.fundingBatches).toBe(3);
    // One application per little-giant or SRDI title filed since 2022, plus the 2026 round; audit events to go with them.
    expect(c.applications).toBeGreaterThan(0.35 * c.enterprises);
    expect(c.reviews).toBeGreaterThan(c.applications);
    expect(c.auditEvents).toBeGreaterThan(c.applications);
    const [keys] = await q<{ n: number }>(`SELECT count(DISTINCT enterprise_id)::int AS n FROM award WHERE enterprise_id IS NOT NULL`);
    expect(keys.n).toBe(NATIONAL_COUNTS.keyLittleGiants * SCALE);
    const [batches] = await q<{ n: number }>(`SELECT count(DISTINCT batch_id)::int AS n FROM award WHERE enterprise_id IS NOT NULL`);
    expect(batches.n).toBe(3);
  });

  it('covers all 31 provinces with about 60% of firms in the east, and registers them at county level', async () => {
    const rows = await q<{ p: string; n: number }>(`SELECT substr(region_code, 1, 2) || '0000' AS p, count(*)::int AS n FROM enterprise GROUP BY 1`);
    expect(rows).toHaveLength(31);
    const east = rows.filter((r) => EAST_PROVINCES.has(r.p)).reduce((s, r) => s + r.n, 0);
    const share = east / summary.counts.enterprises;
    expect(share).toBeGreaterThan(0.57);
    expect(share).toBeLessThan(0.63);
    const [levels] = await q<{ province: number }>(`
      SELECT count(*) FILTER (WHERE r.level = 'PROVINCE')::int AS province FROM enterprise e JOIN region r ON r.code = e.region_code`);
    expect(levels.province).toBe(0);
  });

  it('keeps the programme, budget, tranche, spending, review and audit invariants', async () => {
    const violations = await invariantViolations(db.dataSource);
    expect(Object.entries(violations).filter(([, n]) => n !== 0)).toEqual([]);
  });

  it('gives valid, unique credit codes and mostly compliant little giants', async () => {
    expect(await badCreditCodes(db.dataSource)).toEqual([]);
    const { total, passing } = await littleGiantCompliance(db.dataSource);
    expect(total).toBeGreaterThan(150);
    expect(passing / total).toBeGreaterThan(0.8);
    expect(passing).toBeLessThan(total);
    const [distress] = await q<{ n: number; all: number }>(`
      SELECT count(*) FILTER (WHERE total_liabilities >= total_assets)::int AS n, count(*)::int AS "all" FROM financial_report`);
    expect(distress.n).toBeGreaterThan(0);
    expect(distress.n / distress.all).toBeLessThan(0.05);
  });

  it('includes the fixed demo tenants', async () => {
    const tenants = await findDemoTenants(db.dataSource);
    expect(tenants?.enterprise).toEqual({
      id: DEMO_TENANTS.enterprise.id,
      creditCode: DEMO_TENANTS.enterprise.creditCode,
      name: DEMO_TENANTS.enterprise.name,
    });
    expect(tenants?.otherPlatform.id).toBe(DEMO_TENANTS.otherPlatform.id);
  });

  it('refuses a database that already holds enterprises, and changes nothing', async () => {
    await expect(seedNational(db.dataSource, { scale: SCALE })).rejects.toBeInstanceOf(SeedRefusedError);
    const [row] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM enterprise`);
    expect(row.n).toBe(summary.counts.enterprises);
  });
});

describe('nationalPlan', () => {
  it('is the contract benchmark at scale 1', () => {
    const plan = nationalPlan(1);
    expect([plan.enterprises, plan.littleGiants, plan.keyLittleGiants, plan.platforms]).toEqual([150_000, 17_600, 1_000, 200]);
    const total = plan.provinceWeights.reduce((s, [, w]) => s + w, 0);
    const east = plan.provinceWeights.filter(([p]) => EAST_PROVINCES.has(p)).reduce((s, [, w]) => s + w, 0);
    expect(plan.provinceWeights).toHaveLength(31);
    expect(east / total).toBeCloseTo(0.6, 2);
  });

  it('refuses scales it cannot honour', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 11]) expect(() => nationalPlan(bad)).toThrow(RangeError);
  });
});
