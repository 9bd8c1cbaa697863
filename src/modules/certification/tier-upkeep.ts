import { DataSource } from 'typeorm';
import { recordSystemAudit } from '../audit/audit-trail';
import { LAPSING_STATUSES, programmeToday } from './certification-status';
import { lockEnterprise, syncEnterpriseTier } from './enterprise-tier';

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

/** Runs the upkeep now (without delaying start-up) and then every `everyMs`; returns a stop function. */
export function scheduleTierUpkeep(
  owner: DataSource,
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void },
  everyMs = 3_600_000,
): () => void {
  let running = false;
  const run = () => {
    if (running || !owner.isInitialized) return;
    running = true;
    refreshLapsedTiers(owner)
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
