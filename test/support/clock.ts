import { setProgrammeClock } from '../../src/core/calendar';

/** The day after `isoDate` ("YYYY-MM-DD"). */
export function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Runs `step` with the programme's calendar at noon of `isoDate` (China
 * Standard Time), then restores the system clock: how a test lets a public
 * notice run out without rewriting its rows. The server runs in the test's
 * process, so its services read this clock.
 */
export async function onProgrammeDay<T>(isoDate: string, step: () => Promise<T>): Promise<T> {
  setProgrammeClock(() => new Date(`${isoDate}T12:00:00+08:00`));
  try {
    return await step();
  } finally {
    setProgrammeClock(null);
  }
}
