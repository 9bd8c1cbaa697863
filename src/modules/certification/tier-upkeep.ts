import { DataSource } from 'typeorm';
import { recordSystemAudit } from '../audit/audit-trail.service';
import { LAPSING_STATUSES } from './certification-status.rules';
import { programmeToday } from '../../core/calendar';
import { lockEnterprise, syncEnterpriseTier } from './enterprise-tier.service';

/**
 * Titles lapse by date alone: a certification reads EXPIRED the day after
 * validUntil without any job. enterprise.tier, which the published list and
 * the tier filter use, is stored, so an enterprise whose only title lapsed
 * would keep its tier until its next certification change. This brings such
 * tiers in line, one enterprise per transaction, each change audited as the
 * system's. It runs as the schema owner: it is upkeep, not a caller's request.
 */
export async function refreshLapsedTiers(owner: DataSource, today: string = programmeToday()): Promise<number> {
  const candidates: { enterprise_id: string }[] = await owner.query(
    `SELECT DISTINCT c.enterprise_id FROM certification c JOIN enterprise e ON e.id = c.enterprise_id
     WHERE e.tier IS NOT NULL AND c.status = ANY($1) AND c.valid_until < $2`,
    [[...LAPSING_STATUSES], today],
  );
  let changed = 0;
  for (const { enterprise_id: enterpriseId } of candidates) {
    await owner.transaction(async (db) => {
      const { regionCode } = await lockEnterprise(db, enterpriseId);
      const { before, after } = await syncEnterpriseTier(db, enterpriseId, today);
      if (before === after) return;
      changed += 1;
      await recordSystemAudit(db, 'system:tier-upkeep', {
        action: 'lapseTier',
        subjectType: 'Enterprise',
        subjectId: enterpriseId,
        enterpriseId,
        regionCode,
        before: { tier: before },
        after: { tier: after },
      });
    });
  }
  return changed;
}

/** The advisory lock key of the tier upkeep ("tierupkp" read as ASCII). */
const TIER_UPKEEP_LOCK = 0x7469657275706b70n;
const UPKEEP_NAME = 'tier-upkeep';

/**
 * Runs the upkeep unless another process is running it or ran it less than
 * `minGapMs` ago: with several API replicas on one database it runs once per
 * interval, whichever wakes first. A session advisory lock (held on one
 * connection while the upkeep's own transactions run on others) keeps two
 * runs from overlapping; upkeep_run says when the last one started. Returns
 * the tiers changed, or null when this process left it to another.
 */
export async function runTierUpkeepOnce(owner: DataSource, minGapMs: number, by: string, today?: string): Promise<number | null> {
  const lockHolder = owner.createQueryRunner();
  await lockHolder.connect();
  try {
    const [{ locked }] = (await lockHolder.query(`SELECT pg_try_advisory_lock($1) AS locked`, [TIER_UPKEEP_LOCK.toString()])) as {
      locked: boolean;
    }[];
    if (!locked) return null;
    try {
      const claimed = (await lockHolder.query(
        `INSERT INTO upkeep_run (name, started_at, started_by) VALUES ($1, now(), $3)
         ON CONFLICT (name) DO UPDATE SET started_at = now(), started_by = $3, finished_at = NULL, changed = NULL, runs = upkeep_run.runs + 1
           WHERE upkeep_run.started_at <= now() - $2 * interval '1 millisecond'
         RETURNING name`,
        [UPKEEP_NAME, minGapMs, by],
      )) as unknown[];
      if (claimed.length === 0) return null;
      const changed = await refreshLapsedTiers(owner, today);
      await lockHolder.query(`UPDATE upkeep_run SET finished_at = now(), changed = $2 WHERE name = $1`, [UPKEEP_NAME, changed]);
      return changed;
    } finally {
      await lockHolder.query(`SELECT pg_advisory_unlock($1)`, [TIER_UPKEEP_LOCK.toString()]);
    }
  } finally {
    await lockHolder.release();
  }
}

/**
 * Tries the upkeep now (without delaying start-up) and then every
 * `everyMs`; returns a stop function. A replica whose turn another took
 * does nothing until its next tick.
 */
export function scheduleTierUpkeep(
  owner: DataSource,
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void },
  everyMs = 3_600_000,
  by = `pid:${process.pid}`,
): () => void {
  let running = false;
  // Timers of different replicas drift apart: a run is due a little before a whole interval has passed.
  const minGapMs = Math.floor(everyMs * 0.9);
  const run = () => {
    if (running || !owner.isInitialized) return;
    running = true;
    runTierUpkeepOnce(owner, minGapMs, by)
      .then((changed) => changed && log.info({ changed }, 'tiers of lapsed titles refreshed'))
      .catch((err: unknown) => log.warn({ err }, 'tier upkeep failed; it runs again later'))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
