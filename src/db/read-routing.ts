import { DataSource } from 'typeorm';

/** What /readyz reports of the read replica. */
export type ReplicaState = 'none' | 'ok' | 'lagging' | 'down';

export interface ReadRoutingOptions {
  /** After a caller's write, its reads go to the primary for this long, so it reads what it wrote. */
  readYourWritesMs: number;
  /** The replica counts as lagging when it has not replayed what the primary had written this long ago. */
  maxLagMs: number;
  /** How often the replica's replay position is checked. */
  checkEveryMs: number;
}

/**
 * Where a request reads: queries from a streaming replica (READ_DATABASE_URL)
 * while it keeps up, everything else (mutations, the caller who just wrote,
 * any read while the replica lags or is down) from the primary.
 *
 * Lag is measured by WAL position, not by replay timestamps (which stand
 * still when the primary is idle): each check records the primary's current
 * position, and the replica is lagging when it has not replayed the position
 * the primary had `maxLagMs` ago.
 */
export class ReadRouting {
  private replicaState: ReplicaState;
  private readonly lastWrite = new Map<string, number>();
  /** The primary's WAL positions of recent checks, oldest first. */
  private readonly positions: { at: number; lsn: string }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly primary: DataSource,
    readonly replica: DataSource | null = null,
    private readonly options: ReadRoutingOptions = { readYourWritesMs: 5_000, maxLagMs: 5_000, checkEveryMs: 1_000 },
    private readonly now: () => number = Date.now,
  ) {
    // Until the first check has spoken, the replica is not trusted.
    this.replicaState = replica ? 'down' : 'none';
  }

  get state(): ReplicaState {
    return this.replicaState;
  }

  /** The data source for a query of `caller` (role and subject). */
  forQuery(caller: string): DataSource {
    if (!this.replica || this.replicaState !== 'ok') return this.primary;
    const wrote = this.lastWrite.get(caller);
    if (wrote !== undefined && this.now() - wrote < this.options.readYourWritesMs) return this.primary;
    return this.replica;
  }

  /** `caller` has written: its reads go to the primary for a while. */
  wrote(caller: string): void {
    if (!this.replica) return;
    const now = this.now();
    this.lastWrite.set(caller, now);
    // Forget callers whose window has closed, so the map follows the writers of the last seconds.
    if (this.lastWrite.size > 10_000) for (const [k, t] of this.lastWrite) if (now - t >= this.options.readYourWritesMs) this.lastWrite.delete(k);
  }

  /** Checks the replica now; the scheduled checks call this. */
  async check(): Promise<ReplicaState> {
    if (!this.replica) return 'none';
    try {
      const [{ lsn }] = await this.primary.query<{ lsn: string }[]>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
      const now = this.now();
      this.positions.push({ at: now, lsn });
      while (this.positions.length > 1 && now - this.positions[1].at >= this.options.maxLagMs) this.positions.shift();
      const [r] = await this.replica.query<{ standby: boolean; replayed: string | null }[]>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed`,
      );
      // The oldest position kept is the newest one at least maxLagMs old (or the first check's).
      const due = this.positions[0];
      const behind = r.replayed === null || (now - due.at >= this.options.maxLagMs && compareLsn(r.replayed, due.lsn) < 0);
      this.replicaState = !r.standby ? 'down' : behind ? 'lagging' : 'ok';
    } catch {
      this.replicaState = 'down';
    }
    return this.replicaState;
  }

  /** Starts the periodic checks (the first one now); returns the function that stops them. */
  start(): () => void {
    if (!this.replica || this.timer) return () => undefined;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs);
    this.timer.unref();
    return () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
    };
  }
}

/** Orders two WAL positions ("16/B374D848"). */
export function compareLsn(a: string, b: string): number {
  const value = (lsn: string) => {
    const [hi, lo] = lsn.split('/');
    return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
  };
  const d = value(a) - value(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
