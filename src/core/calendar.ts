/**
 * The programme's calendar: "today" is a day in China Standard Time (UTC+8,
 * no daylight saving), read from one replaceable clock, so every rule that
 * depends on the date agrees on it.
 */

const CST_OFFSET_MS = 8 * 3_600_000;

/** The last answer, for the same second (a page asks once per certification row). */
let lastToday = { second: NaN, date: '' };

const systemClock = (): Date => new Date();
let clock = systemClock;

/**
 * Replaces the programme's clock (null restores the system's). The calendar
 * drives the workflow (a public notice ends, a title lapses), so tests move
 * the clock instead of rewriting rows behind the API's back.
 */
export function setProgrammeClock(now: (() => Date) | null): void {
  clock = now ?? systemClock;
  lastToday = { second: NaN, date: '' };
}

/** Today's date in China Standard Time, "YYYY-MM-DD". */
export function programmeToday(now: Date = clock()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastToday.second) lastToday = { second, date: new Date(second * 1000 + CST_OFFSET_MS).toISOString().slice(0, 10) };
  return lastToday.date;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
