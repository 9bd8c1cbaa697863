import { DataSource, EntityManager } from 'typeorm';
import { CertificationStatus } from '../modules/certification/certification.enums';
import { ProductField } from '../modules/enterprise/enterprise.enums';
import { PlatformKind, PlatformLevel } from '../modules/platform/platform.enums';
import { Queryable } from './bulk-insert';
import { claimEmptyDatabase, countRows, SeedCounts } from './counts';
import { FixedEnterprise, FixedPlatform, WorldPlan, writeWorld } from './world';

/**
 * The demo dataset: about 300 enterprises across Jiangsu, Zhejiang
 * (with Ningbo), Guangdong (with Shenzhen), Fujian (with Xiamen), Beijing,
 * Shandong (with Qingdao), Shanghai, two central and five western provinces;
 * every tier and every certification and application status; round 1 of
 * central funds with three batches, awards, tranches, spending and a
 * claw-back; a full audit trail. Fixed tenants keep demo tokens valid across
 * restarts and re-seeds.
 */

export interface TenantEnterprise {
  id: string;
  creditCode: string;
  name: string;
}

export interface TenantPlatform {
  id: string;
  name: string;
}

export interface DemoTenants {
  /** A Jiangsu little giant and key little giant (batch 3 of 财建〔2021〕2号). */
  enterprise: TenantEnterprise;
  /** A Zhejiang little giant, to show that one tenant cannot see another. */
  otherEnterprise: TenantEnterprise;
  /** A national demonstration platform in Suzhou, Jiangsu, with services-only awards. */
  platform: TenantPlatform;
  /** A provincial demonstration platform in Zhejiang. */
  otherPlatform: TenantPlatform;
  /** Jiangsu: the enterprise and the platform are registered under it. */
  regionCode: string;
  /** Zhejiang: the other enterprise and platform. */
  otherRegionCode: string;
}

export interface DemoSummary {
  counts: SeedCounts;
  tenants: DemoTenants;
}

/** The fixed demo tenants. Their ids, credit codes and names never change. */
export const DEMO_TENANTS: DemoTenants & {
  platform: TenantPlatform & { operatorCreditCode: string };
  otherPlatform: TenantPlatform & { operatorCreditCode: string };
} = {
  enterprise: { id: 'e5d1a000-0000-4000-8000-000000000001', creditCode: '9132050574371952XF', name: '苏州精研精密机械股份有限公司' },
  otherEnterprise: { id: 'e5d1a000-0000-4000-8000-000000000002', creditCode: '91330108MA27W8K3P7', name: '杭州云芯微电子股份有限公司' },
  platform: { id: 'f5d1a000-0000-4000-8000-000000000001', name: '苏州市中小企业技术创新公共服务平台', operatorCreditCode: '1232050046662028XA' },
  otherPlatform: {
    id: 'f5d1a000-0000-4000-8000-000000000002',
    name: '浙江省中小企业数字化转型公共服务平台',
    operatorCreditCode: '1233000047002915NL',
  },
  regionCode: '320000',
  otherRegionCode: '330000',
};

/** The fixed enterprises as the generator takes them (also placed in the national dataset). */
export const FIXED_ENTERPRISES: readonly FixedEnterprise[] = [
  {
    ...DEMO_TENANTS.enterprise,
    regionCode: '320505', // 虎丘区 (Suzhou New District)
    productField: ProductField.CORE_BASIC_COMPONENTS,
    industry: 'C34 通用设备制造业',
    foundedOn: '2002-03-18',
    nicheSinceYear: 2006,
    kind: 'LITTLE_GIANT',
    littleGiant: { batch: 4, status: CertificationStatus.RENEWED },
    srdi: { status: CertificationStatus.RENEWED },
    innovative: { status: CertificationStatus.CERTIFIED },
    keyBatch: 3,
  },
  {
    ...DEMO_TENANTS.otherEnterprise,
    regionCode: '330108', // 滨江区, Hangzhou
    productField: ProductField.KEY_BASIC_ELECTRONIC_COMPONENTS,
    industry: 'C39 计算机、通信和其他电子设备制造业',
    foundedOn: '2016-05-09',
    nicheSinceYear: 2017,
    kind: 'LITTLE_GIANT',
    littleGiant: { batch: 3, status: CertificationStatus.RENEWED },
    srdi: { status: CertificationStatus.CERTIFIED },
    keyBatch: 2,
  },
];

export const FIXED_PLATFORMS: readonly FixedPlatform[] = [
  {
    id: DEMO_TENANTS.platform.id,
    name: DEMO_TENANTS.platform.name,
    kind: PlatformKind.PUBLIC_SERVICE_DEMONSTRATION_PLATFORM,
    level: PlatformLevel.NATIONAL,
    regionCode: '320500',
    operator: '苏州市中小企业服务中心',
    operatorCreditCode: DEMO_TENANTS.platform.operatorCreditCode,
    awardBatches: [1, 3],
  },
  {
    id: DEMO_TENANTS.otherPlatform.id,
    name: DEMO_TENANTS.otherPlatform.name,
    kind: PlatformKind.PUBLIC_SERVICE_DEMONSTRATION_PLATFORM,
    level: PlatformLevel.PROVINCIAL,
    regionCode: '330000',
    operator: '浙江省中小企业服务中心',
    operatorCreditCode: DEMO_TENANTS.otherPlatform.operatorCreditCode,
    awardBatches: [2, 3],
  },
];

export const DEMO_SEED = 20_260_401;

/** Enterprises per province (the fixed two add one each to Jiangsu and Zhejiang). */
const DEMO_PROVINCES: ReadonlyArray<readonly [string, number]> = [
  ['320000', 58],
  ['330000', 47],
  ['440000', 45],
  ['110000', 28],
  ['370000', 28],
  ['350000', 20],
  ['310000', 15],
  ['340000', 10],
  ['420000', 10],
  ['510000', 12],
  ['500000', 8],
  ['610000', 8],
  ['520000', 4],
  ['650000', 5],
];

export function demoPlan(): WorldPlan {
  return {
    label: 'demo',
    seed: DEMO_SEED,
    enterprises: 300,
    provinceWeights: DEMO_PROVINCES,
    // Plan-listed cities are hubs already; Xiamen needs a little help to show up among 20 Fujian firms.
    prefectureBoost: { '350200': 2 },
    littleGiants: 60,
    srdiSmes: 100,
    innovativeSmes: 90,
    keyLittleGiants: 12,
    platforms: 20,
    developmentZones: 2,
    platformAwardsPerBatch: 4,
    pendingApplications: 40,
    gapShare: 0.02,
    budgetFactor: 1,
    audit: 'full',
    everyOption: true,
    focusProvince: DEMO_TENANTS.regionCode,
    fixedEnterprises: FIXED_ENTERPRISES,
    fixedPlatforms: FIXED_PLATFORMS,
  };
}

/** True when the database holds any enterprise (the server then skips the demo data). */
export async function hasData(db: Queryable): Promise<boolean> {
  const rows = (await db.query(`SELECT EXISTS (SELECT 1 FROM enterprise) AS present`)) as { present: boolean }[];
  return rows[0].present;
}

/**
 * Loads the demo data in one transaction: either a DataSource (a transaction
 * is opened) or an EntityManager (inside its transaction, as a savepoint, or a
 * new one). Refuses when enterprises already exist.
 */
export async function seedDemoData(target: DataSource | EntityManager): Promise<DemoSummary> {
  const run = async (manager: EntityManager): Promise<DemoSummary> => {
    // Two servers starting on one empty database: the second waits here, then sees the data and refuses.
    await claimEmptyDatabase(manager, 'demo data');
    await writeWorld(manager, demoPlan());
    return { counts: await countRows(manager), tenants: publicTenants() };
  };
  return target instanceof DataSource ? target.transaction(run) : target.transaction(run);
}

function publicTenants(): DemoTenants {
  const { enterprise, otherEnterprise, platform, otherPlatform, regionCode, otherRegionCode } = DEMO_TENANTS;
  return {
    enterprise: { ...enterprise },
    otherEnterprise: { ...otherEnterprise },
    platform: { id: platform.id, name: platform.name },
    otherPlatform: { id: otherPlatform.id, name: otherPlatform.name },
    regionCode,
    otherRegionCode,
  };
}

/**
 * The fixed tenants in an already seeded database, found by credit code
 * (enterprises) and operator credit code or name (platforms), with their
 * current ids and names; null when any of them is missing.
 */
export async function findDemoTenants(db: Queryable): Promise<DemoTenants | null> {
  const t = DEMO_TENANTS;
  const enterprises = (await db.query(`SELECT id, credit_code AS "creditCode", name FROM enterprise WHERE credit_code = ANY($1)`, [
    [t.enterprise.creditCode, t.otherEnterprise.creditCode],
  ])) as TenantEnterprise[];
  const platforms = (await db.query(
    `SELECT id, name, operator_credit_code AS "operatorCreditCode" FROM platform WHERE operator_credit_code = ANY($1) OR name = ANY($2)`,
    [
      [t.platform.operatorCreditCode, t.otherPlatform.operatorCreditCode],
      [t.platform.name, t.otherPlatform.name],
    ],
  )) as (TenantPlatform & { operatorCreditCode: string | null })[];
  const enterprise = enterprises.find((e) => e.creditCode === t.enterprise.creditCode);
  const otherEnterprise = enterprises.find((e) => e.creditCode === t.otherEnterprise.creditCode);
  const platformOf = (p: { name: string; operatorCreditCode: string }) =>
    platforms.find((r) => r.operatorCreditCode === p.operatorCreditCode) ?? platforms.find((r) => r.name === p.name);
  const platform = platformOf(t.platform);
  const otherPlatform = platformOf(t.otherPlatform);
  if (!enterprise || !otherEnterprise || !platform || !otherPlatform) return null;
  return {
    enterprise: { id: enterprise.id, creditCode: enterprise.creditCode, name: enterprise.name },
    otherEnterprise: { id: otherEnterprise.id, creditCode: otherEnterprise.creditCode, name: otherEnterprise.name },
    platform: { id: platform.id, name: platform.name },
    otherPlatform: { id: otherPlatform.id, name: otherPlatform.name },
    regionCode: t.regionCode,
    otherRegionCode: t.otherRegionCode,
  };
}
