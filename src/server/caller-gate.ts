import { RateLimitedError } from '../core/errors';

interface Caller {
  running: number;
  waiting: (() => void)[];
}

/**
 * At most `max` requests of one caller run at once; the others wait their
 * turn in arrival order. The pool has a few connections for everyone, so
 * without this one caller's flood of expensive operations would hold them
 * all and every other caller would queue behind it. A request that waits
 * longer than `maxWaitMs` is refused as RATE_LIMITED (429) instead of
 * hanging. Per process: it shares out this process's pool.
 */
export class CallerGate {
  private readonly callers = new Map<string, Caller>();

  constructor(
    readonly max: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Waits for a slot of `key`'s; resolves with the function that gives it back (call it once). */
  async enter(key: string): Promise<() => void> {
    let caller = this.callers.get(key);
    if (!caller) this.callers.set(key, (caller = { running: 0, waiting: [] }));
    if (caller.running < this.max) {
      caller.running += 1;
    } else {
      const c = caller;
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          c.waiting.splice(c.waiting.indexOf(turn), 1);
          reject(new RateLimitedError(1));
        }, this.maxWaitMs);
        c.waiting.push(turn);
      });
      // The slot was handed over by leave(): running already counts it.
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave(key);
    };
  }

  /** Requests of `key` running now (for tests and metrics). */
  running(key: string): number {
    return this.callers.get(key)?.running ?? 0;
  }

  private leave(key: string): void {
    const caller = this.callers.get(key)!;
    const next = caller.waiting.shift();
    if (next) return next(); // the slot passes straight to the next in line
    caller.running -= 1;
    if (caller.running === 0) this.callers.delete(key);
  }
}
