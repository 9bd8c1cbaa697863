import { DataSource, QueryRunner } from 'typeorm';
import { claimEmptyDatabase, countRows, SeedCounts } from './counts';
import { FIXED_ENTERPRISES, FIXED_PLATFORMS } from './demo';
import { NATIONAL_PROVINCE_WEIGHTS } from './regions';
import { WorldPlan, writeWorld } from './world';

/**
 * The benchmark dataset of the API contract ("Benchmark scale"): at scale 1,
 * 150,000 enterprises over all 31 provinces (60% in the east), 17,600 little
 * giants, 1,000 key little giants funded over the 3 batches of 财建〔2021〕2号,
 * 200 platforms, 3 years of reports per enterprise (450,000), and the
 * applications, reviews and audit events that go with them. `scale`
 * multiplies every count; the fixed demo tenants are included so demo tokens
 * work against it too.
 */

export const NATIONAL_COUNTS = {
  enterprises: 150_000,
  littleGiants: 17_600,
  srdiSmes: 60_000,
  innovativeSmes: 55_000,
  keyLittleGiants: 1_000,
  platforms: 200,
  developmentZones: 30,
  platformAwardsPerBatch: 60,
  pendingApplications: 6_000,
} as const;

export const NATIONAL_SEED = 20_210_123;

export interface NationalOptions {
  /** Multiplies all counts (tests use 0.01); between 0.0005 and 10. */
  scale?: number;
  onProgress?: (message: string) => void;
}

export interface NationalSummary {
  scale: number;
  counts: SeedCounts;
}

export function nationalPlan(scale = 1): WorldPlan {
  if (!Number.isFinite(scale) || scale < 0.0005 || scale > 10) {
    throw new RangeError(`scale must be a number between 0.0005 and 10, got ${scale}`);
  }
  const n = (x: number, min = 0) => Math.max(min, Math.round(x * scale));
  const c = NATIONAL_COUNTS;
  const fixedLg = FIXED_ENTERPRISES.filter((f) => f.kind === 'LITTLE_GIANT').length;
  const littleGiants = n(c.littleGiants, fixedLg + 10);
  return {
    label: 'national',
    seed: NATIONAL_SEED,
    enterprises: n(c.enterprises, 75),
    provinceWeights: NATIONAL_PROVINCE_WEIGHTS,
    littleGiants,
    srdiSmes: n(c.srdiSmes, 30),
    innovativeSmes: n(c.innovativeSmes, 25),
    keyLittleGiants: Math.min(littleGiants, n(c.keyLittleGiants, FIXED_ENTERPRISES.length + 3)),
    platforms: n(c.platforms, FIXED_PLATFORMS.length + 2),
    developmentZones: n(c.developmentZones, 1),
    platformAwardsPerBatch: n(c.platformAwardsPerBatch, 2),
    pendingApplications: n(c.pendingApplications, 8),
    gapShare: 0.01,
    budgetFactor: Math.max(1, scale),
    audit: 'summary',
    everyOption: false,
    fixedEnterprises: FIXED_ENTERPRISES,
    fixedPlatforms: FIXED_PLATFORMS,
    chunkSize: 2_500,
  };
}

/**
 * Loads the national dataset into an empty database, then refreshes the
 * planner statistics. Refuses when any enterprise exists. Constraints and
 * triggers stay on throughout.
 *
 * With a pool of two or more connections the rows go in over two
 * transactions at once (see writeWorld), committed together at the end; any
 * failure before that rolls both back. Only a crash between the two commits
 * could leave part of the data, and the next run then refuses rather than mix.
 */
export async function seedNational(dataSource: DataSource, options: NationalOptions = {}): Promise<NationalSummary> {
  const scale = options.scale ?? 1;
  const plan = nationalPlan(scale);
  const poolMax = Number((dataSource.options.extra as { max?: number } | undefined)?.max ?? 10);
  const runners: QueryRunner[] = Array.from({ length: poolMax >= 2 ? 2 : 1 }, () => dataSource.createQueryRunner());
  try {
    for (const r of runners) {
      await r.connect();
      await r.startTransaction();
    }
    await claimEmptyDatabase(runners[0].manager, 'the national dataset');
    await writeWorld(
      runners.map((r) => r.manager),
      plan,
      options.onProgress,
    );
    // The first transaction holds the seed lock: commit it last.
    for (const r of [...runners].reverse()) await r.commitTransaction();
  } catch (err) {
    for (const r of runners) if (r.isTransactionActive) await r.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    for (const r of runners) await r.release();
  }
  // Fresh statistics, so the first queries after a seed do not plan against empty tables.
  await dataSource.query(
    `ANALYZE enterprise, financial_report, certification, application, review, platform, award, disbursement, expenditure, audit_event`,
  );
  return { scale, counts: await countRows(dataSource) };
}
