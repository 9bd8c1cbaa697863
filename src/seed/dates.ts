import { Rng } from './random';

/**
 * Calendar arithmetic on whole days (days since 1970-01-01, UTC), which is
 * all the seed needs: certificates, tranches and reports are dated, not timed.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(isoDate: string): Day {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${isoDate}`);
  return ms / MS_PER_DAY;
}

// Formatting dates is a hot path when generating a million rows: memoise it.
const isoCache = new Map<Day, string>();

/** "YYYY-MM-DD". */
export function isoDate(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    if (!Number.isInteger(d)) throw new RangeError(`not a whole day: ${d}`);
    s = new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(d, s);
  }
  return s;
}

const addYearsCache = new Map<number, Day>();

/** The same calendar day `years` later (29 February → 1 March). */
export function addYears(d: Day, years: number): Day {
  const key = d * 256 + years + 128;
  let r = addYearsCache.get(key);
  if (r === undefined) {
    const x = new Date(d * MS_PER_DAY);
    x.setUTCFullYear(x.getUTCFullYear() + years);
    r = Math.round(x.getTime() / MS_PER_DAY);
    addYearsCache.set(key, r);
  }
  return r;
}

export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/**
 * An ISO timestamp during Chinese office hours (09:00–17:30 CST, i.e.
 * 01:00–09:30 UTC) of the given day: audit trails look like people worked them.
 */
export function officeTimestamp(rng: Rng, d: Day): string {
  const seconds = rng.int(3_600, 34_200);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  return `${isoDate(d)}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[sec]}.000Z`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * "Today" for the generated data. Fixed rather than read from the clock, so
 * the same seed gives the same statuses next year too. Chosen after the 2026
 * rules took effect (2026-04-01) and after the 2026 re-reviews of the 2nd and
 * 5th little-giant batches began.
 */
export const REFERENCE_DAY: Day = day('2026-11-20');
