import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { makeCreditCode, CREDIT_CODE_ALPHABET } from '../../src/modules/enterprise/credit-code.rules';

/**
 * Test data written as the database owner (it bypasses row-level security),
 * with defaults that satisfy every constraint; override what a test is about.
 */

let serial = 0;
function orgCode(): string {
  serial += 1;
  let n = serial + Math.floor(Math.random() * 1e6) * 1000;
  let s = '';
  for (let i = 0; i < 9; i++) {
    s = CREDIT_CODE_ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

export interface EnterpriseRow {
  id: string;
  creditCode: string;
  name: string;
  regionCode: string;
  tier: string | null;
}

export async function createEnterprise(
  ds: DataSource,
  o: Partial<{ regionCode: string; name: string; tier: string | null; sizeClass: string; productField: string }> = {},
): Promise<EnterpriseRow> {
  const regionCode = o.regionCode ?? '320102';
  const row = {
    id: randomUUID(),
    creditCode: makeCreditCode('91', regionCode, orgCode()),
    name: o.name ?? `测试企业${serial}有限公司`,
    regionCode,
    tier: o.tier === undefined ? 'SRDI_SME' : o.tier,
  };
  await ds.query(
    `INSERT INTO enterprise (id, credit_code, name, region_code, industry, product_field, size_class, tier)
     VALUES ($1, $2, $3, $4, 'C34 通用设备制造业', $5, $6, $7)`,
    [row.id, row.creditCode, row.name, regionCode, o.productField ?? 'CORE_BASIC_COMPONENTS', o.sizeClass ?? 'SMALL', row.tier],
  );
  return row;
}

export async function createFinancialReport(
  ds: DataSource,
  enterpriseId: string,
  year: number,
  revenue = '120000000.00',
  rdExpense = '5000000.00',
): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO financial_report (id, enterprise_id, year, revenue, main_business_revenue, rd_expense, rd_staff, employees)
     VALUES ($1, $2, $3, $4, $4, $5, 40, 200)`,
    [id, enterpriseId, year, revenue, rdExpense],
  );
  return id;
}

/**
 * Reports for `years` that no financial indicator of the little-giant rule
 * sets fails, so an application judged on them can be submitted (the
 * self-assessment refuses a failing indicator): revenue from ¥100m growing
 * ¥10m a year, all of it main business, R&D ¥7m a year (≥ 3%, ¥14m over two
 * years). Figures they do not give stay unknown.
 */
export async function createSubmittableReports(ds: DataSource, enterpriseId: string, years = [2023, 2024, 2025]): Promise<void> {
  for (const [i, year] of years.entries()) await createFinancialReport(ds, enterpriseId, year, `${100_000_000 + i * 10_000_000}.00`, '7000000.00');
}

export async function createPlatform(
  ds: DataSource,
  o: Partial<{ regionCode: string; name: string }> = {},
): Promise<{ id: string; regionCode: string }> {
  const id = randomUUID();
  const regionCode = o.regionCode ?? '320100';
  await ds.query(
    `INSERT INTO platform (id, name, kind, level, region_code, operator)
     VALUES ($1, $2, 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM', 'PROVINCIAL', $3, '测试运营单位')`,
    [id, o.name ?? `测试服务平台${++serial}`, regionCode],
  );
  return { id, regionCode };
}

export async function createCertification(
  ds: DataSource,
  enterpriseId: string,
  o: Partial<{ tier: string; status: string; ruleSetCode: string }> = {},
): Promise<string> {
  const id = randomUUID();
  const status = o.status ?? 'CERTIFIED';
  await ds.query(
    `INSERT INTO certification (id, enterprise_id, tier, batch_number, rule_set_code, status, certified_on, valid_until,
                                revoked_on, revocation_reason)
     VALUES ($1, $2, $3, 3, $7, $4, '2024-07-01', '2027-07-01', $5, $6)`,
    [
      id,
      enterpriseId,
      o.tier ?? 'LITTLE_GIANT',
      status,
      status === 'REVOKED' ? '2025-01-01' : null,
      status === 'REVOKED' ? 'TAX_EVASION' : null,
      o.ruleSetCode ?? 'MIIT-2022-63',
    ],
  );
  return id;
}

export async function createProgramAndBatch(ds: DataSource): Promise<{ programId: string; batchId: string }> {
  const programId = randomUUID();
  const batchId = randomUUID();
  await ds.query(
    `INSERT INTO funding_program (id, document_number, name, start_year, end_year, total_budget)
     VALUES ($1, $2, '中小企业发展专项资金', 2021, 2025, '10000000000.00')`,
    [programId, `财建〔2021〕${++serial}号`],
  );
  await ds.query(`INSERT INTO funding_batch (id, program_id, number, year, budget, support_years) VALUES ($1, $2, 1, 2021, '3000000000.00', 3)`, [
    batchId,
    programId,
  ]);
  return { programId, batchId };
}

export async function createAward(
  ds: DataSource,
  batchId: string,
  recipient: { enterpriseId: string } | { platformId: string },
  amount = '6000000.00',
): Promise<string> {
  const id = randomUUID();
  const enterpriseId = 'enterpriseId' in recipient ? recipient.enterpriseId : null;
  const platformId = 'platformId' in recipient ? recipient.platformId : null;
  await ds.query(
    `INSERT INTO award (id, batch_id, enterprise_id, platform_id, amount, usage_restriction, status, granted_on)
     VALUES ($1, $2, $3, $4, $5, $6, 'GRANTED', '2021-06-30')`,
    [id, batchId, enterpriseId, platformId, amount, platformId ? 'SERVICES_ONLY' : 'UNRESTRICTED'],
  );
  return id;
}
